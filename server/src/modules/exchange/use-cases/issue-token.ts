import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { authorize } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangePolicy as P } from '../exchange.policy.js';
import { exchangeRepository as repo } from '../exchange.repository.js';
import { loadDepartment, pullAccount } from '../exchange.shared.js';

/** A new API token for a pull department's account (bound to the department if it was not). */
export async function issueToken(deps: ExchangeDeps, actor: Actor, input: { id: string }, ctx: AuditContext) {
  authorize(actor, P['department.manage']);
  const d = await loadDepartment(deps, input.id);
  if (d.delivery_mode === 'push') throw new AppError('INVALID_STATE');
  const pull = await pullAccount(deps, d.code, d.name, ctx);
  if (d.account_id !== pull.accountId) {
    await deps.db.transaction().execute(async (tx) => {
      await repo.updateDepartment(tx, d.id, d.version, { account_id: pull.accountId }, deps.clock.now());
      await deps.audit.record(tx, ctx, { action: 'exchange.department-bind-account', entityType: 'exchange_department', entityId: d.id, after: { accountId: pull.accountId } });
    });
  }
  return { apiToken: pull.token };
}

import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { authorize, assertInScope } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangePolicy as P } from '../exchange.policy.js';
import { exchangeRepository as repo } from '../exchange.repository.js';
import { presentChange } from '../exchange.presenter.js';
import { applyApproval } from '../exchange.shared.js';

/**
 * A registrar approves a pending change: in one transaction the change is locked, the enterprise is
 * read once (locked, through registry's API) and must be active, the register is updated and the
 * deliveries are queued (see `applyApproval`).
 */
export async function approveChange(deps: ExchangeDeps, actor: Actor, input: { id: string; version?: number }, ctx: AuditContext) {
  authorize(actor, P['change.decide']);
  const row = await deps.db.transaction().execute(async (tx) => {
    const change = await repo.getChange(tx, input.id, true);
    if (!change) throw new AppError('NOT_FOUND');
    assertInScope(actor, { regionCode: change.region_code });
    if (input.version !== undefined && input.version !== change.version) throw new AppError('VERSION_CONFLICT');
    if (change.status !== 'pending') throw new AppError('INVALID_STATE');
    return applyApproval(deps, tx, { change, decider: actor, auto: false }, ctx);
  });
  return presentChange(row, await repo.deliveriesOf(deps.db, input.id));
}

import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { authorize } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { DepartmentCreate } from '../../../../../contracts/exchange.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangePolicy as P } from '../exchange.policy.js';
import { exchangeRepository as repo } from '../exchange.repository.js';
import { presentDepartment } from '../exchange.presenter.js';
import { checkEndpoint, checkMapping, pullAccount } from '../exchange.shared.js';

/** Links a department: its mapping, channel, signing secret (shown once) and, for pull, an API token. */
export async function createDepartment(deps: ExchangeDeps, actor: Actor, input: DepartmentCreate, ctx: AuditContext) {
  authorize(actor, P['department.manage']);
  const mapping = checkMapping(input.mapping);
  checkEndpoint(input.deliveryMode, input.endpointUrl);
  if (await repo.codeExists(deps.db, input.code)) throw new AppError('DUPLICATE', { fields: [{ path: 'code', code: 'DUPLICATE' }] });
  const secret = input.secret ?? deps.crypto.randomToken(32);
  const pull = input.deliveryMode !== 'push' ? await pullAccount(deps, input.code, input.name, ctx) : null;
  const row = await deps.db.transaction().execute(async (tx) => {
    const r = await repo.insertDepartment(tx, {
      code: input.code,
      name: input.name,
      kind: input.kind,
      delivery_mode: input.deliveryMode,
      format: input.format,
      endpoint_url: input.endpointUrl ?? null,
      timeout_ms: input.timeoutMs,
      key_id: `${input.code}-1`,
      secret_enc: deps.crypto.encrypt(secret),
      previous_key_id: null,
      previous_secret_enc: null,
      account_id: pull?.accountId ?? null,
      enabled: input.enabled,
      mapping,
    });
    await deps.audit.record(tx, ctx, { action: 'exchange.department-create', entityType: 'exchange_department', entityId: r.id, after: presentDepartment(r) });
    return r;
  });
  return { ...presentDepartment(row), secret, apiToken: pull?.token ?? null };
}

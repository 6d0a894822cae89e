import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { authorize } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangePolicy as P } from '../exchange.policy.js';
import { exchangeRepository as repo } from '../exchange.repository.js';
import { loadDepartment } from '../exchange.shared.js';

/** New current key; the old one stays valid as "previous" so callbacks signed during the switch pass. */
export async function rotateSecret(deps: ExchangeDeps, actor: Actor, input: { id: string }, ctx: AuditContext) {
  authorize(actor, P['department.manage']);
  const { id } = input;
  const secret = deps.crypto.randomToken(32);
  return deps.db.transaction().execute(async (tx) => {
    const d = await loadDepartment(deps, id, true, tx);
    const n = Number(/-(\d+)$/.exec(d.key_id)?.[1] ?? '1') + 1;
    const keyId = `${d.code}-${n}`;
    const row = await repo.updateDepartment(tx, id, d.version, { key_id: keyId, secret_enc: deps.crypto.encrypt(secret), previous_key_id: d.key_id, previous_secret_enc: d.secret_enc }, deps.clock.now());
    if (!row) throw new AppError('VERSION_CONFLICT');
    await deps.audit.record(tx, ctx, { action: 'exchange.department-rotate-secret', entityType: 'exchange_department', entityId: id, after: { keyId, previousKeyId: d.key_id } });
    deps.caches.departments.delete(id);
    return { keyId: row.key_id, secret, previousKeyId: row.previous_key_id };
  });
}

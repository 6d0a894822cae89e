import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { authorize, assertInScope } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { ChangeFile } from '../../../../../contracts/exchange.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangePolicy as P } from '../exchange.policy.js';
import { exchangeRepository as repo } from '../exchange.repository.js';
import { presentChange } from '../exchange.presenter.js';
import { applyApproval, assertActive, settingsOf, storeItems } from '../exchange.shared.js';
import { diffItems, isAutomatic, kindsOf } from '../domain/rules.js';
import { EXCHANGE_TEXTS } from '../domain/texts.js';

/**
 * A business files a registration change once. Kinds the settings call low-risk are approved at
 * once (in the same transaction); the rest wait for a registrar. A repeated idempotency key returns
 * the first filing.
 */
export async function fileChange(deps: ExchangeDeps, actor: Actor, input: ChangeFile, ctx: AuditContext) {
  authorize(actor, P['change.file']);
  const code = input.creditCode.trim().toUpperCase();
  assertInScope(actor, { creditCode: code });
  const filedBy = actor.id!;
  if (input.idempotencyKey) {
    const existing = await repo.changeByKey(deps.db, filedBy, input.idempotencyKey);
    if (existing) return { change: presentChange(existing), replayed: true };
  }
  const e = await deps.registry.findEnterprise(deps.db, code);
  if (!e) throw new AppError('NOT_FOUND');
  assertActive(e);
  const items = diffItems({ ...e }, input.items);
  if (!Object.keys(items).length) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'items', code: 'NO_CHANGE', text: EXCHANGE_TEXTS.noChange }] });
  const kinds = kindsOf(items);
  const automatic = isAutomatic(kinds, await settingsOf(deps));
  try {
    const row = await deps.db.transaction().execute(async (tx) => {
      const change = await repo.insertChange(tx, {
        credit_code: e.creditCode,
        enterprise_name: e.name,
        region_code: e.regionCode,
        filed_by: filedBy,
        idempotency_key: input.idempotencyKey ?? null,
        contact_phone_enc: input.contactPhone ? deps.crypto.encrypt(input.contactPhone) : null,
        items: storeItems(deps, items),
        kinds,
        status: 'pending',
        filed_at: deps.clock.now(),
      });
      await deps.audit.record(tx, ctx, { action: 'exchange.change-file', entityType: 'exchange_change', entityId: change.id, after: presentChange(change) });
      return automatic ? applyApproval(deps, tx, { change, decider: null, auto: true }, ctx) : change;
    });
    return { change: presentChange(row, await repo.deliveriesOf(deps.db, row.id)), replayed: false };
  } catch (err) {
    // Two submissions with the same key raced: the second one returns the first.
    if (isUniqueViolation(err) && input.idempotencyKey) {
      const existing = await repo.changeByKey(deps.db, filedBy, input.idempotencyKey);
      if (existing) return { change: presentChange(existing), replayed: true };
    }
    throw err;
  }
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === '23505';
}

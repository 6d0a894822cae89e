import { CREDIT_SYNC_QUEUED } from '../../../../../contracts/events.js';
import { creditRepository as repo } from '../credit.repository.js';
import type { CreditDeps } from '../deps.js';

/**
 * Job (and the officer's "retry"): syncs still failed — the outbox gave up on a system that stayed
 * down — are queued again, so a repair or expiry always reaches both systems once they are back.
 * A sync sent twice is harmless: the systems apply a serial number once and confirmation is idempotent.
 */
export async function requeueFailedSyncs(deps: CreditDeps, only?: string): Promise<number> {
  const failed = await repo.failedSyncs(deps.db, only);
  await deps.db.transaction().execute(async (tx) => {
    for (const s of failed) await deps.outbox.append(tx, CREDIT_SYNC_QUEUED, { syncId: s.id }, { orderingKey: `${s.system}:${s.record_id}` });
  });
  return failed.length;
}

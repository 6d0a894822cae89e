import { creditRepository as repo } from '../credit.repository.js';
import type { CreditDeps } from '../deps.js';
import { recomputeFor } from './compute-risk-classes.js';
import { queueSyncs } from './queue-syncs.js';

/**
 * Job: publicity ends by itself at the maximum period (Order 45 art. 13; NDRC 2023): the record is
 * expired here at once and both national systems are told through the outbox.
 */
export async function expirePublicity(deps: CreditDeps, batch = 200): Promise<number> {
  const today = deps.clock.today();
  let total = 0;
  for (;;) {
    const due = await repo.dueForExpiry(deps.db, today, batch);
    if (!due.length) return total;
    for (const r of due) {
      await deps.db.transaction().execute(async (tx) => {
        const fresh = await repo.getRecord(tx, r.id, true);
        if (!fresh || fresh.status !== 'published') return;
        await repo.updateRecord(tx, r.id, { status: 'expired', status_on: today });
        await deps.audit.record(tx, { actorName: 'credit.expire-publicity' }, { action: 'credit.record.expire', entityType: 'credit-record', entityId: r.id, before: { status: 'published' }, after: { status: 'expired', endsOn: r.ends_on } });
        await queueSyncs(deps, tx, { ...fresh, status: 'expired', status_on: today }, null, 'expire');
        await recomputeFor(deps, tx, r.credit_code, r.region_code);
      });
      total++;
    }
  }
}

import type { EventPayload, ENFORCEMENT_PENALTY_WITHDRAWN } from '../../../../../contracts/events.js';
import { creditRepository as repo } from '../credit.repository.js';
import type { CreditDeps } from '../deps.js';
import { recomputeFor } from './compute-risk-classes.js';

/** enforcement.penalty-withdrawn (decision revoked) → the record leaves publicity; the risk class is recomputed. */
export async function withdrawPenalty(deps: CreditDeps, p: EventPayload<typeof ENFORCEMENT_PENALTY_WITHDRAWN>): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const r = await repo.findRecordBySource(tx, 'penalty', p.caseId);
    if (!r || r.status === 'withdrawn') return;
    await repo.updateRecord(tx, r.id, { status: 'withdrawn', status_on: p.withdrawnOn });
    await deps.audit.record(tx, { actorName: 'enforcement.penalty-withdrawn' }, { action: 'credit.record.withdraw', entityType: 'credit-record', entityId: r.id, before: { status: r.status }, after: { status: 'withdrawn', reason: p.reason } });
    await recomputeFor(deps, tx, r.credit_code, r.region_code);
  });
}

import type { TypedDbOrTx } from '../../../platform/db/database.js';
import { CREDIT_SYNC_QUEUED } from '../../../../../contracts/events.js';
import { creditRepository as repo } from '../credit.repository.js';
import type { RecordRow } from '../credit.rows.js';
import type { CreditDeps } from '../deps.js';

/** One sync per national system for a record's repair or expiry, each pushed through the outbox (retried, visible). */
export async function queueSyncs(deps: CreditDeps, tx: TypedDbOrTx, record: RecordRow, applicationId: string | null, action: 'repair' | 'expire', only?: ('gsxt' | 'ccn')[]) {
  const systems = only ?? (['gsxt', 'ccn'] as const);
  for (const system of systems) {
    const s = await repo.insertSync(tx, { record_id: record.id, application_id: applicationId, system, action });
    await deps.outbox.append(tx, CREDIT_SYNC_QUEUED, { syncId: s.id }, { orderingKey: `${system}:${record.id}` });
  }
  await repo.updateRecord(tx, record.id, { ...(systems.includes('gsxt') ? { gsxt_state: 'pending' } : {}), ...(systems.includes('ccn') ? { ccn_state: 'pending' } : {}) });
}

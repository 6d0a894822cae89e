import { AppError } from '../../../platform/errors/app-error.js';
import { creditRepository as repo } from '../credit.repository.js';
import { noticeSigningString, verifyBody } from '../domain/wire.js';
import type { CreditDeps } from '../deps.js';
import { confirmSync } from './push-to-system.js';
import { queueSyncs } from './queue-syncs.js';

/**
 * Mutual recognition: 信用中国 tells us (signed) that it repaired one of our penalty records. The
 * notice counts as 信用中国's confirmation; the repair is then pushed to GSXT, and the record is
 * repaired here once GSXT confirms too. Each notice is applied once.
 */
export async function receiveInboundNotice(deps: CreditDeps, input: { timestamp: string; signature: string; notice: { noticeId: string; creditCode: string; documentNo: string; repairedOn: string } }) {
  const system = await repo.system(deps.db, 'ccn');
  if (!system || !verifyBody(system.secret, input.timestamp, noticeSigningString(input.notice), input.signature)) throw new AppError('UNAUTHENTICATED');
  const n = input.notice;
  const record = await repo.findPenaltyByDocument(deps.db, n.creditCode, n.documentNo);
  const syncId = await deps.db.transaction().execute(async (tx) => {
    const first = await repo.noteInbound(tx, n.noticeId, record?.id ?? null, deps.clock.now());
    if (!first || !record || record.status !== 'published') return null;
    await deps.audit.record(tx, { actorName: '信用中国' }, { action: 'credit.mutual-recognition', entityType: 'credit-record', entityId: record.id, after: { noticeId: n.noticeId, repairedOn: n.repairedOn } });
    const ccn = await repo.insertSync(tx, { record_id: record.id, application_id: null, system: 'ccn', action: 'repair' });
    await queueSyncs(deps, tx, record, null, 'repair', ['gsxt']);
    return ccn.id;
  });
  if (syncId) await confirmSync(deps, syncId, `CCN-NOTICE-${n.noticeId}`);
  return { applied: !!syncId, recordFound: !!record };
}

import { AppError } from '../../../platform/errors/app-error.js';
import type { TypedTx } from '../../../platform/db/database.js';
import { localize } from '../../../platform/i18n/i18n.js';
import { CREDIT_PENALTY_REPAIRED } from '../../../../../contracts/events.js';
import { creditRepository as repo } from '../credit.repository.js';
import type { RecordRow } from '../credit.rows.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, encode, parseAck, signBody } from '../domain/wire.js';
import { NOTICE } from '../domain/texts.js';
import type { CreditDeps } from '../deps.js';
import { recomputeFor } from './compute-risk-classes.js';
import { tellApplicant } from './shared.js';

/**
 * The outbox handler of CREDIT_SYNC_QUEUED: sends one record's repair or expiry to one national
 * system in that system's format, signed, and records the acknowledgement. A failure is recorded
 * on the sync (visible to the business and staff) and rethrown, so the outbox retries with backoff;
 * `requeue-failed-syncs` re-queues dead letters, so a system that is down never loses the repair.
 */
export async function pushToSystem(deps: CreditDeps, input: { syncId: string }): Promise<void> {
  const sync = await repo.getSync(deps.db, input.syncId);
  if (!sync || sync.state === 'confirmed') return;
  const record = await repo.getRecord(deps.db, sync.record_id);
  if (!record) return;
  const system = await repo.system(deps.db, sync.system);
  const body = encode(sync.system, {
    syncId: sync.id,
    action: sync.action,
    creditCode: record.credit_code,
    documentNo: record.document_no,
    recordKind: record.kind,
    on: record.status_on ?? deps.clock.today(),
    office: record.issuing_office,
  });
  let reference: string | null = null;
  let error: string | null = null;
  if (!system?.endpoint_url) error = 'no endpoint configured';
  else {
    try {
      const ts = String(deps.clock.now().getTime());
      const res = await deps.http(system.endpoint_url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TIMESTAMP_HEADER]: ts, [SIGNATURE_HEADER]: signBody(system.secret, ts, body) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      const text = await res.text();
      reference = parseAck(sync.system, res.status, text);
      if (!reference) error = `HTTP ${res.status}: ${text.slice(0, 200)}`;
    } catch (e) {
      error = (e as Error).message;
    }
  }
  if (!reference) {
    await deps.db.transaction().execute(async (tx) => {
      await repo.updateSync(tx, sync.id, { state: 'failed', attempts: sync.attempts + 1, last_error: error });
      await repo.updateRecord(tx, record.id, sync.system === 'gsxt' ? { gsxt_state: 'failed' } : { ccn_state: 'failed' });
    });
    throw new AppError('SERVICE_UNAVAILABLE', { text: { 'zh-CN': `${sync.system} 未确认：${error}`, 'zh-TW': `${sync.system} 未確認：${error}`, en: `${sync.system} did not acknowledge: ${error}` } });
  }
  await confirmSync(deps, sync.id, reference);
}

/** Records one system's confirmation; when both confirm a repair, the record is repaired (and only then). */
export async function confirmSync(deps: CreditDeps, syncId: string, reference: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const sync = await repo.getSync(tx, syncId, true);
    if (!sync || sync.state === 'confirmed') return;
    const record = await repo.getRecord(tx, sync.record_id, true);
    if (!record) return;
    await repo.updateSync(tx, sync.id, { state: 'confirmed', attempts: sync.attempts + 1, reference, last_error: null, confirmed_at: deps.clock.now() });
    const state = sync.action === 'repair' ? 'repaired' : 'expired';
    await repo.updateRecord(tx, record.id, sync.system === 'gsxt' ? { gsxt_state: state } : { ccn_state: state });
    const all = (await repo.syncsOf(tx, [record.id])).filter((s) => s.action === sync.action);
    const both = (['gsxt', 'ccn'] as const).every((sys) => all.some((s) => s.system === sys && s.state === 'confirmed'));
    if (both && sync.action === 'repair') await finishRepair(deps, tx, record, sync.application_id);
  });
}

async function finishRepair(deps: CreditDeps, tx: TypedTx, record: RecordRow, applicationId: string | null) {
  if (record.status !== 'published') return;
  const today = deps.clock.today();
  await repo.updateRecord(tx, record.id, { status: 'repaired', status_on: today });
  await deps.audit.record(tx, { actorName: 'credit.sync' }, { action: 'credit.record.repaired', entityType: 'credit-record', entityId: record.id, before: { status: record.status }, after: { status: 'repaired', applicationId } });
  if (applicationId) {
    const a = await repo.getApplication(tx, applicationId, true);
    if (a && a.status === 'approved') {
      await repo.updateApplication(tx, a.id, { status: 'repaired', repaired_on: today }, { at: deps.clock.now().toISOString(), step: 'repaired', by: null, note: null });
      const text = localize(NOTICE.repaired, 'zh-CN');
      await tellApplicant(deps, tx, a, text, text);
    }
  }
  if (record.kind === 'penalty') {
    await deps.outbox.append(
      tx,
      CREDIT_PENALTY_REPAIRED,
      { caseId: record.source_ref, caseNo: record.case_no ?? '', creditCode: record.credit_code, regionCode: record.region_code, repairedOn: today, applicationId: applicationId ?? '' },
      { orderingKey: record.credit_code },
    );
  }
  await recomputeFor(deps, tx, record.credit_code, record.region_code);
}

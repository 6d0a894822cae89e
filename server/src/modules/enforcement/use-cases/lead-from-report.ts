import type { COMPLAINTS_REPORT_ACCEPTED, EventPayload } from '../../../../../contracts/events.js';
import { onceInTransaction } from '../../../platform/outbox/outbox.js';
import { enforcementRepository as repo } from '../enforcement.repository.js';
import type { EnforcementDeps } from '../deps.js';
import { insertLead } from './shared.js';

export interface LeadFromReportInput {
  eventId: string;
  payload: EventPayload<typeof COMPLAINTS_REPORT_ACCEPTED>;
}

/**
 * The outbox handler of `complaints.report-accepted` (declared in contracts/events.ts): a report
 * accepted by the complaints module becomes a lead, once per event id.
 */
export async function leadFromReport(deps: EnforcementDeps, input: LeadFromReportInput): Promise<void> {
  const { eventId, payload } = input;
  const str = (v: string | null | undefined) => v?.trim() || undefined;
  const code = str(payload.respondentCreditCode);
  const e = code ? await deps.registry.findByCode(code) : null;
  const region = str(payload.regionCode) ?? e?.regionCode;
  if (!region) {
    deps.log.warn({ eventId }, 'enforcement: report without a region ignored');
    return;
  }
  await onceInTransaction(deps.db, 'enforcement.lead-from-report', eventId, async (tx) => {
    if (await repo.caseBySourceEvent(tx, eventId)) return;
    const created = await insertLead(deps, tx, {
      source: 'complaint_report',
      source_ref: str(payload.trackingNo) ?? str(payload.complaintId) ?? null,
      source_event_id: eventId,
      region_code: region,
      credit_code: e?.creditCode ?? null,
      party_name: str(payload.respondentName) ?? e?.name ?? '未知当事人',
      party_kind: 'organisation',
      summary: (str(payload.facts) ?? '投诉举报线索').slice(0, 4000),
    });
    await repo.insertStep(tx, { case_id: created.id, kind: 'lead', recorded_at: deps.clock.now(), actor_id: null, actor_name: 'system', data: { source: 'complaint_report', eventId } });
    await deps.audit.record(tx, { actorName: 'system' }, { action: 'enforcement.lead.from-report', entityType: 'enforcement_case', entityId: created.id, after: { caseNo: created.case_no, eventId } });
  });
}

import type { INSPECTIONS_FINDING_RECORDED, EventPayload } from '../../../../../contracts/events.js';
import { onceInTransaction } from '../../../platform/outbox/outbox.js';
import { enforcementRepository as repo } from '../enforcement.repository.js';
import type { EnforcementDeps } from '../deps.js';
import { insertLead } from './shared.js';

export interface LeadFromInspectionInput {
  eventId: string;
  payload: EventPayload<typeof INSPECTIONS_FINDING_RECORDED>;
}

/**
 * The outbox handler of `inspections.finding-recorded` (declared in contracts/events.ts): a random
 * inspection's finding becomes a lead, once per event id.
 */
export async function leadFromInspection(deps: EnforcementDeps, input: LeadFromInspectionInput): Promise<void> {
  const { eventId, payload } = input;
  await onceInTransaction(deps.db, 'enforcement.lead-from-inspection', eventId, async (tx) => {
    if (await repo.caseBySourceEvent(tx, eventId)) return;
    const facts = payload.items.map((i) => `${i.name}（${i.legalBasis}）${i.note ? `：${i.note}` : ''}`).join('；');
    const created = await insertLead(deps, tx, {
      source: 'inspection',
      source_ref: payload.taskNos.join(',').slice(0, 100) || payload.visitId,
      source_event_id: eventId,
      region_code: payload.regionCode,
      credit_code: payload.creditCode,
      party_name: payload.partyName,
      party_kind: 'organisation',
      summary: `双随机抽查发现问题：${facts}`.slice(0, 4000),
    });
    await repo.insertStep(tx, { case_id: created.id, kind: 'lead', recorded_at: deps.clock.now(), actor_id: null, actor_name: 'system', data: { source: 'inspection', eventId } });
    await deps.audit.record(tx, { actorName: 'system' }, { action: 'enforcement.lead.from-inspection', entityType: 'enforcement_case', entityId: created.id, after: { caseNo: created.case_no, eventId } });
  });
}

import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { coversRegion, getRegion, mayMoveRegion } from '../../registry/index.js';
import { routingRepository as routing } from '../complaints.repository.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import { COMPLAINT_ERRORS, SMS_LOCALE, complaintText } from '../domain/texts.js';
import type { ComplaintsDeps } from '../deps.js';
import { addTimelineEntry, changeComplaint, requireStatus } from './shared.js';
import { CITY_INTAKE } from './route-complaint.js';

export interface RerouteInput {
  id: string;
  version: number;
  /** The district (or other region of the table) it goes to; absent keeps the region. */
  regionCode?: string;
  /** The handling unit (department or industry committee); null clears it, absent keeps it. */
  unitId?: string | null;
  reason: string;
}

/**
 * The director re-routes a complaint not yet in mediation: another region (both within the
 * director's jurisdiction) and/or another handling unit, with a reason; audited, on the timeline,
 * the city-intake obligation fulfilled, the mediators of the new region told.
 */
export async function rerouteComplaint(deps: ComplaintsDeps, actor: Actor, input: RerouteInput, ctx: AuditContext) {
  authorize(actor, P['complaint.reroute']);
  if (input.regionCode !== undefined && !getRegion(input.regionCode)) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'regionCode', code: 'REGION_UNKNOWN', text: COMPLAINT_ERRORS.regionUnknown }] });
  }
  const unit = input.unitId ? await routing.unit(deps.db, input.unitId) : null;
  if (input.unitId && !unit) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'unitId', code: 'UNIT_UNKNOWN', text: COMPLAINT_ERRORS.ruleUnit }] });
  const jurisdiction = actor.kind === 'staff' ? actor.jurisdiction : null;
  return changeComplaint(deps, actor, { id: input.id, version: input.version, ctx, action: 'complaint.reroute' }, async (_tx, row) => {
    requireStatus(row, 'received', 'accepted');
    const region = input.regionCode ?? row.region_code;
    const unitId = input.unitId === undefined ? row.handling_unit_id : input.unitId;
    if (region === row.region_code && unitId === row.handling_unit_id) throw new AppError('RULE_VIOLATION', { text: COMPLAINT_ERRORS.noChange });
    if (region !== row.region_code && !mayMoveRegion(jurisdiction, row.region_code ?? '', region ?? '')) throw new AppError('FORBIDDEN');
    return { region_code: region, handling_unit_id: unitId, routed_by: 'manual' };
  }, async (tx, row, before) => {
    await addTimelineEntry(deps, tx, row.id, 'rerouted', actor, input.reason, {
      data: { from: { regionCode: before.region_code, unitId: before.handling_unit_id }, to: { regionCode: row.region_code, unitId: row.handling_unit_id } },
    });
    await deps.obligations.fulfilFor(tx, CITY_INTAKE, 'complaints.complaint', row.id, actor.id, input.reason);
    if (row.region_code === before.region_code) return;
    const values = { trackingNo: row.tracking_no, respondent: row.respondent_name, reason: input.reason };
    for (const m of await routing.staffWithRoles(tx, ['mediator'])) {
      if (m.jurisdiction === null || !coversRegion(m.jurisdiction, row.region_code)) continue;
      await deps.notifier.notify(tx, { accountId: m.id, title: complaintText('rerouted.title', SMS_LOCALE), body: complaintText('rerouted.body', SMS_LOCALE, values), link: `/staff/complaints/${row.id}` });
    }
  });
}

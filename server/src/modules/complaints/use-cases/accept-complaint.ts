import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { COMPLAINTS_REPORT_ACCEPTED } from '../../../../../contracts/events.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import { SMS_LOCALE, complaintText } from '../domain/texts.js';
import { mediationDueText, mediationLimit } from '../domain/deadlines.js';
import type { ComplaintsDeps } from '../deps.js';
import { addTimelineEntry, changeComplaint, requireStatus, tellConsumer, workingDaysAfter } from './shared.js';

/**
 * Accept (art. 14). A complaint starts its 45-working-day mediation limit (art. 21); a report
 * becomes an enforcement lead (outbox `complaints.report-accepted`). The consumer is told by SMS.
 */
export async function acceptComplaint(deps: ComplaintsDeps, actor: Actor, input: { id: string; version: number }, ctx: AuditContext) {
  authorize(actor, P['complaint.decide']);
  return changeComplaint(deps, actor, { ...input, ctx, action: 'complaint.accept' }, async (_tx, row) => {
    requireStatus(row, 'received');
    const today = deps.clock.today();
    if (row.kind === 'report') return { status: 'forwarded', accepted_on: today, accepted_at: deps.clock.now() };
    return { status: 'accepted', accepted_on: today, accepted_at: deps.clock.now(), mediation_due: workingDaysAfter(deps, today, mediationLimit(deps.timeLimits).days) };
  }, async (tx, row) => {
    await addTimelineEntry(deps, tx, row.id, 'accepted', actor);
    if (row.kind === 'report') {
      await deps.outbox.append(tx, COMPLAINTS_REPORT_ACCEPTED, {
        complaintId: row.id,
        trackingNo: row.tracking_no,
        regionCode: row.region_code,
        respondentCreditCode: row.respondent_credit_code,
        respondentName: row.respondent_name,
        respondentAddress: row.respondent_address,
        facts: row.facts,
        receivedOn: row.received_on,
        acceptedOn: row.accepted_on!,
      }, { orderingKey: row.id });
      await tellConsumer(deps, tx, row, complaintText('accept.report.title', SMS_LOCALE), complaintText('accept.report.body', SMS_LOCALE));
    } else {
      const due = mediationDueText(deps.calendar(), row, SMS_LOCALE, deps.timeLimits);
      await tellConsumer(deps, tx, row, complaintText('accept.complaint.title', SMS_LOCALE), complaintText('accept.complaint.body', SMS_LOCALE, { due }));
    }
  });
}

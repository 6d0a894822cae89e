import type { TypedDbOrTx } from '../../../platform/db/database.js';
import type { ComplaintRow } from '../complaints.repository.js';
import type { ComplaintsDeps } from '../deps.js';
import { SMS_LOCALE, complaintText } from '../domain/texts.js';

/** The obligation kind of the follow-up visit (回访) after a concluded mediation. */
export const MEDIATION_FOLLOW_UP = 'complaints.mediation-follow-up';

/**
 * Working days after the conclusion within which the mediator follows up with the consumer
 * (回访). [UNVERIFIED] a local-practice default, not a national number: the bureau confirms it.
 */
export const FOLLOW_UP_WORKING_DAYS = 10;

/** Schedules the follow-up visit of a concluded mediation as a tracked obligation of its mediator. */
export async function trackMediationFollowUp(deps: Pick<ComplaintsDeps, 'obligations' | 'calendar' | 'clock'>, tx: TypedDbOrTx, row: ComplaintRow): Promise<void> {
  await deps.obligations.track(tx, {
    kind: MEDIATION_FOLLOW_UP,
    subjectType: 'complaints.complaint',
    subjectId: row.id,
    title: complaintText('follow-up.title', SMS_LOCALE, { trackingNo: row.tracking_no, respondent: row.respondent_name }),
    link: `/staff/complaints/${row.id}`,
    ownerId: row.mediator_id,
    regionCode: row.region_code,
    dueOn: deps.calendar().addWorkingDays(row.concluded_on ?? deps.clock.today(), FOLLOW_UP_WORKING_DAYS),
  });
}

/**
 * Telling the respondent the outcome (SAMR Order No. 20 art. 21: both parties are told within
 * 7 working days). Concluding tracks it as the mediator's obligation; the outbox consumer of
 * `complaints.mediation-concluded` delivers it — an in-app (portal) notice to each business account
 * bound to the respondent's credit code, else an SMS to the respondent's mobile — and then fulfils
 * the obligation. With neither, the obligation stays open for the mediator (phone or letter).
 */
import type { TypedDbOrTx } from '../../../platform/db/database.js';
import type { COMPLAINTS_MEDIATION_CONCLUDED, EventPayload } from '../../../../../contracts/events.js';
import { complaintsRepository as repo, routingRepository as routing, type ComplaintRow } from '../complaints.repository.js';
import { terminationNoticeLimit } from '../domain/deadlines.js';
import { SMS_LOCALE, complaintText } from '../domain/texts.js';
import { groundLabel } from '../complaints.presenter.js';
import type { ComplaintsDeps } from '../deps.js';
import { addTimelineEntry, workingDaysAfter } from './shared.js';

/** The obligation kind of telling the respondent the outcome. */
export const RESPONDENT_NOTICE = 'complaints.respondent-notice';

export async function trackRespondentNotice(deps: Pick<ComplaintsDeps, 'obligations' | 'calendar' | 'clock' | 'timeLimits'>, tx: TypedDbOrTx, row: ComplaintRow): Promise<void> {
  const concluded = row.concluded_on ?? deps.clock.today();
  await deps.obligations.track(tx, {
    kind: RESPONDENT_NOTICE,
    subjectType: 'complaints.complaint',
    subjectId: row.id,
    title: complaintText('respondent-notice.title', SMS_LOCALE, { trackingNo: row.tracking_no, respondent: row.respondent_name }),
    link: `/staff/complaints/${row.id}`,
    ownerId: row.mediator_id,
    regionCode: row.region_code,
    dueOn: workingDaysAfter(deps, concluded, terminationNoticeLimit(deps.timeLimits).days) ?? concluded,
  });
}

function outcomeText(row: ComplaintRow): string {
  if (row.outcome === 'terminated') return complaintText('conclude.terminated', SMS_LOCALE, { ground: groundLabel('termination', row.termination_ground, SMS_LOCALE) ?? '' });
  return complaintText(row.outcome === 'agreement' ? 'conclude.agreement' : 'conclude.no_agreement', SMS_LOCALE);
}

/** The outbox consumer: delivers the notice once per conclusion. */
export async function notifyRespondent(deps: ComplaintsDeps, payload: EventPayload<typeof COMPLAINTS_MEDIATION_CONCLUDED>): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const row = await repo.getForUpdate(tx, payload.complaintId);
    // Reopened since, or already told about this conclusion: nothing to do.
    if (!row || row.status !== 'closed' || !row.concluded_at) return;
    if (row.respondent_notified_at && row.respondent_notified_at >= row.concluded_at) return;
    const title = complaintText('respondent.title', SMS_LOCALE);
    const body = complaintText('respondent.body', SMS_LOCALE, { respondent: row.respondent_name, trackingNo: row.tracking_no, outcome: outcomeText(row) });
    const accounts = row.respondent_credit_code ? await routing.businessAccounts(tx, row.respondent_credit_code) : [];
    let channel: 'portal' | 'sms' | null = null;
    if (accounts.length) {
      for (const accountId of accounts) await deps.notifier.notify(tx, { accountId, title, body });
      channel = 'portal';
    } else if (row.respondent_phone_enc) {
      await deps.notifier.notify(tx, { phone: deps.crypto.decrypt(row.respondent_phone_enc), title, body });
      channel = 'sms';
    }
    if (!channel) {
      await addTimelineEntry(deps, tx, row.id, 'respondent-notice-pending', null, complaintText('respondent-notice.no-channel', SMS_LOCALE));
      return;
    }
    await repo.markRespondentNotified(tx, row.id, deps.clock.now());
    await addTimelineEntry(deps, tx, row.id, 'respondent-notified', null, body, { data: { channel, accounts: accounts.length } });
    await deps.obligations.fulfilFor(tx, RESPONDENT_NOTICE, 'complaints.complaint', row.id, null, channel);
    await deps.audit.record(tx, { actorName: 'system' }, { action: 'complaint.respondent-notified', entityType: 'complaint', entityId: row.id, after: { channel } });
  });
}

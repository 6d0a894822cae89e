import { formatDue } from '../../../platform/calendar/index.js';
import { complaintsRepository as repo } from '../complaints.repository.js';
import { ALERT_WORKING_DAYS } from '../domain/rules.js';
import { mediationLimit } from '../domain/deadlines.js';
import { SMS_LOCALE, complaintText } from '../domain/texts.js';
import type { ComplaintsDeps } from '../deps.js';
import { addTimelineEntry, workingDaysAfter } from './shared.js';

/**
 * The module job: an in-app alert to each mediator whose mediation limit is within
 * ALERT_WORKING_DAYS (or passed), once per deadline; answers how many cases were due an alert.
 */
export async function alertDeadlines(deps: ComplaintsDeps): Promise<number> {
  const today = deps.clock.today();
  const threshold = workingDaysAfter(deps, today, ALERT_WORKING_DAYS) ?? '9999-12-31';
  const limit = mediationLimit(deps.timeLimits);
  const rows = await repo.mediationsToAlert(deps.db, threshold);
  for (const row of rows) {
    const due = row.mediation_due;
    if (!due) continue;
    await deps.db.transaction().execute(async (tx) => {
      if (!(await repo.markAlerted(tx, row.id, due))) return;
      if (row.mediator_id) {
        await deps.notifier.notify(tx, {
          accountId: row.mediator_id,
          title: complaintText(due < today ? 'alert.title.overdue' : 'alert.title.near', SMS_LOCALE),
          body: complaintText('alert.body', SMS_LOCALE, { trackingNo: row.tracking_no, due: formatDue(deps.calendar(), due, row.accepted_on), days: limit.days, article: limit.citation.article }),
          link: `/staff/complaints/${row.id}`,
        });
      }
      await addTimelineEntry(deps, tx, row.id, 'deadline-alert', null, due);
    });
  }
  return rows.length;
}

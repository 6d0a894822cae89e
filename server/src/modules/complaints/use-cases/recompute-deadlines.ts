import type { TypedDbOrTx } from '../../../platform/db/database.js';
import { formatDue, type WorkCalendar } from '../../../platform/calendar/index.js';
import { complaintsRepository as repo } from '../complaints.repository.js';
import { mediationDueFrom } from '../domain/deadlines.js';
import { SMS_LOCALE, complaintText } from '../domain/texts.js';
import type { ComplaintsDeps } from '../deps.js';
import { addTimelineEntry, tellConsumer } from './shared.js';

/**
 * Recomputes the mediation deadline (the limit from acceptance plus the paused working days,
 * 第二十一条) of every open complaint on a changed calendar. Each complaint whose date moved gets a
 * timeline entry, its mediator one in-app notice and the consumer (who was told the date) one SMS.
 * Closed complaints are never touched. Idempotent: on the same calendar nothing moves.
 */
export async function recomputeDeadlines(deps: ComplaintsDeps, tx: TypedDbOrTx, cal: WorkCalendar): Promise<{ checked: number; moved: number }> {
  const rows = await repo.openMediations(tx);
  let moved = 0;
  for (const row of rows) {
    const due = mediationDueFrom(cal, row.accepted_on!, row.paused_working_days, deps.timeLimits);
    if (due === row.mediation_due) continue;
    moved += 1;
    await repo.setMediationDue(tx, row.id, due);
    const text = formatDue(cal, due, row.accepted_on);
    await addTimelineEntry(deps, tx, row.id, 'deadline-recomputed', null, `${row.mediation_due ?? '—'} → ${text}`, { data: { from: row.mediation_due, to: due } });
    if (row.mediator_id) {
      const body = complaintText('deadline-moved.mediator.body', SMS_LOCALE, { trackingNo: row.tracking_no, due: text, before: row.mediation_due ?? complaintText('due.unset', SMS_LOCALE) });
      await deps.notifier.notify(tx, { accountId: row.mediator_id, title: complaintText('deadline-moved.mediator.title', SMS_LOCALE), body, link: `/staff/complaints/${row.id}` });
    }
    await tellConsumer(deps, tx, row, complaintText('deadline-moved.consumer.title', SMS_LOCALE), complaintText('deadline-moved.consumer.body', SMS_LOCALE, { due: text }));
  }
  return { checked: rows.length, moved };
}

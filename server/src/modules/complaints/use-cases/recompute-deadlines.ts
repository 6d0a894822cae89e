import type { DbOrTx } from '../../../platform/db/database.js';
import { formatDue, getTimeLimit, type WorkCalendar } from '../../../platform/calendar/index.js';
import type { ComplaintRow } from '../complaints.repository.js';

/**
 * Recomputes the mediation deadline (45 working days from acceptance plus the paused working days,
 * 第二十一条) of every open complaint on a changed calendar. Each complaint whose date moved gets a
 * timeline entry, its mediator one in-app notice and the consumer (who was told the date) one SMS.
 * Closed complaints are never touched. Idempotent: on the same calendar nothing moves.
 */
export function complaintDeadlineRecompute(deps: {
  entry: (tx: DbOrTx, id: string, kind: string, note: string, data: unknown) => Promise<void>;
  notifyMediator: (tx: DbOrTx, row: ComplaintRow, title: string, body: string) => Promise<void>;
  tellConsumer: (tx: DbOrTx, row: ComplaintRow, title: string, body: string) => Promise<void>;
}) {
  return async (tx: DbOrTx, cal: WorkCalendar) => {
    const rows = (await tx
      .selectFrom('complaints.complaint')
      .selectAll()
      .where('status', 'in', ['accepted', 'mediating'])
      .where('accepted_on', 'is not', null)
      .execute()) as ComplaintRow[];
    let moved = 0;
    for (const row of rows) {
      const due = cal.addWorkingDays(row.accepted_on!, getTimeLimit('complaint.mediation').days + row.paused_working_days);
      if (due === row.mediation_due) continue;
      moved += 1;
      await tx.updateTable('complaints.complaint').set({ mediation_due: due, alerted_due: null }).where('id', '=', row.id).execute();
      const text = formatDue(cal, due, row.accepted_on);
      await deps.entry(tx, row.id, 'deadline-recomputed', `${row.mediation_due ?? '—'} → ${text}`, { from: row.mediation_due, to: due });
      await deps.notifyMediator(tx, row, '调解期限已更正', `投诉 ${row.tracking_no} 的调解期限按新的放假安排更正为 ${text}（原为 ${row.mediation_due ?? '未定'}）`);
      await deps.tellConsumer(tx, row, '调解期限更正', `根据国务院办公厅公布的放假安排，您的投诉调解期限更正为 ${text}`);
    }
    return { checked: rows.length, moved };
  };
}

import type { IsoDate, WorkCalendar } from '../../calendar/index.js';

/** Working days before the due date from which an open obligation is "due soon" and alerted. */
export const ALERT_WORKING_DAYS = 2;

export type ObligationState = 'fulfilled' | 'cancelled' | 'overdue' | 'due-soon' | 'open';

/**
 * Where an obligation stands today (pure): overdue after its due date, due soon from
 * `ALERT_WORKING_DAYS` working days before it (the due day included).
 */
export function obligationState(
  o: { status: 'open' | 'fulfilled' | 'cancelled'; due_on: IsoDate },
  cal: Pick<WorkCalendar, 'countWorkingDays'>,
  today: IsoDate,
): ObligationState {
  if (o.status !== 'open') return o.status;
  if (o.due_on < today) return 'overdue';
  return cal.countWorkingDays(today, o.due_on) <= ALERT_WORKING_DAYS ? 'due-soon' : 'open';
}

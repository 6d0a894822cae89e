import { parseIsoDate, type DeadlineRule, type IsoDate, type WorkCalendar } from './work-calendar.js';

/**
 * A computed deadline and what it stands on (pure).
 *
 * A date computed over a year whose State Council notice is not loaded yet is computed on the
 * predicted schedule (holiday-predictor.ts) and is `provisional`, with the predicted years it
 * depends on. Whether a stored date is provisional is derived from the date and the calendar in
 * force (`provisionality`), so it cannot go stale when the year's notice is loaded.
 */
export interface Deadline {
  due: IsoDate;
  provisional: boolean;
  /** The provisional years the computation ran through (empty when official). */
  dependsOn: number[];
}

export interface Provisionality {
  provisional: boolean;
  dependsOn: number[];
}

const yearOf = (date: IsoDate) => Number(date.slice(0, 4));

/**
 * Whether a date computed from `start` (default: the date itself) up to `due` relied on predicted
 * years: the provisional years between the two. A span that stays within official years is not.
 */
export function provisionality(cal: Pick<WorkCalendar, 'coveredYears'>, due: IsoDate | null | undefined, start?: IsoDate | null): Provisionality {
  if (!due) return { provisional: false, dependsOn: [] };
  parseIsoDate(due, 'due');
  const from = start ? Math.min(yearOf(start), yearOf(due)) : yearOf(due);
  const to = start ? Math.max(yearOf(start), yearOf(due)) : yearOf(due);
  const officialLast = cal.coveredYears().last;
  const dependsOn: number[] = [];
  for (let y = Math.max(from, officialLast + 1); y <= to; y += 1) dependsOn.push(y);
  return { provisional: dependsOn.length > 0, dependsOn };
}

/** The last day of `rule` started on `start`, with its provisionality. */
export function computeDeadline(cal: WorkCalendar, start: IsoDate, rule: DeadlineRule): Deadline {
  const due = cal.deadline(start, rule);
  return { due, ...provisionality(cal, due, start) };
}

/** `n` working days after `start`, with its provisionality. */
export function workingDaysDeadline(cal: WorkCalendar, start: IsoDate, n: number): Deadline {
  const due = cal.addWorkingDays(start, n);
  return { due, ...provisionality(cal, due, start) };
}

/** The suffix documents and messages put after a provisional date. */
export const PROVISIONAL_MARK = '（预计）';

/** A date as a message or document prints it: `2027-02-10（预计）` when provisional. */
export function formatDue(cal: Pick<WorkCalendar, 'coveredYears'>, due: IsoDate, start?: IsoDate | null): string {
  return provisionality(cal, due, start).provisional ? `${due}${PROVISIONAL_MARK}` : due;
}

/**
 * Whether the admin should be reminded to load next year's notice: from 1 November of a year
 * whose following year is not covered by official data (the State Council publishes the notice
 * in November or December).
 */
export function nextYearNoticeDue(today: IsoDate, officialLast: number): boolean {
  const year = Number(today.slice(0, 4));
  return officialLast <= year && today.slice(5) >= '11-01' ? officialLast < year + 1 : officialLast < year;
}

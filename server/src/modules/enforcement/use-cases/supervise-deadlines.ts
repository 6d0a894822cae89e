import { provisionality, type WorkCalendar } from '../../../platform/calendar/index.js';
import type { CaseRow } from '../enforcement.repository.js';

/** Working days before a decision due date from which supervision lists it as due soon. */
export const DUE_SOON_WORKING_DAYS = 5;

export interface SupervisedDeadline {
  id: string;
  caseNo: string;
  regionCode: string;
  officerIds: string[];
  due: string;
  overdue: boolean;
  dueSoon: boolean;
  provisional: boolean;
  provisionalYears: number[];
}

/**
 * The open decision deadlines supervision watches (pure): overdue, due within
 * DUE_SOON_WORKING_DAYS working days, or computed over a predicted (provisional) year — per case,
 * with its office (region) and officers so the view can group them.
 */
export function superviseDeadlines(cases: readonly CaseRow[], cal: WorkCalendar, today: string, dueOf: (c: CaseRow) => string | null): SupervisedDeadline[] {
  const out: SupervisedDeadline[] = [];
  for (const c of cases) {
    if (!['investigating', 'proposed', 'notified'].includes(c.status)) continue;
    const due = dueOf(c);
    if (!due) continue;
    const overdue = due < today;
    const dueSoon = !overdue && cal.countWorkingDays(today, due) <= DUE_SOON_WORKING_DAYS;
    const p = provisionality(cal, due, c.opened_on);
    if (!overdue && !dueSoon && !p.provisional) continue;
    out.push({ id: c.id, caseNo: c.case_no, regionCode: c.region_code, officerIds: c.officer_ids, due, overdue, dueSoon, provisional: p.provisional, provisionalYears: p.dependsOn });
  }
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.caseNo < b.caseNo ? -1 : 1));
}

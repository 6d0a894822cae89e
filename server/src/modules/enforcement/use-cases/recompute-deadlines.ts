import type { TypedDbOrTx } from '../../../platform/db/database.js';
import { ruleSetOf } from '../domain/rule-sets.js';
import { formatDue, type WorkCalendar } from '../../../platform/calendar/index.js';
import { decisionDue } from '../domain/procedure.js';
import { deadlineCorrectedNotice } from '../domain/texts.js';
import { PUBLISH_WITHIN_WORKING_DAYS } from '../domain/publicity.js';

/**
 * Recomputes, on a changed calendar, the decision due date (90 days, 第六十条, plus extension and
 * past pauses) of every open case that is not paused (a paused case is recomputed when it resumes),
 * and the publish-by date (20 working days) of every pending publicity. Each case whose date moved
 * gets one in-app notice per officer. Decided, closed and revoked cases keep their dates.
 * Idempotent: on the same calendar nothing moves.
 */
export function caseDeadlineRecompute(deps: { notify: (tx: TypedDbOrTx, accountId: string, title: string, body: string, link: string) => Promise<void> }) {
  return async (tx: TypedDbOrTx, cal: WorkCalendar) => {
    const cases = await tx
      .selectFrom('enforcement.case')
      .select(['id', 'case_no', 'region_code', 'rule_set', 'opened_on', 'paused_days', 'decision_extended', 'decision_due', 'officer_ids'])
      .where('status', 'in', ['investigating', 'proposed', 'notified'])
      .where('opened_on', 'is not', null)
      .where('paused_since', 'is', null)
      .execute();
    let moved = 0;
    for (const c of cases) {
      if (!c.opened_on) continue;
      const due = decisionDue(cal, c.opened_on, c.paused_days, c.decision_extended, ruleSetOf(c));
      if (due === c.decision_due) continue;
      moved += 1;
      await tx.updateTable('enforcement.case').set({ decision_due: due }).where('id', '=', c.id).execute();
      for (const officer of c.officer_ids) {
        const notice = deadlineCorrectedNotice(c.case_no, formatDue(cal, due, c.opened_on), c.decision_due);
        await deps.notify(tx, officer, notice.title, notice.body, `/staff/enforcement/cases/${c.id}`);
      }
    }
    const pubs = await tx.selectFrom('enforcement.publicity').select(['case_id', 'decided_on', 'publish_due']).where('status', '=', 'pending').execute();
    for (const pub of pubs) {
      const due = cal.addWorkingDays(pub.decided_on, PUBLISH_WITHIN_WORKING_DAYS);
      if (due === pub.publish_due) continue;
      moved += 1;
      await tx.updateTable('enforcement.publicity').set({ publish_due: due }).where('case_id', '=', pub.case_id).execute();
    }
    return { checked: cases.length + pubs.length, moved };
  };
}

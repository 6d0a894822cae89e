import type { Platform } from '../../../platform/module.js';
import type { TypedDbOrTx } from '../../../platform/db/database.js';
import { followUpVisitTitle } from '../domain/texts.js';

/** The obligation kind of the visit a 回访函 promises. */
export const FOLLOW_UP_VISIT = 'enforcement.follow-up-visit';

/** Tracks the visit promised by a 回访函 ("本局将于{visitOn}前…进行回访") as an obligation. */
export async function trackFollowUpVisit(
  deps: Pick<Platform, 'obligations'>,
  tx: TypedDbOrTx,
  v: { caseId: string; caseNo: string; partyName: string; regionCode: string; ownerId: string | null; visitBy: string },
): Promise<void> {
  await deps.obligations.track(tx, {
    kind: FOLLOW_UP_VISIT,
    subjectType: 'enforcement.case',
    subjectId: v.caseId,
    title: followUpVisitTitle(v.caseNo, v.partyName),
    link: `/staff/enforcement/cases/${v.caseId}`,
    ownerId: v.ownerId,
    regionCode: v.regionCode,
    dueOn: v.visitBy,
  });
}

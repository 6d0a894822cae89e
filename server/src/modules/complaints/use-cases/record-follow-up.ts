import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { ComplaintPatch } from '../complaints.repository.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import type { ComplaintsDeps } from '../deps.js';
import { addTimelineEntry, changeComplaint, reopenPatch, requireStatus } from './shared.js';
import { MEDIATION_FOLLOW_UP } from './track-follow-up.js';

export interface FollowUpInput {
  id: string;
  version: number;
  /** 1–5. */
  satisfaction: number;
  note: string;
  /** An unsatisfied consumer may have the case reopened in the same step. */
  reopen: boolean;
}

/** The follow-up visit (回访) with a satisfaction score; fulfils the mediator's follow-up obligation. */
export async function recordFollowUp(deps: ComplaintsDeps, actor: Actor, input: FollowUpInput, ctx: AuditContext) {
  authorize(actor, P['complaint.follow-up']);
  return changeComplaint(deps, actor, { id: input.id, version: input.version, ctx, action: 'complaint.follow-up' }, async (_tx, row) => {
    requireStatus(row, 'closed', 'refused');
    const patch: ComplaintPatch = { satisfaction: input.satisfaction, follow_up_note: input.note, feedback_at: row.feedback_at ?? deps.clock.now() };
    return input.reopen ? { ...patch, ...reopenPatch(row) } : patch;
  }, async (tx, row) => {
    await addTimelineEntry(deps, tx, row.id, 'follow-up', actor, input.note, { data: { satisfaction: input.satisfaction } });
    await deps.obligations.fulfilFor(tx, MEDIATION_FOLLOW_UP, 'complaints.complaint', row.id, actor.id, input.note);
    if (input.reopen) await addTimelineEntry(deps, tx, row.id, 'reopened', actor, input.note);
  });
}

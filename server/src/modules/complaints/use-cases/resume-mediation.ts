import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import { pauseLength } from '../domain/rules.js';
import { mediationLimit } from '../domain/deadlines.js';
import type { ComplaintsDeps } from '../deps.js';
import { addTimelineEntry, assertMediator, changeComplaint, workingDaysAfter } from './shared.js';

/** Resumes a paused mediation: the working days paused move the mediation deadline on (art. 20). */
export async function resumeMediation(deps: ComplaintsDeps, actor: Actor, input: { id: string; version: number }, ctx: AuditContext) {
  authorize(actor, P['complaint.mediate']);
  return changeComplaint(deps, actor, { id: input.id, version: input.version, ctx, action: 'complaint.resume' }, async (_tx, row) => {
    assertMediator(actor, row);
    if (row.status !== 'mediating' || !row.paused_since || !row.accepted_on) throw new AppError('INVALID_STATE');
    const total = row.paused_working_days + pauseLength(deps.calendar(), row.paused_since, deps.clock.today());
    return {
      paused_since: null,
      paused_reason: null,
      paused_working_days: total,
      mediation_due: workingDaysAfter(deps, row.accepted_on, mediationLimit(deps.timeLimits).days + total),
    };
  }, async (tx, row, before) => addTimelineEntry(deps, tx, row.id, 'resumed', actor, '', { data: { pausedWorkingDays: row.paused_working_days - before.paused_working_days } }));
}

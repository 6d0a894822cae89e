import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import type { ComplaintsDeps } from '../deps.js';
import { addTimelineEntry, assertMediator, changeComplaint, requireStatus } from './shared.js';

/** Pauses the mediation clock for testing, inspection or appraisal (art. 20). */
export async function pauseMediation(deps: ComplaintsDeps, actor: Actor, input: { id: string; version: number; reason: string }, ctx: AuditContext) {
  authorize(actor, P['complaint.mediate']);
  return changeComplaint(deps, actor, { id: input.id, version: input.version, ctx, action: 'complaint.pause' }, async (_tx, row) => {
    assertMediator(actor, row);
    requireStatus(row, 'mediating');
    if (row.paused_since) throw new AppError('INVALID_STATE');
    return { paused_since: deps.clock.today(), paused_reason: input.reason };
  }, async (tx, row) => addTimelineEntry(deps, tx, row.id, 'paused', actor, input.reason));
}

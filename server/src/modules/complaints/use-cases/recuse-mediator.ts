import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, hasRole } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import type { ComplaintsDeps } from '../deps.js';
import { addTimelineEntry, changeComplaint, requireStatus } from './shared.js';

/** The assigned mediator recuses (art. 19): the case goes back to be assigned to someone else. */
export async function recuseMediator(deps: ComplaintsDeps, actor: Actor, input: { id: string; version: number; reason: string }, ctx: AuditContext) {
  authorize(actor, P['complaint.mediate']);
  return changeComplaint(deps, actor, { id: input.id, version: input.version, ctx, action: 'complaint.recuse' }, async (_tx, row) => {
    requireStatus(row, 'mediating');
    if (row.mediator_id !== actor.id && !hasRole(actor, 'admin')) throw new AppError('FORBIDDEN');
    return { status: 'accepted', recused: [...row.recused, row.mediator_id], mediator_id: null, mediator_name: null };
  }, async (tx, row) => {
    await addTimelineEntry(deps, tx, row.id, 'recused', actor, input.reason);
  });
}

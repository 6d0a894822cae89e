import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import type { ComplaintsDeps } from '../deps.js';
import { routingRepository as routing } from '../complaints.repository.js';
import { addTimelineEntry, changeComplaint, reopenPatch, requireStatus } from './shared.js';

/**
 * Reopens a closed case where it left off (mediating with the same mediator, or back to assignment).
 * The documents issued so far (the signed agreement) stay on file, marked superseded.
 */
export async function reopenComplaint(deps: ComplaintsDeps, actor: Actor, input: { id: string; version: number; reason: string }, ctx: AuditContext) {
  authorize(actor, P['complaint.follow-up']);
  return changeComplaint(deps, actor, { id: input.id, version: input.version, ctx, action: 'complaint.reopen' }, async (_tx, row) => {
    requireStatus(row, 'closed', 'refused');
    return reopenPatch(row);
  }, async (tx, row) => {
    await routing.supersedeDocuments(tx, row.id, deps.clock.now());
    await addTimelineEntry(deps, tx, row.id, 'reopened', actor, input.reason);
  });
}

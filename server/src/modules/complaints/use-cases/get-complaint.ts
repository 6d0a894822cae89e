import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import type { ComplaintsDeps } from '../deps.js';
import { complaintDetail } from './shared.js';

/**
 * One case with its timeline, for staff of its jurisdiction. The complainant's data are in it, so
 * every view is an audited read (when the caller passes its audit context).
 */
export async function getComplaint(deps: ComplaintsDeps, actor: Actor, id: string, ctx?: AuditContext) {
  authorize(actor, P['complaint.read']);
  const dto = await complaintDetail(deps, actor, id);
  if (ctx) await deps.db.transaction().execute((tx) => deps.audit.record(tx, ctx, { action: 'complaint.view', entityType: 'complaint', entityId: id }));
  return dto;
}

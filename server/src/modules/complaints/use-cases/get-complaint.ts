import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import type { ComplaintsDeps } from '../deps.js';
import { complaintDetail } from './shared.js';

/** One case with its timeline, for staff of its jurisdiction. */
export async function getComplaint(deps: ComplaintsDeps, actor: Actor, id: string) {
  authorize(actor, P['complaint.read']);
  return complaintDetail(deps, actor, id);
}

import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { Intake } from '../../../../../contracts/complaints.js';
import { complaintsRepository as repo } from '../complaints.repository.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import type { ComplaintsDeps } from '../deps.js';
import { fileComplaint } from './file-complaint.js';

/** Staff enter a walk-in or phoned-in complaint; the region defaults to the actor's county. */
export async function enterComplaint(deps: ComplaintsDeps, actor: Actor, input: Intake, ctx: AuditContext) {
  authorize(actor, P['complaint.staff-entry']);
  const own = jurisdictionPrefix(actor);
  const res = await fileComplaint(deps, actor, { intake: { ...input, regionCode: input.regionCode ?? (own && own.length === 6 ? own : null) }, channel: 'staff' }, ctx);
  const row = await repo.byTrackingNo(deps.db, res.trackingNo);
  if (!row) throw new AppError('NOT_FOUND');
  return { ...res, id: row.id };
}

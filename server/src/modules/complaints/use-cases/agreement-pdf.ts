import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { complaintsRepository as repo } from '../complaints.repository.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import type { ComplaintsDeps } from '../deps.js';
import { readable } from './shared.js';

/**
 * The signed mediation agreement (PDF) of a case: for staff of its jurisdiction (`actor`), or for
 * the consumer who proves access with the tracking number and code (`access`).
 */
export async function agreementPdf(deps: ComplaintsDeps, who: { actor: Actor; id: string } | { access: { trackingNo: string; code: string } }) {
  let row;
  if ('actor' in who) {
    authorize(who.actor, P['complaint.read']);
    row = readable(who.actor, await repo.get(deps.db, who.id));
  } else {
    row = await deps.access.verify(who.access.trackingNo, who.access.code);
  }
  if (!row.agreement_file_id) throw new AppError('NOT_FOUND');
  return { pdf: await deps.files.read(row.agreement_file_id), fileName: `agreement-${row.tracking_no}.pdf` };
}

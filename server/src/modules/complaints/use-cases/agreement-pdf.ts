import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { complaintsRepository as repo, routingRepository as routing } from '../complaints.repository.js';
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
  // The current agreement, else the last one issued (a reopened case keeps it on file).
  const fileId = row.agreement_file_id ?? (await routing.documents(deps.db, row.id)).filter((d) => d.kind === 'mediation_agreement').at(-1)?.file_id;
  if (!fileId) throw new AppError('NOT_FOUND');
  return { pdf: await deps.files.read(fileId), fileName: `agreement-${row.tracking_no}.pdf` };
}

/** One document of the case's history (staff of its jurisdiction). */
export async function documentPdf(deps: ComplaintsDeps, actor: Actor, input: { id: string; documentId: string }) {
  authorize(actor, P['complaint.read']);
  const row = readable(actor, await repo.get(deps.db, input.id));
  const doc = (await routing.documents(deps.db, row.id)).find((d) => d.id === input.documentId);
  if (!doc) throw new AppError('NOT_FOUND');
  return { pdf: await deps.files.read(doc.file_id), fileName: `${doc.kind}-${row.tracking_no}-${doc.id.slice(0, 8)}.pdf` };
}

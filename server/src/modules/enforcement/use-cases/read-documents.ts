import { createHash } from 'node:crypto';
import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, assertInScope } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { chinaDate } from '../../../platform/clock/clock.js';
import { enforcementRepository as repo } from '../enforcement.repository.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps } from '../deps.js';

/** The PDF of an enforcement document, for staff whose jurisdiction covers its case or engagement. */
export async function documentPdf(deps: EnforcementDeps, actor: Actor, input: { id: string }) {
  authorize(actor, P['document.read']);
  const doc = await deps.docs.get(deps.db, input.id);
  if (!doc || !doc.subject_type?.startsWith('enforcement.') || !doc.subject_id) throw new AppError('NOT_FOUND');
  const region =
    doc.subject_type === 'enforcement.case' ? (await repo.getCase(deps.db, doc.subject_id))?.region_code : (await repo.getEngagement(deps.db, doc.subject_id))?.region_code;
  assertInScope(actor, { regionCode: region ?? null });
  return { name: `${doc.doc_no}.pdf`, data: await deps.files.read(doc.file_id) };
}

/** Public verification: the document's number, title, issuer, date and hash, and whether it is genuine. */
export async function verifyDocument(deps: EnforcementDeps, input: { verifyCode: string }) {
  const doc = await deps.docs.byVerifyCode(deps.db, input.verifyCode);
  if (!doc) throw new AppError('NOT_FOUND');
  let intact: boolean;
  try {
    intact = createHash('sha256').update(await deps.files.read(doc.file_id)).digest('hex') === doc.sha256;
  } catch {
    intact = false;
  }
  return {
    genuine: intact && !doc.revoked_at,
    docNo: doc.doc_no,
    title: doc.title,
    issuer: doc.office,
    issuedOn: chinaDate(new Date(doc.issued_at)),
    sha256: doc.sha256,
    revoked: !!doc.revoked_at,
  };
}

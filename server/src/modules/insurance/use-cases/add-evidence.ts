import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { insuranceRepository as repo, type ClaimRow } from '../insurance.repository.js';
import { insurancePolicy as P } from '../insurance.policy.js';
import { presentPublicClaim } from '../insurance.presenter.js';
import type { InsuranceDeps } from '../deps.js';
import { readableClaim } from './shared.js';

export interface AddEvidenceInput {
  id: string;
  file: { data: Buffer; originalName: string };
}

/** Staff of the claim's jurisdiction, or the consumer with tracking number and code. */
export type EvidenceUploader = { actor: Actor } | { access: { trackingNo: string; code: string } };

/** Evidence (photos, receipts: PDF, JPEG, PNG; size limited) for a claim still under review. */
export async function addEvidence(deps: InsuranceDeps, who: EvidenceUploader, input: AddEvidenceInput, ctx: AuditContext, locale: Locale) {
  let row: ClaimRow | undefined;
  if ('access' in who) {
    const c = await deps.complaints.verifyAccess(who.access.trackingNo, who.access.code);
    row = await repo.getClaim(deps.db, input.id);
    if (!row || row.complaint_id !== c.id) throw new AppError('NOT_FOUND');
  } else {
    authorize(who.actor, P['claim.file-offline']);
    row = readableClaim(who.actor, await repo.getClaim(deps.db, input.id));
  }
  if (row.status !== 'submitted') throw new AppError('INVALID_STATE', { params: { status: row.status } });
  const claim = row;
  await deps.db.transaction().execute(async (tx) => {
    const saved = await deps.files.save(tx, { data: input.file.data, originalName: input.file.originalName, ownerAccountId: 'actor' in who ? who.actor.id : null });
    await repo.addEvidence(tx, claim.id, { fileId: saved.id, name: saved.originalName, mime: saved.mime, size: saved.size });
    await deps.audit.record(tx, ctx, { action: 'claim.evidence', entityType: 'insurance-claim', entityId: claim.id, after: { fileId: saved.id, mime: saved.mime, size: saved.size } });
  });
  const after = await repo.getClaim(deps.db, input.id);
  if (!after) throw new AppError('NOT_FOUND');
  return presentPublicClaim(after, locale);
}

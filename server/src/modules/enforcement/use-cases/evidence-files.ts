import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { authorize } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { EVIDENCE_TEXT } from '../domain/texts.js';
import { enforcementRepository as repo } from '../enforcement.repository.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps, StepInput } from '../deps.js';
import { caseView } from './case-view.js';
import { readable, runStep } from './shared.js';

/** What evidence files may be: photos, scans and PDFs (checked by content, not by name). */
export const EVIDENCE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export interface UploadEvidenceInput extends StepInput {
  kind: 'evidence' | 'inquiry_record' | 'attachment';
  description: string;
  file: { data: Buffer; originalName: string };
}

/**
 * Uploads an evidence file to a case: size and content type checked by platform/files (413/415),
 * stored, and recorded as an evidence step that names the file (listed on the case with a download).
 */
export async function uploadEvidence(deps: EnforcementDeps, actor: Actor, input: UploadEvidenceInput, ctx: AuditContext, locale: Locale) {
  const row = await runStep(deps, actor, ctx, input, 'evidence', { rule: P['case.step'], officerOnly: true }, async (_r, tx) => {
    const saved = await deps.files.save(tx, { data: input.file.data, originalName: input.file.originalName, ownerAccountId: actor.id, accepted: EVIDENCE_TYPES });
    return {
      values: {},
      data: { kind: input.kind, description: input.description, fileId: saved.id, fileName: saved.originalName, mime: saved.mime, size: saved.size, sha256: saved.sha256 },
    };
  });
  return caseView(deps, row, locale);
}

/** Downloads an evidence file of a case the actor may read; a file that is not this case's evidence is 404. */
export async function downloadEvidence(deps: EnforcementDeps, actor: Actor, input: { id: string; fileId: string }) {
  authorize(actor, P['case.read']);
  readable(actor, await repo.getCase(deps.db, input.id));
  const step = (await repo.listSteps(deps.db, input.id)).find((s) => s.kind === 'evidence' && s.data?.fileId === input.fileId);
  if (!step) throw new AppError('NOT_FOUND', { text: EVIDENCE_TEXT.notEvidence });
  const file = await deps.files.get(input.fileId);
  if (!file) throw new AppError('NOT_FOUND');
  return { data: await deps.files.read(file.id), name: file.originalName, mime: file.mime };
}

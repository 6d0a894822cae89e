import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps, StepInput } from '../deps.js';
import { caseView } from './case-view.js';
import { runStep } from './shared.js';

export interface AddEvidenceInput extends StepInput {
  kind: string;
  description: string;
  fileId?: string;
}

/** Records evidence, an inquiry record or an attachment. */
export async function addEvidence(deps: EnforcementDeps, actor: Actor, input: AddEvidenceInput, ctx: AuditContext, locale: Locale) {
  const row = await runStep(deps, actor, ctx, input, 'evidence', { rule: P['case.step'], officerOnly: true }, async () => ({
    values: {},
    data: { kind: input.kind, description: input.description, fileId: input.fileId ?? null },
  }));
  return caseView(deps, row, locale);
}

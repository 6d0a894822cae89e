import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { TEXT } from '../domain/texts.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps, StepInput } from '../deps.js';
import { caseView } from './case-view.js';
import { resumeValues, runStep } from './shared.js';

/** Records the hearing (听证); legal review becomes required and the hearing pause ends. */
export async function holdHearing(deps: EnforcementDeps, actor: Actor, input: StepInput & { minutes: string }, ctx: AuditContext, locale: Locale) {
  const row = await runStep(deps, actor, ctx, input, 'hearing', { rule: P['case.step'], officerOnly: true }, async (r) => {
    if (!r.hearing_requested) throw new AppError('INVALID_STATE', { text: TEXT.noHearingRequested });
    return {
      values: { hearing_held: true, review_required: true, ...(r.pause_reason === 'hearing' ? resumeValues(deps, r) : {}) },
      data: { minutes: input.minutes },
    };
  });
  return caseView(deps, row, locale);
}

import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps, StepInput } from '../deps.js';
import { caseView } from './case-view.js';
import { resumeValues, runStep } from './shared.js';

/** Pauses the decision time limit (testing, hearing, public notice, suspension). */
export async function pauseTimeLimit(deps: EnforcementDeps, actor: Actor, input: StepInput & { reason: string }, ctx: AuditContext, locale: Locale) {
  const row = await runStep(deps, actor, ctx, input, 'pause', { rule: P['case.step'], officerOnly: true }, async (r) => {
    if (r.paused_since) throw new AppError('INVALID_STATE', { params: { paused: r.paused_since } });
    return { values: { paused_since: deps.clock.today(), pause_reason: input.reason }, data: { reason: input.reason } };
  });
  return caseView(deps, row, locale);
}

/** Resumes the time limit: the paused days are added to the case and its due date recomputed. */
export async function resumeTimeLimit(deps: EnforcementDeps, actor: Actor, input: StepInput, ctx: AuditContext, locale: Locale) {
  const row = await runStep(deps, actor, ctx, input, 'resume', { rule: P['case.step'], officerOnly: true }, async (r) => {
    if (!r.paused_since) throw new AppError('INVALID_STATE');
    const values = resumeValues(deps, r);
    return { values, data: { pausedDays: values.paused_days } };
  });
  return caseView(deps, row, locale);
}

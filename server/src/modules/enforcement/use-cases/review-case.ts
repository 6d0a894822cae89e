import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { ruleViolation } from '../../../platform/errors/app-error.js';
import { TEXT } from '../domain/texts.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps, StepInput } from '../deps.js';
import { caseView } from './case-view.js';
import { runStep } from './shared.js';

/** Legal review (法制审核, 第五十八条): by a legal reviewer who is not an officer of the case. */
export async function reviewCase(deps: EnforcementDeps, actor: Actor, input: StepInput & { result: 'approved' | 'rejected'; opinion: string }, ctx: AuditContext, locale: Locale) {
  const row = await runStep(deps, actor, ctx, input, 'review', { rule: P['case.review'] }, async (r) => {
    if (actor.id && r.officer_ids.includes(actor.id)) throw ruleViolation(TEXT.investigatorCannotReview);
    return { values: { review_result: input.result, reviewer_id: actor.id }, data: { result: input.result, opinion: input.opinion } };
  });
  return caseView(deps, row, locale);
}

import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { caseTimeLimit } from '../domain/time-limits.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps, StepInput } from '../deps.js';
import { caseView } from './case-view.js';
import { ruleSetOf, runStep } from './shared.js';

/** Records service of the decision; a fine is due within the payment time limit (第六十七条). */
export async function serveDecision(deps: EnforcementDeps, actor: Actor, input: StepInput, ctx: AuditContext, locale: Locale) {
  const row = await runStep(deps, actor, ctx, input, 'service', { rule: P['case.step'], officerOnly: true }, async (r) => {
    const today = deps.clock.today();
    const due = r.penalty === 'fine' ? deps.calendar.get().deadline(today, caseTimeLimit('penalty.payment', ruleSetOf(r))) : null;
    return { values: { status: 'served', served_on: today, payment_due: due }, data: { paymentDue: due } };
  });
  return caseView(deps, row, locale);
}

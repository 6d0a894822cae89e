import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import type { Reasoning } from '../../../../../contracts/enforcement.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps, StepInput } from '../deps.js';
import { caseView } from './case-view.js';
import { runStep } from './shared.js';

export interface RecordReasoningInput extends StepInput {
  reasoning: Reasoning;
}

/**
 * Records the reasoning of the decision (说理式执法): the facts found, the evidence relied on, the
 * provisions applied and the discretion with its grounds. Required before the decision
 * (make-decision.ts `assertDecidable`) and printed in the decision document.
 */
export async function recordReasoning(deps: EnforcementDeps, actor: Actor, input: RecordReasoningInput, ctx: AuditContext, locale: Locale) {
  const row = await runStep(deps, actor, ctx, input, 'reasoning', { rule: P['case.step'], officerOnly: true }, async () => ({
    values: { reasoning: input.reasoning },
    data: { sections: Object.keys(input.reasoning) },
  }));
  return caseView(deps, row, locale);
}

import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { ruleSetKey } from '../domain/rule-sets.js';
import type { RecordedFacts } from '../enforcement.rows.js';
import { fieldError } from '../domain/messages.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps, StepInput } from '../deps.js';
import { caseView } from './case-view.js';
import { runStep } from './shared.js';

export interface RecordFactsInput extends StepInput {
  facts: RecordedFacts;
}

/** Records the facts the discretion engine reads. */
export async function recordFacts(deps: EnforcementDeps, actor: Actor, input: RecordFactsInput, ctx: AuditContext, locale: Locale) {
  const row = await runStep(deps, actor, ctx, input, 'facts', { rule: P['case.step'], officerOnly: true }, async (r, tx) => {
    const rs = await deps.rulebook.ofCase(tx, r);
    if (!rs.violations.some((v) => v.code === input.facts.violationType)) {
      throw new AppError('VALIDATION_FAILED', { fields: [fieldError('facts.violationType', 'UNKNOWN_VIOLATION_TYPE')] });
    }
    return { values: { facts: input.facts, violation_type: input.facts.violationType, rule_set: r.rule_set ?? ruleSetKey(rs) }, data: { facts: input.facts } };
  });
  return caseView(deps, row, locale);
}

import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps, StepInput } from '../deps.js';
import { caseView } from './case-view.js';
import { runStep } from './shared.js';

/** Records the party's statement (陈述申辩) or its waiver. */
export async function recordStatement(deps: EnforcementDeps, actor: Actor, input: StepInput & { statement: string; waived: boolean }, ctx: AuditContext, locale: Locale) {
  const row = await runStep(deps, actor, ctx, input, 'statement', { rule: P['case.step'], officerOnly: true }, async () => ({
    values: {},
    data: { statement: input.statement, waived: input.waived },
  }));
  return caseView(deps, row, locale);
}

import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { ruleViolation } from '../../../platform/errors/app-error.js';
import { TEXT } from '../domain/texts.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps, StepInput } from '../deps.js';
import { caseView } from './case-view.js';
import { runStep } from './shared.js';

/** Closes the case (结案); an unpaid fine keeps it open. */
export async function closeCase(deps: EnforcementDeps, actor: Actor, input: StepInput, ctx: AuditContext, locale: Locale) {
  const row = await runStep(deps, actor, ctx, input, 'close', { rule: P['case.step'], officerOnly: true }, async (r) => {
    if (r.status === 'served' && r.penalty === 'fine') throw ruleViolation(TEXT.fineUnpaid);
    return { values: { status: 'closed', closed_on: deps.clock.today() } };
  });
  return caseView(deps, row, locale);
}

import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps, StepInput } from '../deps.js';
import { caseView } from './case-view.js';
import { runStep } from './shared.js';

/** Decides not to open a case (不予立案). */
export async function dismissLead(deps: EnforcementDeps, actor: Actor, input: StepInput & { reason: string }, ctx: AuditContext, locale: Locale) {
  const row = await runStep(deps, actor, ctx, input, 'dismiss', { rule: P['case.step'] }, async () => ({
    values: { status: 'dismissed', closed_on: deps.clock.today() },
    data: { reason: input.reason },
  }));
  return caseView(deps, row, locale);
}

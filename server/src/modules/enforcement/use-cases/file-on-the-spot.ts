import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps, StepInput } from '../deps.js';
import { caseView } from './case-view.js';
import { runStep } from './shared.js';

/** Files an on-the-spot decision with the bureau (备案, 第五十二条). */
export async function fileOnTheSpot(deps: EnforcementDeps, actor: Actor, input: StepInput, ctx: AuditContext, locale: Locale) {
  const row = await runStep(deps, actor, ctx, input, 'filing', { rule: P['case.step'], officerOnly: true }, async (r) => {
    if (r.procedure !== 'on_the_spot' || r.filed_on) throw new AppError('INVALID_STATE');
    return { values: { filed_on: deps.clock.today() } };
  });
  return caseView(deps, row, locale);
}

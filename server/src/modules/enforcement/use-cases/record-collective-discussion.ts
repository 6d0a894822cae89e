import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps, StepInput } from '../deps.js';
import { caseView } from './case-view.js';
import { runStep } from './shared.js';

/** Collective discussion (集体讨论, 第五十七条第二款) by the bureau's leaders. */
export async function recordCollectiveDiscussion(deps: EnforcementDeps, actor: Actor, input: StepInput & { conclusion: string; participants: string[] }, ctx: AuditContext, locale: Locale) {
  const row = await runStep(deps, actor, ctx, input, 'collective', { rule: P['case.collective'] }, async () => ({
    values: { collective_done: true },
    data: { conclusion: input.conclusion, participants: input.participants },
  }));
  return caseView(deps, row, locale);
}

import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { decisionDue, verificationDue } from '../domain/procedure.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps, StepInput } from '../deps.js';
import { caseView } from './case-view.js';
import { ruleSetOf, runStep } from './shared.js';

/** An approved extension of the verification or decision time limit (once each). */
export async function extendTimeLimit(deps: EnforcementDeps, actor: Actor, input: StepInput & { kind: 'verification' | 'decision'; reason: string }, ctx: AuditContext, locale: Locale) {
  const row = await runStep(deps, actor, ctx, input, 'extension', { rule: P['case.extension'] }, async (r) => {
    const cal = deps.calendar.get();
    if (input.kind === 'verification') {
      if (r.status !== 'lead' || r.verification_extended) throw new AppError('INVALID_STATE');
      return { values: { verification_extended: true, verification_due: verificationDue(cal, r.received_on, true, ruleSetOf(r)) }, data: { kind: input.kind, reason: input.reason } };
    }
    if (r.status === 'lead' || r.decision_extended) throw new AppError('INVALID_STATE');
    const openedOn = r.opened_on;
    const due = openedOn ? decisionDue(cal, openedOn, r.paused_days, true, ruleSetOf(r)) : r.decision_due;
    return { values: { decision_extended: true, decision_due: due }, data: { kind: input.kind, reason: input.reason, approvedBy: actor.displayName } };
  });
  return caseView(deps, row, locale);
}

import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { AppError, ruleViolation } from '../../../platform/errors/app-error.js';
import { lateFee } from '../domain/procedure.js';
import { fieldError } from '../domain/messages.js';
import { amountDue } from '../domain/texts.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps, StepInput } from '../deps.js';
import { caseView } from './case-view.js';
import { runStep } from './shared.js';

/** Records payment: exactly the fine plus the late fee (加处罚款, 第七十二条). */
export async function recordPayment(deps: EnforcementDeps, actor: Actor, input: StepInput & { amountFen: number }, ctx: AuditContext, locale: Locale) {
  const row = await runStep(deps, actor, ctx, input, 'payment', { rule: P['case.step'], officerOnly: true }, async (r) => {
    if (r.penalty !== 'fine') throw new AppError('INVALID_STATE');
    const today = deps.clock.today();
    const fine = Number(r.amount_fen);
    const fee = r.payment_due ? lateFee(fine, r.payment_due, today) : 0;
    if (input.amountFen !== fine + fee) {
      throw ruleViolation(amountDue(fine, fee), { dueFen: fine + fee, lateFeeFen: fee }, [fieldError('amountFen', 'AMOUNT_DUE')]);
    }
    return { values: { status: 'paid', paid_on: today, late_fee_fen: fee }, data: { amountFen: input.amountFen, lateFeeFen: fee } };
  });
  return caseView(deps, row, locale);
}

import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { ENFORCEMENT_PENALTY_WITHDRAWN } from '../../../../../contracts/events.js';
import { withdrawalDue } from '../domain/publicity.js';
import { enforcementRepository as repo } from '../enforcement.repository.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps, StepInput } from '../deps.js';
import { caseView } from './case-view.js';
import { runStep } from './shared.js';

/** The documents a revocation revokes. */
const REVOKED_KINDS = ['penalty_decision', 'no_penalty_decision', 'on_the_spot_decision', 'credit_repair_notice'];

/** Revokes a decision: its documents are revoked and its publicity withdrawn (Order 45 art. 11). */
export async function revokeDecision(deps: EnforcementDeps, actor: Actor, input: StepInput & { reason: string }, ctx: AuditContext, locale: Locale) {
  const row = await runStep(deps, actor, ctx, input, 'revoke', { rule: P['case.revoke'] }, async (r, tx) => {
    const today = deps.clock.today();
    await deps.docs.revoke(tx, { subjectType: 'enforcement.case', subjectId: r.id, kinds: REVOKED_KINDS });
    const pub = await repo.getPublicity(tx, r.id);
    if (pub && pub.status !== 'withdrawn') {
      const due = withdrawalDue(deps.calendar.get(), today);
      await repo.updatePublicity(tx, r.id, { status: 'withdrawn', revoked_on: today, withdraw_due: due, withdrawn_on: today, withdraw_reason: input.reason });
      if (pub.status === 'published') {
        await deps.outbox.append(
          tx,
          ENFORCEMENT_PENALTY_WITHDRAWN,
          { caseId: r.id, caseNo: r.case_no, creditCode: r.credit_code, regionCode: r.region_code, revokedOn: today, withdrawnOn: today, withdrawDue: due, reason: input.reason },
          { orderingKey: r.credit_code ?? r.id },
        );
      }
    }
    return { values: { status: 'revoked', revoked_on: today }, data: { reason: input.reason } };
  });
  return caseView(deps, row, locale);
}

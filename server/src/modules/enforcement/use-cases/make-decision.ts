import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { ENFORCEMENT_DECISION_MADE } from '../../../../../contracts/events.js';
import { AppError, ruleViolation } from '../../../platform/errors/app-error.js';
import { addCalendarDays } from '../../../platform/calendar/index.js';
import type { TypedDbOrTx } from '../../../platform/db/database.js';
import { noticeRequired } from '../domain/procedure.js';
import { publicityPlan } from '../domain/publicity.js';
import { fieldError } from '../domain/messages.js';
import { REASONING_TEXT, stepsMissingBeforeDecision, TEXT, type MissingStep } from '../domain/texts.js';
import { FOLLOW_UP_VISIT_AFTER_DAYS } from '../domain/decision-documents.js';
import { decisionLetters } from './decision-letters.js';
import { enforcementRepository as repo, type CaseRow } from '../enforcement.repository.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps, StepInput } from '../deps.js';
import { caseView } from './case-view.js';
import { partyAddress, ruleSetOf, runStep } from './shared.js';
import { trackFollowUpVisit } from './track-follow-up-visit.js';

/** The legal preconditions of a decision (第四十四条, 第五十七条, 第五十八条, 第六十三条); throws the first unmet. */
export function assertDecidable(r: CaseRow): void {
  if (r.paused_since) throw new AppError('INVALID_STATE', { text: TEXT.pausedResumeFirst });
  if (noticeRequired(r.decided_outcome) && r.status !== 'notified') throw ruleViolation(TEXT.noticeBeforeDecision);
  if (r.hearing_requested && !r.hearing_held) throw ruleViolation(TEXT.hearingBeforeDecision);
  const missing: MissingStep[] = [];
  if (r.review_required && r.review_result !== 'approved') missing.push('legal_review');
  if (r.collective_required && !r.collective_done) missing.push('collective_discussion');
  if (missing.length) throw ruleViolation(stepsMissingBeforeDecision(missing), { missing }, missing.map((m) => fieldError(m, 'REQUIRED')));
  // 说理式执法: the decision states its reasoning (facts → evidence → provisions → discretion).
  if (!r.reasoning) throw ruleViolation(REASONING_TEXT.required, {}, [fieldError('reasoning', 'REQUIRED')]);
}

/**
 * Makes the decision: checks its preconditions, issues the decision (or no-penalty decision), the
 * credit-repair notice when it will be published, the compliance guidance and follow-up letters;
 * tracks the promised visit and emits `enforcement.decision-made`.
 */
export async function makeDecision(deps: EnforcementDeps, actor: Actor, input: StepInput, ctx: AuditContext, locale: Locale) {
  // The party's address comes from the register, read before the transaction (the embedded engine has one connection).
  const pre = await repo.getCase(deps.db, input.id);
  const address = await partyAddress(deps, pre?.credit_code ?? null);
  const row = await runStep(deps, actor, ctx, input, 'decision', { rule: P['case.step'], officerOnly: true }, async (r, tx) => {
    assertDecidable(r);
    const today = deps.clock.today();
    const plan = publicityPlan({ procedure: 'general', penalty: r.penalty ?? 'none', amountFen: Number(r.amount_fen ?? 0), partyKind: r.party_kind, decidedOn: today }, deps.calendar.get(), ruleSetOf(r).procedure);
    const letters = await decisionLetters(tx, r, { address, officer: actor.displayName ?? '', today, publicityPeriod: plan.publish ? plan.period : null });
    const issue = (tx: TypedDbOrTx, kind: string, values: Record<string, string>) =>
      deps.docs.issue(tx, { kind, subjectType: 'enforcement.case', subjectId: r.id, regionCode: r.region_code, signer: '', issuedOn: today, actorId: actor.id, values });
    const decisionDoc = await issue(tx, letters.decision.kind, letters.decision.values);
    const issued = [decisionDoc];
    if (plan.publish && letters.creditRepair) {
      issued.push(await issue(tx, 'credit_repair_notice', { ...letters.creditRepair, decisionNo: decisionDoc.doc_no }));
      await repo.insertPublicity(tx, { case_id: r.id, region_code: r.region_code, decided_on: today, publish_due: plan.publishDue, period: plan.period, status: 'pending', document_id: decisionDoc.id });
    }
    issued.push(await issue(tx, 'compliance_guidance_letter', letters.guidance), await issue(tx, 'follow_up_letter', letters.followUp));
    // The 回访函 promises a visit before that date: tracked as the deciding officer's obligation.
    await trackFollowUpVisit(deps, tx, { caseId: r.id, caseNo: r.case_no, partyName: r.party_name, regionCode: r.region_code, ownerId: actor.id, visitBy: addCalendarDays(today, FOLLOW_UP_VISIT_AFTER_DAYS) });
    await deps.outbox.append(
      tx,
      ENFORCEMENT_DECISION_MADE,
      {
        caseId: r.id,
        caseNo: r.case_no,
        procedure: 'general',
        creditCode: r.credit_code,
        regionCode: r.region_code,
        partyName: r.party_name,
        partyKind: r.party_kind,
        violationType: r.violation_type,
        outcome: r.decided_outcome,
        penalty: r.penalty,
        amountFen: Number(r.amount_fen ?? 0),
        decidedOn: today,
        ruleSet: r.rule_set,
        documentNo: decisionDoc.doc_no,
        publish: plan.publish,
        publishDue: plan.publish ? plan.publishDue : null,
        publicityPeriod: plan.publish ? plan.period : null,
      },
      { orderingKey: r.credit_code ?? r.id },
    );
    return { values: { status: 'decided', decided_on: today }, data: { documents: issued.map((d) => d.doc_no), publish: plan.publish } };
  });
  return caseView(deps, row, locale);
}

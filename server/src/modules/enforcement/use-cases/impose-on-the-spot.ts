import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { ENFORCEMENT_DECISION_MADE } from '../../../../../contracts/events.js';
import { authorize } from '../../../platform/auth/policy.js';
import { AppError, ruleViolation } from '../../../platform/errors/app-error.js';
import { ruleSetKey } from '../domain/rule-sets.js';
import { yuan } from '../domain/procedure.js';
import type { CaseFactsInput } from '../../../../../contracts/enforcement.js';
import { checkOnTheSpot, type OnTheSpotRefusal } from '../domain/on-the-spot.js';
import { caseTimeLimit } from '../domain/time-limits.js';
import { fieldError } from '../domain/messages.js';
import { fineOutOfRange, onTheSpotLimitExceeded, onTheSpotNoPenaltyRequired, onTheSpotRangeAboveLimit, onTheSpotWarningBelowMinimum, TEXT } from '../domain/texts.js';
import { enforcementRepository as repo, type CaseRow } from '../enforcement.repository.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps } from '../deps.js';
import { caseView } from './case-view.js';
import { actorName, officeValues, officerAccounts, penaltyText, refuseBackdating, regionAllowed } from './shared.js';

export interface OnTheSpotInput {
  partyKind: CaseRow['party_kind'];
  partyName: string;
  creditCode?: string;
  regionCode?: string;
  violationType: string;
  facts: string;
  /** The circumstances the discretion engine reads (first violation, harm, correction, grounds). */
  circumstances: Omit<CaseFactsInput, 'violationType'>;
  penalty: 'warning' | 'fine';
  amountFen: number;
  /** Required outside the engine's proposal. */
  deviationReason?: string;
  coOfficerId: string;
  occurredAt?: string;
}

/**
 * The on-the-spot (simple) procedure (当场处罚, 第五十一条): a warning or a fine within the limit,
 * by two officers; the decision is issued, served at once and (a warning) closed.
 */
export async function imposeOnTheSpot(deps: EnforcementDeps, actor: Actor, input: OnTheSpotInput, ctx: AuditContext, locale: Locale) {
  authorize(actor, P['lead.create']);
  await refuseBackdating(deps, actor, ctx, null, 'on-the-spot', input.occurredAt);
  let region = input.regionCode;
  let creditCode: string | null = null;
  if (input.creditCode) {
    const e = await deps.registry.findByCode(input.creditCode);
    if (!e) throw new AppError('VALIDATION_FAILED', { fields: [fieldError('creditCode', 'NOT_FOUND')] });
    region = e.regionCode;
    creditCode = e.creditCode;
  }
  if (!region) throw new AppError('VALIDATION_FAILED', { fields: [fieldError('regionCode', 'required')] });
  const regionCode = region;
  regionAllowed(actor, regionCode);
  const rs = await deps.rulebook.forRegion(deps.db, regionCode);
  if (input.penalty === 'fine' && input.amountFen <= 0) throw new AppError('VALIDATION_FAILED', { fields: [fieldError('amountFen', 'MUST_BE_POSITIVE')] });
  if (input.penalty === 'warning' && input.amountFen !== 0) throw new AppError('VALIDATION_FAILED', { fields: [fieldError('amountFen', 'MUST_BE_ZERO')] });
  if (!rs.violations.some((v) => v.code === input.violationType)) {
    throw new AppError('VALIDATION_FAILED', { fields: [fieldError('violationType', 'UNKNOWN_VIOLATION_TYPE')] });
  }
  // The same discretion engine and range checks as the general procedure, plus the art. 51 limit.
  const facts = { ...input.circumstances, violationType: input.violationType };
  const check = checkOnTheSpot({ penalty: input.penalty, amountFen: input.amountFen, partyKind: input.partyKind, facts: { ...facts, partyKind: input.partyKind }, deviationReason: input.deviationReason }, rs);
  if (check.refusal) throw onTheSpotError(check.refusal, input.partyKind);
  const officerId = actor.id;
  if (!officerId || input.coOfficerId === officerId) throw ruleViolation(TEXT.twoOfficers, {}, [fieldError('coOfficerId', 'AT_LEAST_TWO')]);
  const officers = await officerAccounts(deps, deps.db, [officerId, input.coOfficerId], regionCode);
  const row = await deps.db.transaction().execute(async (tx) => {
    const today = deps.clock.today();
    const seq = await repo.nextCaseSeq(tx);
    const penalty = input.penalty;
    const created = await repo.insertCase(tx, {
      case_no: `DC-${today.slice(0, 4)}-${String(seq).padStart(6, '0')}`,
      procedure: 'on_the_spot',
      status: penalty === 'warning' ? 'closed' : 'served',
      source: 'on_the_spot',
      region_code: regionCode,
      credit_code: creditCode,
      party_name: input.partyName,
      party_kind: input.partyKind,
      violation_type: input.violationType,
      summary: input.facts,
      facts,
      proposal: check.proposal,
      outside_proposal: check.outsideProposal,
      deviation_reason: check.outsideProposal ? (input.deviationReason ?? null) : null,
      rule_set: ruleSetKey(rs),
      penalty,
      amount_fen: input.amountFen,
      officer_ids: [officerId, input.coOfficerId],
      received_on: today,
      opened_on: today,
      decided_on: today,
      served_on: today,
      payment_due: penalty === 'fine' ? deps.calendar.get().deadline(today, caseTimeLimit('penalty.payment', rs)) : null,
      closed_on: penalty === 'warning' ? today : null,
      created_by: officerId,
    });
    const doc = await deps.docs.issue(tx, {
      kind: 'on_the_spot_decision',
      subjectType: 'enforcement.case',
      subjectId: created.id,
      regionCode,
      signer: '',
      issuedOn: today,
      actorId: officerId,
      values: { partyName: input.partyName, facts: input.facts, penalty: penaltyText({ penalty, amount_fen: input.amountFen }), officers: officers.map((o) => o.display_name).join('、'), ...officeValues(created) },
    });
    await repo.insertStep(tx, { case_id: created.id, kind: 'on-the-spot', recorded_at: deps.clock.now(), actor_id: officerId, actor_name: actorName(actor), data: { penalty, amountFen: input.amountFen, documentNo: doc.doc_no, engineOutcome: check.proposal.outcome, outsideProposal: check.outsideProposal } });
    await deps.outbox.append(
      tx,
      ENFORCEMENT_DECISION_MADE,
      { caseId: created.id, caseNo: created.case_no, procedure: 'on_the_spot', creditCode, regionCode, partyName: input.partyName, partyKind: input.partyKind, violationType: input.violationType, outcome: null, penalty, amountFen: input.amountFen, decidedOn: today, ruleSet: created.rule_set, documentNo: doc.doc_no, publish: false, publishDue: null, publicityPeriod: null },
      { orderingKey: creditCode ?? created.id },
    );
    await deps.audit.record(tx, ctx, { action: 'enforcement.on-the-spot', entityType: 'enforcement_case', entityId: created.id, after: { caseNo: created.case_no, penalty, amountFen: input.amountFen, documentNo: doc.doc_no } });
    return created;
  });
  return caseView(deps, row, locale);
}

/** The 4xx error of a refused on-the-spot penalty, citing the rule it breaks. */
function onTheSpotError(r: OnTheSpotRefusal, partyKind: CaseRow['party_kind']): AppError {
  switch (r.code) {
    case 'OVER_LIMIT':
      return new AppError('LIMIT_EXCEEDED', {
        text: onTheSpotLimitExceeded(r.limitFen, partyKind),
        params: { limitFen: r.limitFen },
        fields: [fieldError('amountFen', 'OVER_ON_THE_SPOT_LIMIT', { limit: yuan(r.limitFen) })],
      });
    case 'RANGE_ABOVE_LIMIT':
      return new AppError('LIMIT_EXCEEDED', {
        text: onTheSpotRangeAboveLimit(r.range.minFen, r.range.maxFen, r.basis, r.limitFen, r.limitCitation),
        params: { minFen: r.range.minFen, maxFen: r.range.maxFen, limitFen: r.limitFen },
        fields: [fieldError('amountFen', 'OUT_OF_RANGE')],
      });
    case 'NO_PENALTY_REQUIRED':
      return ruleViolation(onTheSpotNoPenaltyRequired(r.citation), { article: r.citation.article }, [fieldError('penalty', 'NO_PENALTY_REQUIRED')]);
    case 'OUT_OF_RANGE':
      return ruleViolation(fineOutOfRange(r.range.minFen, r.range.maxFen, r.basis), { minFen: r.range.minFen, maxFen: r.range.maxFen }, [fieldError('amountFen', 'OUT_OF_RANGE')]);
    case 'WARNING_BELOW_MINIMUM':
      return ruleViolation(onTheSpotWarningBelowMinimum(r.range.minFen, r.basis), { minFen: r.range.minFen }, [fieldError('penalty', 'FINE_REQUIRED')]);
    case 'DEVIATION_REASON_REQUIRED':
      return new AppError('VALIDATION_FAILED', { fields: [fieldError('deviationReason', 'REQUIRED_OUTSIDE_PROPOSAL')] });
  }
}

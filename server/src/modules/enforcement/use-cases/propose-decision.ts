import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { AppError, ruleViolation } from '../../../platform/errors/app-error.js';
import { ruleSetKey } from '../domain/rule-sets.js';
import { allowedRange, levelRanges, proposeOutcome, withinProposal, type Outcome } from '../domain/discretion.js';
import { collectiveRequired, hearingRight, isMajor, reviewRequired } from '../domain/procedure.js';
import { fieldError } from '../domain/messages.js';
import { fineOutOfRange, TEXT } from '../domain/texts.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps, StepInput } from '../deps.js';
import { caseView } from './case-view.js';
import { runStep } from './shared.js';

export interface ProposeDecisionInput extends StepInput {
  outcome: Outcome;
  amountFen: number;
  deviationReason?: string;
  serious: boolean;
  complex: boolean;
  publicInterest: boolean;
}

/**
 * Proposes the decision against the discretion engine: within the statutory range; outside the
 * engine's proposal a reason is required; sets which procedural safeguards the decision needs.
 */
export async function proposeDecision(deps: EnforcementDeps, actor: Actor, input: ProposeDecisionInput, ctx: AuditContext, locale: Locale) {
  const row = await runStep(deps, actor, ctx, input, 'proposal', { rule: P['case.step'], officerOnly: true }, async (r, tx) => {
    const facts = r.facts;
    if (!facts) throw ruleViolation(TEXT.factsFirst);
    const rs = await deps.rulebook.ofCase(tx, r);
    const engine = proposeOutcome({ ...facts, partyKind: r.party_kind }, rs);
    const t = rs.violations.find((v) => v.code === facts.violationType);
    if (!t) throw new AppError('VALIDATION_FAILED', { fields: [fieldError('facts.violationType', 'UNKNOWN_VIOLATION_TYPE')] });
    if (input.outcome === 'no_penalty' && input.amountFen !== 0) {
      throw new AppError('VALIDATION_FAILED', { fields: [fieldError('amountFen', 'MUST_BE_ZERO')] });
    }
    if (input.outcome !== 'no_penalty' && input.amountFen > 0) {
      const range = allowedRange(input.outcome, engine, levelRanges(rs, t));
      if (input.amountFen < range.minFen || input.amountFen > range.maxFen) {
        throw ruleViolation(fineOutOfRange(range.minFen, range.maxFen, t.penaltyBasis), { minFen: range.minFen, maxFen: range.maxFen }, [fieldError('amountFen', 'OUT_OF_RANGE')]);
      }
    }
    const outside = !withinProposal(engine, input.outcome, input.amountFen);
    if (outside && !input.deviationReason) {
      throw new AppError('VALIDATION_FAILED', { fields: [fieldError('deviationReason', 'REQUIRED_OUTSIDE_PROPOSAL')] });
    }
    const penalty = input.outcome === 'no_penalty' ? 'none' : input.amountFen === 0 ? 'warning' : 'fine';
    const flags = {
      outcome: input.outcome,
      amountFen: input.amountFen,
      partyKind: r.party_kind,
      outsideProposal: outside,
      serious: input.serious,
      complex: input.complex,
      publicInterest: input.publicInterest,
      hearingHeld: r.hearing_held,
    };
    return {
      values: {
        status: 'proposed',
        rule_set: r.rule_set ?? ruleSetKey(rs),
        proposal: engine,
        decided_outcome: input.outcome,
        amount_fen: input.amountFen,
        penalty,
        outside_proposal: outside,
        deviation_reason: outside ? (input.deviationReason ?? null) : null,
        serious: input.serious || isMajor(flags, rs.procedure),
        complex: input.complex,
        public_interest: input.publicInterest,
        hearing_right: hearingRight(input.amountFen, r.party_kind, rs.procedure),
        review_required: reviewRequired(flags, rs.procedure),
        collective_required: collectiveRequired(flags, rs.procedure),
        review_result: null,
        reviewer_id: null,
        collective_done: false,
      },
      data: { outcome: input.outcome, amountFen: input.amountFen, engineOutcome: engine.outcome, outsideProposal: outside, ruleSet: engine.ruleSet },
    };
  });
  return caseView(deps, row, locale);
}

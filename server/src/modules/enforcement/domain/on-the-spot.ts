import { allowedRange, proposeOutcome, type CaseFacts, type Proposal } from './discretion.js';
import type { AmountRange, PartyKind, RuleCitation, RuleSet } from './rule-sets.js';

/**
 * The on-the-spot (simple) procedure under the same discretion engine and range checks as the
 * general procedure (pure). 《行政处罚法》第五十一条 allows it only where the facts are certain and a
 * legal basis exists, for a warning or a fine within the art. 51 limit; the fine must still lie in
 * the violation's statutory range (or the 减轻 range the engine proposes), a case the lenient rules
 * exempt (应当不予处罚) cannot be penalised at all, and an amount outside the engine's proposal needs
 * a reason like any other decision.
 */

export type OnTheSpotRefusal =
  /** Over the art. 51 limit. */
  | { code: 'OVER_LIMIT'; limitFen: number }
  /** The lenient rules require no penalty (art. 33): the on-the-spot procedure does not apply. */
  | { code: 'NO_PENALTY_REQUIRED'; citation: RuleCitation }
  /** The statutory minimum (or the allowed range) lies above the art. 51 limit: use the general procedure. */
  | { code: 'RANGE_ABOVE_LIMIT'; range: AmountRange; limitFen: number; basis: RuleCitation; limitCitation: RuleCitation }
  /** The fine is outside the statutory (or 减轻) range. */
  | { code: 'OUT_OF_RANGE'; range: AmountRange; basis: RuleCitation }
  /** A warning alone where the statute sets a minimum fine and no mitigation applies. */
  | { code: 'WARNING_BELOW_MINIMUM'; range: AmountRange; basis: RuleCitation }
  /** Outside the engine's proposal without a reason. */
  | { code: 'DEVIATION_REASON_REQUIRED'; proposal: Proposal };

export interface OnTheSpotCheck {
  penalty: 'warning' | 'fine';
  amountFen: number;
  partyKind: PartyKind;
  facts: CaseFacts;
  deviationReason?: string;
}

export interface OnTheSpotResult {
  proposal: Proposal;
  /** The first rule the penalty breaks, or null. */
  refusal: OnTheSpotRefusal | null;
  outsideProposal: boolean;
}

/** Checks an on-the-spot penalty against art. 51, the lenient rules and the discretion benchmark. */
export function checkOnTheSpot(input: OnTheSpotCheck, rs: RuleSet): OnTheSpotResult {
  const proposal = proposeOutcome({ ...input.facts, partyKind: input.partyKind }, rs);
  const t = rs.violations.find((v) => v.code === input.facts.violationType);
  // proposeOutcome has already refused an unknown type.
  const basis = t!.penaltyBasis;
  const limitFen = rs.procedure.onTheSpotMaxFen[input.partyKind];
  const limitCitation = rs.procedure.citations.onTheSpot;
  const outside = outsideProposal(proposal, input.penalty, input.amountFen);
  const done = (refusal: OnTheSpotRefusal | null): OnTheSpotResult => ({ proposal, refusal, outsideProposal: outside });

  if (proposal.outcome === 'no_penalty' && proposal.mandatory) return done({ code: 'NO_PENALTY_REQUIRED', citation: proposal.citations[0] });
  const range = allowedRange(proposal.outcome === 'mitigated' ? 'mitigated' : 'standard', proposal, mitigatedLevel(proposal));
  const mitigable = proposal.outcome === 'mitigated' || proposal.outcome === 'no_penalty';
  if (input.penalty === 'warning') {
    if (range.minFen > 0 && !mitigable) return done({ code: 'WARNING_BELOW_MINIMUM', range, basis });
  } else {
    if (input.amountFen > limitFen) {
      return done(range.minFen > limitFen ? { code: 'RANGE_ABOVE_LIMIT', range, limitFen, basis, limitCitation } : { code: 'OVER_LIMIT', limitFen });
    }
    if (input.amountFen < range.minFen || input.amountFen > range.maxFen) {
      return done(range.minFen > limitFen ? { code: 'RANGE_ABOVE_LIMIT', range, limitFen, basis, limitCitation } : { code: 'OUT_OF_RANGE', range, basis });
    }
  }
  if (outside && !input.deviationReason?.trim()) return done({ code: 'DEVIATION_REASON_REQUIRED', proposal });
  return done(null);
}

/** The engine's 减轻 band when it proposes one (the range a mitigated amount may use). */
function mitigatedLevel(p: Proposal): Record<string, AmountRange> | undefined {
  return p.outcome === 'mitigated' ? { mitigated: p.amountRange } : undefined;
}

/** Whether the penalty leaves the engine's proposal (a warning counts as amount 0). */
export function outsideProposal(p: Proposal, penalty: 'warning' | 'fine', amountFen: number): boolean {
  if (p.outcome === 'no_penalty') return true;
  const amount = penalty === 'warning' ? 0 : amountFen;
  return amount < p.amountRange.minFen || amount > p.amountRange.maxFen;
}

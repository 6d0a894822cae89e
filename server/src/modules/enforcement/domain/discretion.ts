import {
  CITATIONS,
  type AmountRange,
  type PartyKind,
  type RuleCitation,
  type RuleSet,
  type ViolationType,
} from './rule-sets.js';

/**
 * The discretion engine (pure, allocation-light): from a case's facts and a rule set it proposes
 * the outcome, the amount range, the reasons and the citations. Rule sets are compiled once
 * (level ranges computed, citation lists frozen) so an evaluation allocates only its result.
 */

export type Outcome = 'no_penalty' | 'lighter' | 'mitigated' | 'standard' | 'heavier';
export const OUTCOMES: readonly Outcome[] = ['no_penalty', 'lighter', 'mitigated', 'standard', 'heavier'];

export type Harm = 'none' | 'minor' | 'significant' | 'serious';
export type MitigatingGround = 'eliminated_harm' | 'coerced' | 'confessed' | 'meritorious' | 'other_law';
export type AggravatingGround = 'repeat' | 'refused_correction' | 'obstruction' | 'vulnerable_victims';

export interface CaseFacts {
  violationType: string;
  partyKind: PartyKind;
  /** No earlier violation of the same kind on record (初次违法). */
  firstViolation: boolean;
  harm: Harm;
  /** Corrected promptly (及时改正). */
  corrected: boolean;
  /** Sufficient evidence that the party had no subjective fault (art. 33 ¶2). */
  noFault?: boolean;
  /** Art. 32 grounds. */
  mitigating?: readonly MitigatingGround[];
  /** A minor aged 14–18 (art. 30). */
  minorAge?: boolean;
  /** Partially impaired capacity (art. 31, discretionary). */
  impairedCapacity?: boolean;
  aggravating?: readonly AggravatingGround[];
}

export type ReasonCode =
  | 'NO_FAULT'
  | 'MINOR_NO_HARM'
  | 'FIRST_VIOLATION'
  | 'ART32_GROUNDS'
  | 'MINOR_AGE'
  | 'IMPAIRED_CAPACITY'
  | 'AGGRAVATING'
  | 'MIXED_GROUNDS'
  | 'STANDARD';

export interface Proposal {
  outcome: Outcome;
  /** Whether the law requires this outcome (应当) or leaves it to the officer (可以). */
  mandatory: boolean;
  /** The proposed fine range; {0,0} for no penalty. */
  amountRange: AmountRange;
  /** The statutory range of the violation type. */
  statutoryRange: AmountRange;
  reasons: readonly ReasonCode[];
  citations: readonly RuleCitation[];
  ruleSet: string;
}

interface CompiledType {
  type: ViolationType;
  levels: Record<Exclude<Outcome, 'no_penalty'>, AmountRange>;
  basis: readonly RuleCitation[];
}

export interface CompiledRuleSet {
  key: string;
  ruleSet: RuleSet;
  types: Map<string, CompiledType>;
}

const ZERO: AmountRange = Object.freeze({ minFen: 0, maxFen: 0 });

/** Level ranges of one violation type (province overrides in `levels` win). */
export function levelRanges(rs: RuleSet, t: ViolationType): Record<Exclude<Outcome, 'no_penalty'>, AmountRange> {
  const { minFen, maxFen } = t.range;
  const span = maxFen - minFen;
  const lighterTop = minFen + Math.floor(span * rs.lighterShare);
  const heavierBottom = maxFen - Math.floor(span * rs.heavierShare);
  const computed = {
    lighter: { minFen, maxFen: lighterTop },
    standard: { minFen: Math.min(lighterTop, heavierBottom), maxFen: Math.max(lighterTop, heavierBottom) },
    heavier: { minFen: heavierBottom, maxFen },
    // 减轻: below the minimum. Where the statute has no minimum, 减轻 is the lighter band.
    mitigated: minFen > 0 ? { minFen: Math.floor(minFen * rs.mitigatedFloorShare), maxFen: minFen - 1 } : { minFen, maxFen: lighterTop },
  };
  const out = { ...computed, ...t.levels };
  for (const k of Object.keys(out) as (keyof typeof out)[]) out[k] = Object.freeze({ ...out[k] });
  return out;
}

const cache = new WeakMap<RuleSet, CompiledRuleSet>();

export function compileRuleSet(rs: RuleSet): CompiledRuleSet {
  const hit = cache.get(rs);
  if (hit) return hit;
  const types = new Map<string, CompiledType>();
  for (const t of rs.violations) {
    types.set(t.code, { type: t, levels: levelRanges(rs, t), basis: Object.freeze([t.penaltyBasis]) });
  }
  const compiled = { key: `${rs.id}@${rs.version}`, ruleSet: rs, types };
  cache.set(rs, compiled);
  return compiled;
}

// Frozen reason and citation lists, shared by every result (no per-call allocation).
const R = {
  noFault: Object.freeze<ReasonCode[]>(['NO_FAULT']),
  minor: Object.freeze<ReasonCode[]>(['MINOR_NO_HARM']),
  first: Object.freeze<ReasonCode[]>(['FIRST_VIOLATION']),
  art32: Object.freeze<ReasonCode[]>(['ART32_GROUNDS']),
  minorAge: Object.freeze<ReasonCode[]>(['MINOR_AGE']),
  art32MinorAge: Object.freeze<ReasonCode[]>(['ART32_GROUNDS', 'MINOR_AGE']),
  impaired: Object.freeze<ReasonCode[]>(['IMPAIRED_CAPACITY']),
  aggravating: Object.freeze<ReasonCode[]>(['AGGRAVATING']),
  mixed: Object.freeze<ReasonCode[]>(['MIXED_GROUNDS']),
  standard: Object.freeze<ReasonCode[]>(['STANDARD']),
};
const C = {
  noFault: Object.freeze([CITATIONS.noFault, CITATIONS.education]),
  minor: Object.freeze([CITATIONS.minorNoHarm, CITATIONS.lists, CITATIONS.education]),
  first: Object.freeze([CITATIONS.firstViolation, CITATIONS.lists, CITATIONS.education]),
  art32: Object.freeze([CITATIONS.art32, CITATIONS.lighterShare]),
  art32Mitigated: Object.freeze([CITATIONS.art32]),
  minorAge: Object.freeze([CITATIONS.minorAge, CITATIONS.lighterShare]),
  art32MinorAge: Object.freeze([CITATIONS.art32, CITATIONS.minorAge]),
  impaired: Object.freeze([CITATIONS.impaired, CITATIONS.lighterShare]),
  heavier: Object.freeze([CITATIONS.heavier, CITATIONS.benchmark]),
  standard: Object.freeze([CITATIONS.benchmark]),
};

export class UnknownViolationType extends Error {
  constructor(readonly code: string) {
    super(`unknown violation type ${code}`);
  }
}

function result(
  c: CompiledRuleSet,
  t: CompiledType,
  outcome: Outcome,
  mandatory: boolean,
  amountRange: AmountRange,
  reasons: readonly ReasonCode[],
  citations: readonly RuleCitation[],
): Proposal {
  return { outcome, mandatory, amountRange, statutoryRange: t.type.range, reasons, citations, ruleSet: c.key };
}

/**
 * Proposes the outcome for a case. Order: no fault (art. 33 ¶2) → minor with no harm on the
 * 轻微免罚 list (art. 33 ¶1, mandatory) → first violation on the 首违不罚 list (art. 33 ¶1,
 * discretionary) → mitigating grounds (art. 30/31/32) against aggravating ones → standard.
 * Two or more art. 32 grounds, or one with no harm, propose 减轻 (below the minimum); one ground
 * or a minor's age proposes 从轻 (the lowest share of the range). Mitigating and aggravating
 * grounds together propose the standard band.
 */
export function proposeOutcome(facts: CaseFacts, ruleSet: RuleSet | CompiledRuleSet): Proposal {
  const c = 'types' in ruleSet ? ruleSet : compileRuleSet(ruleSet);
  const t = c.types.get(facts.violationType);
  if (!t) throw new UnknownViolationType(facts.violationType);
  if (facts.noFault) return result(c, t, 'no_penalty', true, ZERO, R.noFault, C.noFault);
  const lowHarm = facts.harm === 'none' || facts.harm === 'minor';
  if (facts.corrected && facts.harm === 'none' && t.type.minorList) return result(c, t, 'no_penalty', true, ZERO, R.minor, C.minor);
  if (facts.corrected && lowHarm && facts.firstViolation && t.type.firstViolationList) {
    return result(c, t, 'no_penalty', false, ZERO, R.first, C.first);
  }
  const grounds = facts.mitigating?.length ?? 0;
  const mitigating = grounds > 0 || !!facts.minorAge || !!facts.impairedCapacity;
  const aggravating = (facts.aggravating?.length ?? 0) > 0 || facts.harm === 'serious';
  if (mitigating && aggravating) return result(c, t, 'standard', false, t.levels.standard, R.mixed, C.standard);
  if (aggravating) return result(c, t, 'heavier', false, t.levels.heavier, R.aggravating, C.heavier);
  if (grounds >= 2 || (grounds === 1 && facts.harm === 'none')) {
    return result(c, t, 'mitigated', true, t.levels.mitigated, facts.minorAge ? R.art32MinorAge : R.art32, facts.minorAge ? C.art32MinorAge : C.art32Mitigated);
  }
  if (grounds === 1) return result(c, t, 'lighter', true, t.levels.lighter, facts.minorAge ? R.art32MinorAge : R.art32, facts.minorAge ? C.art32MinorAge : C.art32);
  if (facts.minorAge) return result(c, t, 'lighter', true, t.levels.lighter, R.minorAge, C.minorAge);
  if (facts.impairedCapacity) return result(c, t, 'lighter', false, t.levels.lighter, R.impaired, C.impaired);
  return result(c, t, 'standard', false, t.levels.standard, R.standard, C.standard);
}

/** The range a decided outcome's amount must fall in (减轻 may go below the statutory minimum). */
export function allowedRange(outcome: Outcome, p: Pick<Proposal, 'statutoryRange'>, levels?: Record<string, AmountRange>): AmountRange {
  if (outcome === 'no_penalty') return ZERO;
  if (outcome === 'mitigated') return { minFen: levels?.mitigated.minFen ?? 0, maxFen: Math.max(p.statutoryRange.minFen - 1, levels?.mitigated.maxFen ?? 0) };
  return p.statutoryRange;
}

/** Whether an officer's chosen outcome and amount stay inside the engine's proposal. */
export function withinProposal(p: Proposal, outcome: Outcome, amountFen: number): boolean {
  if (outcome !== p.outcome) {
    // Choosing 不予处罚 where the law only allows it (可以) is still inside; nothing else is.
    return false;
  }
  return amountFen >= p.amountRange.minFen && amountFen <= p.amountRange.maxFen;
}

/** Reason texts for presentation. */
export const REASON_TEXT: Record<ReasonCode, { 'zh-CN': string; 'zh-TW': string; en: string }> = {
  NO_FAULT: { 'zh-CN': '有证据足以证明没有主观过错', 'zh-TW': '有證據足以證明沒有主觀過錯', en: 'Sufficient evidence of no subjective fault' },
  MINOR_NO_HARM: { 'zh-CN': '违法行为轻微并及时改正，没有造成危害后果（轻微免罚清单）', 'zh-TW': '違法行為輕微並及時改正，沒有造成危害後果（輕微免罰清單）', en: 'Minor violation, promptly corrected, no harm (minor-violation list)' },
  FIRST_VIOLATION: { 'zh-CN': '初次违法且危害后果轻微并及时改正（首违不罚清单）', 'zh-TW': '初次違法且危害後果輕微並及時改正（首違不罰清單）', en: 'First violation, minor harm, promptly corrected (first-violation list)' },
  ART32_GROUNDS: { 'zh-CN': '具有应当从轻或者减轻处罚的情形', 'zh-TW': '具有應當從輕或者減輕處罰的情形', en: 'Grounds requiring a lighter or mitigated penalty' },
  MINOR_AGE: { 'zh-CN': '已满十四周岁不满十八周岁', 'zh-TW': '已滿十四周歲不滿十八周歲', en: 'A minor aged 14 to 18' },
  IMPAIRED_CAPACITY: { 'zh-CN': '尚未完全丧失辨认或者控制能力', 'zh-TW': '尚未完全喪失辨認或者控制能力', en: 'Partially impaired capacity' },
  AGGRAVATING: { 'zh-CN': '具有从重处罚情节', 'zh-TW': '具有從重處罰情節', en: 'Aggravating circumstances' },
  MIXED_GROUNDS: { 'zh-CN': '从轻与从重情节并存，按一般裁量', 'zh-TW': '從輕與從重情節並存，按一般裁量', en: 'Both mitigating and aggravating grounds: standard band' },
  STANDARD: { 'zh-CN': '无从轻、减轻或从重情节，按一般裁量', 'zh-TW': '無從輕、減輕或從重情節，按一般裁量', en: 'No special grounds: standard band' },
};

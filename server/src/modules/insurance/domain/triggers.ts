/**
 * The assured-consumption insurance rules (放心消费险, Kaifeng; docs rules.md §H) as pure checks.
 * Each condition is returned with pass / fail / pending so the screens show which one fails.
 */
import type { LocalizedText } from '../../../platform/i18n/i18n.js';

import { CLAIM_BASES, LIABILITY_FINDINGS } from '../../../../../contracts/insurance.js';

export { CLAIM_BASES, LIABILITY_FINDINGS };
export type ClaimBasis = (typeof CLAIM_BASES)[number];
export type LiabilityFinding = (typeof LIABILITY_FINDINGS)[number];

/** The per-purchase cap for property loss (¥10,000). */
export const DEFAULT_PURCHASE_CAP_FEN = 1_000_000;

export type ConditionId = 'policy_in_force' | 'complaint_not_report' | 'mediation_failed' | 'clear_price' | 'within_area' | 'category_covered' | 'purchase_cap' | 'business_liability';

export interface Condition {
  id: ConditionId;
  /** true pass, false fail, null not decided yet (the liability finding is made at review). */
  passed: boolean | null;
  label: LocalizedText;
}

export const CONDITION_LABELS: Record<ConditionId, LocalizedText> = {
  policy_in_force: { 'zh-CN': '消费发生在保险期间内（有有效保单）', 'zh-TW': '消費發生在保險期間內（有有效保單）', en: 'The purchase falls within a policy term' },
  complaint_not_report: { 'zh-CN': '消费者已向政府部门投诉（非举报）', 'zh-TW': '消費者已向政府部門投訴（非舉報）', en: 'The consumer complained to the government department (not a report)' },
  mediation_failed: { 'zh-CN': '经调解未能达成协议（触发条件三）', 'zh-TW': '經調解未能達成協議（觸發條件三）', en: 'Mediation ended without agreement (trigger 3)' },
  clear_price: { 'zh-CN': '争议商品或服务价格明确（触发条件一）', 'zh-TW': '爭議商品或服務價格明確（觸發條件一）', en: 'The goods or service had a clear price (trigger 1)' },
  within_area: { 'zh-CN': '纠纷发生在承保区域内（触发条件二）', 'zh-TW': '糾紛發生在承保區域內（觸發條件二）', en: 'The dispute arose within the covered area (trigger 2)' },
  category_covered: { 'zh-CN': '属于承保的吃住行游购娱消费', 'zh-TW': '屬於承保的吃住行遊購娛消費', en: 'The purchase is in a covered category (food, lodging, transport, tourism, shopping, entertainment)' },
  purchase_cap: { 'zh-CN': '财产损失类消费金额不超过购买上限', 'zh-TW': '財產損失類消費金額不超過購買上限', en: 'The purchase amount is within the purchase cap' },
  business_liability: {
    'zh-CN': '经营者非故意但负有责任，或无充分证据证明其无责任（触发条件四）',
    'zh-TW': '經營者非故意但負有責任，或無充分證據證明其無責任（觸發條件四）',
    en: 'The business acted non-intentionally but is liable, or there is insufficient evidence that it is not (trigger 4)',
  },
};

export interface PolicyTerms {
  startsOn: string;
  endsOn: string;
  /** Region-code prefixes covered (e.g. '330102'). */
  coveredRegions: string[];
  categories: string[];
  purchaseCapFen: number;
}

export interface ComplaintFacts {
  kind: 'complaint' | 'report';
  status: string;
  mediationFailed: boolean;
  regionCode: string | null;
  category: string | null;
  amountFen: number | null;
  /** The day of the purchase (else the day the complaint was received). */
  occurredOn: string;
}

const c = (id: ConditionId, passed: boolean | null): Condition => ({ id, passed, label: CONDITION_LABELS[id] });

/** Every trigger condition of §H, each with its result. `liability` is the reviewer's finding, if made. */
export function evaluateConditions(facts: ComplaintFacts, policy: PolicyTerms | null, liability?: LiabilityFinding | null): Condition[] {
  return [
    c('policy_in_force', !!policy && policy.startsOn <= facts.occurredOn && facts.occurredOn <= policy.endsOn),
    c('complaint_not_report', facts.kind === 'complaint'),
    c('mediation_failed', facts.status === 'closed' && facts.mediationFailed),
    c('clear_price', facts.amountFen != null && facts.amountFen > 0),
    c('within_area', !!policy && !!facts.regionCode && policy.coveredRegions.some((r) => facts.regionCode!.startsWith(r))),
    c('category_covered', !!policy && !!facts.category && policy.categories.includes(facts.category)),
    c('purchase_cap', !!policy && facts.amountFen != null && facts.amountFen <= policy.purchaseCapFen),
    c('business_liability', liability == null ? null : liability === 'non_intentional_liable' || liability === 'insufficient_evidence_of_non_liability'),
  ];
}

/** The conditions that fail (pending ones do not). */
export function failing(conditions: Condition[]): Condition[] {
  return conditions.filter((x) => x.passed === false);
}

/**
 * How much may be approved: at most the amount claimed, the per-accident limit and what is left
 * of the aggregate. Returns the binding limit when the request is over it.
 */
export function approvalLimit(requestedFen: number, claimedFen: number, perAccidentFen: number, remainingAggregateFen: number): { ok: true } | { ok: false; limit: 'claimed' | 'per_accident' | 'aggregate'; maxFen: number } {
  if (requestedFen > claimedFen) return { ok: false, limit: 'claimed', maxFen: claimedFen };
  if (requestedFen > perAccidentFen) return { ok: false, limit: 'per_accident', maxFen: perAccidentFen };
  if (requestedFen > remainingAggregateFen) return { ok: false, limit: 'aggregate', maxFen: Math.max(0, remainingAggregateFen) };
  return { ok: true };
}

/** Claim condition 4 (§H): a mass incident has at least this many people injured or killed. */
export const MASS_INCIDENT_MIN_PEOPLE = 5;

/** Whether an incident qualifies for the `mass_incident` basis. */
export function isMassIncident(peopleAffected: number): boolean {
  return peopleAffected >= MASS_INCIDENT_MIN_PEOPLE;
}

/** What is left of the per-accident limit once the incident's other claims are counted. */
export function perAccidentRemaining(limitFen: number, approvedFen: number): number {
  return Math.max(0, limitFen - approvedFen);
}

import { CITES, NEVER_REPAIRABLE_PENALTIES, ONE_YEAR_MINIMUM_TYPES, type Citation } from './rules.js';

/** What the eligibility check needs to know of one record and its enterprise (no I/O). */
export interface EligibilityInput {
  kind: 'penalty' | 'abnormal' | 'serious';
  status: string;
  severity: 'minor' | 'general' | 'serious';
  penaltyKind: string;
  violationType: string | null;
  finePaid: boolean;
  /** null = never repairable (excluded type). */
  repairableFrom: string | null;
  today: string;
  /** Other active list records of the enterprise (abnormal / serious), excluding this one. */
  otherListKinds: ('abnormal' | 'serious')[];
  /** Penalties of the same violation type decided after this record's decision. */
  repeatPenalties: number;
  /** For the abnormal list: whether the listing ground is cured (e.g. the overdue report filed). */
  groundCured?: boolean;
}

export type IneligibleCode = 'not_published' | 'excluded_serious_penalty' | 'excluded_short_publicity' | 'minimum_period' | 'fine_unpaid' | 'on_other_list' | 'repeat_violation' | 'ground_not_cured';

export interface Refusal {
  code: IneligibleCode;
  rule: Citation;
  params: Record<string, string | number>;
}

/**
 * Whether a record may be repaired now, and every reason it may not (each with its rule):
 * Order 45 art. 14 and the 2021 repair measures (rules.md §B4, §C1).
 */
export function checkEligibility(i: EligibilityInput): { eligible: boolean; reasons: Refusal[] } {
  const reasons: Refusal[] = [];
  if (i.status !== 'published') reasons.push({ code: 'not_published', rule: CITES.status, params: { status: i.status } });
  if (i.kind === 'penalty') {
    if ((NEVER_REPAIRABLE_PENALTIES as readonly string[]).includes(i.penaltyKind)) reasons.push({ code: 'excluded_serious_penalty', rule: CITES.excludedSerious, params: { penaltyKind: i.penaltyKind } });
    else if (i.repairableFrom == null) reasons.push({ code: 'excluded_short_publicity', rule: CITES.excludedShort, params: {} });
  }
  if (i.repairableFrom != null && i.today < i.repairableFrom) {
    const long = i.violationType != null && (ONE_YEAR_MINIMUM_TYPES as readonly string[]).includes(i.violationType);
    reasons.push({ code: 'minimum_period', rule: i.kind === 'serious' ? CITES.serious : long ? CITES.minimumNdrc : CITES.minimum, params: { from: i.repairableFrom } });
  }
  if (i.kind !== 'abnormal' && !i.finePaid) reasons.push({ code: 'fine_unpaid', rule: CITES.finePaid, params: {} });
  if (i.kind === 'penalty' && i.otherListKinds.length) reasons.push({ code: 'on_other_list', rule: CITES.otherList, params: { lists: i.otherListKinds.join(',') } });
  if (i.kind === 'penalty' && i.repeatPenalties > 0) reasons.push({ code: 'repeat_violation', rule: CITES.repeat, params: { count: i.repeatPenalties } });
  if (i.kind === 'abnormal' && i.groundCured === false) reasons.push({ code: 'ground_not_cured', rule: CITES.abnormalRemoval, params: {} });
  return { eligible: reasons.length === 0, reasons };
}

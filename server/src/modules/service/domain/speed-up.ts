/**
 * 承诺提速率 and 实际提速率 (pure). No national formula was found (rules.md §I, [UNVERIFIED] common
 * definition): for one item `(法定办结时限 − 承诺办结时限) / 法定办结时限 × 100%`; over a set of
 * items the sums are used, which is the mean weighted by the statutory limit:
 *
 *   承诺提速率 = Σ(法定 − 承诺) / Σ法定 × 100%
 *   实际提速率 = Σ over handled cases (法定 − 实际用时) / Σ over those cases 法定 × 100%
 */

export const SPEED_UP_FORMULA = {
  committed: '承诺提速率 = Σ(法定办结时限 − 承诺办结时限) ÷ Σ法定办结时限 × 100%',
  actual: '实际提速率 = Σ(法定办结时限 − 实际办理用时) ÷ Σ法定办结时限 × 100%（按办件）',
  source: '规则 §I：全国公式未查到，采用通行定义 [UNVERIFIED]，待四川一体化政务服务平台指标口径确认',
} as const;

export interface Limits {
  statutoryDays: number;
  committedDays: number;
}

/** Rounded to two decimals, as the figures publish it (79.39). */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The commitment speed-up rate in percent over a set of items (null for none). */
export function committedSpeedUp(items: readonly Limits[]): number | null {
  const statutory = items.reduce((s, i) => s + i.statutoryDays, 0);
  if (statutory === 0) return null;
  const saved = items.reduce((s, i) => s + (i.statutoryDays - i.committedDays), 0);
  return round2((saved / statutory) * 100);
}

/** The actual speed-up rate in percent from handled cases: each case's statutory limit and days taken. */
export function actualSpeedUp(cases: readonly { statutoryDays: number; daysTaken: number }[]): number | null {
  const statutory = cases.reduce((s, c) => s + c.statutoryDays, 0);
  if (statutory === 0) return null;
  const saved = cases.reduce((s, c) => s + (c.statutoryDays - c.daysTaken), 0);
  return round2((saved / statutory) * 100);
}

/** A rate in percent (two decimals), or null for none. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : round2((part / whole) * 100);
}

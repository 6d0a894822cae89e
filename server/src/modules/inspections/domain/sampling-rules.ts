/**
 * Sampling ratios per credit-risk class, configurable per province (issue 13 §2, rules.md §D).
 *
 * The national text (国市监信发〔2022〕6号) sets four classes A–D and says the ratio rises with the
 * risk but sets no percentages. The default ranges below are the published local example of Daqing
 * (Lindian): A ≤ 5%, B 5–20%, C 21–60%, D 61–100%. Shandong uses five classes A–E under
 * 不评价、不惩戒、不公开、不免抽: nobody is exempt, so every class has a ratio above zero.
 * An enterprise without a class yet forms its own stratum (`-`), sampled at the general (B) rate.
 */

export interface ClassRange {
  riskClass: string;
  /** Inclusive bounds of the ratio (0–1) a task may set for the class. */
  min: number;
  max: number;
  /** The ratio proposed when a task is created. */
  default: number;
}

export interface SamplingRule {
  id: string;
  /** GB/T 2260 province prefix ('00' = the national default). */
  province: string;
  classes: ClassRange[];
  citation: string;
}

/** The stratum of targets that have no risk class yet. */
export const UNCLASSED = '-';

export const SAMPLING_RULES: readonly SamplingRule[] = [
  {
    id: 'daqing-2024',
    province: '00',
    classes: [
      { riskClass: 'A', min: 0, max: 0.05, default: 0.03 },
      { riskClass: 'B', min: 0.05, max: 0.2, default: 0.1 },
      { riskClass: 'C', min: 0.21, max: 0.6, default: 0.3 },
      { riskClass: 'D', min: 0.61, max: 1, default: 0.8 },
      { riskClass: UNCLASSED, min: 0.05, max: 0.2, default: 0.1 },
    ],
    citation: '国市监信发〔2022〕6号（分类原则）；大庆市林甸县抽查比例示例 A≤5%、B 5–20%、C 21–60%、D 61–100%',
  },
  {
    id: 'shandong-a-e',
    province: '37',
    classes: [
      { riskClass: 'A', min: 0.01, max: 0.05, default: 0.03 },
      { riskClass: 'B', min: 0.05, max: 0.2, default: 0.1 },
      { riskClass: 'C', min: 0.21, max: 0.4, default: 0.3 },
      { riskClass: 'D', min: 0.41, max: 0.7, default: 0.5 },
      { riskClass: 'E', min: 0.71, max: 1, default: 0.9 },
      { riskClass: UNCLASSED, min: 0.05, max: 0.2, default: 0.1 },
    ],
    citation: '山东省企业信用风险分类 A–E（不评价、不惩戒、不公开、不免抽）',
  },
];

/** The rule in force for a region: its province's, else the national default. */
export function samplingRuleFor(regionCode: string): SamplingRule {
  return SAMPLING_RULES.find((r) => r.province === regionCode.slice(0, 2)) ?? SAMPLING_RULES[0];
}

export function defaultRatios(rule: SamplingRule): Record<string, number> {
  return Object.fromEntries(rule.classes.map((c) => [c.riskClass, c.default]));
}

/** The classes whose given ratio falls outside the rule (or that the rule does not know). */
export function ratioViolations(rule: SamplingRule, ratios: Record<string, number>): { riskClass: string; min: number; max: number }[] {
  const out: { riskClass: string; min: number; max: number }[] = [];
  for (const [cls, ratio] of Object.entries(ratios)) {
    const range = rule.classes.find((c) => c.riskClass === cls);
    if (!range) out.push({ riskClass: cls, min: 0, max: 0 });
    else if (!(ratio >= range.min && ratio <= range.max)) out.push({ riskClass: cls, min: range.min, max: range.max });
  }
  return out;
}

/** The complete ratio table of a task: the rule's defaults overridden by the given ratios. */
export function completeRatios(rule: SamplingRule, ratios: Record<string, number> | undefined): Record<string, number> {
  return { ...defaultRatios(rule), ...(ratios ?? {}) };
}

/**
 * Enterprise credit-risk classification (国市监信发〔2022〕6号, rules.md §D): A 低, B 一般, C 较高,
 * D 高; a province may use five classes A–E (Shandong: 不评价、不惩戒、不公开、不免抽, serious
 * situations straight to E). Internal only. The rule set is versioned data; the national text sets
 * no weights, so the weights below are this platform's documented choice (version in each result).
 */
export interface RiskInputs {
  /** Penalty records now published, by severity. */
  penalties: { minor: number; general: number; serious: number };
  /** Penalties decided in the last 3 years (enforcement history, published or not). */
  penaltiesLast3Years: number;
  onAbnormalList: boolean;
  onSeriousList: boolean;
  /** Last year's annual report missing (after 30 June). */
  reportMissing: boolean;
  /** Repairs completed in the last year. */
  repairsLastYear: number;
  status: string;
  /** Years since establishment. */
  ageYears: number;
}

export interface RiskRuleSet {
  version: string;
  citation: string;
  classes: readonly string[];
  /** Upper score bounds (exclusive) for each class but the last. */
  bounds: readonly number[];
  weights: { minor: number; general: number; serious: number; history: number; abnormal: number; reportMissing: number; repaired: number; inactive: number; young: number };
}

const WEIGHTS = { minor: 3, general: 15, serious: 40, history: 5, abnormal: 25, reportMissing: 10, repaired: 2, inactive: 10, young: 5 };

export const RISK_RULE_SETS: Record<string, RiskRuleSet> = {
  'national-4-v1': {
    version: 'national-4-v1',
    citation: '国市监信发〔2022〕6号 《关于推进企业信用风险分类管理进一步提升监管效能的意见》',
    classes: ['A', 'B', 'C', 'D'],
    bounds: [10, 30, 60],
    weights: WEIGHTS,
  },
  'shandong-5-v1': {
    version: 'shandong-5-v1',
    citation: '国市监信发〔2022〕6号；山东省五类分类（不评价、不惩戒、不公开、不免抽）',
    classes: ['A', 'B', 'C', 'D', 'E'],
    bounds: [10, 25, 45, 70],
    weights: WEIGHTS,
  },
};

export interface RiskResult {
  riskClass: string;
  score: number;
  factors: { factor: string; points: number }[];
  rulesVersion: string;
}

export function classify(i: RiskInputs, rules: RiskRuleSet): RiskResult {
  const w = rules.weights;
  const factors: { factor: string; points: number }[] = [];
  const add = (factor: string, points: number) => {
    if (points) factors.push({ factor, points });
  };
  add('penalty.minor', i.penalties.minor * w.minor);
  add('penalty.general', i.penalties.general * w.general);
  add('penalty.serious', i.penalties.serious * w.serious);
  add('history.3y', Math.min(i.penaltiesLast3Years, 6) * w.history);
  add('list.abnormal', i.onAbnormalList ? w.abnormal : 0);
  add('report.missing', i.reportMissing ? w.reportMissing : 0);
  add('repaired', i.repairsLastYear * w.repaired);
  add('status.inactive', i.status !== 'active' ? w.inactive : 0);
  add('age.young', i.ageYears < 1 ? w.young : 0);
  const score = factors.reduce((s, f) => s + f.points, 0);
  const last = rules.classes[rules.classes.length - 1];
  if (i.onSeriousList) return { riskClass: last, score: Math.max(score, 100), factors: [...factors, { factor: 'list.serious', points: 100 }], rulesVersion: rules.version };
  let idx = rules.bounds.findIndex((b) => score < b);
  if (idx < 0) idx = rules.classes.length - 1;
  return { riskClass: rules.classes[idx], score, factors, rulesVersion: rules.version };
}

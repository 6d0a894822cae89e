import type { TimeLimitOverrides } from '../../../platform/calendar/index.js';
/**
 * Lenient-enforcement lists and discretion benchmarks as versioned data (pure, no code paths per
 * item). A case stores the `id@version` of the rule set it was decided under; a change adds a new
 * version beside the old one and never edits a published one.
 *
 * Evidence tags follow docs rules.md: LAW-TEXT (read in the full text), PAGE (a public page),
 * UNVERIFIED (a default someone must confirm). Amounts are integer fen.
 */

export type SourceTag = 'LAW-TEXT' | 'PAGE' | 'CODE' | 'UNVERIFIED';

export interface RuleCitation {
  law: string;
  article: string;
  source: SourceTag;
  note?: string;
}

export type PartyKind = 'person' | 'organisation';

export interface AmountRange {
  minFen: number;
  maxFen: number;
}

/** One violation type of the discretion benchmark (裁量基准). */
export interface ViolationType {
  code: string;
  name: string;
  /** The provision the conduct violates. */
  violated: RuleCitation;
  /** The provision that sets the penalty and its statutory range. */
  penaltyBasis: RuleCitation;
  /** Statutory fine range (fen). */
  range: AmountRange;
  /** On the 首违不罚 list (first violation, minor harm, promptly corrected: art. 33 ¶1, discretionary). */
  firstViolationList?: boolean;
  /** On the 轻微免罚 list (minor, corrected, no harm: art. 33 ¶1, mandatory). */
  minorList?: boolean;
  /** Explicit level ranges that replace the computed ones (a province's own benchmark table). */
  levels?: Partial<Record<'lighter' | 'standard' | 'heavier' | 'mitigated', AmountRange>>;
}

/** Procedure thresholds a province may set (each with its citation). */
export interface ProcedureSettings {
  /** A fine at or above this gives the party the right to a hearing (art. 63; SAMR hearing rules). */
  hearingFen: Record<PartyKind, number>;
  /** On-the-spot (simple) procedure: fine at most this (art. 51). */
  onTheSpotMaxFen: Record<PartyKind, number>;
  /** A fine at or above this makes the case major: collective discussion (art. 57 ¶2) and legal review. */
  majorFen: Record<PartyKind, number>;
  /** A fine below this is a "较低数额罚款": published for 3 months instead of 3 years (Order 45 art. 13). */
  lowFineFen: Record<PartyKind, number>;
  citations: Record<'hearing' | 'onTheSpot' | 'major' | 'lowFine', RuleCitation>;
}

export interface RuleSet {
  id: string;
  version: number;
  /** null = national default; otherwise the province code ('64' Ningxia) of an override. */
  province: string | null;
  effectiveFrom: string;
  /** 从轻: the lowest share of the statutory range (Jiangsu: 30% inclusive). */
  lighterShare: number;
  /** 从重: the highest share of the range. */
  heavierShare: number;
  /** 减轻: below the minimum, down to this share of the minimum. */
  mitigatedFloorShare: number;
  procedure: ProcedureSettings;
  /**
   * The province's own statutory time limits (each with its citation), applied by
   * `caseTimeLimit` through the platform's `resolveTimeLimit`; absent = the national limits.
   */
  timeLimits?: TimeLimitOverrides;
  violations: readonly ViolationType[];
}

export const PENALTY_LAW = '《中华人民共和国行政处罚法》';
const FOOD_LAW = '《中华人民共和国食品安全法》';
const PRICE_LAW = '《中华人民共和国价格法》';
const AD_LAW = '《中华人民共和国广告法》';
const SAMR_LISTS = '市场监管总局《首违不罚清单（一）》《轻微行政违法行为不予处罚清单（一）》';

/** Citations of the lenient rules (the engine's reasons point at these). */
export const CITATIONS = Object.freeze({
  minorNoHarm: { law: PENALTY_LAW, article: '第三十三条第一款', source: 'LAW-TEXT', note: '违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚' },
  firstViolation: { law: PENALTY_LAW, article: '第三十三条第一款', source: 'LAW-TEXT', note: '初次违法且危害后果轻微并及时改正的，可以不予行政处罚' },
  noFault: { law: PENALTY_LAW, article: '第三十三条第二款', source: 'LAW-TEXT', note: '当事人有证据足以证明没有主观过错的，不予行政处罚' },
  education: { law: PENALTY_LAW, article: '第三十三条第三款', source: 'LAW-TEXT', note: '对当事人不予行政处罚的，应当对当事人进行教育' },
  art32: { law: PENALTY_LAW, article: '第三十二条', source: 'LAW-TEXT', note: '应当从轻或者减轻行政处罚的情形' },
  minorAge: { law: PENALTY_LAW, article: '第三十条', source: 'LAW-TEXT', note: '已满十四周岁不满十八周岁的未成年人有违法行为的，应当从轻或者减轻' },
  impaired: { law: PENALTY_LAW, article: '第三十一条', source: 'LAW-TEXT', note: '尚未完全丧失辨认或者控制能力的精神病人、智力残疾人，可以从轻或者减轻' },
  benchmark: { law: PENALTY_LAW, article: '第三十四条', source: 'LAW-TEXT', note: '裁量基准应当向社会公布' },
  lighterShare: {
    law: '《江苏省市场监管领域轻微违法行为不予处罚和从轻减轻处罚规定》',
    article: '从轻：法定幅度内较低的30%（含）',
    source: 'PAGE',
    note: 'Default for all provinces until a province sets its own share.',
  },
  heavier: { law: '《关于规范市场监督管理行政处罚裁量权的指导意见》（国市监法规〔2022〕2号）', article: '从重', source: 'UNVERIFIED', note: 'Highest 30% of the range: project default.' },
  lists: { law: SAMR_LISTS, article: '清单条目', source: 'PAGE' },
} satisfies Record<string, RuleCitation>);

const UNVERIFIED_RANGE = 'Range is a seed default from memory of the statute; confirm against the provincial benchmark table.';

export const NATIONAL_RULE_SET: RuleSet = deepFreeze({
  id: 'samr-national',
  version: 1,
  province: null,
  effectiveFrom: '2025-02-07',
  lighterShare: 0.3,
  heavierShare: 0.3,
  mitigatedFloorShare: 0.5,
  procedure: {
    hearingFen: { person: 1_000_000, organisation: 10_000_000 },
    onTheSpotMaxFen: { person: 20_000, organisation: 300_000 },
    majorFen: { person: 5_000_000, organisation: 50_000_000 },
    lowFineFen: { person: 1_000_000, organisation: 10_000_000 },
    citations: {
      hearing: { law: '《市场监督管理行政处罚听证办法》', article: '较大数额罚款', source: 'UNVERIFIED', note: '≥¥10,000 person / ≥¥100,000 organisation; provinces may set their own (rules.md B2).' },
      onTheSpot: { law: PENALTY_LAW, article: '第五十一条', source: 'LAW-TEXT', note: '公民二百元以下、法人或者其他组织三千元以下罚款或者警告' },
      major: { law: PENALTY_LAW, article: '第五十七条第二款', source: 'UNVERIFIED', note: 'Major-case amount threshold is a project default (≥¥50,000 person / ≥¥500,000 organisation).' },
      lowFine: { law: '《市场监督管理行政处罚信息公示规定》', article: '第十三条', source: 'UNVERIFIED', note: '"较低数额罚款" is set by the province; default = below the hearing threshold.' },
    },
  },
  violations: [
    {
      code: 'food.unlicensed-bulk',
      name: '未取得食品经营许可从事散装食品经营活动（散装熟食销售除外）',
      violated: { law: FOOD_LAW, article: '第三十五条第一款', source: 'UNVERIFIED' },
      penaltyBasis: { law: FOOD_LAW, article: '第一百二十二条第一款', source: 'UNVERIFIED', note: UNVERIFIED_RANGE },
      range: { minFen: 5_000_000, maxFen: 10_000_000 },
      firstViolationList: true,
    },
    {
      code: 'food.licence-expired',
      name: '食品经营许可证有效期届满未延续的',
      violated: { law: '《食品经营许可和备案管理办法》', article: '许可延续', source: 'UNVERIFIED' },
      penaltyBasis: { law: FOOD_LAW, article: '第一百二十二条第一款', source: 'UNVERIFIED', note: UNVERIFIED_RANGE },
      range: { minFen: 5_000_000, maxFen: 10_000_000 },
      firstViolationList: true,
    },
    {
      code: 'food.substandard-produce',
      name: '经营不符合食品安全标准的食用农产品',
      violated: { law: FOOD_LAW, article: '第三十四条', source: 'UNVERIFIED' },
      penaltyBasis: { law: FOOD_LAW, article: '第一百二十四条第一款', source: 'UNVERIFIED', note: UNVERIFIED_RANGE },
      range: { minFen: 5_000_000, maxFen: 10_000_000 },
      firstViolationList: true,
    },
    {
      code: 'food.mixed-storage',
      name: '将特殊商品与普通食品或者药品混放销售',
      violated: { law: '《食品安全法实施条例》', article: '第三十八条', source: 'UNVERIFIED' },
      penaltyBasis: { law: '《食品安全法实施条例》', article: '第七十二条', source: 'UNVERIFIED', note: UNVERIFIED_RANGE },
      range: { minFen: 500_000, maxFen: 5_000_000 },
      minorList: true,
    },
    {
      code: 'food.expired',
      name: '经营超过保质期的食品、食品添加剂',
      violated: { law: FOOD_LAW, article: '第三十四条第（十）项', source: 'UNVERIFIED' },
      penaltyBasis: { law: FOOD_LAW, article: '第一百二十四条第一款', source: 'UNVERIFIED', note: UNVERIFIED_RANGE },
      range: { minFen: 5_000_000, maxFen: 10_000_000 },
      minorList: true,
    },
    {
      code: 'price.no-tag',
      name: '不按规定明码标价',
      violated: { law: PRICE_LAW, article: '第十三条', source: 'UNVERIFIED' },
      penaltyBasis: { law: PRICE_LAW, article: '第四十二条', source: 'UNVERIFIED', note: `可以并处五千元以下罚款. ${UNVERIFIED_RANGE}` },
      range: { minFen: 0, maxFen: 500_000 },
      firstViolationList: true,
    },
    {
      code: 'ad.false',
      name: '发布虚假广告（广告费用无法计算或者明显偏低）',
      violated: { law: AD_LAW, article: '第二十八条', source: 'UNVERIFIED' },
      penaltyBasis: { law: AD_LAW, article: '第五十五条第一款', source: 'UNVERIFIED', note: UNVERIFIED_RANGE },
      range: { minFen: 20_000_000, maxFen: 100_000_000 },
    },
  ],
});

/** Ningxia's override: an example of a province tightening 从轻 to the lowest 20% [UNVERIFIED]. */
export const NINGXIA_RULE_SET: RuleSet = deepFreeze({
  ...NATIONAL_RULE_SET,
  id: 'ningxia',
  version: 1,
  province: '64',
  lighterShare: 0.2,
});

/** Every version of every rule set. */
export const RULE_SETS: readonly RuleSet[] = Object.freeze([NATIONAL_RULE_SET, NINGXIA_RULE_SET]);

export function ruleSetKey(rs: Pick<RuleSet, 'id' | 'version'>): string {
  return `${rs.id}@${rs.version}`;
}

/** The rule set for `id@version`, or undefined. */
export function findRuleSet(key: string): RuleSet | undefined {
  return RULE_SETS.find((r) => ruleSetKey(r) === key);
}

/** The newest rule set in force for a region (province override when there is one). */
export function ruleSetForRegion(regionCode: string): RuleSet {
  const province = regionCode.slice(0, 2);
  const own = RULE_SETS.filter((r) => r.province === province).sort((a, b) => b.version - a.version)[0];
  return own ?? RULE_SETS.filter((r) => r.province === null).sort((a, b) => b.version - a.version)[0];
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

/** The rule set a case was decided under (its stored key), else the one in force for its region. */
export function ruleSetOf(row: { rule_set: string | null; region_code: string }): RuleSet {
  return (row.rule_set && findRuleSet(row.rule_set)) || ruleSetForRegion(row.region_code);
}

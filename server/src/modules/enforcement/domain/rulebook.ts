import {
  NATIONAL_RULE_SET,
  NINGXIA_RULE_SET,
  RULE_SETS,
  type AmountRange,
  type RuleCitation,
  type RuleSet,
  type ViolationType,
} from './rule-sets.js';

/**
 * The rulebook (issue 11): the lenient lists (首违不罚 / 轻微免罚) and the discretion benchmarks as
 * versioned data a legal reviewer edits as a draft and publishes. A published version is never
 * edited; one is active per scope ('national' or a province code); a case keeps the `id@version`
 * it was opened under. Procedure thresholds and time limits stay with the code rule set of the
 * same id (rule-sets.ts): they are not what the reviewer edits.
 *
 * Every entry names its source (title, evidence tag, URL). Where the list's own wording or the
 * statutory range was not read in a source, the entry says so (`unverified`) instead of inventing law.
 */

export type ListKind = 'first_violation' | 'minor';
export const LIST_KINDS: readonly ListKind[] = ['first_violation', 'minor'];

export interface EntrySource {
  /** The document the entry comes from (e.g. 市场监管总局《市场监管行政违法行为首违不罚清单（一）》). */
  title: string;
  /** Evidence tag as in rules.md: LAW-TEXT, PAGE, CODE, UNVERIFIED. */
  tag: RuleCitation['source'];
  url: string | null;
}

export interface RulebookEntry {
  code: string;
  name: string;
  list: ListKind | null;
  /** The list's wording of when it applies (免罚条件). */
  conditions: string;
  violated: RuleCitation;
  penaltyBasis: RuleCitation;
  /** Statutory range; null when not known (the entry is listed but not offered to cases). */
  range: AmountRange | null;
  levels?: ViolationType['levels'];
  source: EntrySource;
  unverified: boolean;
}

export interface RulebookParams {
  lighterShare: number;
  heavierShare: number;
  mitigatedFloorShare: number;
}

export interface RulebookVersion {
  ruleSetId: string;
  version: number;
  /** 'national' or a province code ('64'). */
  scope: string;
  effectiveFrom: string;
  params: RulebookParams;
  entries: readonly RulebookEntry[];
}

export const NATIONAL_SCOPE = 'national';

export function scopeOfRegion(regionCode: string): string {
  return regionCode.slice(0, 2);
}

/** The code rule set (procedure, time limits) a rulebook id belongs to. */
export function baseRuleSet(ruleSetId: string): RuleSet {
  return RULE_SETS.find((r) => r.id === ruleSetId) ?? NATIONAL_RULE_SET;
}

/** The engine's rule set for a rulebook version: its entries with a known range, with the code rule set's procedure. */
export function toRuleSet(v: RulebookVersion): RuleSet {
  const base = baseRuleSet(v.ruleSetId);
  return {
    ...base,
    id: v.ruleSetId,
    version: v.version,
    province: v.scope === NATIONAL_SCOPE ? null : v.scope,
    effectiveFrom: v.effectiveFrom,
    lighterShare: v.params.lighterShare,
    heavierShare: v.params.heavierShare,
    mitigatedFloorShare: v.params.mitigatedFloorShare,
    violations: v.entries.flatMap((e): ViolationType[] =>
      e.range
        ? [
            {
              code: e.code,
              name: e.name,
              violated: e.violated,
              penaltyBasis: e.penaltyBasis,
              range: e.range,
              ...(e.list === 'first_violation' ? { firstViolationList: true } : {}),
              ...(e.list === 'minor' ? { minorList: true } : {}),
              ...(e.levels ? { levels: e.levels } : {}),
            },
          ]
        : [],
    ),
  };
}

/** What is wrong with a draft before it may be published (field path → code). */
export function draftProblems(v: Pick<RulebookVersion, 'params' | 'entries'>): { path: string; code: string }[] {
  const out: { path: string; code: string }[] = [];
  const share = (n: number) => n >= 0 && n <= 1;
  for (const k of ['lighterShare', 'heavierShare', 'mitigatedFloorShare'] as const) if (!share(v.params[k])) out.push({ path: `params.${k}`, code: 'OUT_OF_RANGE' });
  const seen = new Set<string>();
  v.entries.forEach((e, i) => {
    if (seen.has(e.code)) out.push({ path: `entries.${i}.code`, code: 'DUPLICATE' });
    seen.add(e.code);
    if (e.range && (e.range.minFen < 0 || e.range.maxFen < e.range.minFen)) out.push({ path: `entries.${i}.range`, code: 'OUT_OF_RANGE' });
    if (!e.source.title.trim()) out.push({ path: `entries.${i}.source.title`, code: 'required' });
  });
  return out;
}

// ---- Seed: the current constants plus the missing items of the SAMR lists ----

const SAMR_FIRST = '市场监管总局《市场监管行政违法行为首违不罚清单（一）》（2025年2月7日）';
const SAMR_MINOR = '市场监管总局《市场监管轻微行政违法行为不予处罚清单（一）》（2025年2月7日）';
/** rules.md B3: the 12 items as quoted on a public page (the official text was not retrieved). */
const LIST_PAGE = 'http://xuanhonglaw.cn/redian/1716.html';
const PROJECT = { title: '项目示例条目（非总局清单）', tag: 'UNVERIFIED' as const, url: null };
const FOOD_LAW = '《中华人民共和国食品安全法》';
const UNKNOWN = (law: string): RuleCitation => ({ law, article: '条款待法制审核确认', source: 'UNVERIFIED' });
const FIRST_CONDITION = '初次违法，危害后果轻微并及时改正';

/** The constants' entries, with the list each is on and its source. */
function fromConstant(v: ViolationType): RulebookEntry {
  const list: ListKind | null = v.minorList ? 'minor' : v.firstViolationList ? 'first_violation' : null;
  const samr = ['food.unlicensed-bulk', 'food.licence-expired', 'food.substandard-produce', 'food.mixed-storage', 'food.expired'].includes(v.code);
  return {
    code: v.code,
    name: v.name,
    list,
    conditions:
      v.code === 'food.licence-expired'
        ? '初次违法，违法行为持续时间不足1个月；实际具备取得食品经营许可证的条件；许可证有效期内未发生食品安全事故，并及时改正'
        : list === 'minor'
          ? '违法行为轻微并及时改正，且没有造成危害后果'
          : list
            ? FIRST_CONDITION
            : '',
    violated: v.violated,
    penaltyBasis: v.penaltyBasis,
    range: v.range,
    ...(v.levels ? { levels: v.levels } : {}),
    source: samr ? { title: list === 'minor' ? SAMR_MINOR : SAMR_FIRST, tag: 'PAGE', url: LIST_PAGE } : PROJECT,
    unverified: v.penaltyBasis.source === 'UNVERIFIED',
  };
}

/** The SAMR list items the constants lacked: names as quoted (PAGE); ranges and articles not read (unverified, not offered). */
export const MISSING_SAMR_ITEMS: readonly RulebookEntry[] = [
  ['food.safety-management', '食品生产经营企业未按规定建立食品安全管理制度，或者未按规定配备或者培训、考核食品安全管理人员', FOOD_LAW],
  ['food.health-certificate', '食品生产经营者安排未取得健康证明或者患有国务院卫生行政部门规定的有碍食品安全疾病的人员从事接触直接入口食品的工作', FOOD_LAW],
  ['food.label-flaw', '生产经营的食品、食品添加剂的标签、说明书存在瑕疵但不影响食品安全且不会对消费者造成误导', FOOD_LAW],
  ['food.health-food-sales', '未按规定要求销售保健食品', FOOD_LAW],
  ['drug.prescription', '药品零售企业未按照规定凭处方销售处方药', '《中华人民共和国药品管理法》'],
].map(([code, name, law]): RulebookEntry => ({
  code: code!,
  name: name!,
  list: 'first_violation',
  conditions: FIRST_CONDITION,
  violated: UNKNOWN(law!),
  penaltyBasis: UNKNOWN(law!),
  range: null,
  source: { title: SAMR_FIRST, tag: 'PAGE', url: LIST_PAGE },
  unverified: true,
}))
  .concat(
    [3, 4].map((n) => ({
      code: `samr.minor-list-item-${n}`,
      name: `轻微免罚清单（一）第${n}项（条目原文未取得）`,
      list: 'minor' as const,
      conditions: '违法行为轻微并及时改正，且没有造成危害后果',
      violated: UNKNOWN('待确认'),
      penaltyBasis: UNKNOWN('待确认'),
      range: null,
      source: { title: SAMR_MINOR, tag: 'UNVERIFIED' as const, url: null },
      unverified: true,
    })),
  );

function seedOf(rs: RuleSet, scope: string): RulebookVersion {
  return {
    ruleSetId: rs.id,
    version: rs.version,
    scope,
    effectiveFrom: rs.effectiveFrom,
    params: { lighterShare: rs.lighterShare, heavierShare: rs.heavierShare, mitigatedFloorShare: rs.mitigatedFloorShare },
    entries: [...rs.violations.map(fromConstant), ...MISSING_SAMR_ITEMS],
  };
}

/** The first published versions: national and Ningxia's override, keyed as the constants were (`samr-national@1`, `ningxia@1`). */
export const SEED_VERSIONS: readonly RulebookVersion[] = [seedOf(NATIONAL_RULE_SET, NATIONAL_SCOPE), seedOf(NINGXIA_RULE_SET, '64')];

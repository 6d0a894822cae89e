import { AppError } from '../../errors/app-error.js';
import type { Citation, DeadlineRule } from './work-calendar.js';

/**
 * The statutory time limits of the platform as cited, versioned data (pure).
 *
 * Each rule says how many days, whether they are working days (工作日) or calendar days, what
 * starts the count, and where the number comes from, with the evidence tag of docs rules.md:
 * [LAW-TEXT] read in the full text, [PAGE] from a public web page, [UNVERIFIED] a default someone
 * must confirm. A case stores the `id` and `version` it was computed under; a change of law adds a
 * new version rather than editing an old one.
 *
 * 《行政处罚法》 第八十五条: "本法中'二日''三日''五日''七日'的规定是指工作日，不含法定节假日" — so
 * the 3/5/7-day limits of that law are working days, while its 15 days (art. 67) and 90 days
 * (art. 60) are calendar days.
 *
 * Provinces may tighten agency limits: see `resolveTimeLimit` and `provinceMay`.
 */

export type TimeLimitId =
  | 'complaint.acceptance'
  | 'complaint.mediation'
  | 'complaint.mediation-termination-notice'
  | 'complaint.lead-verification'
  | 'complaint.jurisdiction-dispute'
  | 'report.verification'
  | 'report.reporter-notice'
  | 'penalty.decision'
  | 'penalty.service'
  | 'penalty.payment'
  | 'penalty.hearing-request'
  | 'penalty.hearing-notice'
  | 'penalty.publicity'
  | 'penalty.publicity-push'
  | 'penalty.publicity-withdrawal'
  | 'inspection.result-publicity'
  | 'credit-repair.acceptance'
  | 'credit-repair.abnormal-list-removal'
  | 'credit-repair.serious-list-and-penalty'
  | 'service.clinic-report'
  | 'service.review-rectification';

export interface TimeLimitLabel {
  'zh-CN': string;
  en: string;
}

/** An extension the head of the agency may approve, counted from the original deadline. */
export interface TimeLimitExtension {
  days: number;
  unit: 'working' | 'calendar';
  citation: Citation;
}

export interface TimeLimit extends DeadlineRule {
  id: TimeLimitId;
  /** Data version of this rule; a case keeps the version it was computed under. */
  version: number;
  /** The dated text the citation refers to, e.g. "2022-03-24 修改". */
  lawVersion: string;
  label: TimeLimitLabel;
  /** What the start date passed to `deadline()` is. */
  startsFrom: TimeLimitLabel;
  extension?: TimeLimitExtension;
  /**
   * What a province may do: `shorten` (an agency's own limit, which local rules often tighten),
   * `set` (a local default with no national number) or `none` (a party's right or a statutory
   * trigger that local rules cannot change).
   */
  provinceMay: 'shorten' | 'set' | 'none';
  /** Who set the rule: `national`, or the province of an override. */
  scope: string;
}

const ORDER_20 = '《市场监督管理投诉举报处理暂行办法》（国家市场监督管理总局令第20号）';
const ORDER_20_VERSION = '2019-11-30 公布，2022-03-24 修改';
const ORDER_20_REF = 'https://github.com/LawRefBook/Laws/blob/2f4c5c23716267af9dbebbbbd6cbbf732b101981/部门规章/市场监督管理总局/市场监督管理投诉举报处理暂行办法(2022-03-24).md';
const PENALTY_LAW = '《中华人民共和国行政处罚法》';
const PENALTY_LAW_VERSION = '2021-01-22 修订，2021-07-15 施行';
const PENALTY_LAW_REF = 'https://github.com/LawRefBook/Laws/blob/2f4c5c23716267af9dbebbbbd6cbbf732b101981/行政法/行政处罚法(2021-01-22).md';
const ORDER_45 = '《市场监督管理行政处罚信息公示规定》（国家市场监督管理总局令第45号）';
const ORDER_45_VERSION = '2021-07-30 公布，2021-09-01 施行';
const ORDER_45_REF = 'https://github.com/LawRefBook/Laws/blob/2f4c5c23716267af9dbebbbbd6cbbf732b101981/部门规章/市场监督管理总局/市场监督管理行政处罚信息公示规定(2021-07-30).md';
const PENALTY_PROCEDURE = '《市场监督管理行政处罚程序规定》（国家市场监督管理总局令第2号，2021、2022年修改）';
const CREDIT_REPAIR = '《市场监督管理信用修复管理办法》（国市监信规〔2021〕3号）';
const CREDIT_REPAIR_REF = 'fgw.fujian.gov.cn/ztzl/fjys/dxjy/202602/t20260213_7098432.htm';
const CREDIT_REPAIR_NOTE =
  'Baseline inferred from a Fujian page describing Putian shortening acceptance 2→0, abnormal-list removal 5→3 and serious-list/penalty repair 15→5 working days; article number [UNVERIFIED].';
const WORKING_DAYS_ART_85 = '第八十五条: 二日、三日、五日、七日 are working days';

const LIMITS: TimeLimit[] = [
  {
    id: 'complaint.acceptance',
    version: 1,
    days: 7,
    unit: 'working',
    citation: { law: ORDER_20, article: '第十四条', source: 'LAW-TEXT', ref: ORDER_20_REF, note: '消费者权益保护法 第四十六条 also: 七个工作日内予以处理并告知' },
    lawVersion: ORDER_20_VERSION,
    label: { 'zh-CN': '投诉受理决定', en: 'Decide whether to accept a complaint' },
    startsFrom: { 'zh-CN': '收到投诉之日', en: 'the day the complaint is received' },
    provinceMay: 'shorten',
    scope: 'national',
  },
  {
    id: 'complaint.mediation',
    version: 1,
    days: 45,
    unit: 'working',
    citation: {
      law: ORDER_20,
      article: '第二十一条第一款第（五）项',
      source: 'LAW-TEXT',
      ref: ORDER_20_REF,
      note: '第二十条: testing, inspection and appraisal time is not counted in the mediation period.',
    },
    lawVersion: ORDER_20_VERSION,
    label: { 'zh-CN': '调解期限（期满未达成协议则终止调解）', en: 'Mediation period (mediation ends without agreement)' },
    startsFrom: { 'zh-CN': '投诉受理之日', en: 'the day the complaint is accepted' },
    provinceMay: 'none',
    scope: 'national',
  },
  {
    id: 'complaint.mediation-termination-notice',
    version: 1,
    days: 7,
    unit: 'working',
    citation: { law: ORDER_20, article: '第二十一条第二款', source: 'LAW-TEXT', ref: ORDER_20_REF },
    lawVersion: ORDER_20_VERSION,
    label: { 'zh-CN': '终止调解告知双方', en: 'Tell both parties that mediation has ended' },
    startsFrom: { 'zh-CN': '作出终止调解决定之日', en: 'the day mediation is terminated' },
    provinceMay: 'shorten',
    scope: 'national',
  },
  {
    id: 'complaint.lead-verification',
    version: 1,
    days: 15,
    unit: 'working',
    citation: { law: ORDER_20, article: '第二十三条第一款', source: 'LAW-TEXT', ref: ORDER_20_REF },
    lawVersion: ORDER_20_VERSION,
    label: { 'zh-CN': '调解中发现违法线索的核查', en: 'Verify a violation lead found during mediation' },
    startsFrom: { 'zh-CN': '发现线索之日', en: 'the day the lead is found' },
    extension: { days: 15, unit: 'working', citation: { law: ORDER_20, article: '第二十三条第一款', source: 'LAW-TEXT', ref: ORDER_20_REF } },
    provinceMay: 'shorten',
    scope: 'national',
  },
  {
    id: 'complaint.jurisdiction-dispute',
    version: 1,
    days: 7,
    unit: 'working',
    citation: { law: ORDER_20, article: '第三十条', source: 'LAW-TEXT', ref: ORDER_20_REF },
    lawVersion: ORDER_20_VERSION,
    label: { 'zh-CN': '处理权限争议协商', en: 'Settle a jurisdiction dispute between bureaus' },
    startsFrom: { 'zh-CN': '发生争议之日', en: 'the day the dispute arises' },
    provinceMay: 'shorten',
    scope: 'national',
  },
  {
    id: 'report.verification',
    version: 1,
    days: 15,
    unit: 'working',
    citation: {
      law: PENALTY_PROCEDURE,
      article: '第十八条 [UNVERIFIED]',
      source: 'PAGE',
      ref: 'xiezuofangchengshi.com/doc/62764.html',
      note: '举报要15个工作日内核查，决定是否立案. Reports are handled under the penalty procedure rules (Order 20 第三十一条第一款).',
    },
    lawVersion: '2022 修改 [UNVERIFIED]',
    label: { 'zh-CN': '举报核查并决定是否立案', en: 'Verify a report and decide whether to open a case' },
    startsFrom: { 'zh-CN': '发现线索或收到材料之日', en: 'the day the lead is found or the materials received' },
    extension: {
      days: 15,
      unit: 'working',
      citation: { law: PENALTY_PROCEDURE, article: '第十八条 [UNVERIFIED]', source: 'PAGE', ref: 'xiezuofangchengshi.com/doc/62764.html', note: '特殊情况下，经机构负责人批准' },
    },
    provinceMay: 'shorten',
    scope: 'national',
  },
  {
    id: 'report.reporter-notice',
    version: 1,
    days: 5,
    unit: 'working',
    citation: { law: ORDER_20, article: '第三十一条第二款', source: 'LAW-TEXT', ref: ORDER_20_REF },
    lawVersion: ORDER_20_VERSION,
    label: { 'zh-CN': '告知实名举报人是否立案', en: 'Tell a real-name reporter whether a case was opened' },
    startsFrom: { 'zh-CN': '作出是否立案决定之日', en: 'the day the decision on opening a case is made' },
    provinceMay: 'shorten',
    scope: 'national',
  },
  {
    id: 'penalty.decision',
    version: 1,
    days: 90,
    unit: 'calendar',
    citation: {
      law: PENALTY_LAW,
      article: '第六十条',
      source: 'LAW-TEXT',
      ref: PENALTY_LAW_REF,
      note: 'Calendar days (not listed in 第八十五条). Suspension, hearing, public notice and testing/appraisal time are not counted ([PAGE], SAMR procedure rules).',
    },
    lawVersion: PENALTY_LAW_VERSION,
    label: { 'zh-CN': '作出行政处罚决定', en: 'Make the penalty decision' },
    startsFrom: { 'zh-CN': '立案之日', en: 'the day the case is opened (立案)' },
    extension: {
      days: 30,
      unit: 'calendar',
      citation: {
        law: PENALTY_PROCEDURE,
        article: '[UNVERIFIED]',
        source: 'PAGE',
        ref: 'hyht-hotel.com/syxxxgk/c116939/202406/ (mirror of a local 市场监管 行政处罚流程图)',
        note: '经机构负责人批准可延长三十日; further extensions only by collective decision of the heads.',
      },
    },
    provinceMay: 'shorten',
    scope: 'national',
  },
  {
    id: 'penalty.service',
    version: 1,
    days: 7,
    unit: 'working',
    citation: { law: PENALTY_LAW, article: '第六十一条', source: 'LAW-TEXT', ref: PENALTY_LAW_REF, note: WORKING_DAYS_ART_85 },
    lawVersion: PENALTY_LAW_VERSION,
    label: { 'zh-CN': '送达行政处罚决定书（当事人不在场）', en: 'Serve the penalty decision (party not present)' },
    startsFrom: { 'zh-CN': '作出行政处罚决定之日', en: 'the day the penalty decision is made' },
    provinceMay: 'shorten',
    scope: 'national',
  },
  {
    id: 'penalty.payment',
    version: 1,
    days: 15,
    unit: 'calendar',
    citation: {
      law: PENALTY_LAW,
      article: '第六十七条第三款',
      source: 'LAW-TEXT',
      ref: PENALTY_LAW_REF,
      note: 'Calendar days (not listed in 第八十五条). Late fee 3% of the fine per day, capped at the fine (第七十二条).',
    },
    lawVersion: PENALTY_LAW_VERSION,
    label: { 'zh-CN': '当事人缴纳罚款', en: 'The party pays the fine' },
    startsFrom: { 'zh-CN': '收到行政处罚决定书之日', en: 'the day the party receives the penalty decision' },
    provinceMay: 'none',
    scope: 'national',
  },
  {
    id: 'penalty.hearing-request',
    version: 1,
    days: 5,
    unit: 'working',
    citation: { law: PENALTY_LAW, article: '第六十四条第（一）项', source: 'LAW-TEXT', ref: PENALTY_LAW_REF, note: WORKING_DAYS_ART_85 },
    lawVersion: PENALTY_LAW_VERSION,
    label: { 'zh-CN': '当事人要求听证', en: 'The party requests a hearing' },
    startsFrom: { 'zh-CN': '行政机关告知之日', en: 'the day the party is told of the right to a hearing' },
    provinceMay: 'none',
    scope: 'national',
  },
  {
    id: 'penalty.hearing-notice',
    version: 1,
    days: 7,
    unit: 'working',
    citation: {
      law: PENALTY_LAW,
      article: '第六十四条第（二）项',
      source: 'LAW-TEXT',
      ref: PENALTY_LAW_REF,
      note: `${WORKING_DAYS_ART_85}. "在举行听证的七日前通知": deadline(noticeDate) is the earliest hearing date; addWorkingDays(hearingDate, -7) the latest notice date (platform reading [UNVERIFIED]).`,
    },
    lawVersion: PENALTY_LAW_VERSION,
    label: { 'zh-CN': '听证通知（举行听证七个工作日前）', en: 'Hearing notice (7 working days before the hearing)' },
    startsFrom: { 'zh-CN': '通知送达之日（结果为最早听证日）', en: 'the day the notice is served (the result is the earliest hearing date)' },
    provinceMay: 'none',
    scope: 'national',
  },
  {
    id: 'penalty.publicity',
    version: 1,
    days: 20,
    unit: 'working',
    citation: { law: ORDER_45, article: '第九条', source: 'LAW-TEXT', ref: ORDER_45_REF, note: '企业信息公示暂行条例 第六条第二款 also sets 20 working days.' },
    lawVersion: ORDER_45_VERSION,
    label: { 'zh-CN': '行政处罚信息公示', en: 'Publish the penalty information' },
    startsFrom: { 'zh-CN': '作出行政处罚决定之日', en: 'the day the penalty decision is made' },
    provinceMay: 'shorten',
    scope: 'national',
  },
  {
    id: 'penalty.publicity-push',
    version: 1,
    days: 10,
    unit: 'working',
    citation: {
      law: ORDER_45,
      article: '第十条',
      source: 'LAW-TEXT',
      ref: ORDER_45_REF,
      note: 'Party registered in another province: push within 10 working days; the receiving bureau publishes within 10 working days of receipt.',
    },
    lawVersion: ORDER_45_VERSION,
    label: { 'zh-CN': '行政处罚信息推送至外省登记地', en: 'Push the penalty information to the registration province' },
    startsFrom: { 'zh-CN': '作出行政处罚决定之日（接收方：收到信息之日）', en: 'the day the decision is made (receiver: the day it is received)' },
    provinceMay: 'shorten',
    scope: 'national',
  },
  {
    id: 'penalty.publicity-withdrawal',
    version: 1,
    days: 3,
    unit: 'working',
    citation: {
      law: ORDER_45,
      article: '第十一条',
      source: 'LAW-TEXT',
      ref: ORDER_45_REF,
      note: `行政处罚法 第四十八条第二款 (三日, ${WORKING_DAYS_ART_85}).`,
    },
    lawVersion: ORDER_45_VERSION,
    label: { 'zh-CN': '撤回行政处罚公示信息', en: 'Withdraw published penalty information' },
    startsFrom: { 'zh-CN': '处罚决定被变更、撤销、确认违法或无效之日', en: 'the day the decision is changed, revoked or declared illegal or void' },
    provinceMay: 'shorten',
    scope: 'national',
  },
  {
    id: 'inspection.result-publicity',
    version: 1,
    days: 20,
    unit: 'working',
    citation: {
      law: '"双随机、一公开"监管（国发〔2019〕5号）地方实施文件',
      article: '检查结束之日起20日内公示检查结果',
      source: 'PAGE',
      ref: 'big5.www.gov.cn/…/content_5367395.htm (Fujian, 2019)',
      note: 'The page says 20日; read as working days, consistent with 企业信息公示暂行条例 第六条第二款 (20个工作日) [UNVERIFIED reading].',
    },
    lawVersion: '2019',
    label: { 'zh-CN': '抽查检查结果公示', en: 'Publish random-inspection results' },
    startsFrom: { 'zh-CN': '检查结束之日', en: 'the day the inspection ends' },
    provinceMay: 'shorten',
    scope: 'national',
  },
  {
    id: 'credit-repair.acceptance',
    version: 1,
    days: 2,
    unit: 'working',
    citation: { law: CREDIT_REPAIR, article: '[UNVERIFIED]', source: 'PAGE', ref: CREDIT_REPAIR_REF, note: CREDIT_REPAIR_NOTE },
    lawVersion: '2021-09-01 施行',
    label: { 'zh-CN': '信用修复申请受理', en: 'Accept a credit-repair application' },
    startsFrom: { 'zh-CN': '收到申请之日', en: 'the day the application is received' },
    provinceMay: 'shorten',
    scope: 'national',
  },
  {
    id: 'credit-repair.abnormal-list-removal',
    version: 1,
    days: 5,
    unit: 'working',
    citation: { law: CREDIT_REPAIR, article: '[UNVERIFIED]', source: 'PAGE', ref: CREDIT_REPAIR_REF, note: CREDIT_REPAIR_NOTE },
    lawVersion: '2021-09-01 施行',
    label: { 'zh-CN': '移出经营异常名录', en: 'Remove from the abnormal-operations list' },
    startsFrom: { 'zh-CN': '受理之日', en: 'the day the application is accepted' },
    provinceMay: 'shorten',
    scope: 'national',
  },
  {
    id: 'credit-repair.serious-list-and-penalty',
    version: 1,
    days: 15,
    unit: 'working',
    citation: { law: CREDIT_REPAIR, article: '[UNVERIFIED]', source: 'PAGE', ref: CREDIT_REPAIR_REF, note: CREDIT_REPAIR_NOTE },
    lawVersion: '2021-09-01 施行',
    label: { 'zh-CN': '严重违法失信名单、行政处罚信息信用修复', en: 'Repair a serious-violation listing or penalty information' },
    startsFrom: { 'zh-CN': '受理之日', en: 'the day the application is accepted' },
    provinceMay: 'shorten',
    scope: 'national',
  },
  {
    id: 'service.clinic-report',
    version: 1,
    days: 15,
    unit: 'working',
    citation: {
      law: '局长接待日（坐诊）工作制度（地方）',
      article: '[UNVERIFIED]',
      source: 'UNVERIFIED',
      note: 'Project default (DESIGN.md "15 to report a clinic outcome"); no public anchor found (anchor-systems.md §10.7). Confirm locally.',
    },
    lawVersion: 'project default',
    label: { 'zh-CN': '局长坐诊办理结果反馈', en: "Report the outcome of a directors' clinic matter" },
    startsFrom: { 'zh-CN': '坐诊登记之日', en: 'the day the matter is registered at the clinic' },
    provinceMay: 'set',
    scope: 'national',
  },
  {
    id: 'service.review-rectification',
    version: 1,
    days: 15,
    unit: 'working',
    citation: {
      law: '政务服务"好差评"制度（国办发〔2019〕51号）四川省实施规定',
      article: '差评整改期限',
      source: 'PAGE',
      ref: 'spprec.com/…/20200519/….html (Chengdu public-resources site)',
      note: 'No national number; Sichuan default. Dezhou uses 5 working days. Real-name bad reviews: 100% follow-up.',
    },
    lawVersion: '2020',
    label: { 'zh-CN': '"好差评"差评整改', en: 'Rectify a bad service review' },
    startsFrom: { 'zh-CN': '收到差评之日', en: 'the day the bad review is received' },
    provinceMay: 'set',
    scope: 'national',
  },
];

/** Every version of every rule. Add a new version beside an old one; never edit a published one. */
export const TIME_LIMITS: readonly TimeLimit[] = Object.freeze(LIMITS.map((limit) => Object.freeze(limit)));

/**
 * A rule as it is found. With `version`, that exact version (for a case decided under it);
 * without, the newest. Throws `NOT_FOUND` for an unknown id or version.
 */
export function getTimeLimit(id: TimeLimitId, version?: number): TimeLimit {
  const versions = TIME_LIMITS.filter((l) => l.id === id);
  const found =
    version === undefined
      ? versions.sort((a, b) => b.version - a.version)[0]
      : versions.find((l) => l.version === version);
  if (!found) throw new AppError('NOT_FOUND', { params: { timeLimit: id, version } });
  return found;
}

/** A province's change to one rule; it must cite its own source. */
export interface TimeLimitOverride {
  /** The province (or city) that sets it, e.g. 四川省 or a GB/T 2260 code. */
  scope: string;
  days: number;
  /** Defaults to the national rule's unit; a rule a province may only shorten keeps its unit. */
  unit?: 'working' | 'calendar';
  version: number;
  lawVersion?: string;
  citation: Citation;
  label?: TimeLimitLabel;
  /** Replaces the national extension; `null` removes it. */
  extension?: TimeLimitExtension | null;
}

export type TimeLimitOverrides = Partial<Record<TimeLimitId, TimeLimitOverride>>;

/**
 * The rule in force for a province: the national rule, or the province's override of it.
 * Throws `VALIDATION_FAILED` when an override changes what `provinceMay` forbids (lengthens or
 * changes the unit of a `shorten` rule, touches a `none` rule) or lacks a citation.
 */
export function resolveTimeLimit(id: TimeLimitId, overrides?: TimeLimitOverrides): TimeLimit {
  const base = getTimeLimit(id);
  const o = overrides?.[id];
  if (!o) return base;
  const path = `timeLimits.${id}`;
  const fail = (field: string, code: string, params: Record<string, unknown> = {}) =>
    new AppError('VALIDATION_FAILED', { params: { id, ...params }, fields: [{ path: `${path}.${field}`, code, params: { id, ...params } }] });
  const unit = o.unit ?? base.unit;
  if (!Number.isSafeInteger(o.days) || o.days < 0) throw fail('days', 'INVALID_NUMBER', { days: o.days });
  if (!Number.isSafeInteger(o.version) || o.version < 1) throw fail('version', 'INVALID_NUMBER', { version: o.version });
  if (!o.scope?.trim()) throw fail('scope', 'REQUIRED');
  if (!o.citation?.law?.trim() || !o.citation.article?.trim() || !o.citation.source) throw fail('citation', 'REQUIRED');
  if (base.provinceMay === 'none') throw fail('days', 'NOT_OVERRIDABLE');
  if (base.provinceMay === 'shorten' && (unit !== base.unit || o.days > base.days)) {
    throw fail('days', 'EXCEEDS_STATUTORY_LIMIT', { days: o.days, unit, limit: base.days, limitUnit: base.unit });
  }
  const extension = o.extension === undefined ? base.extension : (o.extension ?? undefined);
  return Object.freeze({
    ...base,
    days: o.days,
    unit,
    version: o.version,
    lawVersion: o.lawVersion ?? base.lawVersion,
    citation: o.citation,
    label: o.label ?? base.label,
    extension,
    scope: o.scope,
  });
}

/**
 * The extension of a rule as a rule of its own, to be counted from the original deadline:
 * `calendar.deadline(calendar.deadline(start, limit), extensionRule(limit))`.
 */
export function extensionRule(limit: TimeLimit): DeadlineRule | undefined {
  if (!limit.extension) return undefined;
  return { id: `${limit.id}.extension`, days: limit.extension.days, unit: limit.extension.unit, citation: limit.extension.citation };
}

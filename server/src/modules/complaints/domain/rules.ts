/**
 * Rules of SAMR Order No. 20 (《市场监督管理投诉举报处理暂行办法》, 2022-03-24) as data, and the pure
 * checks of the complaint workflow. See docs rules.md §A.
 */
import type { FieldError } from '../../../platform/errors/app-error.js';
import type { LocalizedText } from '../../../platform/i18n/i18n.js';

import { STATION_TYPES, CATEGORIES, MEDIATION_STEPS } from '../../../../../contracts/complaints.js';

export { STATION_TYPES, CATEGORIES, MEDIATION_STEPS };
export type StationType = (typeof STATION_TYPES)[number];
export type Category = (typeof CATEGORIES)[number];
export type MediationStep = (typeof MEDIATION_STEPS)[number];

export const STEP_LABELS: Record<MediationStep, LocalizedText> = {
  listen: { 'zh-CN': '听（倾听诉求）', 'zh-TW': '聽（傾聽訴求）', en: 'Listen' },
  discern: { 'zh-CN': '辨（辨明事实）', 'zh-TW': '辨（辨明事實）', en: 'Discern the facts' },
  persuade: { 'zh-CN': '劝（释法劝导）', 'zh-TW': '勸（釋法勸導）', en: 'Persuade' },
  borrow: { 'zh-CN': '借（借力第三方）', 'zh-TW': '借（借力第三方）', en: 'Borrow (invite third parties)' },
  yield: { 'zh-CN': '让（互谅互让）', 'zh-TW': '讓（互諒互讓）', en: 'Yield' },
  reconcile: { 'zh-CN': '和（达成和解）', 'zh-TW': '和（達成和解）', en: 'Reconcile' },
};

export interface Ground {
  id: string;
  article: string;
  label: LocalizedText;
}

/** Art. 15: grounds for not accepting a complaint. */
export const REFUSAL_GROUNDS: readonly Ground[] = [
  { id: 'outside_duties', article: '第十五条第一款第（一）项', label: { 'zh-CN': '不属于市场监督管理部门职责，或者本行政机关不具有处理权限', 'zh-TW': '不屬於市場監督管理部門職責，或者本行政機關不具有處理權限', en: 'Outside market-regulation duties, or this office lacks authority' } },
  { id: 'handled_elsewhere', article: '第十五条第一款第（二）项', label: { 'zh-CN': '法院、仲裁机构、其他行政机关、消费者协会或者依法成立的其他调解组织已经受理或者处理过同一消费者权益争议', 'zh-TW': '法院、仲裁機構、其他行政機關、消費者協會或者依法成立的其他調解組織已經受理或者處理過同一消費者權益爭議', en: 'The same dispute is already accepted or handled by a court, arbitration body, agency, consumer association or mediation body' } },
  { id: 'not_consumer_dispute', article: '第十五条第一款第（三）项', label: { 'zh-CN': '不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议', 'zh-TW': '不是為生活消費需要購買、使用商品或者接受服務，或者不能證明與被投訴人之間存在消費者權益爭議', en: 'Not for everyday consumption, or no consumer dispute with the respondent can be shown' } },
  { id: 'over_three_years', article: '第十五条第一款第（四）项', label: { 'zh-CN': '除法律另有规定外，投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年', 'zh-TW': '除法律另有規定外，投訴人知道或者應當知道自己的權益受到被投訴人侵害之日起超過三年', en: 'More than three years since the complainant knew or should have known of the harm' } },
  { id: 'materials_missing', article: '第十五条第一款第（五）项', label: { 'zh-CN': '未提供本办法第九条第一款和第十条规定的材料', 'zh-TW': '未提供本辦法第九條第一款和第十條規定的材料', en: 'The materials required by articles 9 and 10 are missing' } },
  { id: 'other_law', article: '第十五条第一款第（六）项', label: { 'zh-CN': '法律、法规、规章规定不予受理的其他情形', 'zh-TW': '法律、法規、規章規定不予受理的其他情形', en: 'Other grounds set by law' } },
];

/** Art. 21: grounds on which mediation terminates. */
export const TERMINATION_GROUNDS: readonly (Ground & { failed: boolean })[] = [
  { id: 'withdrawn_or_settled', failed: false, article: '第二十一条第一款第（一）项', label: { 'zh-CN': '投诉人撤回投诉或者双方自行和解', 'zh-TW': '投訴人撤回投訴或者雙方自行和解', en: 'The complaint is withdrawn or the parties settle' } },
  { id: 'testing_disagreement', failed: true, article: '第二十一条第一款第（二）项', label: { 'zh-CN': '投诉人与被投诉人对委托承担检定、检验、检测、鉴定工作的技术机构或者费用承担无法协商一致', 'zh-TW': '投訴人與被投訴人對委託承擔檢定、檢驗、檢測、鑑定工作的技術機構或者費用承擔無法協商一致', en: 'The parties cannot agree on the testing body or who pays' } },
  { id: 'absent_or_refused', failed: true, article: '第二十一条第一款第（三）项', label: { 'zh-CN': '投诉人或者被投诉人无正当理由不参加调解，或者被投诉人明确拒绝调解', 'zh-TW': '投訴人或者被投訴人無正當理由不參加調解，或者被投訴人明確拒絕調解', en: 'A party is absent without good reason, or the respondent refuses mediation' } },
  { id: 'no_agreement_possible', failed: true, article: '第二十一条第一款第（四）项', label: { 'zh-CN': '经组织调解，投诉人或者被投诉人明确表示无法达成调解协议', 'zh-TW': '經組織調解，投訴人或者被投訴人明確表示無法達成調解協議', en: 'A party states that no agreement is possible' } },
  { id: 'time_limit', failed: true, article: '第二十一条第一款第（五）项', label: { 'zh-CN': '自投诉受理之日起四十五个工作日内投诉人和被投诉人未能达成调解协议', 'zh-TW': '自投訴受理之日起四十五個工作日內投訴人和被投訴人未能達成調解協議', en: 'No agreement within 45 working days of acceptance' } },
  { id: 'refusal_ground_found', failed: false, article: '第二十一条第一款第（六）项', label: { 'zh-CN': '市场监督管理部门受理投诉后，发现存在本办法第十五条规定情形', 'zh-TW': '市場監督管理部門受理投訴後，發現存在本辦法第十五條規定情形', en: 'An article 15 ground is found after acceptance' } },
  { id: 'other_law', failed: false, article: '第二十一条第一款第（七）项', label: { 'zh-CN': '法律、法规、规章规定的应当终止调解的其他情形', 'zh-TW': '法律、法規、規章規定的應當終止調解的其他情形', en: 'Other grounds set by law' } },
];

export const REFUSAL_GROUND_IDS = REFUSAL_GROUNDS.map((g) => g.id) as [string, ...string[]];
export const TERMINATION_GROUND_IDS = TERMINATION_GROUNDS.map((g) => g.id) as [string, ...string[]];

/** Length limits of the intake form; the error names the limit. */
export const LIMITS = { facts: 2000, request: 500, name: 100, address: 200 } as const;
/** A purchase amount above this is refused as a typing error (¥10,000,000). */
export const MAX_AMOUNT_FEN = 1_000_000_000;
/** A complaint by the same phone against the same respondent within this many days is flagged. */
export const DUPLICATE_WINDOW_DAYS = 30;
/** How many working days before the mediation limit the mediator is alerted. */
export const ALERT_WORKING_DAYS = 5;

export const COMPLAINT_FIELD_MESSAGES: Record<string, LocalizedText> = {
  COMPLAINT_REQUIRED: { 'zh-CN': '请填写此项（《投诉举报处理暂行办法》第九条规定的材料）', 'zh-TW': '請填寫此項（《投訴舉報處理暫行辦法》第九條規定的材料）', en: 'Required (materials of article 9 of SAMR Order No. 20)' },
  COMPLAINT_TOO_LONG: { 'zh-CN': '内容过长，最多 {limit} 字', 'zh-TW': '內容過長，最多 {limit} 字', en: 'Too long: at most {limit} characters' },
  COMPLAINT_AMOUNT_INVALID: { 'zh-CN': '金额应为 0 至 {limit} 元之间、最多两位小数的数', 'zh-TW': '金額應為 0 至 {limit} 元之間、最多兩位小數的數', en: 'The amount must be between 0 and ¥{limit} with at most two decimals' },
  PHONE_REQUIRED: { 'zh-CN': '请填写手机号码', 'zh-TW': '請填寫手機號碼', en: 'Enter a mobile number' },
  PHONE_INVALID: { 'zh-CN': '手机号码应为 11 位，以 1 开头', 'zh-TW': '手機號碼應為 11 位，以 1 開頭', en: 'A mobile number has 11 digits and starts with 1' },
  COMPLAINT_DATE_FUTURE: { 'zh-CN': '日期不能晚于今天', 'zh-TW': '日期不能晚於今天', en: 'The date cannot be in the future' },
};

export interface IntakeInput {
  kind: 'complaint' | 'report';
  complainantName: string;
  complainantPhone: string;
  complainantAddress: string;
  respondentName: string;
  respondentAddress: string;
  request: string;
  facts: string;
  /** Purchase amount in fen (a clear price, §H trigger 1). */
  amountFen?: number | null;
  occurredOn?: string | null;
}

const field = (path: string, code: string, params?: Record<string, unknown>): FieldError => ({
  path,
  code,
  text: COMPLAINT_FIELD_MESSAGES[code],
  params,
});

/**
 * The art. 9 materials and the form's limits. A report (举报) needs the respondent and the facts
 * (specific leads, art. 24); the reporter's address and request may be left empty.
 */
export function validateIntake(input: IntakeInput, phoneErrors: string[], today: string): FieldError[] {
  const errors: FieldError[] = [];
  const required: (keyof IntakeInput)[] =
    input.kind === 'complaint'
      ? ['complainantName', 'complainantAddress', 'respondentName', 'respondentAddress', 'request', 'facts']
      : ['complainantName', 'respondentName', 'respondentAddress', 'facts'];
  for (const k of required) {
    const v = input[k];
    if (typeof v !== 'string' || !v.trim()) errors.push(field(k, 'COMPLAINT_REQUIRED'));
  }
  const lengths: [keyof IntakeInput, number][] = [
    ['complainantName', LIMITS.name],
    ['respondentName', LIMITS.name],
    ['complainantAddress', LIMITS.address],
    ['respondentAddress', LIMITS.address],
    ['request', LIMITS.request],
    ['facts', LIMITS.facts],
  ];
  for (const [k, limit] of lengths) {
    const v = input[k];
    if (typeof v === 'string' && [...v].length > limit) errors.push(field(k, 'COMPLAINT_TOO_LONG', { limit }));
  }
  for (const code of phoneErrors) errors.push(field('complainantPhone', code));
  if (input.amountFen != null && (!Number.isSafeInteger(input.amountFen) || input.amountFen < 0 || input.amountFen > MAX_AMOUNT_FEN)) {
    errors.push(field('amountFen', 'COMPLAINT_AMOUNT_INVALID', { limit: MAX_AMOUNT_FEN / 100 }));
  }
  if (input.occurredOn && input.occurredOn > today) errors.push(field('occurredOn', 'COMPLAINT_DATE_FUTURE'));
  return errors;
}

/** Working-day arithmetic the mediation clock needs (a subset of the platform's WorkCalendar). */
export interface WorkingDays {
  addWorkingDays(start: string, n: number): string;
  countWorkingDays(from: string, to: string): number;
}

/**
 * The last day of mediation: 45 working days from acceptance (art. 21(5)), plus the working days
 * spent paused for testing, inspection or appraisal (art. 20: not counted). A pause still open is
 * counted up to `today`.
 */
export function mediationDue(cal: WorkingDays, acceptedOn: string, limitDays: number, pausedWorkingDays: number, openPauseSince: string | null, today: string): string {
  const open = openPauseSince ? Math.max(0, cal.countWorkingDays(openPauseSince, today)) : 0;
  return cal.addWorkingDays(acceptedOn, limitDays + pausedWorkingDays + open);
}

/** Working days a pause lasted: those strictly after the pause day up to and including the resume day. */
export function pauseLength(cal: WorkingDays, since: string, resumedOn: string): number {
  return Math.max(0, cal.countWorkingDays(since, resumedOn));
}

/** Whether a closed mediation counts as "failed" for the insurance triggers (§H trigger 3). */
export function mediationFailed(outcome: string | null, terminationGround: string | null): boolean {
  if (outcome === 'no_agreement') return true;
  if (outcome === 'terminated') return !!TERMINATION_GROUNDS.find((g) => g.id === terminationGround)?.failed;
  return false;
}

/** A normalised respondent key for duplicate detection (credit code, else the name without spaces). */
export function respondentKey(creditCode: string | null, name: string): string {
  return creditCode ?? name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Deadline colour of a queue row: overdue, due within 2 working days, or fine. */
export function deadlineColour(cal: WorkingDays, due: string | null, today: string): 'red' | 'orange' | 'green' | null {
  if (!due) return null;
  if (due < today) return 'red';
  return cal.countWorkingDays(today, due) <= 2 ? 'orange' : 'green';
}

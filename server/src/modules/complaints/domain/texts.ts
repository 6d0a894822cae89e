/**
 * Every message the complaints module writes to a person — SMS to the consumer, in-app notices to
 * mediators, error texts — keyed by name, in zh-CN, zh-TW and en, with `{placeholders}` filled from
 * values. Rule values (days, articles) are never written here: they arrive as placeholders from the
 * rule data (`platform/calendar/domain/time-limits.ts`, `domain/rules.ts`). Use cases pick a text by
 * key with `complaintText`; they never assemble wording themselves.
 */
import { localize, type Locale, type LocalizedText } from '../../../platform/i18n/i18n.js';

/** Weekday names 1–7 (Monday first) as printed on posters. */
export const WEEKDAY_NAMES: Record<Locale, readonly string[]> = {
  'zh-CN': ['一', '二', '三', '四', '五', '六', '日'],
  'zh-TW': ['一', '二', '三', '四', '五', '六', '日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

/** SMS go out in the language of the consumer form (Simplified Chinese) until consumers pick one. */
export const SMS_LOCALE: Locale = 'zh-CN';

export const COMPLAINT_TEXTS = {
  // ---- to the consumer (SMS) ----
  'intake.title.complaint': { 'zh-CN': '投诉已收到', 'zh-TW': '投訴已收到', en: 'Complaint received' },
  'intake.title.report': { 'zh-CN': '举报已收到', 'zh-TW': '舉報已收到', en: 'Report received' },
  'intake.body.due': {
    'zh-CN': '编号 {trackingNo}，查询码 {code}。我们将在 {due} 前决定是否受理。凭编号和查询码可查询进度。',
    'zh-TW': '編號 {trackingNo}，查詢碼 {code}。我們將在 {due} 前決定是否受理。憑編號和查詢碼可查詢進度。',
    en: 'No. {trackingNo}, code {code}. We will decide whether to accept it by {due}. Track it with the number and code.',
  },
  'intake.body.days': {
    'zh-CN': '编号 {trackingNo}，查询码 {code}。我们将在 {days} 个工作日内决定是否受理。凭编号和查询码可查询进度。',
    'zh-TW': '編號 {trackingNo}，查詢碼 {code}。我們將在 {days} 個工作日內決定是否受理。憑編號和查詢碼可查詢進度。',
    en: 'No. {trackingNo}, code {code}. We will decide whether to accept it within {days} working days. Track it with the number and code.',
  },
  'accept.report.title': { 'zh-CN': '举报已受理', 'zh-TW': '舉報已受理', en: 'Report accepted' },
  'accept.report.body': { 'zh-CN': '您的举报已转为执法线索，将依法核查处理', 'zh-TW': '您的舉報已轉為執法線索，將依法核查處理', en: 'Your report has become an enforcement lead and will be verified' },
  'accept.complaint.title': { 'zh-CN': '投诉已受理', 'zh-TW': '投訴已受理', en: 'Complaint accepted' },
  'accept.complaint.body': {
    'zh-CN': '您的投诉已受理，我们将组织调解，调解期限至 {due}',
    'zh-TW': '您的投訴已受理，我們將組織調解，調解期限至 {due}',
    en: 'Your complaint is accepted; we will mediate it by {due}',
  },
  'refuse.title': { 'zh-CN': '投诉不予受理', 'zh-TW': '投訴不予受理', en: 'Complaint not accepted' },
  'refuse.body': { 'zh-CN': '不予受理，理由：{ground}', 'zh-TW': '不予受理，理由：{ground}', en: 'Not accepted: {ground}' },
  'conclude.title': { 'zh-CN': '调解结果', 'zh-TW': '調解結果', en: 'Mediation result' },
  'conclude.agreement': { 'zh-CN': '调解成功，双方已达成调解协议', 'zh-TW': '調解成功，雙方已達成調解協議', en: 'Mediation succeeded: both parties signed an agreement' },
  'conclude.no_agreement': {
    'zh-CN': '调解未能达成协议；符合条件的，可申请放心消费险赔付',
    'zh-TW': '調解未能達成協議；符合條件的，可申請放心消費險賠付',
    en: 'Mediation ended without agreement; if eligible you may claim under the consumer-protection insurance',
  },
  'conclude.terminated': { 'zh-CN': '终止调解，理由：{ground}', 'zh-TW': '終止調解，理由：{ground}', en: 'Mediation terminated: {ground}' },
  'deadline-moved.consumer.title': { 'zh-CN': '调解期限更正', 'zh-TW': '調解期限更正', en: 'Mediation deadline corrected' },
  'deadline-moved.consumer.body': {
    'zh-CN': '根据国务院办公厅公布的放假安排，您的投诉调解期限更正为 {due}',
    'zh-TW': '根據國務院辦公廳公布的放假安排，您的投訴調解期限更正為 {due}',
    en: 'Following the published public-holiday schedule, the mediation deadline of your complaint is now {due}',
  },
  'access.resend.title': { 'zh-CN': '查询码', 'zh-TW': '查詢碼', en: 'Access code' },
  'access.resend.body': {
    'zh-CN': '编号 {trackingNo} 的新查询码为 {code}（原查询码在新码使用前仍然有效）',
    'zh-TW': '編號 {trackingNo} 的新查詢碼為 {code}（原查詢碼在新碼使用前仍然有效）',
    en: 'The new access code for No. {trackingNo} is {code} (the old code works until the new one is used)',
  },
  'follow-up.title': { 'zh-CN': '调解回访：投诉 {trackingNo}（{respondent}）', 'zh-TW': '調解回訪：投訴 {trackingNo}（{respondent}）', en: 'Follow-up visit: complaint {trackingNo} ({respondent})' },
  // ---- the station poster (printed in zh-CN)
  'poster.subtitle': { 'zh-CN': '扫码投诉 · 就近调解 · 放心消费', 'zh-TW': '掃碼投訴 · 就近調解 · 放心消費', en: 'Scan to complain · mediation nearby · shop with confidence' },
  'poster.address': { 'zh-CN': '地址：{address}', 'zh-TW': '地址：{address}', en: 'Address: {address}' },
  'poster.hours': { 'zh-CN': '开放时间：星期{hours}', 'zh-TW': '開放時間：星期{hours}', en: 'Open: {hours}' },
  'poster.phone': { 'zh-CN': '电话：{phone}', 'zh-TW': '電話：{phone}', en: 'Phone: {phone}' },
  'poster.hint': { 'zh-CN': '手机扫码即可提交投诉，凭编号和短信查询码查询进度', 'zh-TW': '手機掃碼即可提交投訴，憑編號和簡訊查詢碼查詢進度', en: 'Scan with your phone to file a complaint; track it with the number and the code sent by SMS' },
  /** Appended to every SMS about a case. */
  'sms.suffix': { 'zh-CN': '{body}（编号 {trackingNo}）', 'zh-TW': '{body}（編號 {trackingNo}）', en: '{body} (No. {trackingNo})' },

  // ---- to staff (in-app) ----
  'assign.title': { 'zh-CN': '新的调解任务', 'zh-TW': '新的調解任務', en: 'New mediation' },
  'assign.body': {
    'zh-CN': '投诉 {trackingNo}（{respondent}），调解期限 {due}',
    'zh-TW': '投訴 {trackingNo}（{respondent}），調解期限 {due}',
    en: 'Complaint {trackingNo} ({respondent}), mediate by {due}',
  },
  'alert.title.overdue': { 'zh-CN': '调解已超期', 'zh-TW': '調解已超期', en: 'Mediation overdue' },
  'alert.title.near': { 'zh-CN': '调解期限将至', 'zh-TW': '調解期限將至', en: 'Mediation deadline near' },
  'alert.body': {
    'zh-CN': '投诉 {trackingNo} 的调解期限为 {due}（{days} 个工作日，{article}）',
    'zh-TW': '投訴 {trackingNo} 的調解期限為 {due}（{days} 個工作日，{article}）',
    en: 'Complaint {trackingNo}: mediate by {due} ({days} working days, {article})',
  },
  'deadline-moved.mediator.title': { 'zh-CN': '调解期限已更正', 'zh-TW': '調解期限已更正', en: 'Mediation deadline corrected' },
  'deadline-moved.mediator.body': {
    'zh-CN': '投诉 {trackingNo} 的调解期限按新的放假安排更正为 {due}（原为 {before}）',
    'zh-TW': '投訴 {trackingNo} 的調解期限按新的放假安排更正為 {due}（原為 {before}）',
    en: 'Complaint {trackingNo}: mediation deadline corrected to {due} by the new holiday schedule (was {before})',
  },
  /** A deadline the calendar cannot place yet: the rule itself, e.g. "受理之日起 45 个工作日". */
  'due.unknown.mediation': { 'zh-CN': '受理之日起 {days} 个工作日', 'zh-TW': '受理之日起 {days} 個工作日', en: '{days} working days from acceptance' },
  'due.unset': { 'zh-CN': '未定', 'zh-TW': '未定', en: 'not set' },

  // ---- routing (issue 11) ----
  'city-queue.title': { 'zh-CN': '市级受理队列：投诉 {trackingNo} 待分办', 'zh-TW': '市級受理佇列：投訴 {trackingNo} 待分辦', en: 'City intake queue: complaint {trackingNo} to be routed' },
  'city-queue.body': {
    'zh-CN': '投诉 {trackingNo}（{respondent}）无法确定所属辖区，已进入市级受理队列，请于 {due} 前分办',
    'zh-TW': '投訴 {trackingNo}（{respondent}）無法確定所屬轄區，已進入市級受理佇列，請於 {due} 前分辦',
    en: 'Complaint {trackingNo} ({respondent}) could not be placed in a district and is in the city intake queue; route it by {due}',
  },
  'rerouted.title': { 'zh-CN': '投诉已改派至本辖区', 'zh-TW': '投訴已改派至本轄區', en: 'Complaint re-routed to your area' },
  'rerouted.body': { 'zh-CN': '投诉 {trackingNo}（{respondent}）已改派：{reason}', 'zh-TW': '投訴 {trackingNo}（{respondent}）已改派：{reason}', en: 'Complaint {trackingNo} ({respondent}) was re-routed: {reason}' },

  // ---- to the respondent (art. 21: both parties told within 7 working days) ----
  'respondent.title': { 'zh-CN': '消费纠纷调解结果告知', 'zh-TW': '消費糾紛調解結果告知', en: 'Outcome of a consumer-dispute mediation' },
  'respondent.body': {
    'zh-CN': '{respondent}：消费者投诉（编号 {trackingNo}）的调解已结束。结果：{outcome}',
    'zh-TW': '{respondent}：消費者投訴（編號 {trackingNo}）的調解已結束。結果：{outcome}',
    en: '{respondent}: the mediation of consumer complaint {trackingNo} has ended. Outcome: {outcome}',
  },
  'respondent-notice.title': { 'zh-CN': '告知被投诉人调解结果：投诉 {trackingNo}（{respondent}）', 'zh-TW': '告知被投訴人調解結果：投訴 {trackingNo}（{respondent}）', en: 'Tell the respondent the outcome: complaint {trackingNo} ({respondent})' },
  'respondent-notice.no-channel': {
    'zh-CN': '被投诉人无企业账户且未留手机号，请电话或书面告知后登记',
    'zh-TW': '被投訴人無企業帳戶且未留手機號，請電話或書面告知後登記',
    en: 'The respondent has no portal account and no mobile number: tell them by phone or letter, then record it',
  },
} as const satisfies Record<string, LocalizedText>;

export type ComplaintTextKey = keyof typeof COMPLAINT_TEXTS;

/** A catalogue text in `locale` with its placeholders filled. */
export function complaintText(key: ComplaintTextKey, locale: Locale, values: Record<string, string | number> = {}): string {
  return localize(COMPLAINT_TEXTS[key], locale, values);
}

/** Error texts the complaints use cases attach to an `AppError`. */
export const COMPLAINT_ERRORS = {
  paused: { 'zh-CN': '调解已暂停（检测、鉴定中），请先恢复', 'zh-TW': '調解已暫停（檢測、鑑定中），請先恢復', en: 'Mediation is paused for testing or appraisal; resume it first' },
  notAMediator: { 'zh-CN': '该账户不是调解员', 'zh-TW': '該帳戶不是調解員', en: 'This account is not a mediator' },
  outsideJurisdiction: { 'zh-CN': '该调解员的辖区不包括此投诉所在区划', 'zh-TW': '該調解員的轄區不包括此投訴所在區劃', en: "The complaint's region is outside this mediator's jurisdiction" },
  recused: { 'zh-CN': '该调解员已申请回避，不能指派（第十九条）', 'zh-TW': '該調解員已申請迴避，不能指派（第十九條）', en: 'This mediator has recused and cannot be assigned (art. 19)' },
  tooManyCodes: {
    'zh-CN': '该编号的查询码错误次数过多，请于 {minutes} 分钟后再试',
    'zh-TW': '該編號的查詢碼錯誤次數過多，請於 {minutes} 分鐘後再試',
    en: 'Too many wrong codes for this tracking number; try again in {minutes} minutes',
  },
  ruleUnit: { 'zh-CN': '承办单位不存在', 'zh-TW': '承辦單位不存在', en: 'No such handling unit' },
  regionUnknown: { 'zh-CN': '区划代码不在本平台区划表中', 'zh-TW': '區劃代碼不在本平台區劃表中', en: 'The region code is not in the platform\'s region table' },
  noChange: { 'zh-CN': '改派目标与当前承办相同', 'zh-TW': '改派目標與當前承辦相同', en: 'The complaint is already routed there' },
  noTrackingNo: { 'zh-CN': '无法生成编号，请重试', 'zh-TW': '無法產生編號，請重試', en: 'Could not allocate a tracking number; try again' },
  tooManyRows: {
    'zh-CN': '文件有 {rows} 行，每次最多导入 {limit} 行，请拆分后分批导入；本次未导入任何数据',
    'zh-TW': '檔案有 {rows} 列，每次最多匯入 {limit} 列，請拆分後分批匯入；本次未匯入任何資料',
    en: 'The file has {rows} rows; at most {limit} can be imported at once. Split it; nothing was imported',
  },
} as const satisfies Record<string, LocalizedText>;

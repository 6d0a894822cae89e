/**
 * The insurance module's messages (SMS to the claimant, error texts) in zh-CN, zh-TW and en, with
 * `{placeholders}`; amounts arrive formatted by `formatYuan`. Use cases pick a text by key.
 */
import { localize, type Locale, type LocalizedText } from '../../../platform/i18n/i18n.js';

/** SMS go out in Simplified Chinese until claimants pick a language. */
export const SMS_LOCALE: Locale = 'zh-CN';

/** ¥1234.50 from integer fen. */
export function formatYuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}

export const INSURANCE_TEXTS = {
  'filed.title': { 'zh-CN': '理赔申请已受理', 'zh-TW': '理賠申請已受理', en: 'Claim received' },
  'filed.body': { 'zh-CN': '放心消费险理赔申请已提交，申请金额 {amount}，我们将尽快审核', 'zh-TW': '放心消費險理賠申請已提交，申請金額 {amount}，我們將盡快審核', en: 'Your insurance claim for {amount} is filed and will be reviewed soon' },
  'approved.title': { 'zh-CN': '理赔已核准', 'zh-TW': '理賠已核准', en: 'Claim approved' },
  'approved.body': { 'zh-CN': '放心消费险理赔已核准，金额 {amount}，将直接支付给您', 'zh-TW': '放心消費險理賠已核准，金額 {amount}，將直接支付給您', en: 'Your insurance claim is approved for {amount} and will be paid to you directly' },
  'refused.title': { 'zh-CN': '理赔未予核准', 'zh-TW': '理賠未予核准', en: 'Claim refused' },
  'refused.body': { 'zh-CN': '放心消费险理赔未予核准，理由：{reason}', 'zh-TW': '放心消費險理賠未予核准，理由：{reason}', en: 'Your insurance claim was refused: {reason}' },
  'paid.title': { 'zh-CN': '理赔款已支付', 'zh-TW': '理賠款已支付', en: 'Claim paid' },
  'paid.body': { 'zh-CN': '放心消费险理赔款 {amount} 已支付', 'zh-TW': '放心消費險理賠款 {amount} 已支付', en: 'The claim payout of {amount} has been paid' },
  /** Appended to every SMS about a claim. */
  'sms.suffix': { 'zh-CN': '{body}（理赔编号 {claimNo}）', 'zh-TW': '{body}（理賠編號 {claimNo}）', en: '{body} (claim {claimNo})' },
} as const satisfies Record<string, LocalizedText>;

export function insuranceText(key: keyof typeof INSURANCE_TEXTS, locale: Locale, values: Record<string, string | number> = {}): string {
  return localize(INSURANCE_TEXTS[key], locale, values);
}

export const INSURANCE_ERRORS = {
  duplicateClaim: { 'zh-CN': '该投诉已有理赔申请', 'zh-TW': '該投訴已有理賠申請', en: 'A claim for this complaint already exists' },
  conditionsFail: { 'zh-CN': '不符合放心消费险赔付条件：{failing}', 'zh-TW': '不符合放心消費險賠付條件：{failing}', en: 'The assured-consumption insurance conditions are not met: {failing}' },
  notMassIncident: {
    'zh-CN': '“群体性事故”赔付依据要求同一事故受伤或死亡不少于 {min} 人（本事故 {people} 人）',
    'zh-TW': '「群體性事故」賠付依據要求同一事故受傷或死亡不少於 {min} 人（本事故 {people} 人）',
    en: 'The mass-incident basis needs at least {min} people injured or killed in one incident (this one: {people})',
  },
  incidentPolicy: { 'zh-CN': '事故不属于该理赔的保单', 'zh-TW': '事故不屬於該理賠的保單', en: "The incident belongs to another policy than the claim's" },
  limitExceeded: { 'zh-CN': '超出限额：{limit}（最多 {amount}）', 'zh-TW': '超出限額：{limit}（最多 {amount}）', en: 'Limit exceeded: {limit} (at most {amount})' },
} as const satisfies Record<string, LocalizedText>;

/** The names of the limits an approval may exceed. */
export const LIMIT_NAMES = {
  claimed: { 'zh-CN': '申请金额', 'zh-TW': '申請金額', en: 'the amount claimed' },
  per_accident: { 'zh-CN': '每次事故赔偿限额（同一事故各理赔合计）', 'zh-TW': '每次事故賠償限額（同一事故各理賠合計）', en: 'the per-accident limit (all claims of the incident together)' },
  aggregate: { 'zh-CN': '保单累计赔偿限额剩余额度', 'zh-TW': '保單累計賠償限額剩餘額度', en: 'the remaining aggregate limit of the policy' },
} as const satisfies Record<string, LocalizedText>;

import type { FieldError } from '../../../platform/errors/app-error.js';

type Text = { 'zh-CN': string; 'zh-TW': string; en: string };

/** Field-error messages of the enforcement module in the three languages. */
export const FIELD_TEXT: Record<string, Text> = {
  required: { 'zh-CN': '必填', 'zh-TW': '必填', en: 'Required' },
  REQUIRED: { 'zh-CN': '必须先完成', 'zh-TW': '必須先完成', en: 'Must be done first' },
  AMOUNT_DUE: { 'zh-CN': '金额与应缴金额不符', 'zh-TW': '金額與應繳金額不符', en: 'Not the amount due' },
  AT_LEAST_TWO: { 'zh-CN': '执法人员不得少于两人', 'zh-TW': '執法人員不得少於兩人', en: 'At least two officers' },
  BACKDATING: { 'zh-CN': '不得倒签，时间以系统时间为准', 'zh-TW': '不得倒簽，時間以系統時間為準', en: 'Back-dating is not allowed' },
  IN_THE_PAST: { 'zh-CN': '日期不能早于今天', 'zh-TW': '日期不能早於今天', en: 'The date cannot be in the past' },
  MUST_BE_POSITIVE: { 'zh-CN': '罚款金额须大于零', 'zh-TW': '罰款金額須大於零', en: 'The fine must be above zero' },
  MUST_BE_ZERO: { 'zh-CN': '不予处罚或警告时金额应为零', 'zh-TW': '不予處罰或警告時金額應為零', en: 'Must be zero for no penalty or a warning' },
  MUST_INCLUDE_SELF: { 'zh-CN': '须包括本人', 'zh-TW': '須包括本人', en: 'Must include yourself' },
  NOT_AN_OFFICER: { 'zh-CN': '所选人员不是本辖区的执法人员', 'zh-TW': '所選人員不是本轄區的執法人員', en: 'Not an enforcement officer of this region' },
  NOT_FOUND: { 'zh-CN': '未找到该市场主体', 'zh-TW': '找不到該市場主體', en: 'No such enterprise' },
  NOT_THIS_ENTERPRISE: { 'zh-CN': '案件不属于该市场主体', 'zh-TW': '案件不屬於該市場主體', en: 'The case is not about this enterprise' },
  OUT_OF_RANGE: { 'zh-CN': '超出法定罚款幅度', 'zh-TW': '超出法定罰款幅度', en: 'Outside the statutory range' },
  OVER_ON_THE_SPOT_LIMIT: { 'zh-CN': '超出当场处罚限额 {limit}', 'zh-TW': '超出當場處罰限額 {limit}', en: 'Over the on-the-spot limit {limit}' },
  REQUIRED_OUTSIDE_PROPOSAL: { 'zh-CN': '偏离裁量建议的，须说明理由', 'zh-TW': '偏離裁量建議的，須說明理由', en: 'A reason is required when deciding outside the proposal' },
  TOO_EARLY: { 'zh-CN': '日期过早', 'zh-TW': '日期過早', en: 'Too early' },
  UNKNOWN_PLACEHOLDER: { 'zh-CN': '模板含有未知的占位符：{names}', 'zh-TW': '範本含有未知的佔位符：{names}', en: 'Unknown placeholders: {names}' },
  // Early warnings and the rulebook (issue 11).
  DUPLICATE: { 'zh-CN': '与已有记录重复', 'zh-TW': '與已有記錄重複', en: 'Duplicates an existing record' },
  BEFORE_ISSUE: { 'zh-CN': '有效期不能早于发证日期', 'zh-TW': '有效期不能早於發證日期', en: 'Expires before it was issued' },
  NO_PENALTY_REQUIRED: { 'zh-CN': '依法应当不予处罚', 'zh-TW': '依法應當不予處罰', en: 'The law requires no penalty' },
  FINE_REQUIRED: { 'zh-CN': '该违法行为须处以罚款', 'zh-TW': '該違法行為須處以罰款', en: 'This violation requires a fine' },
  UNKNOWN_VIOLATION_TYPE: { 'zh-CN': '未知的违法行为类型', 'zh-TW': '未知的違法行為類型', en: 'Unknown violation type' },
};

/** A field error with its localised text. */
export function fieldError(path: string, code: string, params?: Record<string, unknown>): FieldError {
  return { path, code, text: FIELD_TEXT[code], ...(params ? { params } : {}) };
}

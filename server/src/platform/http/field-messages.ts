import type { LocalizedText } from '../i18n/i18n.js';

/**
 * Localised texts for field-level validation codes. Generic zod issue codes are here; modules add
 * their own (e.g. CREDIT_CODE_CHECK) through `registerFieldMessages` at composition.
 */
const messages = new Map<string, LocalizedText>(
  Object.entries({
    required: { 'zh-CN': '此项必填', 'zh-TW': '此項必填', en: 'Required' },
    invalid_type: { 'zh-CN': '格式不正确', 'zh-TW': '格式不正確', en: 'Invalid value' },
    too_small: { 'zh-CN': '内容过短或数值过小（最小 {minimum}）', 'zh-TW': '內容過短或數值過小（最小 {minimum}）', en: 'Too short or too small (minimum {minimum})' },
    too_big: { 'zh-CN': '超出上限（最多 {maximum}）', 'zh-TW': '超出上限（最多 {maximum}）', en: 'Over the limit (maximum {maximum})' },
    invalid_format: { 'zh-CN': '格式不正确', 'zh-TW': '格式不正確', en: 'Invalid format' },
    invalid_value: { 'zh-CN': '取值不在允许范围内', 'zh-TW': '取值不在允許範圍內', en: 'Value not allowed' },
    unrecognized_keys: { 'zh-CN': '包含不允许的字段：{keys}', 'zh-TW': '包含不允許的欄位：{keys}', en: 'Unknown fields: {keys}' },
    custom: { 'zh-CN': '内容不正确', 'zh-TW': '內容不正確', en: 'Invalid value' },
  }),
);

export function registerFieldMessages(entries: Record<string, LocalizedText>): void {
  for (const [k, v] of Object.entries(entries)) messages.set(k, v);
}

export function fieldMessage(code: string): LocalizedText | undefined {
  return messages.get(code);
}

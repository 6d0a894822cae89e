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
    PASSWORD_TOO_SHORT: { 'zh-CN': '密码至少 10 个字符', 'zh-TW': '密碼至少 10 個字元', en: 'The password needs at least 10 characters' },
    PASSWORD_COMMON: { 'zh-CN': '这是常见密码，容易被猜中，请换一个', 'zh-TW': '這是常見密碼，容易被猜中，請換一個', en: 'This is a common password that is easy to guess; choose another' },
    PASSWORD_REPETITIVE: { 'zh-CN': '密码不能是重复或连续的字符', 'zh-TW': '密碼不能是重複或連續的字元', en: 'The password cannot be repeated or consecutive characters' },
    PASSWORD_SAME_AS_USERNAME: { 'zh-CN': '密码不能包含用户名', 'zh-TW': '密碼不能包含使用者名稱', en: 'The password cannot contain the user name' },
    PASSWORD_WRONG: { 'zh-CN': '当前密码不正确', 'zh-TW': '目前密碼不正確', en: 'The current password is wrong' },
    PASSWORD_UNCHANGED: { 'zh-CN': '新密码不能与当前密码相同', 'zh-TW': '新密碼不能與目前密碼相同', en: 'The new password must differ from the current one' },
    PASSWORD_SYSTEM_ACCOUNT: { 'zh-CN': '系统账户只能使用令牌，不能设置密码', 'zh-TW': '系統帳戶只能使用權杖，不能設定密碼', en: 'System accounts use tokens only and cannot have a password' },
    INVALID_CURSOR: { 'zh-CN': '翻页位置无效，请从第一页重新查看', 'zh-TW': '翻頁位置無效，請從第一頁重新查看', en: 'Invalid page position; start again from the first page' },
    INVALID_DATE: { 'zh-CN': '日期格式应为 YYYY-MM-DD', 'zh-TW': '日期格式應為 YYYY-MM-DD', en: 'The date must be written YYYY-MM-DD' },
    invalid_union: { 'zh-CN': '格式不正确', 'zh-TW': '格式不正確', en: 'Invalid value' },
    not_multiple_of: { 'zh-CN': '数值不符合要求的倍数', 'zh-TW': '數值不符合要求的倍數', en: 'The number is not an allowed step' },
    CSV_MALFORMED: { 'zh-CN': 'CSV 文件格式错误，无法读取', 'zh-TW': 'CSV 檔案格式錯誤，無法讀取', en: 'The CSV file is malformed and cannot be read' },
    CSV_EMPTY: { 'zh-CN': '文件为空', 'zh-TW': '檔案為空', en: 'The file is empty' },
    CSV_COLUMN_MISSING: { 'zh-CN': '文件缺少必需的列', 'zh-TW': '檔案缺少必需的欄', en: 'A required column is missing from the file' },
    AMOUNT_INVALID: { 'zh-CN': '金额格式不正确', 'zh-TW': '金額格式不正確', en: 'Invalid amount' },
    custom: { 'zh-CN': '内容不正确', 'zh-TW': '內容不正確', en: 'Invalid value' },
  }),
);

export function registerFieldMessages(entries: Record<string, LocalizedText>): void {
  for (const [k, v] of Object.entries(entries)) messages.set(k, v);
}

export function fieldMessage(code: string): LocalizedText | undefined {
  return messages.get(code);
}

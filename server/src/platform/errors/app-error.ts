import type { Locale, LocalizedText } from '../i18n/i18n.js';
import { localize } from '../i18n/i18n.js';
import { fieldMessage } from '../http/field-messages.js';

/**
 * The closed list of error codes. Every error a client can see has one of these codes; the code
 * decides the HTTP status. Add a code here (with its status and messages) rather than inventing one.
 */
export const ERROR_CODES = {
  /** The request body, query or params failed validation; `fields` says which and why. */
  VALIDATION_FAILED: 400,
  /** The request is malformed in a way not tied to one field. */
  BAD_REQUEST: 400,
  /** No valid session or token. */
  UNAUTHENTICATED: 401,
  /** Wrong user name or password. */
  INVALID_CREDENTIALS: 401,
  /** The actor lacks the role or scope for this action. */
  FORBIDDEN: 403,
  /** A cookie-authenticated unsafe request came without a valid CSRF token. */
  CSRF_FAILED: 403,
  /** The resource does not exist, or is outside the actor's jurisdiction or bindings. */
  NOT_FOUND: 404,
  /** The resource existed and was deliberately ended (a publication past its period, withdrawn or repaired). */
  GONE: 410,
  /** The record changed since the client read it (optimistic version mismatch). */
  VERSION_CONFLICT: 409,
  /** The record already exists (unique key). */
  DUPLICATE: 409,
  /** The action is not allowed in the record's current state. */
  INVALID_STATE: 409,
  /** The upload is larger than allowed. */
  PAYLOAD_TOO_LARGE: 413,
  /** The upload's content is not an accepted type. */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** A business or legal rule refuses the action (the message names the rule). */
  RULE_VIOLATION: 422,
  /** A money or count limit would be exceeded. */
  LIMIT_EXCEEDED: 422,
  /** A date calculation falls outside the years the working-day calendar covers. */
  CALENDAR_OUT_OF_RANGE: 422,
  /** Log-ins for this user name must wait (progressive delay after repeated failures). */
  ACCOUNT_LOCKED: 423,
  /** Too many requests. */
  RATE_LIMITED: 429,
  /** An unexpected server fault (never for anything a client can send). */
  INTERNAL: 500,
  /** A dependency (database, other system) is unavailable. */
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ERROR_MESSAGES: Record<ErrorCode, LocalizedText> = {
  VALIDATION_FAILED: { 'zh-CN': '提交的内容有误，请检查标注的字段', 'zh-TW': '提交的內容有誤，請檢查標註的欄位', en: 'Some fields are invalid' },
  BAD_REQUEST: { 'zh-CN': '请求格式有误', 'zh-TW': '請求格式有誤', en: 'The request is malformed' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', 'zh-TW': '請先登入', en: 'Please log in' },
  INVALID_CREDENTIALS: { 'zh-CN': '用户名或密码错误', 'zh-TW': '使用者名稱或密碼錯誤', en: 'Wrong user name or password' },
  FORBIDDEN: { 'zh-CN': '您没有执行此操作的权限', 'zh-TW': '您沒有執行此操作的權限', en: 'You are not allowed to do this' },
  CSRF_FAILED: { 'zh-CN': '页面已过期，请刷新后重试', 'zh-TW': '頁面已過期，請重新整理後重試', en: 'The page has expired; reload and try again' },
  NOT_FOUND: { 'zh-CN': '未找到该记录', 'zh-TW': '找不到該記錄', en: 'Not found' },
  GONE: { 'zh-CN': '该信息已停止公开', 'zh-TW': '該資訊已停止公開', en: 'This is no longer published' },
  VERSION_CONFLICT: { 'zh-CN': '该记录已被他人修改，请刷新后再编辑', 'zh-TW': '該記錄已被他人修改，請重新整理後再編輯', en: 'Someone else changed this record; reload and edit again' },
  DUPLICATE: { 'zh-CN': '记录已存在', 'zh-TW': '記錄已存在', en: 'This record already exists' },
  INVALID_STATE: { 'zh-CN': '当前状态下不能执行此操作', 'zh-TW': '目前狀態下不能執行此操作', en: 'This action is not allowed in the current state' },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '文件过大，上限为 {limit}', 'zh-TW': '檔案過大，上限為 {limit}', en: 'The file is too large; the limit is {limit}' },
  UNSUPPORTED_MEDIA_TYPE: { 'zh-CN': '不支持的文件类型，仅接受 {accepted}', 'zh-TW': '不支援的檔案類型，僅接受 {accepted}', en: 'Unsupported file type; accepted: {accepted}' },
  RULE_VIOLATION: { 'zh-CN': '不符合规定：{rule}', 'zh-TW': '不符合規定：{rule}', en: 'Not allowed by the rules: {rule}' },
  LIMIT_EXCEEDED: { 'zh-CN': '超出限额：{limit}', 'zh-TW': '超出限額：{limit}', en: 'Limit exceeded: {limit}' },
  CALENDAR_OUT_OF_RANGE: {
    'zh-CN': '工作日历仅覆盖 {first}–{last} 年，无法计算 {date} 的期限，请先导入新年度的节假日安排',
    'zh-TW': '工作日曆僅涵蓋 {first}–{last} 年，無法計算 {date} 的期限，請先匯入新年度的節假日安排',
    en: 'The working-day calendar covers {first}–{last} only; {date} cannot be computed until the new year\'s holiday notice is loaded',
  },
  ACCOUNT_LOCKED: { 'zh-CN': '登录失败次数过多，请于 {until} 之后再试', 'zh-TW': '登入失敗次數過多，請於 {until} 之後再試', en: 'Too many failed log-ins; try again after {until}' },
  RATE_LIMITED: { 'zh-CN': '请求过于频繁，请稍后再试', 'zh-TW': '請求過於頻繁，請稍後再試', en: 'Too many requests; try again later' },
  INTERNAL: { 'zh-CN': '系统内部错误，请稍后再试', 'zh-TW': '系統內部錯誤，請稍後再試', en: 'Internal error; please try again later' },
  SERVICE_UNAVAILABLE: { 'zh-CN': '服务暂不可用', 'zh-TW': '服務暫不可用', en: 'Service unavailable' },
};

/** One field's problem: a JSON path, a stable code and a message (localised at the edge). */
export interface FieldError {
  path: string;
  code: string;
  message?: string;
  /** Message in every language; when given it wins over `message`. */
  text?: LocalizedText;
  params?: Record<string, unknown>;
}

export interface AppErrorOptions {
  /** Replaces the code's default message (all languages). */
  text?: LocalizedText;
  /** Values for the message placeholders. */
  params?: Record<string, unknown>;
  fields?: FieldError[];
  cause?: unknown;
}

/** The one error type of Xingfeng. Domain code throws it; the HTTP layer maps it. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly text?: LocalizedText;
  readonly params: Record<string, unknown>;
  readonly fields: FieldError[];

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(localize(options.text ?? ERROR_MESSAGES[code], 'en', options.params), { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code];
    this.text = options.text;
    this.params = options.params ?? {};
    this.fields = options.fields ?? [];
  }

  /** The message in a given language. */
  messageIn(locale: Locale): string {
    return localize(this.text ?? ERROR_MESSAGES[this.code], locale, this.params);
  }

  toBody(locale: Locale, requestId?: string) {
    return {
      error: {
        code: this.code,
        message: this.messageIn(locale),
        ...(this.fields.length
          ? {
              fields: this.fields.map((f) => ({
                path: f.path,
                code: f.code,
                message: fieldText(f, locale),
              })),
            }
          : {}),
        ...(requestId ? { requestId } : {}),
      },
    };
  }
}

/**
 * A field error's message in one language — never a raw code: its own text, else the catalogue
 * entry for its code (zod issues, module codes registered at composition), else a generic one.
 */
export function fieldText(f: FieldError, locale: Locale): string {
  if (f.text) return localize(f.text, locale, f.params);
  const known = fieldMessage(f.code);
  if (known) return localize(known, locale, withoutBlanks(f.params));
  if (locale === 'en' && f.message) return f.message;
  return localize(fieldMessage('custom')!, locale);
}

/** Placeholders whose value is missing read as "—" rather than `{maximum}`. */
function withoutBlanks(params: Record<string, unknown> | undefined): Record<string, unknown> {
  return new Proxy(params ?? {}, { get: (o, k: string) => (o[k] === undefined || o[k] === null || o[k] === '' ? '—' : o[k]) });
}

/** A rule refusal with a localised reason naming the rule. */
export function ruleViolation(rule: LocalizedText, params?: Record<string, unknown>, fields?: FieldError[]): AppError {
  return new AppError('RULE_VIOLATION', {
    text: {
      'zh-CN': `不符合规定：${rule['zh-CN']}`,
      'zh-TW': `不符合規定：${rule['zh-TW']}`,
      en: `Not allowed by the rules: ${rule.en}`,
    },
    params,
    fields,
  });
}

export function notFound(): AppError {
  return new AppError('NOT_FOUND');
}

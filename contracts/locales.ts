/**
 * The languages of Xingfeng, declared once for the server, the web app and the contracts:
 * Simplified Chinese (the default), Traditional Chinese and English. No zod here, so the web app
 * imports it without pulling the schema library into its bundle.
 */
export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Whether a string (a stored preference, a header value) names one of the LOCALES. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

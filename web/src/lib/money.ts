/**
 * Money in the web app. The API carries every amount as an integer number of fen (分, 1/100 yuan);
 * forms take yuan (or 万元 for registered capital). These are the only conversions and formatters:
 * pages never divide by 100 themselves.
 */
import { getLocale, type Locale } from './i18n';

/** The Intl tag used for numbers in each locale (English readers get en-US grouping). */
const NUMBER_TAG: Record<Locale, string> = { 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW', en: 'en-US' };
const WAN_UNIT: Record<Locale, string> = { 'zh-CN': '万元', 'zh-TW': '萬元', en: '×10k CNY' };

/** fen → "¥1,234.50" (always two decimals); null/undefined → "—". */
export function formatYuan(fen: number | null | undefined, locale: Locale = getLocale()): string {
  if (fen === null || fen === undefined) return '—';
  const n = (fen / 100).toLocaleString(NUMBER_TAG[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return fen < 0 ? `-¥${n.replace(/^-/, '')}` : `¥${n}`;
}

/** fen → 万元 (ten-thousand yuan), e.g. 123456789 → "123.4568 万元" (registered capital). */
export function formatWanYuan(fen: number | null | undefined, locale: Locale = getLocale()): string {
  if (fen === null || fen === undefined) return '—';
  const n = fenToWan(fen).toLocaleString(NUMBER_TAG[locale], { maximumFractionDigits: 4 });
  return `${n} ${WAN_UNIT[locale]}`;
}

/** A form's yuan value → fen (rounded to the fen). */
export function yuanToFen(yuan: number | null | undefined): number {
  return Math.round((yuan ?? 0) * 100);
}

/** fen → a yuan number for a form's initial value. */
export function fenToYuan(fen: number | null | undefined): number {
  return (fen ?? 0) / 100;
}

/** A form's 万元 value → fen. */
export function wanToFen(wan: number | null | undefined): number {
  return Math.round((wan ?? 0) * 1_000_000);
}

/** fen → a 万元 number for a form's initial value. */
export function fenToWan(fen: number): number {
  return fen / 1_000_000;
}

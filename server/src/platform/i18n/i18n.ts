/** The three languages of Xingfeng, declared once in contracts/locales.ts. */
import type { Locale } from '../../../../contracts/locales.js';
export { LOCALES, type Locale } from '../../../../contracts/locales.js';

/** A message in every language; `{name}` placeholders are filled from params. */
export type LocalizedText = Record<Locale, string>;

/** Picks the best supported locale from an Accept-Language header (zh-CN when nothing matches). */
export function negotiateLocale(header: string | undefined | null): Locale {
  if (!header) return 'zh-CN';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag === 'zh-tw' || tag === 'zh-hk' || tag === 'zh-mo' || tag.startsWith('zh-hant')) return 'zh-TW';
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'zh-CN';
}

export function format(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined ? `{${k}}` : String(params[k])));
}

export function localize(text: LocalizedText, locale: Locale, params?: Record<string, unknown>): string {
  return format(text[locale] ?? text['zh-CN'], params);
}

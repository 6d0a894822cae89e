// How a search text becomes the terms of the register's index look-up. Pure.
import { searchKey } from './chinese-text.js';
import { grams } from './enterprise.js';
import { normalizeIdentifier } from './normalize.js';

/**
 * Bigrams that occur in most enterprise names. They add nothing to the index look-up (the LIKE
 * check still applies the whole query), so they are left out when the query has others.
 */
const COMMON_GRAMS = new Set(['有限', '限公', '公司', '责任', '任公', '股份', '份有', '杭州', '科技', '技有', '贸易', '易有', '服务', '务有', '管理', '理有', '经营', '营部']);

export function searchTerms(q: string): { code?: string; nameKey?: string; grams?: string[] } {
  const code = normalizeIdentifier(q);
  const isCodeLike = /^[0-9A-Z]{2,18}$/.test(code);
  const key = searchKey(q);
  const all = key ? grams(key) : [];
  const rare = all.filter((g) => !COMMON_GRAMS.has(g));
  return { code: isCodeLike ? code : undefined, nameKey: key || undefined, grams: key ? (rare.length ? rare : all) : undefined };
}

// Simplified/Traditional folding for search. Names typed in Traditional characters (Taiwan or
// Hong Kong forms) and in Simplified characters must meet on one key.
import * as OpenCC from 'opencc-js/t2cn';
import { toHalfWidth } from './normalize.js';

export { toHalfWidth } from './normalize.js';

type Convert = (text: string) => string;
let converters: Convert[] | undefined;

/**
 * Taiwan forms first, then Hong Kong forms: the pair folds variants that either alone misses
 * (衞/衛, 敍/敘 …) and leaves Simplified text unchanged. Built once, on first use.
 */
function getConverters(): Convert[] {
  converters ??= [OpenCC.Converter({ from: 'tw', to: 'cn' }), OpenCC.Converter({ from: 'hk', to: 'cn' })];
  return converters;
}

/** Converts Traditional Chinese (Taiwan or Hong Kong forms) to Simplified; other text is untouched. */
export function toSimplified(s: string): string {
  let out = s;
  for (const convert of getConverters()) out = convert(out);
  return out;
}

/**
 * The key names are matched on: half-width, Simplified, lower-case and without whitespace, so that
 * `臺灣銀行`, `台湾银行` and `台湾 银行` meet, as do `ＡＢＣ` and `abc`.
 */
export function searchKey(s: string | null | undefined): string {
  return toSimplified(toHalfWidth(s ?? '')).toLowerCase().replace(/\s+/g, '');
}

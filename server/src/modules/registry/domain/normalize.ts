/**
 * Width folding shared by the identifier validators and the search key: full-width ASCII forms
 * (U+FF01–U+FF5E, as typed by Chinese input methods) become their half-width counterparts and the
 * ideographic space U+3000 becomes a plain space. Everything else is left as it is.
 */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Half-width, trimmed and upper-cased: the canonical form of a typed identifier. */
export function normalizeIdentifier(input: string): string {
  return toHalfWidth(input).trim().toUpperCase();
}

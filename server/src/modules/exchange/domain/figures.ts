// Small pure helpers for monitoring figures and reconciliation.

/** Nearest-rank percentile of sorted-or-not values; null when there are none. */
export function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return Math.round(sorted[rank - 1]);
}

/** Scalars compare by their text (an XML copy holds text), objects and arrays by their JSON. */
function norm(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The target fields where a department's copy differs from what the register says it should hold. */
export function copiesDiffer(expected: Record<string, unknown>, copy: Record<string, unknown>): string[] {
  return Object.keys(expected).filter((k) => norm(expected[k]) !== norm(copy[k]));
}

import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export type UrlStateValues = Record<string, string | undefined>;

/** Reads the given keys from a query string; missing keys take their default. */
export function readUrlState<T extends UrlStateValues>(search: URLSearchParams, defaults: T): T {
  const out: UrlStateValues = {};
  for (const k of Object.keys(defaults)) out[k] = search.get(k) ?? defaults[k];
  return out as T;
}

/** A new query string with the patch applied: empty or default values are removed, other keys kept. */
export function writeUrlState(search: URLSearchParams, patch: UrlStateValues, defaults: UrlStateValues = {}): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || v === null || v === '' || v === defaults[k]) next.delete(k);
    else next.set(k, v);
  }
  return next;
}

/**
 * Filters and search text kept in the URL (so a queue can be bookmarked, shared, reloaded and
 * printed with its filters): `const [f, setF] = useUrlState({ status: undefined, q: undefined })`;
 * `setF({ status: 'open' })` replaces the history entry.
 */
export function useUrlState<T extends UrlStateValues>(defaults: T): [T, (patch: Partial<T>) => void] {
  const [params, setParams] = useSearchParams();
  // `defaults` is compared by value: callers pass a literal each render.
  const key = JSON.stringify(defaults);
  const state = useMemo(() => readUrlState(params, defaults), [params, key]);
  const set = useCallback(
    (patch: Partial<T>) => setParams((prev) => writeUrlState(prev, patch as UrlStateValues, defaults), { replace: true }),
    [setParams, key],
  );
  return [state, set];
}

/** A queue's search text, kept in the URL as `q`. */
export function useSearchText(): [string | undefined, (q: string | undefined) => void] {
  const [{ q }, set] = useUrlState<{ q: string | undefined }>({ q: undefined });
  return [q, (v) => set({ q: v })];
}

/** One filter kept in the URL, a drop-in for `useState<string>(fallback)`: `useUrlValue('status', 'pending')`. */
export function useUrlValue(key: string, fallback: string): [string, (v: string | undefined) => void] {
  const [state, set] = useUrlState<Record<string, string | undefined>>({ [key]: fallback });
  return [state[key] ?? fallback, (v) => set({ [key]: v })];
}

/**
 * Jurisdiction rules that go beyond "the record is in my region" (issue 9, finding 7). A
 * jurisdiction is a region-code prefix (`33` province, `3301` city, `330102` district); null is
 * the whole system (administrators, city-wide staff without a prefix).
 */

/** Whether a jurisdiction covers a region. A record without a region is covered only by null. */
export function coversRegion(jurisdiction: string | null, region: string | null): boolean {
  if (jurisdiction === null) return true;
  return region !== null && region.startsWith(jurisdiction);
}

/**
 * Whether someone with this jurisdiction may move an enterprise from one region to another: only
 * when the jurisdiction covers both (a district registrar within the district, a city registrar
 * between the city's districts), so no one can move a record out of their own reach, or into a
 * region they do not answer for. Not moving is always allowed.
 */
export function mayMoveRegion(jurisdiction: string | null, from: string, to: string): boolean {
  if (from === to) return true;
  return coversRegion(jurisdiction, from) && coversRegion(jurisdiction, to);
}

/** Whether a stored record (import job…) made under `recordScope` is visible to `jurisdiction`. */
export function seesScope(jurisdiction: string | null, recordScope: string | null): boolean {
  if (jurisdiction === null) return true;
  return recordScope !== null && recordScope.startsWith(jurisdiction);
}

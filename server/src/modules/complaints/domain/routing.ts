/**
 * Routing of complaints (issue 11): no complaint is left without a handler. Pure rules over the
 * region names and the routing table; the use cases feed them the register and the stations.
 *
 * Order (SAMR Order No. 20 art. 12: the bureau where the respondent operates or is domiciled;
 * art. 13: the first office to receive it handles it):
 *   1. the station the complaint was filed at (its QR code),
 *   2. the respondent's registered region (the register),
 *   3. the district the complainant chose,
 *   4. a district named in the respondent's address, then in the complainant's address,
 *   5. otherwise the city's intake queue (visible to the city's officers, tracked as an obligation).
 */

export type RoutedBy = 'station' | 'respondent' | 'district' | 'address' | 'city_queue' | 'manual';
export const ROUTED_BY: readonly RoutedBy[] = ['station', 'respondent', 'district', 'address', 'city_queue', 'manual'];

export interface NamedRegion {
  code: string;
  name: string;
  level: 'province' | 'city' | 'district';
  parent: string | null;
}

/** The district suffixes dropped to match a short name (上城区 → 上城). */
const SUFFIXES = /(自治县|新区|区|县|市)$/;

/**
 * The district named in a free-text address: the full name first (上城区), then the short name of
 * at least two characters (上城). The longest match wins; null when none or when two districts tie.
 */
export function districtFromAddress(address: string | null | undefined, regions: readonly NamedRegion[]): string | null {
  const text = (address ?? '').replace(/\s+/g, '');
  if (!text) return null;
  const districts = regions.filter((r) => r.level === 'district');
  for (const pass of ['full', 'short'] as const) {
    const hits = districts
      .map((r) => ({ code: r.code, key: pass === 'full' ? r.name : r.name.replace(SUFFIXES, '') }))
      .filter((h) => h.key.length >= 2 && text.includes(h.key));
    if (hits.length === 1) return hits[0].code;
    if (hits.length > 1) {
      const longest = Math.max(...hits.map((h) => h.key.length));
      const best = hits.filter((h) => h.key.length === longest);
      return best.length === 1 ? best[0].code : null;
    }
  }
  return null;
}

/** The city whose intake queue takes what cannot be placed (the only city of the region table). */
export function cityOf(regions: readonly NamedRegion[]): string {
  const city = regions.find((r) => r.level === 'city');
  if (!city) throw new Error('complaints routing: the region table has no city');
  return city.code;
}

export interface RouteFacts {
  stationRegion?: string | null;
  respondentRegion?: string | null;
  /** The district the complainant chose on the form (optional). */
  givenRegion?: string | null;
  respondentAddress?: string | null;
  complainantAddress?: string | null;
}

/** The region and the reason a complaint goes there. Always a region: at worst the city's intake queue. */
export function routeRegion(f: RouteFacts, regions: readonly NamedRegion[]): { regionCode: string; routedBy: RoutedBy } {
  // A region of the table, or any district code under the city (a district the table does not list
  // yet is still seen by the city's officers, whose jurisdiction covers it).
  const cityPrefix = cityOf(regions).slice(0, 4);
  const known = (c: string | null | undefined) => !!c && (regions.some((r) => r.code === c) || (/^\d{6}$/.test(c) && c.startsWith(cityPrefix) && c !== `${cityPrefix}00`));
  if (known(f.stationRegion)) return { regionCode: f.stationRegion!, routedBy: 'station' };
  if (known(f.respondentRegion)) return { regionCode: f.respondentRegion!, routedBy: 'respondent' };
  if (known(f.givenRegion)) return { regionCode: f.givenRegion!, routedBy: 'district' };
  const parsed = districtFromAddress(f.respondentAddress, regions) ?? districtFromAddress(f.complainantAddress, regions);
  if (parsed) return { regionCode: parsed, routedBy: 'address' };
  return { regionCode: cityOf(regions), routedBy: 'city_queue' };
}

export interface RoutingRule {
  id: string;
  category: string | null;
  /** A GB/T 4754 code prefix (section letter or 2–4 digits); null matches any industry. */
  industryPrefix: string | null;
  unitId: string;
  priority: number;
  active: boolean;
}

/** Whether an industry code (class `5411`, or section-prefixed `G5411`) falls under a rule's prefix. */
export function industryMatches(prefix: string, industry: string | null | undefined): boolean {
  if (!industry) return false;
  const code = industry.toUpperCase();
  const digits = code.replace(/^[A-T]/, '');
  const p = prefix.toUpperCase();
  return /^[A-T]/.test(p) ? code.startsWith(p) || (p.length === 1 && sectionOf(digits) === p) : digits.startsWith(p);
}

/** GB/T 4754-2017 sections by division ranges (the first two digits of a class). */
const SECTIONS: [string, number, number][] = [
  ['A', 1, 5], ['B', 6, 12], ['C', 13, 43], ['D', 44, 46], ['E', 47, 50], ['F', 51, 52], ['G', 53, 60], ['H', 61, 62],
  ['I', 63, 65], ['J', 66, 69], ['K', 70, 70], ['L', 71, 72], ['M', 73, 75], ['N', 76, 79], ['O', 80, 82], ['P', 83, 83],
  ['Q', 84, 85], ['R', 86, 90], ['S', 91, 96], ['T', 97, 97],
];
export function sectionOf(code: string): string | null {
  const div = Number(code.slice(0, 2));
  if (!Number.isInteger(div)) return null;
  return SECTIONS.find(([, lo, hi]) => div >= lo && div <= hi)?.[0] ?? null;
}

/**
 * The rule that routes a complaint: among active rules matching its category (or any) and the
 * respondent's industry (or any), the most specific (category and industry set, longest industry
 * prefix) then the lowest priority number. Null when no rule matches.
 */
export function chooseRule<R extends RoutingRule>(rules: readonly R[], category: string | null | undefined, industry: string | null | undefined): R | null {
  const matching = rules.filter(
    (r) => r.active && (r.category == null || r.category === category) && (r.industryPrefix == null || industryMatches(r.industryPrefix, industry)),
  );
  const score = (r: R) => (r.category ? 100 : 0) + (r.industryPrefix ? 10 + r.industryPrefix.length : 0);
  matching.sort((a, b) => score(b) - score(a) || a.priority - b.priority || a.id.localeCompare(b.id));
  return matching[0] ?? null;
}

/** Approximate centres of the districts (for "nearest station" from a typed address: no geocoder). */
export const DISTRICT_CENTROIDS: Record<string, { lat: number; lng: number }> = {
  '330102': { lat: 30.245, lng: 120.17 },
  '330105': { lat: 30.32, lng: 120.15 },
  '330106': { lat: 30.26, lng: 120.12 },
  '330100': { lat: 30.274, lng: 120.155 },
};

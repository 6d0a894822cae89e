import { REGIONS, regionName } from '../../registry/index.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { DISTRICT_CENTROIDS, districtFromAddress } from '../domain/routing.js';
import type { ComplaintsDeps } from '../deps.js';
import { findNearestStations } from './find-nearest-stations.js';

/**
 * Nearest stations from a typed address. No internet geocoder is available, so the address is
 * resolved to the district it names (region names) and the distances are from that district's
 * centre: approximate, and said so.
 */
export async function nearestByAddress(deps: ComplaintsDeps, q: { address: string; limit: number }, locale: Locale) {
  const code = districtFromAddress(q.address, REGIONS);
  const centre = code ? DISTRICT_CENTROIDS[code] : undefined;
  if (!code || !centre) return { regionCode: null, regionName: null, approximate: true as const, items: [] };
  const { items } = await findNearestStations(deps, { ...centre, limit: q.limit, radius: 10_000 });
  return { regionCode: code, regionName: regionName(code, locale) ?? null, approximate: true as const, items };
}

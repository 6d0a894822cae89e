import { complaintsRepository as repo, type StationRow } from '../complaints.repository.js';
import { intakeUrl } from '../complaints.presenter.js';
import { boundingBox, chinaWeekdayTime, isOpenAt, rankByDistance } from '../domain/geo.js';
import type { ComplaintsDeps } from '../deps.js';

export interface NearestQuery {
  lat: number;
  lng: number;
  limit: number;
  /** Search radius in metres; widened once (×4) when too few stations lie inside it. */
  radius: number;
}

/**
 * The nearest open-or-closed active stations to a position: a bounding-box prefilter on the
 * (lat, lng) index, then exact haversine distance; the box widens once if it finds too few.
 */
export async function findNearestStations(deps: ComplaintsDeps, q: NearestQuery) {
  const now = chinaWeekdayTime(deps.clock.now());
  let radius = q.radius;
  let rows: StationRow[] = [];
  for (let i = 0; i < 2; i++) {
    rows = await repo.stationsNear(deps.db, boundingBox(q, radius), q, q.limit * 3 + 5);
    if (rows.length >= q.limit) break;
    radius *= 4;
  }
  const within = rankByDistance(q, rows.map((r) => ({ ...r, lat: Number(r.lat), lng: Number(r.lng) })), q.limit).filter((r) => r.meters <= radius);
  return {
    items: within.map(({ station: s, meters, walkingMinutes }) => ({
      id: s.id,
      name: s.name,
      type: s.type,
      address: s.address,
      lat: s.lat,
      lng: s.lng,
      meters,
      walkingMinutes,
      openNow: isOpenAt(s.opening_hours ?? [], now.isoWeekday, now.hhmm),
      intakeUrl: intakeUrl(deps.baseUrl(), s.id),
    })),
  };
}

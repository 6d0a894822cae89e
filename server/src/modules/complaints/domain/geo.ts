/**
 * The mediation network's geometry (pure): great-circle distance, walking time, the bounding box
 * that prefilters the nearest-station query, opening hours and the "5-minute circle" coverage.
 */

/** Walking speed used for "minutes on foot" (about 4.8 km/h). */
export const WALKING_METERS_PER_MINUTE = 80;
/** The "5-minute circle" of the 15-minute-life-circle programmes (案例 2, Tongcheng). */
export const CIRCLE_MINUTES = 5;
const EARTH_RADIUS_M = 6_371_008.8;

export interface LatLng {
  lat: number;
  lng: number;
}

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function haversineMeters(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Whole minutes on foot, rounded up (a 401 m walk is 6 minutes at 80 m/min). */
export function walkingMinutes(meters: number): number {
  return Math.max(0, Math.ceil(meters / WALKING_METERS_PER_MINUTE - 1e-9));
}

/** A lat/lng box that contains every point within `meters` of the centre (for an index prefilter). */
export function boundingBox(center: LatLng, meters: number): { minLat: number; maxLat: number; minLng: number; maxLng: number } {
  const dLat = (meters / EARTH_RADIUS_M) * (180 / Math.PI);
  const cos = Math.max(Math.cos(rad(center.lat)), 1e-6);
  const dLng = Math.min(180, dLat / cos);
  return { minLat: center.lat - dLat, maxLat: center.lat + dLat, minLng: center.lng - dLng, maxLng: center.lng + dLng };
}

/** One opening period of a week: ISO weekdays (1 = Monday … 7 = Sunday) and HH:MM times. */
export interface OpeningPeriod {
  days: number[];
  open: string;
  close: string;
}

/** Whether the hours include the given China-time weekday and minute. Empty hours mean always open. */
export function isOpenAt(hours: readonly OpeningPeriod[], isoWeekday: number, hhmm: string): boolean {
  if (!hours.length) return true;
  return hours.some((p) => p.days.includes(isoWeekday) && p.open <= hhmm && hhmm < p.close);
}

/** The China-time weekday (1–7) and HH:MM of an instant. */
export function chinaWeekdayTime(instant: Date): { isoWeekday: number; hhmm: string } {
  const local = new Date(instant.getTime() + 8 * 3600_000);
  const d = local.getUTCDay();
  return { isoWeekday: d === 0 ? 7 : d, hhmm: local.toISOString().slice(11, 16) };
}

export interface StationPoint extends LatLng {
  id: string;
}

export interface Ranked<T> {
  station: T;
  meters: number;
  walkingMinutes: number;
}

/** The `limit` closest stations, by distance, with walking minutes. */
export function rankByDistance<T extends StationPoint>(from: LatLng, stations: readonly T[], limit: number): Ranked<T>[] {
  return stations
    .map((s) => {
      const meters = haversineMeters(from, s);
      return { station: s, meters: Math.round(meters), walkingMinutes: walkingMinutes(meters) };
    })
    .sort((a, b) => a.meters - b.meters || a.station.id.localeCompare(b.station.id))
    .slice(0, limit);
}

export interface CommunityPoint extends LatLng {
  name: string;
}

export interface CoverageResult {
  total: number;
  covered: number;
  /** covered ÷ total, 0–1 (1 for an empty list). */
  share: number;
  points: { name: string; lat: number; lng: number; nearestStationId: string | null; meters: number | null; walkingMinutes: number | null; covered: boolean }[];
  uncovered: { name: string; lat: number; lng: number; nearestStationId: string | null; meters: number | null; walkingMinutes: number | null }[];
}

/** Share of community points within `minutes` on foot of one of the (open) stations given. */
export function coverage(points: readonly CommunityPoint[], openStations: readonly StationPoint[], minutes = CIRCLE_MINUTES): CoverageResult {
  const rows = points.map((pt) => {
    const [best] = rankByDistance(pt, openStations, 1);
    const covered = !!best && best.meters <= minutes * WALKING_METERS_PER_MINUTE;
    return {
      name: pt.name,
      lat: pt.lat,
      lng: pt.lng,
      nearestStationId: best?.station.id ?? null,
      meters: best?.meters ?? null,
      walkingMinutes: best?.walkingMinutes ?? null,
      covered,
    };
  });
  const covered = rows.filter((r) => r.covered).length;
  return {
    total: rows.length,
    covered,
    share: rows.length ? covered / rows.length : 1,
    points: rows,
    uncovered: rows.filter((r) => !r.covered).map(({ covered: _c, ...rest }) => rest),
  };
}

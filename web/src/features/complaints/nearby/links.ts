/** Pure helpers of the "nearest station" page (unit-tested in links.test.ts). */

export interface StationPoint {
  name: string;
  lat: number;
  lng: number;
}

/**
 * A walking-navigation link on AutoNavi (高德) maps: opens the app on a phone, the web map
 * elsewhere. `to` is lng,lat,name (GCJ-02 as the stations are stored).
 */
export function navigationUrl(s: StationPoint): string {
  const to = `${s.lng.toFixed(6)},${s.lat.toFixed(6)},${encodeURIComponent(s.name)}`;
  return `https://uri.amap.com/navigation?to=${to}&mode=walk&callnative=1`;
}

/** "350 m" / "1.2 km". */
export function formatDistance(meters: number): string {
  return meters < 1000 ? `${Math.round(meters)} m` : `${(meters / 1000).toFixed(1)} km`;
}

/** The intake path of a station (the app's own route, from the absolute intake URL the API gives). */
export function intakePath(intakeUrl: string): string {
  try {
    const u = new URL(intakeUrl);
    return `${u.pathname}${u.search}`;
  } catch {
    return intakeUrl;
  }
}

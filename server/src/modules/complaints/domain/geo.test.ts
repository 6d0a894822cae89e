import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { boundingBox, chinaWeekdayTime, coverage, haversineMeters, isOpenAt, rankByDistance, walkingMinutes } from './geo.js';

describe('geo', () => {
  test('haversine: 0.001° of latitude is about 111 m', () => {
    const d = haversineMeters({ lat: 30.25, lng: 120.16 }, { lat: 30.251, lng: 120.16 });
    assert.ok(Math.abs(d - 111.2) < 0.5, String(d));
    assert.equal(haversineMeters({ lat: 30, lng: 120 }, { lat: 30, lng: 120 }), 0);
  });

  test('walking minutes at 80 m/min round up', () => {
    assert.equal(walkingMinutes(0), 0);
    assert.equal(walkingMinutes(400), 5);
    assert.equal(walkingMinutes(401), 6);
    assert.equal(walkingMinutes(80), 1);
  });

  test('the bounding box contains every point within the radius', () => {
    const c = { lat: 30.25, lng: 120.16 };
    const box = boundingBox(c, 1000);
    for (let bearing = 0; bearing < 360; bearing += 15) {
      const r = (bearing * Math.PI) / 180;
      // a point ~999 m away in this direction
      const p = { lat: c.lat + (999 / 111_195) * Math.cos(r), lng: c.lng + ((999 / 111_195) * Math.sin(r)) / Math.cos((c.lat * Math.PI) / 180) };
      assert.ok(haversineMeters(c, p) <= 1000);
      assert.ok(p.lat >= box.minLat && p.lat <= box.maxLat && p.lng >= box.minLng && p.lng <= box.maxLng, `bearing ${bearing}`);
    }
  });

  test('rankByDistance orders by distance and keeps the limit', () => {
    const here = { lat: 30.25, lng: 120.16 };
    const s = [
      { id: 'far', lat: 30.26, lng: 120.16 },
      { id: 'near', lat: 30.2505, lng: 120.16 },
      { id: 'mid', lat: 30.253, lng: 120.16 },
    ];
    const r = rankByDistance(here, s, 2);
    assert.deepEqual(r.map((x) => x.station.id), ['near', 'mid']);
    assert.equal(r[0].walkingMinutes, 1);
  });

  test('coverage: share within 5 minutes of an open station, uncovered listed', () => {
    const stations = [{ id: 's1', lat: 30.25, lng: 120.16 }];
    const points = [
      { name: 'A', lat: 30.2501, lng: 120.16 }, // ~11 m
      { name: 'B', lat: 30.2535, lng: 120.16 }, // ~389 m: 5 minutes
      { name: 'C', lat: 30.2540, lng: 120.16 }, // ~445 m: 6 minutes
      { name: 'D', lat: 30.30, lng: 120.16 },
    ];
    const c = coverage(points, stations);
    assert.equal(c.total, 4);
    assert.equal(c.covered, 2);
    assert.equal(c.share, 0.5);
    assert.deepEqual(c.uncovered.map((u) => u.name), ['C', 'D']);
    assert.equal(coverage(points, []).covered, 0);
    assert.equal(coverage([], stations).share, 1);
  });

  test('opening hours as data; China time', () => {
    const hours = [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '17:30' }];
    assert.equal(isOpenAt(hours, 1, '08:30'), true);
    assert.equal(isOpenAt(hours, 1, '17:30'), false);
    assert.equal(isOpenAt(hours, 6, '10:00'), false);
    assert.equal(isOpenAt([], 6, '03:00'), true);
    // 2026-11-20T02:00Z is Friday 10:00 in China
    assert.deepEqual(chinaWeekdayTime(new Date('2026-11-20T02:00:00Z')), { isoWeekday: 5, hhmm: '10:00' });
    // 2026-11-21T17:00Z is Sunday 01:00 in China
    assert.deepEqual(chinaWeekdayTime(new Date('2026-11-21T17:00:00Z')), { isoWeekday: 7, hhmm: '01:00' });
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDistance, intakePath, navigationUrl } from './links.js';

test('navigation link walks to the station on AutoNavi', () => {
  const url = navigationUrl({ name: '湖滨站', lat: 30.25, lng: 120.16 });
  assert.equal(url, `https://uri.amap.com/navigation?to=120.160000,30.250000,${encodeURIComponent('湖滨站')}&mode=walk&callnative=1`);
});

test('distances and intake paths', () => {
  assert.equal(formatDistance(349.6), '350 m');
  assert.equal(formatDistance(1234), '1.2 km');
  assert.equal(intakePath('http://localhost:3000/m/complain?station=abc'), '/m/complain?station=abc');
  assert.equal(intakePath('/m/complain'), '/m/complain');
});

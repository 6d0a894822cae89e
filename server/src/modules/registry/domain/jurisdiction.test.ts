import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coversRegion, mayMoveRegion, seesScope } from './jurisdiction.js';

test('coversRegion: prefixes; null covers everything; a record without region only by null', () => {
  assert.equal(coversRegion('330102', '330102'), true);
  assert.equal(coversRegion('3301', '330105'), true);
  assert.equal(coversRegion('330102', '330105'), false);
  assert.equal(coversRegion(null, '440305'), true);
  assert.equal(coversRegion('3301', null), false);
  assert.equal(coversRegion(null, null), true);
});

test('mayMoveRegion: a district cannot move a record out; a city moves within the city only', () => {
  assert.equal(mayMoveRegion('330102', '330102', '330105'), false);
  assert.equal(mayMoveRegion('330105', '330102', '330105'), false);
  assert.equal(mayMoveRegion('330102', '330102', '330102'), true);
  assert.equal(mayMoveRegion('3301', '330102', '330105'), true);
  assert.equal(mayMoveRegion('3301', '330102', '330203'), false);
  assert.equal(mayMoveRegion(null, '330102', '440305'), true);
});

test('seesScope: a job made by a district is seen by the district and above, not by a sibling or below', () => {
  assert.equal(seesScope('330102', '330102'), true);
  assert.equal(seesScope('3301', '330102'), true);
  assert.equal(seesScope('330105', '330102'), false);
  assert.equal(seesScope('330102', '3301'), false);
  assert.equal(seesScope('330102', null), false);
  assert.equal(seesScope(null, null), true);
});

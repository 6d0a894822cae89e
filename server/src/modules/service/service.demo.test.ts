import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
before(async () => {
  t = await createTestApp({ clock: '2026-11-29T02:00:00Z' });
});
after(() => t.close());

test('the demo reproduces the figures of cases 5 and 6 from records', async () => {
  const citizen = await t.as({ kind: 'citizen' });
  const director = await t.as({ roles: ['director'], jurisdiction: '3301' });
  const supervisor = await t.as({ roles: ['service_supervisor'], jurisdiction: '3301' });
  const accounts = { citizen: citizen.accountId!, director: director.accountId!, supervisor: supervisor.accountId! };
  await t.modules.find((m) => m.name === 'service')!.seedDemo!({ seed: 7, accounts });
  const f = (await supervisor.get('/api/service/figures')).body;
  assert.equal(f.teams, 13);
  assert.equal(f.problemKinds, 5);
  assert.equal(f.measures, 11);
  assert.equal(f.suggestions, 137);
  assert.equal(f.oneThingCases, 8700);
  assert.equal(f.committedSpeedUp, 79.39);
  assert.equal(f.satisfactionRate, 100);
  assert.equal(f.clinicSessions, 5);
  assert.equal(f.businessesReceived, 119);
  assert.equal(f.problemsSolved, 116);
  assert.equal(f.reportsOnTime, f.reportsDue);
  // the committed rate is the formula over the items' own limits, not a stored number
  const items = (await supervisor.get('/api/service/items')).body.items as { statutoryDays: number; committedDays: number }[];
  const s = items.reduce((a, i) => a + i.statutoryDays, 0);
  const c = items.reduce((a, i) => a + i.committedDays, 0);
  assert.equal(Math.round(((s - c) / s) * 10000) / 100, 79.39);
  // the exchange's registration changes: rated, none bad
  const exchange = (await supervisor.get('/api/service/ratings?matterModule=exchange')).body.items as { bad: boolean }[];
  assert.ok(exchange.length > 0);
  assert.equal(exchange.filter((r) => r.bad).length, 0);
  // the experiencer sees the demo account's findings
  assert.equal((await citizen.get('/api/service/me/experience')).status, 200);
});

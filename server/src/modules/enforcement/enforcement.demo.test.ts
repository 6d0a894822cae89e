import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
before(async () => {
  t = await createTestApp({ clock: '2026-11-29T02:00:00Z', config: { DEMO_ENTERPRISES: 300 } });
});
after(() => t.close());

test('the demo seed leaves an open lead, a decided first-violation case with its documents, a warning and an interview', async () => {
  const accounts: Record<string, string> = {};
  const officer = await t.as({ roles: ['enforcement_officer'], jurisdiction: '330102' });
  const officer2 = await t.as({ roles: ['enforcement_officer'], jurisdiction: '330102' });
  const reviewer = await t.as({ roles: ['legal_reviewer'], jurisdiction: '3301' });
  accounts.officer = officer.accountId!;
  accounts.officer2 = officer2.accountId!;
  accounts.reviewer = reviewer.accountId!;
  for (const name of ['registry', 'enforcement']) await t.modules.find((m) => m.name === name)!.seedDemo!({ seed: 7, accounts });
  const list = await officer.get('/api/enforcement/cases?limit=10');
  assert.equal(list.status, 200);
  const statuses = list.body.items.map((c: { status: string }) => c.status).sort();
  assert.deepEqual(statuses, ['decided', 'lead']);
  const decided = await officer.get(`/api/enforcement/cases/${list.body.items.find((c: { status: string }) => c.status === 'decided').id}`);
  assert.equal(decided.body.engine.outcome, 'no_penalty');
  assert.equal(decided.body.documents.length, 3);
  // The 90-day limit ends in 2027, past the official calendar: computed on the predicted 2027 and
  // marked provisional, never blank.
  assert.match(decided.body.decisionDue, /^2027-/);
  assert.equal(decided.body.decisionDueProvisional, true);
  assert.deepEqual(decided.body.decisionDueProvisionalYears, [2027]);
  const engagements = await t.platform.db.selectFrom('enforcement.engagement').select('kind').execute();
  assert.deepEqual(engagements.map((e) => e.kind).sort(), ['interview', 'warning']);
  // Seeding twice adds nothing.
  await t.modules.find((m) => m.name === 'enforcement')!.seedDemo!({ seed: 7, accounts });
  assert.equal((await officer.get('/api/enforcement/cases?limit=10')).body.items.length, 2);
});

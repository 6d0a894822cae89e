import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { enforcementFixture, SC } from '../../../test/fixtures/enforcement-routes.js';
import { SEED_VERSIONS } from './domain/rulebook.js';

const STANDARD = { violationType: 'food.unlicensed-bulk', firstViolation: false, harm: 'significant', corrected: false };

describe('the rulebook: versioned lenient lists and discretion benchmarks', () => {
  const f = enforcementFixture();
  let { t, o1, reviewer, business } = f;
  before(() => ({ t, o1, reviewer, business } = f));

  const versions = async () => (await reviewer.get('/api/enforcement/rulebook/versions')).body as { id: string; key: string; status: string; scope: string; rowVersion: number }[];

  test('the seed is the former constants plus the SAMR list items, each entry with its source', async () => {
    const all = await versions();
    const national = all.find((v) => v.key === 'samr-national@1');
    assert.equal(national?.status, 'published');
    assert.equal(all.find((v) => v.key === 'ningxia@1')?.scope, '64');
    const detail = (await reviewer.get(`/api/enforcement/rulebook/versions/${national!.id}`)).body;
    assert.deepEqual(detail.entries, JSON.parse(JSON.stringify(SEED_VERSIONS[0].entries)), 'migration 0056 and SEED_VERSIONS agree');
    const samr = detail.entries.filter((e: { source: { title: string } }) => e.source.title.includes('市场监管总局'));
    assert.equal(samr.filter((e: { list: string }) => e.list === 'first_violation').length, 8);
    assert.equal(samr.filter((e: { list: string }) => e.list === 'minor').length, 4);
    for (const e of detail.entries) {
      assert.ok(e.source.title, `${e.code} names its source`);
      if (e.range === null) assert.equal(e.unverified, true, `${e.code}: no range read, so unverified`);
    }
  });

  test('denials: only legal reviewers edit and publish; businesses and the public read nothing', async () => {
    assert.equal((await t.anonymous().get('/api/enforcement/rulebook/versions')).status, 401);
    assert.equal((await business.get('/api/enforcement/rulebook/versions')).status, 403);
    assert.equal((await o1.get('/api/enforcement/rulebook/versions')).status, 200, 'officers read');
    assert.equal((await o1.post('/api/enforcement/rulebook/drafts', { scope: 'national' })).status, 403);
    const national = (await versions()).find((v) => v.key === 'samr-national@1')!;
    assert.equal((await o1.post(`/api/enforcement/rulebook/versions/${national.id}/publish`, { rowVersion: national.rowVersion })).status, 403);
    assert.equal((await reviewer.patch(`/api/enforcement/rulebook/versions/${national.id}`, { rowVersion: national.rowVersion, note: 'x' })).status, 422, 'a published version is frozen');
  });

  test('a draft does not affect running cases; publishing changes new cases only; cases keep their version', async () => {
    const before = await f.openCase();
    assert.equal(before.ruleSet, 'samr-national@1');

    const draft = await reviewer.post('/api/enforcement/rulebook/drafts', { scope: 'national' });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    assert.equal(draft.body.key, 'samr-national@2');
    assert.equal(draft.body.status, 'draft');
    assert.equal((await reviewer.post('/api/enforcement/rulebook/drafts', { scope: 'national' })).status, 422, 'one draft per scope');
    const entries = draft.body.entries.map((e: { code: string; range: unknown }) => (e.code === 'food.unlicensed-bulk' ? { ...e, range: { minFen: 6_000_000, maxFen: 12_000_000 } } : e));
    const bad = await reviewer.patch(`/api/enforcement/rulebook/versions/${draft.body.id}`, { rowVersion: draft.body.rowVersion, entries: [...entries, entries[0]] });
    assert.equal(bad.status, 400, 'duplicate codes refused');
    const edited = await reviewer.patch(`/api/enforcement/rulebook/versions/${draft.body.id}`, { rowVersion: draft.body.rowVersion, entries, note: '调整散装食品无证经营基准' });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal((await reviewer.patch(`/api/enforcement/rulebook/versions/${draft.body.id}`, { rowVersion: draft.body.rowVersion, note: 'stale' })).status, 409);

    // The draft is invisible to the engine.
    const withFacts = await f.stepOk(o1, before.id, 'facts', { facts: STANDARD });
    assert.deepEqual(withFacts.engine.statutoryRange, { minFen: 5_000_000, maxFen: 10_000_000 });
    const preview = await o1.post('/api/enforcement/engine/propose', { facts: STANDARD, partyKind: 'organisation', regionCode: SC });
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    assert.equal(preview.body.ruleSet, 'samr-national@1');

    const published = await reviewer.post(`/api/enforcement/rulebook/versions/${draft.body.id}/publish`, { rowVersion: edited.body.rowVersion });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(published.body.status, 'published');
    assert.equal((await versions()).find((v) => v.key === 'samr-national@1')?.status, 'superseded');

    // The running case keeps version 1; a new case uses version 2.
    const kept = await f.stepOk(o1, before.id, 'proposal', { outcome: 'standard', amountFen: 7_000_000, serious: false, complex: false, publicInterest: false });
    assert.equal(kept.ruleSet, 'samr-national@1');
    assert.deepEqual(kept.engine.statutoryRange, { minFen: 5_000_000, maxFen: 10_000_000 });
    const after = await f.openCase();
    assert.equal(after.ruleSet, 'samr-national@2');
    const afterFacts = await f.stepOk(o1, after.id, 'facts', { facts: STANDARD });
    assert.deepEqual(afterFacts.engine.statutoryRange, { minFen: 6_000_000, maxFen: 12_000_000 });
    const low = await o1.post(`/api/enforcement/cases/${after.id}/proposal`, { version: afterFacts.version, outcome: 'standard', amountFen: 5_500_000, serious: false, complex: false, publicInterest: false });
    assert.equal(low.status, 422, 'below the new minimum');
    const audit = await t.platform.db.selectFrom('platform.audit_entry').select('action').where('entity_id', '=', draft.body.id).execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['enforcement.rulebook.draft', 'enforcement.rulebook.edit', 'enforcement.rulebook.publish']);
  });
});

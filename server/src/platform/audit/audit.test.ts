import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness.js';

describe('audit chain', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  async function write(n: number) {
    for (let i = 0; i < n; i++) {
      await t.platform.db.transaction().execute((tx) =>
        t.platform.audit.record(tx, { actorName: 'tester', ip: '127.0.0.1' }, { action: 'test.write', entityType: 'thing', entityId: String(i), before: { v: i }, after: { v: i + 1, 名称: '测试' } }),
      );
    }
  }

  beforeEach(async () => {
    // Each test starts from a clean chain.
    await sql`delete from platform.audit_entry`.execute(t.platform.db);
    await sql`update platform.audit_head set seq = 0, hash = 'GENESIS'`.execute(t.platform.db);
    await write(5);
  });

  test('an untouched chain verifies', async () => {
    const r = await t.platform.audit.verify();
    assert.equal(r.ok, true);
    assert.equal(r.entries, 5);
  });

  test('an edited entry is reported', async () => {
    await sql`update platform.audit_entry set after = '{"v": 999}'::jsonb where seq = 3`.execute(t.platform.db);
    const r = await t.platform.audit.verify();
    assert.equal(r.ok, false);
    assert.ok(r.problems.some((p) => p.seq === 3 && p.kind === 'edited'));
  });

  test('an edited actor or timestamp is reported', async () => {
    await sql`update platform.audit_entry set actor_name = 'someone-else' where seq = 2`.execute(t.platform.db);
    assert.equal((await t.platform.audit.verify()).ok, false);
  });

  test('a deleted entry in the middle is reported', async () => {
    await sql`delete from platform.audit_entry where seq = 2`.execute(t.platform.db);
    const r = await t.platform.audit.verify();
    assert.equal(r.ok, false);
    assert.ok(r.problems.some((p) => p.kind === 'deleted'));
  });

  test('a deleted last entry is reported (the head remembers it)', async () => {
    await sql`delete from platform.audit_entry where seq = 5`.execute(t.platform.db);
    const r = await t.platform.audit.verify();
    assert.equal(r.ok, false);
    assert.ok(r.problems.some((p) => p.kind === 'deleted'));
  });

  test('an inserted entry is reported, even with a recomputed hash of its own', async () => {
    const third = await t.platform.db.selectFrom('platform.audit_entry').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow();
    // Shift the tail up by one and forge an entry at 3 that links to 2 and hashes correctly.
    await sql`update platform.audit_entry set seq = seq + 100 where seq >= 3`.execute(t.platform.db);
    await sql`update platform.audit_entry set seq = seq - 99 where seq >= 103`.execute(t.platform.db);
    const { entryHash } = await import('./audit.js');
    const second = await t.platform.db.selectFrom('platform.audit_entry').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
    const forged = {
      seq: 3,
      at: new Date(third.at).toISOString(),
      actorId: null,
      actorName: 'forger',
      action: 'test.write',
      entityType: 'thing',
      entityId: 'x',
      ip: null,
      requestId: null,
      before: null,
      after: null,
      prevHash: second.hash,
    };
    await t.platform.db
      .insertInto('platform.audit_entry')
      .values({ seq: 3, at: forged.at, actor_name: 'forger', action: 'test.write', entity_type: 'thing', entity_id: 'x', prev_hash: second.hash, hash: entryHash(forged) })
      .execute();
    const r = await t.platform.audit.verify();
    assert.equal(r.ok, false);
    assert.ok(r.problems.length > 0);
  });

  test('verify is an admin route', async () => {
    const admin = await t.as({ roles: ['admin'] });
    const res = await admin.post('/api/admin/audit/verify');
    assert.equal(res.status, 200);
    assert.equal(res.body.ok, true);
    const registrar = await t.as({ roles: ['registrar'] });
    assert.equal((await registrar.post('/api/admin/audit/verify')).status, 403);
    assert.equal((await t.anonymous().post('/api/admin/audit/verify')).status, 401);
  });

  test('concurrent writers keep one linear chain', async () => {
    await Promise.all(Array.from({ length: 20 }, () => write(1)));
    const r = await t.platform.audit.verify();
    assert.equal(r.ok, true, JSON.stringify(r.problems));
    // The admin route added an entry when creating accounts in the previous test; count only ours.
    assert.ok(r.entries >= 25);
  });
});

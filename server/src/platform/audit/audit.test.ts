import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { generateKeyPairSync } from 'node:crypto';
import { createTestApp, ENGINE, type TestApp } from '../../../test/harness.js';
import { entryHash } from './audit.js';
import { checkpointMessage, signerFromPrivateKey } from './signing.js';

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
    await sql`delete from platform.audit_checkpoint`.execute(t.platform.db);
    await sql`update platform.audit_head set seq = 0, hash = 'GENESIS'`.execute(t.platform.db);
    await write(5);
    await t.platform.audit.seal();
  });

  test('an untouched chain verifies', async () => {
    const r = await t.platform.audit.verify();
    assert.equal(r.ok, true);
    assert.equal(r.entries, 5);
  });

  test('an edited entry is reported', async () => {
    await sql`update platform.audit_entry set after = '{"v": 999}'::jsonb where chain_pos = 3`.execute(t.platform.db);
    const r = await t.platform.audit.verify();
    assert.equal(r.ok, false);
    assert.ok(r.problems.some((p) => p.seq === 3 && p.kind === 'edited'));
  });

  test('an edited actor or timestamp is reported', async () => {
    await sql`update platform.audit_entry set actor_name = 'someone-else' where chain_pos = 2`.execute(t.platform.db);
    assert.equal((await t.platform.audit.verify()).ok, false);
  });

  test('a deleted entry in the middle is reported', async () => {
    await sql`delete from platform.audit_entry where chain_pos = 2`.execute(t.platform.db);
    const r = await t.platform.audit.verify();
    assert.equal(r.ok, false);
    assert.ok(r.problems.some((p) => p.kind === 'deleted'));
  });

  test('a deleted last entry is reported (the head remembers it)', async () => {
    await sql`delete from platform.audit_entry where chain_pos = 5`.execute(t.platform.db);
    const r = await t.platform.audit.verify();
    assert.equal(r.ok, false);
    assert.ok(r.problems.some((p) => p.kind === 'deleted'));
  });

  test('an inserted entry is reported, even with a recomputed hash of its own', async () => {
    const third = await t.platform.db.selectFrom('platform.audit_entry').selectAll().where('chain_pos', '=', 3).executeTakeFirstOrThrow();
    // Shift the tail up by one and forge an entry at 3 that links to 2 and hashes correctly.
    await sql`update platform.audit_entry set chain_pos = chain_pos + 100 where chain_pos >= 3`.execute(t.platform.db);
    await sql`update platform.audit_entry set chain_pos = chain_pos - 99 where chain_pos >= 103`.execute(t.platform.db);
    const second = await t.platform.db.selectFrom('platform.audit_entry').selectAll().where('chain_pos', '=', 2).executeTakeFirstOrThrow();
    const forged = {
      seq: 999_999,
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
      prevHash: second.hash!,
    };
    await t.platform.db
      .insertInto('platform.audit_entry')
      .values({ seq: forged.seq, chain_pos: 3, at: forged.at, actor_name: 'forger', action: 'test.write', entity_type: 'thing', entity_id: 'x', prev_hash: second.hash, hash: entryHash(forged) })
      .execute();
    const r = await t.platform.audit.verify();
    assert.equal(r.ok, false);
    assert.ok(r.problems.length > 0);
  });

  /** What an attacker with write access to the database can do: edit entry `pos`, re-hash the rest and move the head. */
  async function editAndRehash(pos: number) {
    const db = t.platform.db;
    await sql`update platform.audit_entry set after = '{"v": 999}'::jsonb where chain_pos = ${pos}`.execute(db);
    const rows = await db.selectFrom('platform.audit_entry').selectAll().where('chain_pos', '>=', pos).orderBy('chain_pos').execute();
    let prev = (await db.selectFrom('platform.audit_entry').select('hash').where('chain_pos', '=', pos - 1).executeTakeFirstOrThrow()).hash as string;
    let last = 0;
    for (const r of rows) {
      const e = { seq: Number(r.seq), at: new Date(r.at).toISOString(), actorId: r.actor_id, actorName: r.actor_name, action: r.action, entityType: r.entity_type, entityId: r.entity_id, ip: r.ip, requestId: r.request_id, before: r.before ?? null, after: r.after ?? null, prevHash: prev };
      const hash = entryHash(e);
      await db.updateTable('platform.audit_entry').set({ prev_hash: prev, hash }).where('seq', '=', r.seq).execute();
      prev = hash;
      last = Number(r.chain_pos);
    }
    await db.updateTable('platform.audit_head').set({ seq: last, hash: prev }).where('id', '=', 1).execute();
  }

  test('an edited and re-hashed chain is caught by the signed checkpoint', async () => {
    await editAndRehash(3);
    const r = await t.platform.audit.verify();
    assert.equal(r.ok, false);
    assert.ok(!r.problems.some((p) => p.kind === 'edited' || p.kind === 'broken-link'), 'the hashes themselves are consistent');
    assert.ok(r.problems.some((p) => p.kind === 'rewritten' && p.seq === 5), JSON.stringify(r.problems));
  });

  test('a truncated tail with the head moved back is caught by the signed checkpoint', async () => {
    const third = await t.platform.db.selectFrom('platform.audit_entry').select('hash').where('chain_pos', '=', 3).executeTakeFirstOrThrow();
    await sql`delete from platform.audit_entry where chain_pos > 3`.execute(t.platform.db);
    await t.platform.db.updateTable('platform.audit_head').set({ seq: 3, hash: third.hash! }).where('id', '=', 1).execute();
    const r = await t.platform.audit.verify();
    assert.equal(r.ok, false);
    assert.ok(r.problems.some((p) => p.kind === 'truncated' && p.seq === 5), JSON.stringify(r.problems));
  });

  test('deleting the stored checkpoints too is caught against the published heads', async () => {
    const published = (await t.anonymous().get('/api/public/audit/checkpoints')).body;
    assert.equal(published.keyId, t.platform.audit.signer.keyId);
    assert.ok(published.items.length >= 1);
    await editAndRehash(2);
    await sql`delete from platform.audit_checkpoint`.execute(t.platform.db);
    assert.equal((await t.platform.audit.verify()).ok, true, 'without the published heads the rewrite is invisible');
    const r = await t.platform.audit.verify({ against: published.items });
    assert.equal(r.ok, false);
    assert.ok(r.problems.some((p) => p.kind === 'rewritten'));
  });

  test('a checkpoint signed with another key is refused', async () => {
    await editAndRehash(3);
    const head = await t.platform.db.selectFrom('platform.audit_head').selectAll().executeTakeFirstOrThrow();
    const forger = signerFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
    const signedAt = new Date().toISOString();
    await sql`delete from platform.audit_checkpoint`.execute(t.platform.db);
    await t.platform.db
      .insertInto('platform.audit_checkpoint')
      .values({ chain_pos: head.seq, hash: head.hash, signed_at: signedAt, key_id: t.platform.audit.signer.keyId, signature: forger.sign(checkpointMessage(Number(head.seq), head.hash, signedAt)) })
      .execute();
    const r = await t.platform.audit.verify();
    assert.ok(r.problems.some((p) => p.kind === 'bad-signature'));
  });

  test('a writer does not wait for another writer’s open transaction (no global lock)', { skip: ENGINE === 'pglite' && 'one embedded connection runs one transaction at a time', timeout: 30_000 }, async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const slow = t.platform.db.transaction().execute(async (tx) => {
      await t.platform.audit.record(tx, {}, { action: 'test.slow', entityType: 'thing' });
      entered();
      await held;
    });
    await inside;
    // With a lock on one head row for the whole transaction this would wait for `slow` forever.
    await t.platform.db.transaction().execute((tx) => t.platform.audit.record(tx, {}, { action: 'test.fast', entityType: 'thing' }));
    release();
    await slow;
    const r = await t.platform.audit.verify();
    assert.equal(r.ok, true, JSON.stringify(r.problems));
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

// Start-up refusals (issue 9, findings 5 and 6): one process per embedded data folder, and no
// production start with the demo secrets. Real processes, spawned as an operator would.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ENGINE } from './harness.js';
import { lockDataFolder, DataFolderInUseError, openDatabase } from '../src/platform/db/database.js';
import { entryHash } from '../src/platform/audit/audit.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BASE_ENV = { LOG_LEVEL: 'silent', DEMO_DATA: 'false', PORT: '0', HOST: '127.0.0.1', WEB_DIST_DIR: './no-web', TEST_DATABASE_URL: '', DATABASE_URL: '' };

function run(script: string, args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { ...process.env, ...BASE_ENV, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the API and resolves once it prints that it is ready. */
function startApi(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main/api.ts'], { cwd: ROOT, env: { ...process.env, ...BASE_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ready in')) resolve(child);
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => reject(new Error(`API exited with ${code}: ${err}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('production start-up', () => {
  test('NODE_ENV=production with the default secrets exits non-zero, naming what to set', () => {
    const r = run('server/src/main/api.ts', [], { NODE_ENV: 'production', DATA_KEY: '', SESSION_SECRET: '', PGLITE_DATA_DIR: 'memory://' });
    assert.equal(r.status, 78, r.stderr);
    assert.match(r.stderr, /Refusing to start in production/);
    assert.match(r.stderr, /DATA_KEY is the demo default.*set DATA_KEY to a random secret of 32\+ characters/);
    assert.match(r.stderr, /SESSION_SECRET is the demo default/);
    assert.doesNotMatch(r.stdout, /Demo log-ins/);
  });

  test('a short secret is refused too', () => {
    const r = run('server/src/main/cli.ts', ['audit:verify'], { NODE_ENV: 'production', DATA_KEY: 'sixteen-chars-ok', SESSION_SECRET: 's'.repeat(40), PGLITE_DATA_DIR: 'memory://' });
    assert.equal(r.status, 78);
    assert.match(r.stderr, /DATA_KEY is 16 characters/);
  });
});

describe('one process per embedded data folder', { skip: ENGINE !== 'pglite' && 'the data-folder lock is for the embedded engine' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-lock-'));
  const dataDir = path.join(dir, 'pglite');
  const children: ChildProcess[] = [];
  after(async () => {
    for (const c of children) await stop(c);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a second API and the CLI refuse while the first holds the folder; after it stops the CLI runs', async () => {
    const first = await startApi({ PGLITE_DATA_DIR: dataDir });
    children.push(first);
    const second = run('server/src/main/api.ts', [], { PGLITE_DATA_DIR: dataDir });
    assert.notEqual(second.status, 0);
    assert.match(second.stderr, new RegExp(`in use by process ${first.pid}\\b`));
    const verify = run('server/src/main/cli.ts', ['audit:verify'], { PGLITE_DATA_DIR: dataDir });
    assert.notEqual(verify.status, 0);
    assert.match(verify.stderr, new RegExp(`in use by process ${first.pid}\\b`));
    await stop(first);
    assert.equal(fs.existsSync(`${dataDir}.lock`), false, 'a clean stop releases the lock');
    const created = run('server/src/main/cli.ts', ['admin:create', 'root.admin'], { PGLITE_DATA_DIR: dataDir });
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /Administrator root\.admin created[\s\S]*Password \(shown once/);
    const again = run('server/src/main/cli.ts', ['admin:create', 'second.admin'], { PGLITE_DATA_DIR: dataDir, ADMIN_PASSWORD: 'Another-long-secret-9' });
    assert.equal(again.status, 1);
    assert.match(again.stderr, /An administrator already exists \(root\.admin\)/);
    const ok = run('server/src/main/cli.ts', ['audit:verify'], { PGLITE_DATA_DIR: dataDir });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /Audit chain intact/);
  });

  test('audit:verify catches an edited-and-re-hashed chain and a truncated tail, also against exported heads', async () => {
    const heads = path.join(dir, 'heads.json');
    const exported = run('server/src/main/cli.ts', ['audit:export-heads', heads], { PGLITE_DATA_DIR: dataDir });
    assert.equal(exported.status, 0, exported.stderr);
    assert.ok(JSON.parse(fs.readFileSync(heads, 'utf8')).items.length >= 1);
    // Someone with the database files rewrites the first entry, re-hashes the chain and drops the signed checkpoints.
    const d = await openDatabase({ dataDir });
    const rows = await d.db.selectFrom('platform.audit_entry').selectAll().orderBy('chain_pos').execute();
    assert.ok(rows.length >= 1);
    let prev = 'GENESIS';
    for (const [i, r] of rows.entries()) {
      const after = i === 0 ? { username: 'intruder' } : (r.after ?? null);
      const e = { seq: Number(r.seq), at: new Date(r.at).toISOString(), actorId: r.actor_id, actorName: r.actor_name, action: r.action, entityType: r.entity_type, entityId: r.entity_id, ip: r.ip, requestId: r.request_id, before: r.before ?? null, after, prevHash: prev };
      const hash = entryHash(e);
      await d.db.updateTable('platform.audit_entry').set({ after: after === null ? null : JSON.stringify(after), prev_hash: prev, hash }).where('seq', '=', r.seq).execute();
      prev = hash;
    }
    await d.db.updateTable('platform.audit_head').set({ hash: prev }).where('id', '=', 1).execute();
    const stored = await d.db.selectFrom('platform.audit_checkpoint').selectAll().execute();
    await d.close();
    const rewritten = run('server/src/main/cli.ts', ['audit:verify'], { PGLITE_DATA_DIR: dataDir });
    assert.equal(rewritten.status, 1);
    assert.match(rewritten.stdout, /"kind": "rewritten"/);
    // Truncated: the tail cut and the head moved back, the checkpoints dropped; the exported heads still catch it.
    const d2 = await openDatabase({ dataDir });
    await d2.db.deleteFrom('platform.audit_checkpoint').execute();
    const last = Number(rows[rows.length - 1].chain_pos);
    await d2.db.deleteFrom('platform.audit_entry').where('chain_pos', '=', last).execute();
    const before = await d2.db.selectFrom('platform.audit_entry').select(['chain_pos', 'hash']).where('chain_pos', '=', last - 1).executeTakeFirst();
    await d2.db.updateTable('platform.audit_head').set({ seq: last - 1, hash: before?.hash ?? 'GENESIS' }).where('id', '=', 1).execute();
    await d2.close();
    assert.ok(stored.length >= 1);
    const truncated = run('server/src/main/cli.ts', ['audit:verify', '--heads', heads], { PGLITE_DATA_DIR: dataDir });
    assert.equal(truncated.status, 1);
    assert.match(truncated.stdout, /"kind": "(truncated|rewritten)"/);
  });

  test('a lock left by a dead process is taken over; a live holder is named', () => {
    const lockDir = path.join(dir, 'stale');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(`${lockDir}.lock`, `${dead.stdout}\n`);
    const release = lockDataFolder(lockDir);
    assert.equal(fs.readFileSync(`${lockDir}.lock`, 'utf8').trim(), String(process.pid));
    assert.throws(() => lockDataFolder(lockDir), (err: unknown) => err instanceof DataFolderInUseError && err.holderPid === process.pid);
    release();
    assert.equal(fs.existsSync(`${lockDir}.lock`), false);
  });
});

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ENGINE, createTestDatabase } from './harness.js';
import { openDatabase } from '../src/platform/db/database.js';
import { makeCreditCode } from '../src/modules/registry/domain/credit-code.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Where a child process finds the database: a PostgreSQL database, or a PGlite data folder. */
async function databaseEnv(): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  if (ENGINE === 'postgres') {
    const d = await createTestDatabase();
    await d.db.destroy().catch(() => undefined);
    return { env: { DATABASE_URL: d.url! }, cleanup: () => d.close().catch(() => undefined) };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-pglite-'));
  return { env: { PGLITE_DATA_DIR: dir }, cleanup: async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(`${dir}.lock`, { force: true });
  } };
}

function start(script: string, args: string[], env: Record<string, string>): ChildProcess & { lines: string[]; waitFor(re: RegExp, ms?: number): Promise<RegExpMatchArray> } {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, TEST_DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  }) as ChildProcess & { lines: string[]; waitFor(re: RegExp, ms?: number): Promise<RegExpMatchArray> };
  child.lines = [];
  let buf = '';
  const waiters: { re: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  const onData = (d: Buffer) => {
    buf += d.toString();
    for (const w of [...waiters]) {
      const m = buf.match(w.re);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  child.waitFor = (re, ms = 60_000) =>
    new Promise((resolve, reject) => {
      const m = buf.match(re);
      if (m) return resolve(m);
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re}; output:\n${buf.slice(-2000)}`)), ms);
      waiters.push({ re, resolve: (x) => (clearTimeout(timer), resolve(x)) });
    });
  return child;
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('crash safety', () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const c of cleanups) await c();
  });

  test('a worker killed while delivering leaves the event delivered exactly once at the receiver', async () => {
    // A real HTTP receiver that applies each event id once. The first request is held open, so
    // the worker is killed in the middle of the delivery.
    const applied = new Map<string, number>();
    let requests = 0;
    let holdFirst = true;
    let firstArrived!: () => void;
    const arrived = new Promise<void>((r) => (firstArrived = r));
    const held: http.ServerResponse[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        requests++;
        const id = String(req.headers['x-event-id']);
        if (holdFirst) {
          holdFirst = false;
          held.push(res);
          firstArrived();
          return;
        }
        applied.set(id, (applied.get(id) ?? 0) + (applied.has(id) ? 0 : 1));
        JSON.parse(body);
        res.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(async () => {
      for (const r of held) r.destroy();
      server.close();
    });
    const port = (server.address() as { port: number }).port;
    const { env, cleanup } = await databaseEnv();
    cleanups.push(cleanup);
    const childEnv = { ...env, RECEIVER_URL: `http://127.0.0.1:${port}/deliver` };

    const first = start('server/test/fixtures/outbox-child.ts', ['append'], childEnv);
    const [, eventId] = await first.waitFor(/APPENDED ([0-9a-f-]{36})/);
    await arrived;
    await killHard(first);

    const second = start('server/test/fixtures/outbox-child.ts', ['work'], childEnv);
    await second.waitFor(/WORKING/);
    // The lease of the dead worker's claim expires, the row is reclaimed and delivered again.
    for (let i = 0; i < 200 && !applied.has(eventId); i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    await killHard(second);

    assert.equal(applied.get(eventId), 1, 'applied exactly once');
    assert.ok(requests >= 2, 'the event was redelivered after the crash');
    assert.equal(applied.size, 1);
    const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR });
    const row = await db.db.selectFrom('platform.outbox_event').selectAll().where('event_id', '=', eventId).executeTakeFirstOrThrow();
    assert.equal(row.status, 'done');
    await db.close();
  });

  test('an enterprise the API acknowledged survives kill -9 of the embedded product', async () => {
    const { env, cleanup } = await databaseEnv();
    cleanups.push(cleanup);
    const productEnv = { ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_DATA: 'true', DEMO_ENTERPRISES: '0', WEB_DIST_DIR: './no-web', UPLOAD_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'xf-up-')) };
    const api = start('server/src/main/api.ts', [], productEnv);
    const [, port] = await api.waitFor(/Web:\s+http:\/\/localhost:(\d+)\//, 120_000);
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'registrar', password: 'Xingfeng@2026' }) });
    assert.equal(login.status, 200);
    const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
    const csrf = cookies.find((c) => c.startsWith('xf_csrf='))!.split('=')[1];
    const code = makeCreditCode('9', '1', '330102', 'K9LL0001');
    const created = await fetch(`${base}/api/enterprises`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrf },
      body: JSON.stringify({
        creditCode: code,
        name: '杭州断电测试有限公司',
        type: 'limited_company',
        legalRepName: '王五',
        registeredCapitalFen: 5_000_000,
        address: '浙江省杭州市上城区延安路2号',
        regionCode: '330102',
        industryCode: '5179',
        businessScope: '测试',
        establishedOn: '2021-03-04',
      }),
    });
    assert.equal(created.status, 201);
    await killHard(api); // no graceful shutdown: the process dies right after the acknowledgement

    const again = start('server/src/main/api.ts', [], productEnv);
    const [, port2] = await again.waitFor(/Web:\s+http:\/\/localhost:(\d+)\//, 120_000);
    const base2 = `http://127.0.0.1:${port2}`;
    const res = await fetch(`${base2}/api/public/enterprises/${code}`);
    assert.equal(res.status, 200);
    assert.equal((await res.json()).name, '杭州断电测试有限公司');
    await killHard(again);
  });
});

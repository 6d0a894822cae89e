// Scale-out on one PostgreSQL (issue 15, item 4): `start:cluster` with 3 API and 3 worker processes.
// A session made on one process is valid on every process; complaints filed across the API processes
// have every outbox delivery made once (no row claimed twice, several workers sharing the work); and
// each deadline alert fires once although three workers run the alert job every half second.
// PostgreSQL only: the embedded engine is opened by one process by design.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { sql } from 'kysely';
import { createTestDatabase, ENGINE } from './harness.js';
import type { Database } from '../src/platform/db/database.js';
import { DEMO_PASSWORD } from '../src/app/demo.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * One request on a connection of its own: the cluster hands out connections (not requests), so a
 * kept-alive connection would always reach the same process.
 */
function call(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string; json: () => unknown; process: string; cookies: string[] }>((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text,
          json: () => JSON.parse(text),
          process: String(res.headers['x-xf-process'] ?? ''),
          cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]),
        }),
      );
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 120_000): Promise<T> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

describe('cluster: 3 API + 3 worker processes on one PostgreSQL', { skip: ENGINE !== 'postgres' && 'the embedded engine is single-process by design' }, () => {
  let database: Database & { url?: string };
  let child: ChildProcess;
  let base = '';
  let output = '';

  before(async () => {
    const built = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(built.status, 0, built.stderr);
    database = await createTestDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['build/server/src/main/cluster.js'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: database.url!,
        PORT: String(port),
        HOST: '127.0.0.1',
        API_PROCESSES: '3',
        WORKER_PROCESSES: '3',
        DEMO_DATA: 'true',
        DEMO_ENTERPRISES: '50',
        JOB_INTERVAL_MS: '500',
        LOG_LEVEL: 'warn',
        PUBLIC_RATE_LIMIT: '100000',
        PHONE_RATE_LIMIT: '100000',
        WEB_DIST_DIR: './no-web',
        NODE_ENV: 'development',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    // Ready when three different API processes have answered.
    const seen = new Set<string>();
    await until('three API processes', async () => {
      const res = await call(`${base}/ready`);
      if (res.status === 200) seen.add(res.process);
      return seen.size >= 3;
    }, 300_000).catch((err: Error) => {
      throw new Error(`${err.message}; the cluster printed:\n${output.slice(-3000)}`);
    });
  });

  after(async () => {
    if (child && child.exitCode === null) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
        child.kill('SIGTERM');
      });
    }
    await database?.close();
  });

  test('a session made on one process is valid on every process', async () => {
    const login = await call(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'registrar', password: DEMO_PASSWORD }) });
    assert.equal(login.status, 200, login.text);
    const cookie = login.cookies.join('; ');
    const served = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const me = await call(`${base}/api/auth/me`, { headers: { cookie } });
      assert.equal(me.status, 200, me.text);
      assert.equal((me.json() as { actor: { username: string } }).actor.username, 'registrar');
      served.add(me.process);
    }
    assert.equal(served.size, 3, `answered by processes ${[...served].join(', ')}`);
  });

  test('complaints filed across the API processes: every outbox delivery made once, by several workers', async () => {
    const N = 45;
    const before = await database.db.selectFrom('platform.outbox_event').select(sql<number>`max(seq)`.as('seq')).executeTakeFirst();
    const from = Number(before?.seq ?? 0);
    const served = new Set<string>();
    await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        const res = await call(`${base}/api/public/complaints`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            complainantName: '王芳',
            complainantPhone: `1391234${String(i).padStart(4, '0')}`,
            complainantAddress: '浙江省杭州市上城区清波街道1号',
            respondentName: `杭州测试商店${i}`,
            respondentAddress: '浙江省杭州市上城区延安路88号',
            request: '退款',
            facts: '商品有质量问题，商家拒绝退款。',
            category: 'food',
            regionCode: '330102',
          }),
        });
        assert.equal(res.status, 201, res.text);
        served.add(res.process);
      }),
    );
    assert.ok(served.size >= 2, 'the complaints were filed through more than one API process');
    // The burst's own deliveries (scheduled jobs, e.g. credit's re-push to the national systems that
    // do not run here, queue rows of their own meanwhile).
    const burst = () =>
      database.db
        .selectFrom('platform.outbox_event')
        .select(['status', 'attempts', 'locked_by', 'topic', 'handler', 'last_error'])
        .where('seq', '>', from)
        .where('topic', 'in', ['notification.sms', 'complaints.complaint-filed'])
        .execute();
    const rows = await until('every outbox row of the burst done', async () => {
      const r = await burst();
      return r.length > 0 && r.every((x) => x.status === 'done') ? r : null;
    }).catch(async (err: Error) => {
      const left = (await burst()).filter((x) => x.status !== 'done').map((x) => `${x.handler} ${x.status} ${x.attempts} ${x.last_error ?? ''}`);
      throw new Error(`${err.message}: ${left.slice(0, 10).join('; ')}`);
    });
    assert.ok(rows.length >= N, `${rows.length} deliveries`);
    assert.deepEqual(
      rows.filter((r) => r.attempts !== 1),
      [],
      'no delivery was claimed twice',
    );
    const workers = new Set(rows.map((r) => r.locked_by));
    assert.ok(workers.size >= 2, `deliveries made by ${workers.size} worker process(es)`);
    const sms = await database.db.selectFrom('platform.message_log').select(sql<number>`count(*)::int`.as('n')).where('channel', '=', 'sms').executeTakeFirstOrThrow();
    const smsEvents = rows.filter((r) => r.topic === 'notification.sms').length;
    assert.ok(smsEvents >= N, 'each complainant was sent the query code');
    assert.ok(sms.n >= smsEvents, 'every SMS delivery was logged');
  });

  test('every deadline alert fires once although three workers run the alert job', async () => {
    const owner = await database.db.selectFrom('platform.account').select('id').where('username', '=', 'mediator').executeTakeFirstOrThrow();
    const today = new Date().toISOString().slice(0, 10);
    const N = 40;
    const ids: string[] = [];
    for (let i = 0; i < N; i++) {
      const row = await database.db
        .insertInto('platform.obligation')
        .values({ kind: 'cluster-test', subject_type: 'test', subject_id: sql`gen_random_uuid()`, title: `集群测试承诺 ${i}`, link: `/staff/obligations?cluster=${i}`, owner_id: owner.id, due_on: today })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    await until('every obligation alerted', async () => {
      const open = await database.db.selectFrom('platform.obligation').select('id').where('id', 'in', ids).where('alerted_on', 'is', null).execute();
      return open.length === 0;
    });
    await sleep(2000); // three more job ticks: nothing may fire again
    const notes = await database.db
      .selectFrom('platform.notification')
      .select(['link', sql<number>`count(*)::int`.as('n')])
      .where('account_id', '=', owner.id)
      .where('link', 'like', '/staff/obligations?cluster=%')
      .groupBy('link')
      .execute();
    assert.equal(notes.length, N, 'one alert for each obligation');
    assert.deepEqual(
      notes.filter((x) => x.n !== 1),
      [],
      'no alert fired twice',
    );
  });
});

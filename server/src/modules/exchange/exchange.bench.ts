// Benchmark of the automatic change (issue 3): bursts of changes through approval to every
// acknowledgement by ten simulated departments (real HTTP servers), beside the raw outbox insert
// rate measured in the same run. Not a test: `npx tsx server/src/modules/exchange/exchange.bench.ts
// [pglite|postgres]` (PostgreSQL: BENCH_DATABASE_URL, default the local server). Writes
// bench/results/exchange.<engine>.{json,md}.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../../config/config.js';
import { build } from '../../app/build.js';
import { seedDemo } from '../../app/demo.js';
import { openDatabase } from '../../platform/db/database.js';
import { createTestDatabase } from '../../../test/harness.js';
import type { Actor } from '../../platform/auth/roles.js';
import { machine, percentile, round, table, writeResults } from '../../../../bench/lib.js';
import { spawn } from 'node:child_process';
import { DEMO_DEPARTMENTS, demoSecret } from './simulator/departments.js';
import type { ExchangeService } from './exchange.service.js';

const ADMIN: Actor = { id: null, kind: 'staff', username: 'bench', displayName: 'bench', roles: ['admin'], jurisdiction: null, orgUnitId: null, enterprises: [], via: 'session' };

export async function exchangeScenario(engine: 'pglite' | 'postgres') {
  const N = engine === 'postgres' ? 3000 : 1000;
  const CONCURRENCY = engine === 'postgres' ? 32 : 8;
  if (engine === 'postgres') process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = engine === 'postgres' ? await createTestDatabase() : await openDatabase({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-ex-')) });
  const config = loadConfig(
    { LOG_LEVEL: 'silent', DEMO_ENTERPRISES: String(Math.max(N, 1000)), WEB_DIST_DIR: './no-web', OUTBOX_BACKOFF_MS: '200', UPLOAD_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bup-')) },
    { engine },
  );
  const built = await build(config, { database, http: false, worker: { pollMs: 5 } });
  await seedDemo(built);
  const exchange = built.modules.find((m) => m.name === 'exchange')!.api as ExchangeService;
  const db = built.platform.db;

  // Ten simulated departments: the eight of the demo plus two more with the tax mapping.
  const extra = [
    { code: 'market-credit', name: '信用杭州平台' },
    { code: 'big-data', name: '杭州市数据资源管理局' },
  ];
  const taxMapping = DEMO_DEPARTMENTS.find((d) => d.code === 'tax')!.mapping;
  for (const e of extra) {
    await exchange.createDepartment(ADMIN, { ...e, kind: 'local', deliveryMode: 'push', format: 'json', endpointUrl: 'http://127.0.0.1:9/events', timeoutMs: 5000, enabled: true, mapping: taxMapping, secret: demoSecret(e.code) }, {});
  }
  const pushed = (await exchange.listDepartments(ADMIN)).items.filter((d) => d.endpointUrl);
  // The departments are other systems: they run in their own process, like `npm run simulate:departments`.
  const basePort = 47000 + Math.floor(Math.random() * 900) * 10;
  const sim = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'simulator/main.ts')], {
    env: { ...process.env, SIM_BASE_PORT: String(basePort), SIM_QUIET: '1', SIM_DEPARTMENTS: JSON.stringify(pushed.map((d) => ({ code: d.code, name: d.name, format: d.format }))) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => sim.stdout!.on('data', (b: Buffer) => b.toString().includes('/events') && resolve()));
  for (const [i, d] of pushed.entries()) await exchange.updateDepartment(ADMIN, d.id, { version: d.version, endpointUrl: `http://127.0.0.1:${basePort + i}/events` }, {});
  await exchange.putSettings(ADMIN, { lowRiskKinds: ['legalRepName'], notifyDeadlineMinutes: 240 }, {});

  // Raw outbox insert rate (the same engine, the same run): appends of a topic nobody handles are
  // skipped, so this writes rows directly in the outbox's shape, 100 per transaction.
  const RAW = engine === 'postgres' ? 20_000 : 5_000;
  const rawStart = process.hrtime.bigint();
  for (let i = 0; i < RAW; i += 100) {
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('platform.outbox_event')
        .values(Array.from({ length: 100 }, () => ({ event_id: randomUUID(), topic: 'bench.raw', handler: 'bench.none', ordering_key: null, payload: '{}', max_attempts: 1, available_at: new Date(0), status: 'done' })))
        .execute();
    });
  }
  const rawSeconds = Number(process.hrtime.bigint() - rawStart) / 1e9;
  await sql`delete from platform.outbox_event where topic = 'bench.raw'`.execute(db);

  // The burst: N changes filed by the business, approved automatically (low-risk item), each in
  // one transaction, while the worker delivers to the ten departments.
  const codes = (await db.selectFrom('registry.enterprise').select('credit_code').where('status', '=', 'active').orderBy('credit_code').limit(N).execute()).map((r) => String(r.credit_code));
  const businessId = (await built.platform.auth.findAccountId('business'))!;
  const business: Actor = { id: businessId, kind: 'business', username: 'business', displayName: 'business', roles: [], jurisdiction: null, orgUnitId: null, enterprises: codes, via: 'session' };
  built.worker.start();
  const fileTimes: number[] = [];
  const start = process.hrtime.bigint();
  let next = 0;
  let refused = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (;;) {
        const i = next++;
        if (i >= N) return;
        const t0 = process.hrtime.bigint();
        try {
          await exchange.fileChange(business, { creditCode: codes[i % codes.length], items: { legalRepName: `法人${i}` }, idempotencyKey: `bench-${i}-${randomUUID()}` }, {});
          fileTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
        } catch {
          refused++; // a demo record the register's own rules refuse to update (e.g. an outdated industry code)
        }
      }
    }),
  );
  const filedSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  for (;;) {
    const left = await db.selectFrom('exchange.change_request').select((eb) => eb.fn.countAll<number>().as('n')).where('completed_at', 'is', null).where('status', '=', 'approved').executeTakeFirstOrThrow();
    if (Number(left.n) === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const totalSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const props = (
    await sql<{ ms: number }>`select extract(epoch from (completed_at - decided_at)) * 1000 as ms from exchange.change_request where completed_at is not null order by 1`.execute(db)
  ).rows.map((r) => Number(r.ms));
  const deliveries = Number((await db.selectFrom('exchange.delivery').select((eb) => eb.fn.countAll<number>().as('n')).where('channel', '=', 'push').executeTakeFirstOrThrow()).n);
  fileTimes.sort((a, b) => a - b);
  await built.worker.stop();
  sim.kill('SIGTERM');
  await built.close();
  await database.close();

  const rows = [
    { measure: 'changes refused by the register rules (demo data)', value: refused },
    { measure: 'raw outbox insert (rows/s)', value: round(RAW / rawSeconds, 0) },
    { measure: 'changes filed + approved (per minute)', value: round(((N - refused) / filedSeconds) * 60, 0) },
    { measure: 'changes fully propagated (per minute, end to end)', value: round(((N - refused) / totalSeconds) * 60, 0) },
    { measure: 'deliveries acknowledged (per second)', value: round(deliveries / totalSeconds, 0) },
    { measure: 'time to full propagation p50 (ms)', value: round(percentile(props, 50), 0) },
    { measure: 'time to full propagation p99 (ms)', value: round(percentile(props, 99), 0) },
    { measure: 'file + approve call p50 (ms)', value: round(percentile(fileTimes, 50), 1) },
    { measure: 'file + approve call p99 (ms)', value: round(percentile(fileTimes, 99), 1) },
  ];
  const md = [
    `## Automatic change (${engine})`,
    '',
    `${N} changes (one low-risk item each, approved in the filing transaction) by ${CONCURRENCY} concurrent callers; ten simulated departments over real HTTP in a separate process; the outbox worker in the API process (concurrency 16). ${deliveries} push deliveries. ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} CPUs.`,
    '',
    table(rows),
  ].join('\n');
  writeResults('exchange', engine, { machine: machine(), engine, changes: N, concurrency: CONCURRENCY, deliveries, rows, runId: randomUUID() }, md);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const engines = (process.argv.slice(2).length ? process.argv.slice(2) : ['pglite', 'postgres']) as ('pglite' | 'postgres')[];
  for (const e of engines) await exchangeScenario(e);
  process.exit(0);
}

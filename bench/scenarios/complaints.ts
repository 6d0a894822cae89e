// Complaint intake through the public API beside two baselines measured in the same run — the raw
// insert of a complaint row through the bare driver, and a minimal route that only validates and
// inserts — then latency at 80% of the API's peak rate; and the nearest-station query over
// 100,000 stations.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../../server/src/config/config.js';
import { build } from '../../server/src/app/build.js';
import { seedDemo } from '../../server/src/app/demo.js';
import { openDatabase } from '../../server/src/platform/db/database.js';
import { createTestDatabase } from '../../server/test/harness.js';
import { createRandom } from '../../server/src/platform/demo/random.js';
import { IntakeSchema } from '../../contracts/complaints.js';
import { machine, measure, percentile, round, table, writeResults, type Measurement } from '../lib.js';

function intake(i: number, key = true) {
  return {
    kind: 'complaint',
    complainantName: `消费者${i}`,
    complainantPhone: `139${String(10_000_000 + (i % 89_999_999)).slice(-8)}`,
    complainantAddress: '浙江省杭州市上城区清波街道',
    respondentName: `杭州某某${i % 500}餐饮管理有限公司`,
    respondentAddress: '浙江省杭州市上城区延安路100号',
    regionCode: '330102',
    category: 'food',
    request: '退还餐费并赔偿',
    facts: `2026年11月在该店就餐后出现身体不适，要求商家退款，商家拒绝。编号${i}`,
    amountFen: 28_800,
    occurredOn: '2026-11-10',
    ...(key ? { idempotencyKey: randomUUID() } : {}),
  };
}

/** Open-loop load at a fixed rate: latency as a user sees it at that rate. */
async function atRate(name: string, ratePerSec: number, seconds: number, fn: (i: number) => Promise<unknown>): Promise<Measurement> {
  const total = Math.max(1, Math.round(ratePerSec * seconds));
  const times: number[] = [];
  const start = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / ratePerSec;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t0 = performance.now();
    inflight.push(fn(i).then(() => void times.push(performance.now() - t0)));
  }
  await Promise.all(inflight);
  const secs = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  return { name, ops: total, seconds: round(secs, 2), opsPerSec: round(total / secs, 1), p50ms: round(percentile(times, 50), 2), p99ms: round(percentile(times, 99), 2) };
}

export async function complaintsScenario(engine: 'pglite' | 'postgres') {
  const database = engine === 'postgres' ? await createTestDatabase() : await openDatabase({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-c-')) });
  const config = loadConfig(
    { LOG_LEVEL: 'silent', DEMO_ENTERPRISES: '2000', WEB_DIST_DIR: './no-web', PUBLIC_RATE_LIMIT: '100000000', UPLOAD_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bcu-')) },
    { engine },
  );
  const built = await build(config, { database });
  await seedDemo(built);
  const db = built.platform.db;
  const template = await db.selectFrom('complaints.complaint').selectAll().limit(1).executeTakeFirstOrThrow();
  let rawSeq = 0;
  const rawInsert = () => {
    const n = rawSeq++;
    return db
      .insertInto('complaints.complaint')
      .values({ ...template, id: randomUUID(), tracking_no: `RAW${Date.now()}${n}`, idempotency_key: null, created_at: new Date(), updated_at: new Date(), version: 1 })
      .execute();
  };
  // The minimal route: validate with the same contract, then the raw insert.
  built.http!.post('/bench/minimal-intake', async (req, reply) => {
    const parsed = IntakeSchema.safeParse(req.body);
    if (!parsed.success) return reply.status(400).send({ error: 'invalid' });
    await rawInsert();
    return reply.status(201).send({ ok: true });
  });
  const address = await built.http!.listen({ port: 0, host: '127.0.0.1' });
  const base = address.replace('localhost', '127.0.0.1');
  const post = async (url: string, body: unknown) => {
    const r = await fetch(`${base}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (r.status !== 201) throw new Error(`${url}: ${r.status} ${await r.text()}`);
    await r.arrayBuffer();
  };
  const C = 16;
  const OPS = engine === 'postgres' ? 2000 : 1000;
  const results: Record<string, unknown>[] = [];
  const raw = await measure('raw insert (bare driver)', OPS, C, () => rawInsert());
  const minimal = await measure('minimal route (validate + insert)', OPS, C, (i) => post('/bench/minimal-intake', intake(i, false)));
  const api = await measure('public API POST /api/public/complaints', OPS, C, (i) => post('/api/public/complaints', intake(i)));
  for (const m of [raw, minimal, api]) results.push({ scenario: m.name, ops: m.ops, 'ops/s': m.opsPerSec, 'p50 ms': m.p50ms, 'p99 ms': m.p99ms, 'ratio to minimal': round(m.opsPerSec / minimal.opsPerSec, 3) });
  const at80 = await atRate('public API at 80% of its peak rate', api.opsPerSec * 0.8, 10, (i) => post('/api/public/complaints', intake(100_000 + i)));
  results.push({ scenario: `${at80.name} (${round(api.opsPerSec * 0.8, 1)}/s, open loop)`, ops: at80.ops, 'ops/s': at80.opsPerSec, 'p50 ms': at80.p50ms, 'p99 ms': at80.p99ms, 'ratio to minimal': '' });

  // Nearest station over 100,000 stations.
  const rnd = createRandom(99);
  const STATIONS = 100_000;
  for (let i = 0; i < STATIONS; i += 2000) {
    const rows = Array.from({ length: Math.min(2000, STATIONS - i) }, (_, j) => ({
      name: `基准站点${i + j}`,
      type: 'volunteer_point',
      address: '浙江省杭州市',
      region_code: '330106',
      lat: 29.8 + rnd.next() * 0.9,
      lng: 119.7 + rnd.next() * 0.9,
      opening_hours: JSON.stringify([{ days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '24:00' }]),
      mediators: '[]',
    }));
    await db.insertInto('complaints.station').values(rows).execute();
  }
  const NQ = engine === 'postgres' ? 2000 : 1000;
  const nearestService = await measure('nearest 5 stations among 100,000 (HTTP, one client)', NQ, 1, async () => {
    const r = await fetch(`${base}/api/public/stations/nearest?lat=${30.0 + rnd.next() * 0.5}&lng=${119.9 + rnd.next() * 0.5}&limit=5`);
    if (r.status !== 200) throw new Error(`nearest ${r.status}`);
    await r.arrayBuffer();
  });
  const cos = Math.cos((30.25 * Math.PI) / 180);
  const nearestRaw = await measure('nearest 5 stations among 100,000 (raw SQL, one client)', NQ, 1, () => {
    const lat = 30.0 + rnd.next() * 0.5;
    const lng = 119.9 + rnd.next() * 0.5;
    return sql`select * from complaints.station where active and lat between ${lat - 0.045} and ${lat + 0.045} and lng between ${lng - 0.052} and ${lng + 0.052}
      order by (lat - ${lat}) * (lat - ${lat}) + ((lng - ${lng}) * ${cos}) * ((lng - ${lng}) * ${cos}) limit 20`.execute(db);
  });
  for (const m of [nearestRaw, nearestService]) results.push({ scenario: m.name, ops: m.ops, 'ops/s': m.opsPerSec, 'p50 ms': m.p50ms, 'p99 ms': m.p99ms, 'ratio to minimal': '' });

  await built.close();
  await database.close();
  const md = [
    `# Complaint intake and nearest station — ${engine}`,
    '',
    `${C} concurrent HTTP clients on loopback (client and server share the machine's 2 cores). Baselines in the same run: the raw insert of a complaint row through the bare driver (Kysely on ${engine === 'postgres' ? 'pg' : 'PGlite'}), and a minimal route that validates the same zod contract and does that insert. The public API adds matching the respondent to the register, jurisdiction, duplicate check, the acceptance deadline, the tracking code, the SMS through the outbox, the timeline entry and the audit chain. Aim: API ≥ 0.5 × minimal route; p99 < 50 ms at 80% of peak; nearest station p99 < 20 ms.`,
    '',
    table(results),
    '',
    `Run ${machine().date}, Node ${process.version}, ${os.cpus().length} cores.`,
  ].join('\n');
  writeResults('complaints', engine, { machine: machine(), engine, results }, md);
}

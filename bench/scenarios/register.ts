// Register look-up (by code, by name) and create/read through the HTTP API, each beside a raw
// baseline: the same statement through the bare driver, measured in the same run.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../../server/src/config/config.js';
import { build } from '../../server/src/app/build.js';
import { seedDemo, DEMO_PASSWORD } from '../../server/src/app/demo.js';
import { openDatabase } from '../../server/src/platform/db/database.js';
import { createTestDatabase } from '../../server/test/harness.js';
import { generateEnterprises } from '../../server/src/modules/registry/domain/demo-generator.js';
import { makeCreditCode } from '../../server/src/modules/registry/domain/credit-code.js';
import { searchKey } from '../../server/src/modules/registry/domain/chinese-text.js';
import { grams } from '../../server/src/modules/registry/domain/enterprise.js';
import { measure, machine, round, table, writeResults, type Measurement } from '../lib.js';

export async function registerScenario(engine: 'pglite' | 'postgres') {
  const N = 10_000;
  const database =
    engine === 'postgres'
      ? await createTestDatabase()
      : await openDatabase({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-')) });
  const config = loadConfig({ LOG_LEVEL: 'silent', DEMO_ENTERPRISES: String(N), WEB_DIST_DIR: './no-web', PUBLIC_RATE_LIMIT: '100000000', UPLOAD_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bup-')) }, { engine });
  const built = await build(config, { database });
  await seedDemo(built);
  const address = await built.http!.listen({ port: 0, host: '127.0.0.1' });
  const base = address.replace('localhost', '127.0.0.1');
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'registrar', password: DEMO_PASSWORD }) });
  const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
  const cookie = cookies.join('; ');
  const csrf = cookies.find((c) => c.startsWith('xf_csrf='))!.split('=')[1];
  const ents = generateEnterprises(config.DEMO_SEED, N);
  const db = built.platform.db;
  const C = 8;
  const OPS = engine === 'postgres' ? 3000 : 1500;
  const results: (Measurement & { baseline?: string; ratio?: number })[] = [];
  const pair = async (label: string, api: Measurement, raw: Measurement) => {
    results.push({ ...raw });
    results.push({ ...api, baseline: raw.name, ratio: round(api.opsPerSec / raw.opsPerSec, 3) });
    console.log(label, api.opsPerSec, 'vs raw', raw.opsPerSec);
  };

  // 1. Look-up by credit code
  const rawByCode = await measure('raw: select by code', OPS, C, (i) => sql`select * from registry.enterprise where credit_code = ${ents[i % N].creditCode}`.execute(db));
  const apiByCode = await measure('API: GET /api/enterprises/:code', OPS, C, async (i) => {
    const r = await fetch(`${base}/api/enterprises/${ents[i % N].creditCode}`, { headers: { cookie } });
    if (r.status !== 200) throw new Error(`status ${r.status}`);
    await r.arrayBuffer();
  });
  await pair('by code', apiByCode, rawByCode);

  // 2. Search by name fragment (2–4 characters of a real name, Simplified)
  const fragments = ents.map((e) => [...searchKey(e.name)].slice(2, 6).join(''));
  const rawByName = await measure('raw: name search (bigram index)', OPS, C, (i) => {
    const key = fragments[i % N];
    return sql`select * from registry.enterprise where name_grams @> ${grams(key)}::text[] and name_key like ${'%' + key + '%'} order by credit_code limit 21`.execute(db);
  });
  const apiByName = await measure('API: GET /api/enterprises?q=name', OPS, C, async (i) => {
    const r = await fetch(`${base}/api/enterprises?limit=20&q=${encodeURIComponent(fragments[i % N])}`, { headers: { cookie } });
    if (r.status !== 200) throw new Error(`status ${r.status}`);
    await r.arrayBuffer();
  });
  await pair('by name', apiByName, rawByName);

  // 3. Create then read back
  const CREATE = engine === 'postgres' ? 1000 : 500;
  const codes = Array.from({ length: CREATE * 2 }, (_, i) => makeCreditCode('9', '1', '330105', `B${String(i).padStart(7, '0')}`));
  const rawCreate = await measure('raw: insert enterprise', CREATE, C, (i) =>
    db
      .insertInto('registry.enterprise')
      .values({ credit_code: codes[i], name: `基准${i}`, name_key: `基准${i}`, name_grams: ['基准'], type: 'limited_company', legal_rep_name: '甲', address: '地址', region_code: '330105', industry_code: '5179', established_on: '2020-01-01' })
      .execute(),
  );
  const apiCreate = await measure('API: POST /api/enterprises', CREATE, C, async (i) => {
    const r = await fetch(`${base}/api/enterprises`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ creditCode: codes[CREATE + i], name: `杭州基准${i}科技有限公司`, type: 'limited_company', legalRepName: '王', registeredCapitalFen: 100, address: '浙江省杭州市拱墅区1号', regionCode: '330105', industryCode: '5179', establishedOn: '2020-01-01' }),
    });
    if (r.status !== 201) throw new Error(`status ${r.status} ${await r.text()}`);
    await r.arrayBuffer();
  });
  await pair('create', apiCreate, rawCreate);
  const rawRead = await measure('raw: read created', CREATE, C, (i) => sql`select * from registry.enterprise where credit_code = ${codes[i]}`.execute(db));
  const apiRead = await measure('API: read created', CREATE, C, async (i) => {
    const r = await fetch(`${base}/api/enterprises/${codes[CREATE + i]}`, { headers: { cookie } });
    if (r.status !== 200) throw new Error(`status ${r.status}`);
    await r.arrayBuffer();
  });
  await pair('read', apiRead, rawRead);

  await built.close();
  await database.close();
  const md = [
    `# Register look-up and create/read — ${engine}`,
    '',
    `${N} demo enterprises; ${C} concurrent HTTP clients on loopback; the raw baseline runs the same statement through the bare driver (Kysely on ${engine === 'postgres' ? 'pg' : 'PGlite'}) with the same concurrency, in the same run. "ratio" = API rate ÷ raw rate.`,
    '',
    table(results.map((r) => ({ scenario: r.name, ops: r.ops, 'ops/s': r.opsPerSec, 'p50 ms': r.p50ms, 'p99 ms': r.p99ms, ratio: r.ratio ?? '' }))),
    '',
    `Run ${machine().date}, Node ${process.version}, ${os.cpus().length} cores.`,
  ].join('\n');
  writeResults('register', engine, { machine: machine(), engine, results, runId: randomUUID() }, md);
}

// The discretion engine's evaluations per second on generated case facts, and the case list with
// 100,000 cases filtered by jurisdiction, status and deadline — through the API and, as the
// baseline, the same query through the bare driver.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../../server/src/config/config.js';
import { build } from '../../server/src/app/build.js';
import { openDatabase } from '../../server/src/platform/db/database.js';
import { createTestDatabase, TEST_PASSWORD } from '../../server/test/harness.js';
import { createRandom } from '../../server/src/platform/demo/random.js';
import { proposeOutcome, compileRuleSet, type CaseFacts } from '../../server/src/modules/enforcement/domain/discretion.js';
import { NATIONAL_RULE_SET } from '../../server/src/modules/enforcement/domain/rule-sets.js';
import { machine, measure, round, table, writeResults } from '../lib.js';

export function engineMeasurement() {
  const rnd = createRandom(5);
  const types = NATIONAL_RULE_SET.violations.map((v) => v.code);
  const harms = ['none', 'minor', 'significant', 'serious'] as const;
  const facts: CaseFacts[] = Array.from({ length: 10_000 }, () => ({
    violationType: rnd.pick(types),
    partyKind: rnd.chance(0.3) ? 'person' : 'organisation',
    firstViolation: rnd.chance(0.5),
    harm: rnd.pick(harms),
    corrected: rnd.chance(0.6),
    noFault: rnd.chance(0.02),
    mitigating: rnd.chance(0.2) ? ['eliminated_harm'] : rnd.chance(0.1) ? ['confessed', 'meritorious'] : [],
    minorAge: rnd.chance(0.01),
    aggravating: rnd.chance(0.1) ? ['repeat'] : [],
  }));
  const compiled = compileRuleSet(NATIONAL_RULE_SET);
  const outcomes = new Map<string, number>();
  for (const f of facts) {
    const o = proposeOutcome(f, compiled).outcome;
    outcomes.set(o, (outcomes.get(o) ?? 0) + 1);
  }
  const runs: number[] = [];
  for (let r = 0; r < 7; r++) {
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 300) {
      for (let i = 0; i < facts.length; i++) proposeOutcome(facts[i], compiled);
      n += facts.length;
    }
    runs.push(n / ((performance.now() - t0) / 1000));
  }
  runs.sort((a, b) => a - b);
  return { medianPerSec: Math.round(runs[3]), minPerSec: Math.round(runs[0]), maxPerSec: Math.round(runs[6]), outcomes: Object.fromEntries(outcomes) };
}

export async function enforcementScenario(engine: 'pglite' | 'postgres') {
  const eng = engineMeasurement();
  const database = engine === 'postgres' ? await createTestDatabase() : await openDatabase({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-e-')) });
  const config = loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'false', WEB_DIST_DIR: './no-web', UPLOAD_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'xf-beu-')) }, { engine });
  const built = await build(config, { database });
  const db = built.platform.db;
  const rnd = createRandom(11);
  const regions = ['330102', '330105', '330106'];
  const statuses = ['lead', 'investigating', 'proposed', 'notified', 'decided', 'served', 'paid', 'closed'];
  const CASES = 100_000;
  for (let i = 0; i < CASES; i += 2000) {
    const rows = Array.from({ length: Math.min(2000, CASES - i) }, (_, j) => {
      const day = 1 + rnd.int(0, 330);
      const due = new Date(Date.UTC(2026, 0, 1) + day * 86400_000).toISOString().slice(0, 10);
      return {
        case_no: `BENCH-${i + j}`,
        procedure: 'general',
        status: rnd.pick(statuses),
        source: 'staff',
        region_code: rnd.pick(regions),
        party_name: `企业${i + j}`,
        party_kind: 'organisation',
        received_on: '2026-01-01',
        decision_due: due,
        created_at: new Date(Date.UTC(2026, 0, 1) + (i + j) * 60_000),
      };
    });
    await db.insertInto('enforcement.case').values(rows).execute();
  }
  await sql`analyze enforcement.case`.execute(db);
  await built.platform.auth.createAccount({ kind: 'staff', username: 'bench.officer', displayName: 'bench', password: TEST_PASSWORD, roles: ['enforcement_officer'], jurisdiction: '330102' });
  const address = await built.http!.listen({ port: 0, host: '127.0.0.1' });
  const base = address.replace('localhost', '127.0.0.1');
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench.officer', password: TEST_PASSWORD }) });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const dues = ['2026-03-01', '2026-06-30', '2026-09-30', '2026-12-31'];
  const OPS = engine === 'postgres' ? 1000 : 500;
  const raw = await measure('raw: region + status + deadline, newest 50', OPS, 4, (i) =>
    db
      .selectFrom('enforcement.case')
      .selectAll()
      .where('region_code', 'like', '330102%')
      .where('status', '=', statuses[i % statuses.length])
      .where('decision_due', '<=', dues[i % dues.length])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(51)
      .execute(),
  );
  const api = await measure('API: GET /api/enforcement/cases?status&dueBefore (district officer)', OPS, 4, async (i) => {
    const r = await fetch(`${base}/api/enforcement/cases?status=${statuses[i % statuses.length]}&dueBefore=${dues[i % dues.length]}&limit=50`, { headers: { cookie } });
    if (r.status !== 200) throw new Error(`status ${r.status} ${await r.text()}`);
    await r.arrayBuffer();
  });
  await built.close();
  await database.close();
  const rows = [
    { measure: 'discretion engine, evaluations per second (median of 7 runs)', value: eng.medianPerSec, note: `min ${eng.minPerSec}, max ${eng.maxPerSec}; 10,000 generated case facts; outcomes ${JSON.stringify(eng.outcomes)}` },
    { measure: `${raw.name}: p50 / p99 ms`, value: `${raw.p50ms} / ${raw.p99ms}`, note: `${raw.opsPerSec} queries/s` },
    { measure: `${api.name}: p50 / p99 ms`, value: `${api.p50ms} / ${api.p99ms}`, note: `${api.opsPerSec} requests/s; ratio to raw ${round(api.opsPerSec / raw.opsPerSec, 3)}` },
  ];
  const md = [
    `# Enforcement: discretion engine and case list with ${CASES.toLocaleString('en')} cases — ${engine}`,
    '',
    'Aims: at least 100,000 evaluations a second; case-list p99 under 100 ms on PostgreSQL. Four concurrent clients on loopback.',
    '',
    table(rows),
    '',
    `Run ${machine().date}, Node ${process.version}, ${os.cpus().length} cores. Run id ${randomUUID().slice(0, 8)}.`,
  ].join('\n');
  writeResults('enforcement', engine, { machine: machine(), engine, engine_eval: eng, raw, api }, md);
}

// Credit benchmark: (1) eligibility checks per second over 1,000,000 credit records (the check the
// business portal runs before every submission: record, other lists, repeat penalties), beside the
// pure rule alone; (2) the monthly risk-class batch over 1,000,000 enterprises, with progress.
// PostgreSQL: 1,000,000 of each (aim: batch under 5 minutes). PGlite: 20,000 (embedded engine).
// Load is generated in this process against the database:
// `TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/run.ts credit:postgres`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../../server/src/config/config.js';
import { build } from '../../server/src/app/build.js';
import { openDatabase } from '../../server/src/platform/db/database.js';
import { createTestDatabase, ENGINE } from '../../server/test/harness.js';
import type { CreditService } from '../../server/src/modules/credit/index.js';
import { eligibilityOf } from '../../server/src/modules/credit/use-cases/check-eligibility.js';
import { checkEligibility } from '../../server/src/modules/credit/domain/eligibility.js';
import { creditRepository } from '../../server/src/modules/credit/credit.repository.js';
import { measure, machine, round, table, writeResults } from '../lib.js';

export async function creditScenario(engine: 'pglite' | 'postgres') {
  // The harness picks its engine when imported: PostgreSQL needs TEST_DATABASE_URL in the environment from the start.
  if (engine === 'postgres' && ENGINE !== 'postgres') throw new Error('credit:postgres: run with TEST_DATABASE_URL=postgres://… set in the environment');
  const N = Number(process.env.BENCH_CREDIT_N ?? (engine === 'postgres' ? 1_000_000 : 20_000));
  const database = engine === 'postgres' ? await createTestDatabase() : await openDatabase({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-credit-')) });
  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST_DIR: './no-web', UPLOAD_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bup-')) }, { engine });
  const built = await build(config, { database });
  const db = built.platform.db;
  const credit = built.modules.find((m) => m.name === 'credit')!.api as CreditService;
  const t0 = performance.now();
  const step = async (label: string, fn: () => Promise<unknown>) => {
    const s = performance.now();
    await fn();
    console.log(`${label}: ${round((performance.now() - s) / 1000, 1)} s`);
    return round((performance.now() - s) / 1000, 1);
  };

  // Data: N enterprises (codes are synthetic 18-character keys), N penalty records over N/2 of them
  // (two each, various types, dates and kinds), an abnormal listing for 1 in 50, last year's report for 9 in 10.
  const CHUNK = 100_000;
  const loadEnterprises = await step(`insert ${N} enterprises`, async () => {
    for (let from = 0; from < N; from += CHUNK) {
      const to = Math.min(N, from + CHUNK) - 1;
      await sql`insert into registry.enterprise (credit_code, name, name_key, name_grams, type, legal_rep_name, address, region_code, industry_code, established_on, status)
        select '91330102B' || lpad(i::text, 9, '0'), '基准企业' || i, '基准企业' || i, '{}', 'limited_company', '张三', '杭州', (array['330102','330105','330106'])[1 + i % 3], '5179',
               date '2010-01-01' + (i % 5000), case when i % 97 = 0 then 'deregistered' else 'active' end
        from generate_series(${from}::int, ${to}::int) i`.execute(db);
    }
  });
  const loadRecords = await step(`insert ${N} credit records`, async () => {
    for (let from = 0; from < N; from += CHUNK) {
      const to = Math.min(N, from + CHUNK) - 1;
      await sql`insert into credit.record (kind, source_ref, credit_code, region_code, party_name, severity, case_no, document_no, issuing_office, legal_basis, grounds, violation_type, penalty_kind, amount_fen, decided_on, published_on, repairable_from, ends_on)
        select case when i % 50 = 0 then 'abnormal' else 'penalty' end, 'bench-' || i, '91330102B' || lpad((i / 2)::text, 9, '0'), (array['330102','330105','330106'])[1 + (i / 2) % 3], '基准企业' || (i / 2),
               case when i % 10 = 0 then 'minor' when i % 23 = 0 then 'serious' else 'general' end, 'C' || i, 'D' || i, '上城区市场监督管理局', '第二条', '虚假宣传',
               (array['advertising','food','pricing','special_equipment','labelling'])[1 + i % 5], case when i % 23 = 0 then 'licence_revoked' when i % 10 = 0 then 'warning' else 'fine' end, 100000 + i % 1000,
               date '2026-11-20' - (i % 1000), date '2026-11-20' - (i % 1000) + 5,
               case when i % 10 = 0 or i % 23 = 0 then null else date '2026-11-20' - (i % 1000) + 183 end,
               date '2026-11-20' - (i % 1000) + 1095
        from generate_series(${from}::int, ${to}::int) i`.execute(db);
    }
    for (let from = 0; from < N; from += CHUNK) {
      const to = Math.min(N, from + CHUNK) - 1;
      await sql`insert into credit.annual_report (credit_code, year, filed_on, public_data, private_data)
        select '91330102B' || lpad(i::text, 9, '0'), 2025, date '2026-03-01', '{}', '{}' from generate_series(${from}::int, ${to}::int) i where i % 10 <> 3`.execute(db);
    }
    await sql`analyze`.execute(db);
  });

  // (1) Eligibility: the full check (record read, other lists, repeat penalties) for random records.
  const ids = (await sql<{ id: string }>`select id from credit.record tablesample system (1) limit 20000`.execute(db)).rows.map((r) => r.id);
  const records: NonNullable<Awaited<ReturnType<typeof creditRepository.getRecord>>>[] = [];
  for (const id of ids.slice(0, 2000)) records.push((await creditRepository.getRecord(db, id))!);
  const OPS = engine === 'postgres' ? 20_000 : 4_000;
  const full = await measure('eligibility check (3 indexed queries + rule)', OPS, 8, async (i) => {
    const r = await creditRepository.getRecord(db, ids[i % ids.length]);
    return eligibilityOf(credit.deps, db, r!, 'zh-CN');
  });
  const pure = await measure('eligibility rule only (domain/eligibility.ts)', 1_000_000, 1, async (i) => {
    const r = records[i % records.length];
    return checkEligibility({ kind: r.kind, status: r.status, severity: r.severity, penaltyKind: r.penalty_kind, violationType: r.violation_type, finePaid: r.fine_paid, repairableFrom: r.repairable_from, today: '2026-11-20', otherListKinds: [], repeatPenalties: 0 });
  });
  console.log('eligibility', full.opsPerSec, '/s; pure rule', pure.opsPerSec, '/s');

  // (2) The monthly batch over the register, with progress.
  const progress: { at: number; done: number }[] = [];
  const bs = performance.now();
  const batch = await credit.runRiskBatch({
    period: '2026-11',
    total: N,
    onProgress: (done) => {
      if (done % 100_000 < 2000 || done === N) {
        const at = round((performance.now() - bs) / 1000, 1);
        progress.push({ at, done });
        console.log(`  batch ${done}/${N} at ${at} s`);
      }
    },
  });
  const batchSeconds = round((performance.now() - bs) / 1000, 1);
  const dist = (await sql<{ risk_class: string; n: string }>`select risk_class, count(*) n from credit.risk_class group by risk_class order by risk_class`.execute(db)).rows;
  console.log(`batch: ${batch.done} enterprises in ${batchSeconds} s`, dist);

  const data = { engine, enterprises: N, records: N, load: { enterprisesSeconds: loadEnterprises, recordsSeconds: loadRecords }, eligibility: full, pureRule: pure, batch: { seconds: batchSeconds, done: batch.done, changed: batch.changed, perSecond: round(batch.done / batchSeconds, 0), progress, classes: dist }, machine: machine(), totalSeconds: round((performance.now() - t0) / 1000, 1) };
  const md = `# Credit: eligibility checks and the monthly risk-class batch — ${engine}

${N.toLocaleString('en')} enterprises and ${N.toLocaleString('en')} credit records (penalties of several types and dates, 1 in 50 an abnormal listing; 9 in 10 enterprises filed last year's report), loaded with SQL (${loadEnterprises} s + ${loadRecords} s).

## Eligibility (the check before every submission)

${table([full, pure].map((m) => ({ scenario: m.name, ops: m.ops, 'ops/s': m.opsPerSec, 'p50 ms': m.p50ms, 'p99 ms': m.p99ms })))}

The full check reads the record and asks two indexed questions (other active lists of the enterprise, later penalties of the same type), 8 concurrent callers.

## Monthly risk-class batch (${batch.done.toLocaleString('en')} enterprises, rule set ${credit.deps.riskRules.version})

**${batchSeconds} s** (${round(batch.done / batchSeconds, 0)} enterprises/s), pages of 2,000 in one transaction each; progress saved per page (credit.batch_run: done/total, cursor — a restart resumes).

${table(progress.map((p) => ({ 'seconds': p.at, 'done': p.done })))}

Classes: ${dist.map((d) => `${d.risk_class} ${Number(d.n).toLocaleString('en')}`).join(', ')}.

Run ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? ''}), shared with other engineers' work at the time.
`;
  writeResults('credit', engine, data, md);
  await built.close();
  await database.close();
}

// The stratified draw (xf-draw/1) over a large target directory: PGlite with 100,000 enterprises,
// PostgreSQL with BENCH_INSPECTIONS_N (default 2,000,000; the aim is 10,000,000). Measured in
// the same run: a sequential scan of the directory joined to the risk classes (the least any draw
// must read), the one-pass SQL draw (repository.drawCandidates + domain smallestKeys), and on
// PGlite the in-memory draw the app runs (directory pages + domain computeDraw), which must agree.
import { sql } from 'kysely';
import { createTestDatabase } from '../../server/test/harness.js';
import { inspectionsRepository as repo } from '../../server/src/modules/inspections/inspections.repository.js';
import { candidateBound, drawTargets, sampleSize, smallestKeys } from '../../server/src/modules/inspections/domain/draw.js';
import { sha256Hex } from '../../server/src/modules/inspections/domain/prng.js';
import { machine, round, table, writeResults } from '../lib.js';

const RATIOS: Record<string, number> = { S1: 0.03, S2: 0.1, S3: 0.3, S4: 0.8, S0: 0.1 };
const CLASS_OF_LABEL: Record<string, string | null> = { S1: 'A', S2: 'B', S3: 'C', S4: 'D', S0: null };

export async function inspectionsScenario(engine: 'pglite' | 'postgres') {
  if (engine === 'postgres') process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const n = engine === 'pglite' ? 100_000 : Number(process.env.BENCH_INSPECTIONS_N ?? 2_000_000);
  const database = await createTestDatabase();
  const db = database.db;
  const t0 = performance.now();
  await sql`insert into inspections.department values ('samr', '市场监管')`.execute(db);
  const field = await repo.insertField(db, { code: 'bench', name: 'bench', industry_codes: [] });
  const dir = await repo.insertDirectory(db, { field_id: field.id, department_code: null, name: 'bench', region_code: '3301' });
  await sql`insert into inspections.target (directory_id, credit_code, name, region_code, industry_code)
    select ${dir.id}::uuid, '91330' || lpad(i::text, 13, '0'), 'E' || i, '3301' || lpad((i % 13)::text, 2, '0'), '6210'
    from generate_series(1, ${n}) i`.execute(db);
  await sql`insert into inspections.risk_class (credit_code, risk_class, rules_version, computed_at)
    select '91330' || lpad(i::text, 13, '0'), (array['A','A','A','B','B','B','C','C','D'])[1 + i % 9], 'bench', now()
    from generate_series(1, ${n}) i where i % 10 <> 0`.execute(db);
  await sql`analyze`.execute(db).catch(() => undefined);
  const loadSeconds = (performance.now() - t0) / 1000;
  console.log(`loaded ${n} targets in ${round(loadSeconds, 1)} s`);
  const seed = sha256Hex(`bench-${engine}`);
  const runs: Record<string, number>[] = [];
  let agree: boolean | null = null;
  let drawn = 0;
  for (let r = 0; r < 3; r++) {
    const s0 = performance.now();
    await sql`select r.risk_class, count(*) as n from inspections.target t left join inspections.risk_class r on r.credit_code = t.credit_code where t.directory_id = ${dir.id} group by r.risk_class`.execute(db);
    const scan = (performance.now() - s0) / 1000;
    const d0 = performance.now();
    const sizes = await repo.strataSizes(db, [dir.id]);
    const strata = Object.entries(CLASS_OF_LABEL).map(([label, riskClass]) => {
      const size = sizes.find((x) => x.riskClass === riskClass)?.size ?? 0;
      const k = sampleSize(RATIOS[label], size);
      return { label, riskClass, size, k, bound: candidateBound(k, size) };
    });
    const cands = await repo.drawCandidates(db, [dir.id], seed, strata);
    const targets = strata.flatMap((s) => smallestKeys(cands.filter((c) => c.label === s.label), s.k));
    const draw = (performance.now() - d0) / 1000;
    drawn = targets.length;
    const row: Record<string, number> = { run: r + 1, seqScanS: round(scan, 2), sqlDrawS: round(draw, 2), ratio: round(draw / scan, 2) };
    if (engine === 'pglite' && r === 0) {
      const m0 = performance.now();
      const entries = [];
      let after: string | null = null;
      for (;;) {
        const page = await repo.directoryPage(db, [dir.id], after, 20_000);
        for (const p of page) entries.push({ creditCode: p.creditCode, regionCode: p.regionCode, stratum: p.riskClass === null ? 'S0' : `S${'ABCD'.indexOf(p.riskClass) + 1}` });
        if (page.length < 20_000) break;
        after = page[page.length - 1].creditCode;
      }
      const mem = drawTargets(seed, entries, RATIOS);
      row.inMemoryDrawS = round((performance.now() - m0) / 1000, 2);
      const key = (l: { creditCode: string }[]) => l.map((x) => x.creditCode).sort().join(',');
      agree = key(mem.targets) === key(targets);
    }
    runs.push(row);
    console.log(row);
  }
  await database.close();
  const best = runs.reduce((a, b) => (b.sqlDrawS < a.sqlDrawS ? b : a));
  const data = { machine: machine(), engine, directory: n, drawn, loadSeconds: round(loadSeconds, 1), ratios: RATIOS, inMemoryAgreesWithSql: agree, runs, best };
  const md = [
    `# Inspections: stratified draw over ${n.toLocaleString('en')} targets (${engine})`,
    '',
    `Machine: Node ${data.machine.node}, ${data.machine.cpus ?? '?'} CPUs (shared with other engineers' jobs), ${data.machine.date}.`,
    `Directory of ${n.toLocaleString('en')} enterprises, 90 % with a risk class A–D, ratios ${JSON.stringify(RATIOS)}; ${drawn.toLocaleString('en')} drawn. Load (generate_series) ${round(loadSeconds, 1)} s.`,
    '',
    'seqScanS: a sequential scan of the directory joined to the risk classes, counted by class (the least a draw must read). sqlDrawS: the draw — class sizes, one pass computing SHA-256 keys with the per-stratum bound, the k smallest kept. inMemoryDrawS (PGlite): the path the app runs (canonical directory pages + domain draw).',
    '',
    table(runs),
    '',
    agree === null ? '' : `In-memory draw and one-pass SQL draw give the same targets: ${agree}.`,
  ].join('\n');
  writeResults('inspections-draw', engine, data, md);
}

// Audit writers under contention, PostgreSQL: N concurrent transactions, each writing one audit
// entry and then holding the transaction open for a few milliseconds (as a real use case does with
// its other statements). With the old global `FOR UPDATE` on the audit head every writer waits for
// the one before it; with the sealer they do not. The audit module and migrations come from --root.
//   tsx bench/audit-contention.ts --root <checkout> --label before|after [--workers 16] [--seconds 5] [--hold-ms 5]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const root = path.resolve(arg('root', '.'));
const label = arg('label', 'after');
const workers = Number(arg('workers', '16'));
const seconds = Number(arg('seconds', '5'));
const holdMs = Number(arg('hold-ms', '5'));
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function main() {
  const mod = (p: string) => import(pathToFileURL(path.join(root, p)).href);
  const { openDatabase } = await mod('server/src/platform/db/database.ts');
  const { migrate } = await mod('server/src/platform/db/migrator.ts');
  const { createAudit } = await mod('server/src/platform/audit/audit.ts');
  const name = `xf_bench_contention_${label}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString(), poolSize: workers + 2 });
  try {
    await migrate(database);
    const audit = createAudit(database.db, { now: () => new Date(), today: () => new Date().toISOString().slice(0, 10) });
    const until = performance.now() + seconds * 1000;
    const latencies: number[] = [];
    await Promise.all(
      Array.from({ length: workers }, async (_, w) => {
        while (performance.now() < until) {
          const t0 = performance.now();
          await database.db.transaction().execute(async (tx: any) => { // eslint-disable-line @typescript-eslint/no-explicit-any -- the database module is imported by path (the before and after commits), so it is untyped here
            await audit.record(tx, { actorName: `w${w}` }, { action: 'bench.write', entityType: 'thing', entityId: String(w), after: { w } });
            await sql`select pg_sleep(${holdMs / 1000})`.execute(tx);
          });
          latencies.push(performance.now() - t0);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    if (audit.seal) await audit.seal();
    const v = await audit.verify();
    const out = { label, workers, seconds, holdMs, commits: latencies.length, perSecond: Math.round(latencies.length / seconds), p50Ms: Math.round(latencies[Math.floor(latencies.length / 2)]), p99Ms: Math.round(latencies[Math.floor(latencies.length * 0.99)]), chainOk: v.ok, entries: v.entries };
    process.stdout.write(JSON.stringify(out) + '\n');
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

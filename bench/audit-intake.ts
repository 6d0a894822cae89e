// Complaint-intake write throughput, the product in its own process, measured with autocannon.
// Used to compare the audit log before and after the sealer change (bench/results/audit-intake.md).
//   tsx bench/audit-intake.ts --root <checkout> --label before|after --engine pglite|postgres [--runs 3] [--seconds 10]
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const root = path.resolve(arg('root', '.'));
const label = arg('label', 'after');
const engine = arg('engine', 'pglite') as 'pglite' | 'postgres';
const runs = Number(arg('runs', '3'));
const seconds = Number(arg('seconds', '10'));
const connections = Number(arg('connections', '16'));
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function startProduct(): Promise<{ child: ChildProcess; port: number; cleanup: () => Promise<void> }> {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  if (engine === 'postgres') {
    const name = `xf_bench_${label}_${Date.now()}`;
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`create database ${name}`);
    await c.end();
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    env = { DATABASE_URL: u.toString() };
    cleanup = async () => {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-'));
    env = { PGLITE_DATA_DIR: path.join(dir, 'pglite'), DATABASE_URL: '' };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main/api.ts'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', DEMO_DATA: 'false', LOG_LEVEL: 'warn', PUBLIC_RATE_LIMIT: '100000000', PHONE_RATE_LIMIT: '100000000', WEB_DIST_DIR: './no-web' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Web:\s+http:\/\/localhost:(\d+)\//.exec(out);
      if (m && out.includes('Ready in')) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`product exited ${code}`)));
  });
  return { child, port, cleanup };
}

const body = JSON.stringify({
  kind: 'complaint',
  complainantName: '张伟',
  complainantPhone: '13912345678',
  complainantAddress: '浙江省杭州市上城区清波街道1号',
  respondentName: '杭州湖滨美食餐饮有限公司',
  respondentAddress: '浙江省杭州市上城区延安路88号',
  request: '退还餐费',
  facts: '就餐后发现菜品变质，商家拒绝退款。',
  category: 'food',
  amountFen: 38800,
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const results: { rps: number; p50: number; p99: number; non2xx: number; requests: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const { child, port, cleanup } = await startProduct();
    try {
      const url = `http://127.0.0.1:${port}/api/public/complaints`;
      // Warm-up (JIT, pools), then the measured run.
      await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration: 2 });
      const r = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration: seconds });
      results.push({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, requests: r.requests.total });
      process.stderr.write(`${label} ${engine} run ${i + 1}: ${r.requests.average.toFixed(1)} req/s, p50 ${r.latency.p50} ms, non-2xx ${r.non2xx}\n`);
    } finally {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      await cleanup();
    }
  }
  const out = { label, engine, connections, seconds, runs: results, medianRps: median(results.map((r) => r.rps)), medianP50Ms: median(results.map((r) => r.p50)), medianP99Ms: median(results.map((r) => r.p99)) };
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

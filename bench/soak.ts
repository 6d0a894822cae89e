// npm run soak — a long run, not a test (issue 15, item 6). The product (as `npm start` runs it) on
// PostgreSQL takes public complaint intake and staff queue reads at 80% of its measured peak for
// SOAK_MINUTES (default 30); every minute it records errors, p50/p99 and the product's resident
// memory. With SOAK_RESTART_POSTGRES=1 it restarts the PostgreSQL server half-way through
// (`pg_ctlcluster … restart`; needs root) and checks the product answers again by itself. At the end
// every acknowledged complaint (201) must be a row, and no row may exist that was not acknowledged
// or refused. Results: bench/results/soak.postgres.{json,md}.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startProduct } from './scenarios/http.js';
import { DEMO_PASSWORD } from '../server/src/app/demo.js';
import { machine, table, writeResults } from './lib.js';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
const RESTART = process.env.SOAK_RESTART_POSTGRES === '1';
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

function restartPostgres() {
  const version = fs.readdirSync('/etc/postgresql')[0];
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart'], { stdio: 'inherit' });
}

async function main() {
  const name = `xf_soak_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-soak-'));
  const product = await startProduct({ DATABASE_URL: u.toString(), WEB_DIST_DIR: './no-web', UPLOAD_DIR: path.join(work, 'uploads') });
  const base = `http://127.0.0.1:${product.port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'director', password: DEMO_PASSWORD }) });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

  let n = 0;
  const acknowledged = new Set<string>();
  const intake = () => ({
    method: 'POST',
    path: '/api/public/complaints',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req: Record<string, unknown>) => {
      const i = n++;
      return {
        ...req,
        body: JSON.stringify({
          complainantName: '李娜',
          complainantPhone: `137${String(10_000_000 + i).padStart(8, '0')}`,
          complainantAddress: '浙江省杭州市西湖区文三路1号',
          respondentName: `杭州浸泡测试商行${i % 500}`,
          respondentAddress: '浙江省杭州市西湖区文二路2号',
          request: '退款',
          facts: '商品与描述不符，商家拒绝退款。',
          category: 'food',
          regionCode: '330106',
          idempotencyKey: `soak-${process.pid}-${i}`,
        }),
      };
    },
    onResponse: (status: number, body: string) => {
      if (status === 201) acknowledged.add((JSON.parse(body) as { trackingNo: string }).trackingNo);
    },
  });
  const queue = { method: 'GET', path: '/api/complaints?limit=20', headers: { cookie } };

  // The peak (closed loop, 16 connections, 15 s), then 80% of it, minute by minute.
  const peak = await autocannon({ url: base, connections: 16, duration: 15, requests: [intake(), queue] });
  const rate = Math.max(1, Math.floor(peak.requests.average * 0.8));
  const minutes: Record<string, unknown>[] = [];
  let answeredAfterRestart: number | null = null;
  for (let m = 1; m <= MINUTES; m++) {
    if (RESTART && m === Math.ceil(MINUTES / 2)) {
      const t0 = performance.now();
      restartPostgres();
      for (;;) {
        const r = await fetch(`${base}/ready`).catch(() => null);
        if (r?.status === 200) break;
        await new Promise((res) => setTimeout(res, 200));
      }
      answeredAfterRestart = Math.round(performance.now() - t0);
    }
    const r = await autocannon({ url: base, connections: 16, duration: 60, overallRate: rate, requests: [intake(), queue] });
    minutes.push({ minute: m, 'req/s': Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, 'non-2xx': r.non2xx, errors: r.errors + r.timeouts, 'RSS (MB)': rssMb(product.child.pid!) });
    console.log(JSON.stringify(minutes.at(-1)));
  }
  await new Promise((res) => setTimeout(res, 5000));
  const db = new pg.Client({ connectionString: u.toString() });
  await db.connect();
  const rows = await db.query<{ tracking_no: string }>(`select tracking_no from complaints.complaint where idempotency_key like $1`, [`soak-${process.pid}-%`]);
  await db.end();
  const stored = new Set(rows.rows.map((r) => r.tracking_no));
  const lost = [...acknowledged].filter((t) => !stored.has(t)).length;
  const unacknowledged = [...stored].filter((t) => !acknowledged.has(t)).length;
  await product.stop();
  const a = new pg.Client({ connectionString: ADMIN_URL });
  await a.connect();
  await a.query(`drop database if exists ${name} with (force)`);
  await a.end();
  fs.rmSync(work, { recursive: true, force: true });

  const md = [
    `# Soak on PostgreSQL: intake and staff queue at 80% of peak for ${MINUTES} minute(s)`,
    '',
    `Machine: ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. Peak ${Math.round(peak.requests.average)} req/s (closed loop, 16 connections), load ${rate} req/s (open loop), half intake and half queue reads.` +
      (RESTART ? ` PostgreSQL restarted before minute ${Math.ceil(MINUTES / 2)}; the product answered /ready again ${answeredAfterRestart} ms after the restart began.` : ''),
    '',
    `Acknowledged (201): ${acknowledged.size}; stored: ${stored.size}; acknowledged but missing: ${lost}; stored but the answer not received (in flight when a run ended, or lost in the restart; the write kept): ${unacknowledged}.`,
    '',
    table(minutes),
  ].join('\n');
  writeResults('soak', 'postgres', { machine: machine(), minutes, acknowledged: acknowledged.size, stored: stored.size, lost, unacknowledged, answeredAfterRestart }, md);
  process.exit(lost === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

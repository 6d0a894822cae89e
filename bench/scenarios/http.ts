// Honest HTTP benchmarks (issue 15, item 1). The product runs in its own process exactly as
// `npm start` runs it (compiled JavaScript, demo data, in-process worker); the baseline — a minimal
// Fastify route validating the same body with the same schema and running one bare statement on
// the same engine — runs in a second process; the load comes from autocannon in this third process.
// Each scenario: closed loop (16 connections) for the peak, then open loop at 80% of that peak for
// the latency a user sees; CPU seconds per request of the serving process from /proc; three runs,
// medians reported. Results: bench/results/http.<engine>.{json,md}.
//   npm run bench http:pglite | http:postgres     (BENCH_SECONDS, BENCH_RUNS, BENCH_ENTERPRISES)
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { DEMO_PASSWORD } from '../../server/src/app/demo.js';
import { machine, round, table, writeResults } from '../lib.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES ?? 10_000);
const CONNECTIONS = 16;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TICKS_PER_SECOND = 100; // Linux USER_HZ

export interface Proc {
  child: ChildProcess;
  port: number;
  stop: () => Promise<void>;
}

/** Starts a process and waits for the line that carries its port. */
function startProcess(args: string[], env: Record<string, string>, portPattern: RegExp, readyPattern: RegExp): Promise<Proc> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = portPattern.exec(out);
      if (m && readyPattern.test(out)) {
        child.stdout!.removeAllListeners('data');
        child.stdout!.resume();
        resolve({
          child,
          port: Number(m[1]),
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}: ${out.slice(-2000)}`)));
  });
}

export function startProduct(env: Record<string, string>): Promise<Proc> {
  return startProcess(
    ['--enable-source-maps', 'build/server/src/main/api.js'],
    {
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO_ENTERPRISES: String(ENTERPRISES),
      PUBLIC_RATE_LIMIT: '100000000',
      PHONE_RATE_LIMIT: '100000000',
      NODE_ENV: 'development',
    },
    /Web:\s+http:\/\/localhost:(\d+)\//,
    /Ready in/,
  );
}

function startBaseline(env: Record<string, string>): Promise<Proc> {
  return startProcess(['--import', 'tsx', 'bench/http/baseline-server.ts'], env, /BASELINE_PORT=(\d+)/, /BASELINE_PORT/);
}

/** CPU seconds (user + system) the process has used so far. */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

interface Load {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Builds the path (and body) of request i. */
  request: (i: number) => { path: string; body?: string };
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  cpuMsPerRequest: number;
}

async function fire(proc: Proc, load: Load, opts: { seconds: number; rate?: number }): Promise<Run> {
  let i = 0;
  const cpu0 = cpuSeconds(proc.child.pid!);
  const r = await autocannon({
    url: `http://127.0.0.1:${proc.port}`,
    connections: CONNECTIONS,
    duration: opts.seconds,
    overallRate: opts.rate,
    requests: [
      {
        method: load.method,
        headers: { 'content-type': 'application/json', ...load.headers },
        setupRequest: (req: Record<string, unknown>) => {
          const { path: p, body } = load.request(i++);
          return { ...req, path: p, body };
        },
      },
    ],
  });
  const cpu = cpuSeconds(proc.child.pid!) - cpu0;
  const total = r.requests.total || 1;
  return { rps: round(r.requests.average, 1), p50: r.latency.p50, p99: r.latency.p99, errors: r.non2xx + r.errors, cpuMsPerRequest: round((cpu * 1000) / total, 3) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function login(port: number, username: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`log-in as ${username}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

function phone(i: number) {
  return `139${String(10_000_000 + (i % 89_999_999)).padStart(8, '0')}`;
}

function intakeBody(i: number) {
  return JSON.stringify({
    kind: 'complaint',
    complainantName: '张伟',
    complainantPhone: phone(i),
    complainantAddress: '浙江省杭州市上城区清波街道1号',
    respondentName: '杭州湖滨美食餐饮有限公司',
    respondentAddress: '浙江省杭州市上城区延安路88号',
    request: '退还餐费',
    facts: '就餐后发现菜品变质，商家拒绝退款。',
    category: 'food',
    amountFen: 38800 + (i % 1000),
  });
}

async function sampleEnterprises(port: number, cookie: string): Promise<{ codes: string[]; fragments: string[] }> {
  const codes: string[] = [];
  const fragments: string[] = [];
  let cursor: string | null = null;
  while (codes.length < 500) {
    const url = new URL(`http://127.0.0.1:${port}/api/enterprises`);
    url.searchParams.set('limit', '100');
    if (cursor) url.searchParams.set('cursor', cursor);
    const page = (await (await fetch(url, { headers: { cookie } })).json()) as { items: { creditCode: string; name: string }[]; nextCursor: string | null };
    for (const e of page.items) {
      codes.push(e.creditCode);
      fragments.push([...e.name].slice(2, 5).join(''));
    }
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return { codes, fragments };
}

export async function httpScenario(engine: 'pglite' | 'postgres') {
  if (!fs.existsSync(path.join(ROOT, 'build/server/src/main/api.js'))) throw new Error('run `npm run build:server` first (npm run bench does)');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-http-bench-'));
  let productEnv: Record<string, string>;
  let baselineEnv: Record<string, string>;
  let dropDb: (() => Promise<void>) | null = null;
  if (engine === 'postgres') {
    const name = `xf_http_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(ADMIN_URL);
    u.pathname = `/${name}`;
    productEnv = { DATABASE_URL: u.toString(), WEB_DIST_DIR: './no-web', UPLOAD_DIR: path.join(work, 'uploads') };
    baselineEnv = { ENGINE: 'postgres', DATABASE_URL: u.toString() };
    dropDb = async () => {
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    };
  } else {
    productEnv = { DATABASE_URL: '', PGLITE_DATA_DIR: path.join(work, 'product'), WEB_DIST_DIR: './no-web', UPLOAD_DIR: path.join(work, 'uploads') };
    baselineEnv = { ENGINE: 'pglite', PGLITE_DIR: path.join(work, 'baseline') };
  }

  // Seed once (demo data), then give the baseline the same data: on PGlite a copy of the folder.
  const seeded = await startProduct(productEnv);
  await seeded.stop();
  if (engine === 'pglite') fs.cpSync(path.join(work, 'product'), path.join(work, 'baseline'), { recursive: true });

  const scenarios: { name: string; product: (p: { cookie: string; staffCookie: string; sample: { codes: string[]; fragments: string[] } }) => Load; baseline: (s: { codes: string[]; fragments: string[] }) => Load }[] = [
    {
      name: 'public complaint intake',
      product: () => ({ method: 'POST', request: (i) => ({ path: '/api/public/complaints', body: intakeBody(i) }) }),
      baseline: () => ({ method: 'POST', request: (i) => ({ path: '/intake', body: intakeBody(i) }) }),
    },
    {
      name: 'look-up by code (staff)',
      product: ({ cookie, sample }) => ({ method: 'GET', headers: { cookie }, request: (i) => ({ path: `/api/enterprises/${sample.codes[i % sample.codes.length]}` }) }),
      baseline: (sample) => ({ method: 'GET', request: (i) => ({ path: `/by-code/${sample.codes[i % sample.codes.length]}` }) }),
    },
    {
      name: 'name search (staff)',
      product: ({ cookie, sample }) => ({ method: 'GET', headers: { cookie }, request: (i) => ({ path: `/api/enterprises?q=${encodeURIComponent(sample.fragments[i % sample.fragments.length])}` }) }),
      baseline: (sample) => ({ method: 'GET', request: (i) => ({ path: `/search?q=${encodeURIComponent(sample.fragments[i % sample.fragments.length])}` }) }),
    },
    {
      name: 'complaints queue (staff)',
      product: ({ staffCookie }) => ({ method: 'GET', headers: { cookie: staffCookie }, request: () => ({ path: '/api/complaints?limit=20' }) }),
      baseline: () => ({ method: 'GET', request: () => ({ path: '/queue?region=3301' }) }),
    },
    {
      name: '/health',
      product: () => ({ method: 'GET', request: () => ({ path: '/health' }) }),
      baseline: () => ({ method: 'GET', request: () => ({ path: '/health' }) }),
    },
  ];

  type Row = { scenario: string; side: 'product' | 'baseline'; peak: Run[]; at80: Run[] };
  const rows: Row[] = [];
  for (let run = 0; run < RUNS; run++) {
    const product = await startProduct(productEnv);
    const baseline = await startBaseline(baselineEnv);
    try {
      const cookie = await login(product.port, 'registrar');
      const staffCookie = await login(product.port, 'director');
      const sample = await sampleEnterprises(product.port, cookie);
      for (const s of scenarios) {
        for (const side of ['baseline', 'product'] as const) {
          const proc = side === 'product' ? product : baseline;
          const load = side === 'product' ? s.product({ cookie, staffCookie, sample }) : s.baseline(sample);
          await fire(proc, load, { seconds: 2 }); // warm-up
          const peak = await fire(proc, load, { seconds: SECONDS });
          const at80 = await fire(proc, load, { seconds: SECONDS, rate: Math.max(1, Math.floor(peak.rps * 0.8)) });
          let row = rows.find((r) => r.scenario === s.name && r.side === side);
          if (!row) rows.push((row = { scenario: s.name, side, peak: [], at80: [] }));
          row.peak.push(peak);
          row.at80.push(at80);
          console.log(`${engine} run ${run + 1} ${s.name} ${side}: ${peak.rps} req/s p99 ${peak.p99} ms; at 80%: p50 ${at80.p50} p99 ${at80.p99} ms; cpu ${peak.cpuMsPerRequest} ms/req; errors ${peak.errors}`);
        }
      }
    } finally {
      await product.stop();
      await baseline.stop();
    }
  }
  await dropDb?.();
  fs.rmSync(work, { recursive: true, force: true });

  const summary = scenarios.map((s) => {
    const p = rows.find((r) => r.scenario === s.name && r.side === 'product')!;
    const b = rows.find((r) => r.scenario === s.name && r.side === 'baseline')!;
    const pr = median(p.peak.map((x) => x.rps));
    const br = median(b.peak.map((x) => x.rps));
    return {
      scenario: s.name,
      'product req/s': pr,
      'baseline req/s': br,
      ratio: round(pr / br, 3),
      'product p50/p99 at 80% (ms)': `${median(p.at80.map((x) => x.p50))} / ${median(p.at80.map((x) => x.p99))}`,
      'baseline p50/p99 at 80% (ms)': `${median(b.at80.map((x) => x.p50))} / ${median(b.at80.map((x) => x.p99))}`,
      'product CPU ms/req': median(p.peak.map((x) => x.cpuMsPerRequest)),
      'baseline CPU ms/req': median(b.peak.map((x) => x.cpuMsPerRequest)),
      errors: p.peak.reduce((n, x) => n + x.errors, 0),
    };
  });
  const md = [
    `# HTTP scenarios on ${engine} — product process vs minimal-route baseline process, autocannon in a third process`,
    '',
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. ` +
      `${ENTERPRISES.toLocaleString('en')} demo enterprises; ${CONNECTIONS} connections; ${SECONDS} s per measurement after a 2 s warm-up; medians of ${RUNS} runs. ` +
      'The product runs as `npm start` runs it (compiled, in-process worker). "at 80%" is an open-loop run at 80% of the measured peak. ' +
      'CPU ms/req is the serving process\'s user+system time over the requests it answered (the client and the servers share the same cores).',
    '',
    table(summary),
  ].join('\n');
  writeResults('http', engine, { machine: machine(), enterprises: ENTERPRISES, seconds: SECONDS, runs: RUNS, connections: CONNECTIONS, summary, rows }, md);
}

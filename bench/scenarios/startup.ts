// Time from a fresh start (empty data folder, demo data generated) to the first page, and the
// resident memory of the embedded product.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { machine, round, table, writeResults } from '../lib.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return round(kb / 1024, 1);
}

async function once(fresh: boolean, dir: string) {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main/api.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', PGLITE_DATA_DIR: dir, DATABASE_URL: '', UPLOAD_DIR: path.join(dir, 'uploads') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /Web:\s+http:\/\/localhost:(\d+)\//.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (c) => reject(new Error(`exited ${c}: ${out}`)));
  });
  const page = await fetch(`http://127.0.0.1:${port}/`);
  await page.text();
  const firstPageMs = Date.now() - started;
  // Touch the register the way a first user does, then read the resident memory.
  for (let i = 0; i < 50; i++) await (await fetch(`http://127.0.0.1:${port}/api/public/enterprises?q=${encodeURIComponent('杭州')}`)).text();
  const rss = rssMb(child.pid!);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { run: fresh ? 'fresh start (demo data generated)' : 'restart (data folder exists)', firstPageStatus: page.status, 'first page s': round(firstPageMs / 1000, 2), 'RSS MB': rss };
}

export async function startupScenario() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-start-'));
  const rows = [await once(true, dir), await once(false, dir)];
  fs.rmSync(dir, { recursive: true, force: true });
  const md = [
    '# Embedded product: time to first page and resident memory',
    '',
    'The API process on PGlite (`node --import tsx server/src/main/api.ts`), 10,000 demo enterprises, GET / (the web app) timed from process spawn; RSS read from /proc after 50 register searches. Aim: under 15 s and under 1 GB.',
    '',
    table(rows),
    '',
    `Run ${machine().date}, Node ${process.version}, ${os.cpus().length} cores.`,
  ].join('\n');
  writeResults('startup', 'pglite', { machine: machine(), rows }, md);
}

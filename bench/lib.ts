import fs from 'node:fs';
import path from 'node:path';

export interface Measurement {
  name: string;
  ops: number;
  seconds: number;
  opsPerSec: number;
  p50ms: number;
  p99ms: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

/** Runs `fn` `ops` times with `concurrency` callers, timing each call. */
export async function measure(name: string, ops: number, concurrency: number, fn: (i: number) => Promise<unknown>): Promise<Measurement> {
  const times: number[] = [];
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= ops) return;
        const t0 = process.hrtime.bigint();
        await fn(i);
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  times.sort((a, b) => a - b);
  return { name, ops, seconds: round(seconds, 3), opsPerSec: round(ops / seconds, 1), p50ms: round(percentile(times, 50), 3), p99ms: round(percentile(times, 99), 3) };
}

export function round(n: number, d = 2) {
  const f = 10 ** d;
  return Math.round(n * f) / f;
}

export const RESULTS_DIR = path.resolve(import.meta.dirname, 'results');

export function writeResults(scenario: string, engine: string, data: unknown, markdown: string) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const base = path.join(RESULTS_DIR, `${scenario}.${engine}`);
  fs.writeFileSync(`${base}.json`, JSON.stringify(data, null, 2) + '\n');
  fs.writeFileSync(`${base}.md`, markdown + '\n');
  console.log(markdown);
}

export function table(rows: Record<string, unknown>[]): string {
  if (!rows.length) return '';
  const cols = Object.keys(rows[0]);
  return [`| ${cols.join(' | ')} |`, `|${cols.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${cols.map((c) => String(r[c])).join(' | ')} |`)].join('\n');
}

export function machine() {
  return { node: process.version, cpus: (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? null, date: new Date().toISOString() };
}

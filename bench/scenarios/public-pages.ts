// What a consumer's phone downloads (issue 15, item 7): the public home and the QR complaint form
// opened in a fresh Chromium (Debian's, through playwright-core) at a 390 px viewport on Chromium
// DevTools' "Fast 4G" network profile, against the product started as `npm start` starts it. Reports
// bytes transferred (compressed, as sent), requests, and the time until the page can be used (its
// first form control visible and enabled), median of three cold loads. Results:
// bench/results/public-pages.{json,md}.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../e2e/support/browser.js';
import { startProduct } from './http.js';
import { machine, round, table, writeResults } from '../lib.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** Chromium DevTools' "Fast 4G" preset (front_end/core/sdk/NetworkManager.ts): 9 Mbit/s down, 1.5 up, 60 ms × 2.75 latency, at 90%. */
const FAST_4G = { offline: false, downloadThroughput: ((9 * 1000 * 1000) / 8) * 0.9, uploadThroughput: ((1.5 * 1000 * 1000) / 8) * 0.9, latency: 60 * 2.75 };
const PAGES = [
  { name: 'public home', path: '/', ready: 'input' },
  { name: 'QR complaint form', path: '/m/complain', ready: 'form textarea, form input[type=text], form input:not([type])' },
];
const RUNS = 3;

export async function publicPagesScenario() {
  const web = spawnSync('npm', ['run', 'build:web', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (web.status !== 0) throw new Error('web build failed');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-pages-bench-'));
  const product = await startProduct({ DATABASE_URL: '', PGLITE_DATA_DIR: path.join(work, 'db'), UPLOAD_DIR: path.join(work, 'uploads'), WEB_DIST_DIR: './web/dist' });
  const base = `http://127.0.0.1:${product.port}`;
  const rows: Record<string, unknown>[] = [];
  const raw: unknown[] = [];
  try {
    for (const p of PAGES) {
      const loads: { bytes: number; requests: number; readyMs: number; files: string[] }[] = [];
      for (let run = 0; run < RUNS; run++) {
        const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
        const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: 'zh-CN' });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', FAST_4G);
        let bytes = 0;
        let requests = 0;
        const urls = new Map<string, string>();
        cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) => urls.set(e.requestId, e.request.url));
        cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
          bytes += e.encodedDataLength;
          requests += 1;
        });
        const t0 = performance.now();
        await page.goto(base + p.path, { waitUntil: 'commit' });
        await page.locator(p.ready).first().waitFor({ state: 'visible', timeout: 60_000 });
        await page.waitForFunction((sel) => { const el = document.querySelector(sel) as HTMLInputElement | null; return !!el && !el.disabled; }, p.ready);
        const readyMs = performance.now() - t0;
        await page.waitForLoadState('networkidle');
        loads.push({ bytes, requests, readyMs, files: [...urls.values()].map((u) => new URL(u).pathname) });
        await browser.close();
      }
      const med = <T>(xs: T[], f: (x: T) => number) => xs.map(f).sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      rows.push({
        page: `${p.name} (${p.path})`,
        'transferred (KB)': round(med(loads, (l) => l.bytes) / 1024, 1),
        requests: med(loads, (l) => l.requests),
        'usable after (ms)': Math.round(med(loads, (l) => l.readyMs)),
        'aim': p.path === '/m/complain' ? '< 250 KB, < 2 s' : '',
      });
      raw.push({ page: p, loads });
    }
  } finally {
    await product.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
  const md = [
    '# Public pages on a phone: bytes transferred and time until usable',
    '',
    `Machine: ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. Debian Chromium, 390×844 viewport, cache disabled, ` +
      'network emulated as DevTools "Fast 4G" (9 Mbit/s down, 1.5 Mbit/s up, 165 ms latency); the product started as `npm start` starts it (pre-compressed assets). ' +
      `Median of ${RUNS} cold loads. "usable after" = navigation until the page's first form control is visible and enabled.`,
    '',
    table(rows),
  ].join('\n');
  writeResults('public-pages', 'chromium', { machine: machine(), network: FAST_4G, rows, raw }, md);
}

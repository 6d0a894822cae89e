#!/usr/bin/env node
// Runs every test of Xingfeng with node's test runner (unit, API, worker and browser tests) and
// closes with the line "N passed, N failed". Usage: node scripts/run-tests.mjs [filter...]
// Checks (and where it can, installs) Chromium and pdftotext first: see scripts/prerequisites.mjs.
//   XF_NO_INSTALL=1 never installs; XF_CHROMIUM=/path selects the browser binary.
//   TEST_DATABASE_URL=postgres://... runs the database tests on a PostgreSQL server instead of PGlite.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePrerequisites } from './prerequisites.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const filters = process.argv.slice(2);

function walk(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (/\.(test|e2e)\.ts$/.test(entry.name)) out.push(path.relative(root, p));
  }
  return out;
}

let files = ['server', 'web/src', 'bench', 'e2e'].flatMap((dir) => walk(path.join(root, dir))).sort();
if (filters.length) files = files.filter((f) => filters.some((x) => f.includes(x)));
const unitAndApi = files.filter((f) => !f.endsWith('.e2e.ts'));
const browser = files.filter((f) => f.endsWith('.e2e.ts'));

// Prerequisites first, for the selected files only: Chromium for browser journeys, pdftotext for the
// files that read PDFs back. Installs them or stops here, before any test has run.
const needs = [];
if (browser.length) needs.push('chromium');
if (files.some((f) => fs.readFileSync(path.join(root, f), 'utf8').includes('pdftotext'))) needs.push('pdftotext');
ensurePrerequisites(needs);

const totals = { passed: 0, failed: 0, skipped: 0, failures: [] };
function run(group, concurrency) {
  if (!group.length) return;
  const summary = path.join(os.tmpdir(), `xf-summary-${process.pid}-${Date.now()}.json`);
  const res = spawnSync(
    process.execPath,
    [
      '--import', 'tsx',
      '--test',
      `--test-concurrency=${concurrency}`,
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      `--test-reporter=${path.join(root, 'scripts/summary-reporter.mjs')}`, '--test-reporter-destination=stderr',
      ...group,
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, XF_SUMMARY_FILE: summary, NODE_ENV: 'test' } },
  );
  if (fs.existsSync(summary)) {
    const s = JSON.parse(fs.readFileSync(summary, 'utf8'));
    totals.passed += s.passed;
    totals.failed += s.failed;
    totals.skipped += s.skipped;
    totals.failures.push(...s.failures);
    fs.rmSync(summary);
  } else if (res.status !== 0) {
    totals.failed += 1;
    totals.failures.push(`test runner exited with ${res.status ?? res.signal} before reporting`);
  }
}

const engine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
console.log(`Xingfeng tests on ${engine}: ${unitAndApi.length} files, ${browser.length} browser journeys`);
run(unitAndApi, Number(process.env.TEST_CONCURRENCY ?? 2));
run(browser, 1);
if (totals.failures.length) {
  console.log('\nFailed:');
  for (const f of totals.failures) console.log(`  ✖ ${f}`);
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);

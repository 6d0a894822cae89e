// The test command checks its prerequisites before any test runs (scripts/prerequisites.mjs): with
// the browser missing and installing forbidden it stops at once and prints the command to run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');

test('npm test stops before any test when Chromium is missing and cannot be installed', () => {
  const res = spawnSync(process.execPath, ['scripts/run-tests.mjs', '.e2e.ts'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, XF_CHROMIUM: '/nowhere/chromium', XF_NO_INSTALL: '1' },
  });
  assert.equal(res.status, 2);
  assert.match(res.stderr, /Chromium not found at \/nowhere\/chromium/);
  assert.match(res.stderr, /apt-get install -y chromium/);
  // Nothing ran: the runner's banner and its closing "N passed" line never appear.
  assert.doesNotMatch(res.stdout, /browser journeys|passed/);
});

test('the prerequisites of unit tests alone do not include the browser', () => {
  const res = spawnSync(process.execPath, ['scripts/run-tests.mjs', 'no-such-test-file-matches-this'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, XF_CHROMIUM: '/nowhere/chromium', XF_NO_INSTALL: '1' },
  });
  // No file selected: the runner starts (no prerequisite stop) and reports nothing passed.
  assert.doesNotMatch(res.stderr, /prerequisite is missing/);
  assert.match(res.stdout, /0 files, 0 browser journeys/);
});

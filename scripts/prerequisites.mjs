// The programs the tests need beyond node_modules, checked before any test runs: Chromium for the
// browser journeys (XF_CHROMIUM, else /usr/bin/chromium) and pdftotext (poppler-utils) to read
// generated PDFs back. When one is missing, the test command installs the Debian packages itself if
// it can (running as root with apt-get, and XF_NO_INSTALL not set); otherwise it stops at once with
// the exact command to run — never half-way through the suite.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const DEBIAN_PACKAGES = { chromium: 'chromium', pdftotext: 'poppler-utils' };

/** The absolute path of `name` on PATH, or null. */
function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, name);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* not in this directory */
    }
  }
  return null;
}

function chromiumPath() {
  return process.env.XF_CHROMIUM || '/usr/bin/chromium';
}

function isExecutable(p) {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The programs from `needs` ('chromium', 'pdftotext') that are missing now. */
function missing(needs) {
  const out = [];
  if (needs.includes('chromium') && !isExecutable(chromiumPath())) out.push('chromium');
  if (needs.includes('pdftotext') && !onPath('pdftotext')) out.push('pdftotext');
  return out;
}

function canInstall() {
  if (process.env.XF_NO_INSTALL === '1') return false;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return false;
  return onPath('apt-get') !== null;
}

function stop(lines) {
  console.error(['', 'Tests not started: a prerequisite is missing.', ...lines.map((l) => `  ${l}`), ''].join('\n'));
  process.exit(2);
}

/**
 * Makes sure the programs in `needs` exist, installing the Debian packages when possible; exits the
 * process with status 2 and the command to run when not.
 */
export function ensurePrerequisites(needs) {
  let absent = missing(needs);
  if (!absent.length) return;
  const packages = [...new Set(absent.map((p) => DEBIAN_PACKAGES[p]))];
  const command = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  if (canInstall()) {
    console.log(`Installing ${packages.join(', ')} for the tests (${command}) …`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0
      ? spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env })
      : update;
    if (install.status !== 0) stop([`Installing failed. Run: ${command}`]);
    absent = missing(needs);
    if (!absent.length) return;
  }
  const lines = [];
  if (absent.includes('chromium')) {
    lines.push(`Chromium not found at ${chromiumPath()}${process.env.XF_CHROMIUM ? ' (XF_CHROMIUM)' : ''}.`);
    if (process.env.XF_CHROMIUM) lines.push('Point XF_CHROMIUM at a Chromium binary, or unset it to use /usr/bin/chromium.');
  }
  if (absent.includes('pdftotext')) lines.push('pdftotext (poppler-utils) not found on PATH.');
  const sudo = typeof process.getuid === 'function' && process.getuid() !== 0 ? 'sudo ' : '';
  lines.push(`Run: ${sudo}apt-get update && ${sudo}apt-get install -y ${packages.join(' ')}`);
  stop(lines);
}

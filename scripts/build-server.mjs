#!/usr/bin/env node
// Compiles the server (server/src and contracts/) to plain JavaScript under build/, file by file with
// esbuild (no bundling: the folder layout and the `.js` import suffixes stay as written), and copies
// the files the code reads at run time beside it (migrations, fonts, rule data). `npm start` and
// `npm run worker` run `node` on the output; the development loop keeps `tsx watch`.
// Type checking is `npm run typecheck`, not this script. Usage: node scripts/build-server.mjs
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'build');
const started = performance.now();

/** Source files to compile, and other files to copy (data the code opens by path or imports). */
function collect(dir, sources, assets) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) collect(p, sources, assets);
    else if (/\.(test|e2e|bench)\.ts$/.test(entry.name)) continue;
    else if (entry.name.endsWith('.ts')) sources.push(p);
    else if (!entry.name.endsWith('.md')) assets.push(p);
  }
}

const sources = [];
const assets = [];
collect(path.join(root, 'server', 'src'), sources, assets);
collect(path.join(root, 'contracts'), sources, assets);
// Opened by path relative to the compiled code (server/src/platform/db/migrator.ts, documents/pdf.ts).
collect(path.join(root, 'server', 'migrations'), [], assets);
collect(path.join(root, 'server', 'assets'), [], assets);

// Files are overwritten in place (not the folder removed first): a worker started by `npm run worker`
// may rebuild while an API process started from the same checkout is running.
await build({
  entryPoints: sources,
  outdir: out,
  outbase: root,
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  supported: { 'import-attributes': true },
  sourcemap: 'linked',
  logLevel: 'warning',
});
for (const file of assets) {
  const target = path.join(out, path.relative(root, file));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(file, target);
}
// Node reads `type: module` from the nearest package.json; build/ has none of its own.
fs.writeFileSync(path.join(out, 'package.json'), JSON.stringify({ type: 'module', private: true }) + '\n');
const ms = Math.round(performance.now() - started);
console.log(`server compiled: ${sources.length} files, ${assets.length} data files copied to build/ in ${ms} ms`);

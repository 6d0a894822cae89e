import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { matchPath } from 'react-router-dom';
import { FEATURES } from '../../web/src/features/registry-of-features.js';

const root = path.resolve(import.meta.dirname, '..', 'src');

function sources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

/** Web paths the server writes: `link: '…'` / `link: \`…\`` values, and page paths passed to a notify call. */
function writtenLinks(): { file: string; link: string }[] {
  const found: { file: string; link: string }[] = [];
  const literal = /([`'"])(\/(?!api\/)[a-z][^`'"\s]*)\1/g;
  for (const file of sources(root)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const line of text.split('\n')) {
      if (!/\blink\b|notify\(/.test(line)) continue;
      for (const m of line.matchAll(literal)) found.push({ file: path.relative(root, file), link: m[2]! });
    }
  }
  return found;
}

/** `${expr}` becomes a sample id; the query string is not part of the route. */
function sample(link: string): string {
  return link.replace(/\$\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000').split('?')[0]!;
}

test('every link the server writes in a notification opens a route of the web app\'s feature list', () => {
  const links = writtenLinks();
  assert.ok(links.length >= 6, `found only ${links.length} links: is the scan still finding them?`);
  const paths = FEATURES.map((f) => f.path);
  const broken = links.filter(({ link }) => !paths.some((p) => matchPath({ path: p, end: true }, sample(link))));
  assert.deepEqual(broken, [], `links without a page: ${broken.map((b) => `${b.file}: ${b.link}`).join('; ')}`);
});

test('the scan would catch the old broken link', () => {
  const paths = FEATURES.map((f) => f.path);
  assert.ok(!paths.some((p) => matchPath({ path: p, end: true }, sample('/exchange/changes/${id}'))));
});

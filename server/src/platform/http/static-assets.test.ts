// The web app's files as a phone receives them (issue 15, item 7): content-hashed assets cached for a
// year as immutable, the page itself revalidated, and the brotli/gzip copies written at build time
// sent to clients that accept them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createTestApp, type TestApp } from '../../../test/harness.js';

const SCRIPT = `console.log(${JSON.stringify('行风'.repeat(2000))});\n`;

describe('web assets: caching and pre-compressed copies', () => {
  let t: TestApp;
  let dist: string;
  before(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>行风</title>');
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), SCRIPT);
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js.br'), zlib.brotliCompressSync(SCRIPT));
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js.gz'), zlib.gzipSync(SCRIPT));
    t = await createTestApp({ config: { WEB_DIST_DIR: dist } });
  });
  after(async () => {
    await t.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  test('a content-hashed asset is immutable for a year and sent as brotli when accepted', async () => {
    const res = await t.http!.inject({ method: 'GET', url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(res.headers['content-encoding'], 'br');
    assert.equal(zlib.brotliDecompressSync(res.rawPayload).toString(), SCRIPT);
    assert.ok(res.rawPayload.length < Buffer.byteLength(SCRIPT) / 4, 'the compressed copy is what is sent');
  });

  test('gzip when brotli is not accepted; the plain file when neither is', async () => {
    const gz = await t.http!.inject({ method: 'GET', url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(zlib.gunzipSync(gz.rawPayload).toString(), SCRIPT);
    const plain = await t.http!.inject({ method: 'GET', url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body, SCRIPT);
  });

  test('the page itself (and client-side routes falling back to it) is revalidated, never cached as immutable', async () => {
    for (const url of ['/', '/m/complain']) {
      const res = await t.http!.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['cache-control'], 'no-cache', url);
      assert.match(res.body, /行风/);
    }
  });
});

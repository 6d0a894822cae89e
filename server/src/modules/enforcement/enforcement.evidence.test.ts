import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { qrPngBuffer } from '../../platform/documents/qr.js';
import { enforcementFixture } from '../../../test/fixtures/enforcement-routes.js';
import type { Client } from '../../../test/harness.js';

function multipart(fields: Record<string, string>, file: { name: string; data: Buffer; type: string }) {
  const boundary = `----xf${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('evidence files on a case: upload checked by content type and size, listed with a download', () => {
  const f = enforcementFixture();
  const upload = async (c: Client, id: string, version: number, file: { name: string; data: Buffer; type: string }, fields: Record<string, string> = {}) => {
    const m = multipart({ version: String(version), kind: 'evidence', description: '现场照片', ...fields }, file);
    return c.request('POST', `/api/enforcement/cases/${id}/evidence-files`, m.payload, m.headers);
  };

  test('an officer of the case uploads a photo; it is listed and downloadable by readers; other files and people are refused', async () => {
    const c = await f.openCase();
    const png = await qrPngBuffer('evidence', 64);
    const ok = await upload(f.o1, c.id, c.version, { name: '现场照片.png', data: png, type: 'image/png' });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.evidenceFiles.length, 1);
    const ev = ok.body.evidenceFiles[0];
    assert.deepEqual([ev.name, ev.mime, ev.size, ev.description, ev.kind], ['现场照片.png', 'image/png', png.length, '现场照片', 'evidence']);
    const dl = await f.reviewer.get(ev.downloadUrl);
    assert.equal(dl.status, 200);
    assert.equal(dl.headers['content-type'], 'image/png');
    assert.match(String(dl.headers['content-disposition']), /attachment/);
    // The content decides, not the name or the declared type.
    const fake = await upload(f.o1, c.id, ok.body.version, { name: 'x.png', data: Buffer.from('not an image at all'), type: 'image/png' });
    assert.equal(fake.status, 415);
    assert.equal(fake.body.error.code, 'UNSUPPORTED_MEDIA_TYPE');
    assert.equal((await upload(f.o1, c.id, ok.body.version, { name: 'p.png', data: png, type: 'image/png' }, { description: '' })).status, 400);
    assert.equal((await upload(f.o1, c.id, 1, { name: 'p.png', data: png, type: 'image/png' })).status, 409);
    assert.equal((await upload(f.o3, c.id, ok.body.version, { name: 'p.png', data: png, type: 'image/png' })).status, 403, 'not an officer of the case');
    assert.equal((await upload(f.credit, c.id, ok.body.version, { name: 'p.png', data: png, type: 'image/png' })).status, 403);
    assert.equal((await f.t.anonymous().get(ev.downloadUrl)).status, 401);
    assert.equal((await f.gsOfficer.get(ev.downloadUrl)).status, 404, 'outside the jurisdiction');
    assert.equal((await f.business.get(ev.downloadUrl)).status, 403);
    // A file id that is not this case's evidence.
    const other = await f.openCase();
    assert.equal((await f.o1.get(`/api/enforcement/cases/${other.id}/evidence/${ev.fileId}`)).status, 404);
  });

  test('an upload over the size limit is refused with 413', async () => {
    const c = await f.openCase();
    const big = Buffer.concat([await qrPngBuffer('x', 64), Buffer.alloc(f.t.platform.files.maxBytes + 10)]);
    const res = await upload(f.o1, c.id, c.version, { name: 'big.png', data: big, type: 'image/png' });
    assert.equal(res.status, 413);
  });
});

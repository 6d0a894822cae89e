/**
 * Test support (used by the route tests, the demo and the browser journey): a small register, the
 * departments, a field with items, a directory, inspectors, and a commit-reveal helper.
 */
import { randomBytes } from 'node:crypto';
import { commitmentOf } from './domain/draw.js';

export function multipart(fields: Record<string, string>, files: { field: string; name: string; data: Buffer; type: string }[]) {
  const boundary = `----xf${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.data, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A minimal MP4 (an `ftyp` box, sniffed as video/mp4) with `n` payload bytes of a known pattern. */
export function tinyMp4(n = 4096): Buffer {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2')]);
  const body = Buffer.alloc(n);
  for (let i = 0; i < n; i++) body[i] = i % 251;
  const mdat = Buffer.concat([Buffer.from([(n + 8) >>> 24, ((n + 8) >>> 16) & 255, ((n + 8) >>> 8) & 255, (n + 8) & 255]), Buffer.from('mdat'), body]);
  return Buffer.concat([ftyp, mdat]);
}

/** A party's secret and commitment. */
export function secretFor(taskId: string, party: string) {
  const reveal = randomBytes(16).toString('hex');
  return { party, reveal, commitment: commitmentOf(taskId, party, reveal) };
}

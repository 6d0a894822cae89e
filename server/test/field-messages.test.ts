import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Client, type TestApp } from './harness.js';

/** Codes that must never be what a person reads (zod issue codes, error codes, internal keys). */
const RAW = /\b(too_big|too_small|invalid_type|invalid_format|invalid_value|invalid_union|unrecognized_keys|not_multiple_of|custom|VALIDATION_FAILED|BAD_REQUEST|INVALID_CURSOR|[A-Z]{2,}(?:_[A-Z]+)+)\b|\{\w+\}/;

function scan(body: { error?: { message: string; fields?: { path: string; code: string; message: string }[] } }, what: string) {
  assert.ok(body.error, `${what}: an error body`);
  assert.doesNotMatch(body.error.message, RAW, `${what}: message ${body.error.message}`);
  for (const f of body.error.fields ?? []) {
    assert.ok(f.message && f.message !== f.code, `${what}: field ${f.path} has a message of its own`);
    assert.doesNotMatch(f.message, RAW, `${what}: field ${f.path} message "${f.message}"`);
    assert.ok(f.path !== undefined, `${what}: field error attached to a path`);
  }
}

describe('error responses carry localised messages, never raw zod codes', () => {
  let t: TestApp;
  let admin: Client;
  before(async () => {
    t = await createTestApp();
    admin = await t.as({ roles: ['admin', 'registrar', 'mediator'] });
  });
  after(() => t.close());

  const invalid: [string, string, unknown][] = [
    ['POST', '/api/public/complaints', { complainantPhone: 'x'.repeat(40), respondentCreditCode: 'x'.repeat(40), regionCode: '12', amountFen: 'many', extra: 1 }],
    ['POST', '/api/public/complaints', { kind: 'nonsense', idempotencyKey: 'x', stationId: 'not-a-uuid', occurredOn: '2026-13-45' }],
    ['POST', '/api/admin/accounts', { kind: 'staff', username: 'ab', displayName: '', password: 'short', roles: ['emperor'], jurisdiction: 'abc' }],
    ['POST', '/api/admin/accounts', { kind: 'staff', username: 'x'.repeat(100), displayName: 'x'.repeat(200) }],
    ['GET', '/api/notifications?limit=100000', undefined],
    ['GET', '/api/notifications?cursor=bm90LWpzb24', undefined],
    ['POST', '/api/notifications/not-a-uuid/read', {}],
    ['PUT', '/api/auth/locale', { locale: 'fr' }],
    ['POST', '/api/auth/login', { username: 1 }],
  ];

  for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) {
    test(`invalid requests in ${locale}`, async () => {
      for (const [method, url, body] of invalid) {
        const res = await admin.request(method, url, body, { 'accept-language': locale });
        assert.ok(res.status >= 400 && res.status < 500, `${method} ${url}: ${res.status}`);
        scan(res.body, `${locale} ${method} ${url}`);
        if (res.body.error.code === 'VALIDATION_FAILED') assert.ok((res.body.error.fields ?? []).length > 0, `${url}: fields listed`);
      }
    });
  }

  test('a too-long value names its limit in the message, attached to its field', async () => {
    const res = await admin.request('POST', '/api/admin/accounts', { kind: 'staff', username: 'x'.repeat(100), displayName: 'ok' }, { 'accept-language': 'en' });
    const f = res.body.error.fields.find((x: { path: string }) => x.path === 'username');
    assert.ok(f, JSON.stringify(res.body));
    assert.match(f.message, /64/);
  });
});

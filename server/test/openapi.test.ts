// The served OpenAPI document (/docs/json) is what outside integrators get: it must pass a standard
// validator (@apidevtools/swagger-parser) and a client must generate from it (openapi-typescript).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import openapiTS, { astToString } from 'openapi-typescript';
import { createTestApp, type TestApp } from './harness.js';

describe('the served OpenAPI document', () => {
  let t: TestApp;
  let doc: Record<string, unknown>;
  before(async () => {
    t = await createTestApp();
    const res = await t.http!.inject({ method: 'GET', url: '/docs/json' });
    assert.equal(res.statusCode, 200);
    doc = res.json();
  });
  after(() => t.close());

  test('is a valid OpenAPI 3.1 document', async () => {
    assert.equal(doc.openapi, '3.1.0');
    // validate() dereferences in place: give it a copy.
    const api = await SwaggerParser.validate(structuredClone(doc) as never);
    assert.ok(Object.keys(api.paths ?? {}).length > 50);
  });

  test('defines every schema it references', () => {
    const refs = new Set([...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]));
    const schemas = (doc.components as { schemas?: Record<string, unknown> }).schemas ?? {};
    assert.ok(refs.has('ErrorBody'));
    assert.deepEqual([...refs].filter((r) => !(r in schemas)), []);
  });

  test('generates a typed client with openapi-typescript', async () => {
    const ts = astToString(await openapiTS(structuredClone(doc) as never));
    for (const p of ['/api/auth/me', '/api/enterprises', '/api/complaints/stations/{id}', '/api/public/enterprises']) {
      assert.ok(ts.includes(`"${p}": {`), `no type for the path ${p}`);
    }
    assert.match(ts, /ErrorBody: \{/);
  });
});

// The typed endpoint client: path filling at run time, and (checked by `npm run typecheck`) that
// paths, parameters, bodies and answers follow the served OpenAPI document.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { api, fillPath, type BodyOf, type ResponseOf } from './api';

describe('fillPath', () => {
  test('fills and encodes {placeholders}', () => {
    assert.equal(fillPath('/api/enforcement/cases/{id}', { id: 'a/b c' }), '/api/enforcement/cases/a%2Fb%20c');
    assert.equal(fillPath('/api/enforcement/enterprises/{code}/timeline', { code: '91330102MA2XXXXX1X' }), '/api/enforcement/enterprises/91330102MA2XXXXX1X/timeline');
    assert.equal(fillPath('/api/complaints', undefined), '/api/complaints');
  });

  test('a missing parameter is an error, not "undefined" in the URL', () => {
    assert.throws(() => fillPath('/api/complaints/{id}', {}), /missing path parameter id/);
  });
});

describe('typed client (compile-time)', () => {
  test('answers and bodies are the routes\' types', () => {
    // Each assignment below is checked by the type checker; a wrong path or field fails `npm run typecheck`.
    const caseStatus: ResponseOf<'/api/enforcement/cases/{id}', 'get'>['status'] = 'lead';
    const proposal: BodyOf<'/api/enforcement/cases/{id}/proposal', 'post'> = { version: 1, outcome: 'standard', amountFen: 20000 };
    const me: ResponseOf<'/api/auth/me', 'get'>['permissions'] = ['enforcement.case.list'];
    assert.equal(caseStatus, 'lead');
    assert.equal(proposal.amountFen, 20000);
    assert.deepEqual(me, ['enforcement.case.list']);
    const neverCalled = () => {
      // @ts-expect-error — not a route of the API
      void api.get('/api/no-such-route');
      // @ts-expect-error — the route needs its {id}
      void api.get('/api/enforcement/cases/{id}');
      // @ts-expect-error — amountFen is a number
      void api.post('/api/enforcement/cases/{id}/proposal', { path: { id: 'x' }, body: { version: 1, outcome: 'standard', amountFen: '200' } });
    };
    assert.equal(typeof neverCalled, 'function');
  });
});

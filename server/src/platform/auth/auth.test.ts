import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/harness.js';

describe('accounts, sessions and tokens', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ config: { LOGIN_MAX_FAILURES: 3 } });
  });
  after(() => t.close());

  test('log-in sets an HTTP-only session cookie and a CSRF token; /me returns the actor', async () => {
    await t.platform.auth.createAccount({ kind: 'staff', username: 'alice', displayName: 'Alice', password: TEST_PASSWORD, roles: ['registrar'], jurisdiction: '330102' });
    const res = await t.http!.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'alice', password: TEST_PASSWORD } });
    assert.equal(res.statusCode, 200);
    const session = res.cookies.find((c) => c.name === 'xf_session')!;
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Lax');
    const me = await t.http!.inject({ method: 'GET', url: '/api/auth/me', cookies: { xf_session: session.value } });
    assert.equal(me.json().actor.username, 'alice');
    assert.deepEqual(me.json().actor.roles, ['registrar']);
    // The stored password is an argon2id hash.
    const row = await t.platform.db.selectFrom('platform.account').select('password_hash').where('username', '=', 'alice').executeTakeFirstOrThrow();
    assert.match(row.password_hash ?? '', /^\$argon2id\$/);
  });

  test('after the configured failures a user name must wait, and the wait doubles', async () => {
    await t.platform.auth.createAccount({ kind: 'citizen', username: 'bob', displayName: 'Bob', password: TEST_PASSWORD });
    const attempt = (password: string) => t.http!.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bob', password }, headers: { 'accept-language': 'en' } });
    for (let i = 1; i <= 3; i++) assert.equal((await attempt(`wrong-${i}`)).json().error.code, 'INVALID_CREDENTIALS');
    const locked = await attempt('wrong-4');
    assert.equal(locked.statusCode, 423);
    assert.equal(locked.json().error.code, 'ACCOUNT_LOCKED');
    assert.equal((await attempt(TEST_PASSWORD)).statusCode, 423, 'even the right password is not checked while waiting');
    t.clock.advance(31_000); // the first wait: 30 s
    assert.equal((await attempt('wrong-5')).statusCode, 401);
    t.clock.advance(31_000); // the second wait is 60 s
    assert.equal((await attempt(TEST_PASSWORD)).statusCode, 423);
    t.clock.advance(30_000);
    assert.equal((await attempt(TEST_PASSWORD)).statusCode, 200);
    assert.equal((await attempt('wrong-6')).statusCode, 401, 'a success resets the count');
  });

  test('an unknown user gets the same answer as a wrong password', async () => {
    const res = await t.http!.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'INVALID_CREDENTIALS');
    assert.equal(res.json().error.message, '用户名或密码错误');
  });

  test('error messages follow Accept-Language', async () => {
    const ask = (lang: string) => t.http!.inject({ method: 'GET', url: '/api/auth/me', headers: { 'accept-language': lang } });
    assert.equal((await ask('zh-CN')).json().error.message, '请先登录');
    assert.equal((await ask('zh-TW')).json().error.message, '請先登入');
    assert.equal((await ask('en')).json().error.message, 'Please log in');
  });

  test('log-out ends the session', async () => {
    const c = await t.as({ roles: ['analyst'] });
    assert.equal((await c.get('/api/auth/me')).status, 200);
    assert.equal((await c.post('/api/auth/logout')).status, 200);
    assert.equal((await c.get('/api/auth/me')).status, 401);
  });

  test('machine clients use hashed API tokens; a revoked or unknown token is refused', async () => {
    const admin = await t.as({ roles: ['admin'] });
    const created = await admin.post('/api/admin/accounts', { kind: 'system', username: 'dept.stats', displayName: '统计局系统', roles: ['department_client'] });
    assert.equal(created.status, 201);
    const tok = await admin.post(`/api/admin/accounts/${created.body.id}/api-tokens`, { name: 'feed' });
    assert.equal(tok.status, 201);
    const me = await t.anonymous().get('/api/auth/me', { authorization: `Bearer ${tok.body.token}` });
    assert.equal(me.status, 200);
    assert.deepEqual(me.body.actor.roles, ['department_client']);
    const stored = await t.platform.db.selectFrom('platform.api_token').selectAll().executeTakeFirstOrThrow();
    assert.notEqual(stored.token_hash, tok.body.token);
    assert.equal((await t.anonymous().get('/api/auth/me', { authorization: 'Bearer xf_nope' })).status, 401);
    await t.platform.auth.revokeApiToken(stored.id);
    assert.equal((await t.anonymous().get('/api/auth/me', { authorization: `Bearer ${tok.body.token}` })).status, 401);
    // Only admins manage accounts.
    const registrar = await t.as({ roles: ['registrar'] });
    assert.equal((await registrar.post('/api/admin/accounts', { kind: 'citizen', username: 'x1234', displayName: 'x' })).status, 403);
  });

  test('security headers and request ids are set', async () => {
    const res = await t.http!.inject({ method: 'GET', url: '/health' });
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.ok(res.headers['content-security-policy']);
    assert.ok(res.headers['x-request-id']);
    // /metrics is not served without METRICS_TOKEN (see security.test.ts for the token).
    assert.equal((await t.http!.inject({ method: 'GET', url: '/metrics' })).statusCode, 404);
    assert.equal((await t.http!.inject({ method: 'GET', url: '/ready' })).statusCode, 200);
  });

  test('the OpenAPI document lists the routes with their error responses', async () => {
    const res = await t.http!.inject({ method: 'GET', url: '/docs/json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/api/enterprises'].get.responses['401']);
    assert.ok(doc.paths['/api/auth/login'].post.responses['423']);
  });
});

describe('log-in rate limit', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ config: { PUBLIC_RATE_LIMIT: 3 } });
  });
  after(() => t.close());

  test('too many log-ins from one client are refused with 429', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push((await t.http!.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } })).statusCode);
    }
    assert.deepEqual(codes.slice(0, 3), [401, 401, 401]);
    assert.equal(codes[4], 429);
  });
});

// Attacks from the security review (issue 9, findings 1, 2, 6 and 9), each reproduced and refused.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/harness.js';
import { hashPassword } from '../auth/auth.service.js';
import { loadConfig, productionProblems } from '../../config/config.js';

const NEW_PASSWORD = 'Spring-river-lantern-42';

/** Logs in by HTTP and returns the cookie header and CSRF token, or the refusal. */
async function login(t: TestApp, username: string, password: string, headers: Record<string, string> = {}) {
  const res = await t.http!.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = res.cookies.find((c) => c.name === 'xf_csrf')?.value ?? '';
  return { status: res.statusCode, code: res.statusCode === 200 ? null : (res.json().error.code as string), cookie, csrf };
}

function as(t: TestApp, s: { cookie: string; csrf: string }) {
  const req = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await t.http!.inject({ method, url, payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    return { status: res.statusCode, body: res.json() };
  };
  return { get: (url: string) => req('GET', url), post: (url: string, body: object = {}) => req('POST', url, body) };
}

async function auditActions(t: TestApp, accountId: string, action: string): Promise<number> {
  const rows = await t.platform.db.selectFrom('platform.audit_entry').select('seq').where('entity_id', '=', accountId).where('action', '=', action).execute();
  return rows.length;
}

describe('finding 1: the client address comes from trusted proxies only', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ config: { PUBLIC_RATE_LIMIT: 3 } });
  });
  after(() => t.close());

  test('rotating X-Forwarded-For does not escape the per-client log-in limit', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.http!.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `x${i}`, password: 'y' }, headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } });
      codes.push(res.statusCode);
    }
    assert.deepEqual(codes, [401, 401, 401, 429, 429]);
  });

  test('rotating X-Forwarded-For does not escape the service-card rating limit', async () => {
    const officer = await t.platform.auth.createAccount({ kind: 'staff', username: `o_${randomUUID().slice(0, 6)}`, displayName: 'O', roles: ['enforcement_officer'], jurisdiction: '330102' });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.http!.inject({ method: 'POST', url: `/api/public/service-cards/${officer}/ratings`, payload: { score: 1 }, headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } });
      codes.push(res.statusCode);
    }
    assert.deepEqual(codes, [201, 201, 201, 429, 429]);
  });
});

describe('finding 1: a configured proxy is believed; limits keyed by phone and account too', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ config: { TRUSTED_PROXIES: ['127.0.0.1'], PHONE_RATE_LIMIT: 2, LOGIN_MAX_FAILURES: 3 } });
  });
  after(() => t.close());

  test('the audit ip is the address the trusted proxy reports, and an untrusted one is not believed', async () => {
    const id = await t.platform.auth.createAccount({ kind: 'citizen', username: 'carol', displayName: 'Carol', password: TEST_PASSWORD });
    assert.equal((await login(t, 'carol', TEST_PASSWORD, { 'x-forwarded-for': '203.0.113.9' })).status, 200);
    const [entry] = await t.platform.audit.list({ limit: 1, entityType: 'account', entityId: id });
    assert.equal(entry.action, 'auth.login');
    assert.equal(entry.ip, '203.0.113.9');
    // Through the trusted proxy, a chain with a forged first hop still yields the hop the proxy saw.
    assert.equal((await login(t, 'carol', TEST_PASSWORD, { 'x-forwarded-for': '6.6.6.6, 203.0.113.10' })).status, 200);
    const [second] = await t.platform.audit.list({ limit: 1, entityType: 'account', entityId: id });
    assert.equal(second.ip, '203.0.113.10');
  });

  test('public complaints are limited per phone number, whatever the address', async () => {
    const body = (phone: string) => ({
      kind: 'complaint',
      complainantName: '张伟',
      complainantPhone: phone,
      complainantAddress: '浙江省杭州市上城区清波街道1号',
      respondentName: '杭州湖滨美食餐饮有限公司',
      respondentAddress: '浙江省杭州市上城区延安路88号',
      request: '退还餐费',
      facts: '就餐后发现菜品变质，商家拒绝退款。',
      category: 'food',
      amountFen: 100,
    });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await t.http!.inject({ method: 'POST', url: '/api/public/complaints', payload: body('139 1234 5678'), headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } });
      codes.push(res.statusCode);
    }
    assert.deepEqual(codes, [201, 201, 429, 429]);
    const other = await t.http!.inject({ method: 'POST', url: '/api/public/complaints', payload: body('13900000002'), headers: { 'x-forwarded-for': '198.51.100.9' } });
    assert.equal(other.statusCode, 201);
  });

  test('log-in guesses are limited per user name, whatever the address', async () => {
    await t.platform.auth.createAccount({ kind: 'citizen', username: 'dave', displayName: 'Dave', password: TEST_PASSWORD });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await login(t, 'dave', `wrong-${i}`, { 'x-forwarded-for': `198.51.100.${i + 1}` })).status);
    assert.deepEqual(codes, [401, 401, 401, 423, 423]);
  });
});

describe('finding 2: the log-in throttle holds under parallel guesses', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ config: { LOGIN_MAX_FAILURES: 5 } });
  });
  after(() => t.close());

  test('60 parallel wrong passwords: exactly the limit is checked', async () => {
    const id = await t.platform.auth.createAccount({ kind: 'citizen', username: 'erin', displayName: 'Erin', password: TEST_PASSWORD });
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => login(t, 'erin', `wrong-${i}`)));
    assert.equal(results.filter((r) => r.status === 401).length, 5);
    assert.equal(results.filter((r) => r.status === 423).length, 55);
    assert.equal(await auditActions(t, id, 'auth.login-failed'), 5, 'passwords checked');
  });

  test('40 parallel guesses with the right one among them: no more than the limit checked, no session beyond it', async () => {
    const id = await t.platform.auth.createAccount({ kind: 'citizen', username: 'frank', displayName: 'Frank', password: TEST_PASSWORD });
    const guesses = Array.from({ length: 40 }, (_, i) => (i === 39 ? TEST_PASSWORD : `wrong-${i}`));
    const results = await Promise.all(guesses.map((g) => login(t, 'frank', g)));
    const checked = (await auditActions(t, id, 'auth.login-failed')) + (await auditActions(t, id, 'auth.login'));
    assert.ok(checked <= 5, `checked ${checked}`);
    const sessions = await t.platform.db.selectFrom('platform.session').select('account_id').where('account_id', '=', id).execute();
    assert.equal(sessions.length, results.filter((r) => r.status === 200).length);
    assert.equal(sessions.length, await auditActions(t, id, 'auth.login'));
    assert.ok(sessions.length <= 1);
  });

  test('an unknown user name gets the same answers as a known one', async () => {
    await t.platform.auth.createAccount({ kind: 'citizen', username: 'grace', displayName: 'Grace', password: TEST_PASSWORD });
    const known: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(String((await login(t, 'grace', `wrong-${i}`)).code));
      unknown.push(String((await login(t, 'nobody-here', `wrong-${i}`)).code));
    }
    assert.deepEqual(unknown, known);
    assert.deepEqual(known, ['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'ACCOUNT_LOCKED']);
  });

  test('throttle rows of a day-old, finished delay are pruned; running delays are kept', async () => {
    for (let i = 0; i < 6; i++) await login(t, 'pruned-name', `wrong-${i}`);
    assert.equal((await login(t, 'pruned-name', 'x')).code, 'ACCOUNT_LOCKED');
    assert.equal(await t.platform.auth.pruneThrottle(), 0, 'the delay still runs');
    t.clock.advance(25 * 3_600_000);
    assert.ok((await t.platform.auth.pruneThrottle()) >= 1);
    assert.equal((await login(t, 'pruned-name', 'x')).code, 'INVALID_CREDENTIALS');
  });

  test('session tokens are stored keyed with SESSION_SECRET, not as a bare hash', async () => {
    await t.platform.auth.createAccount({ kind: 'citizen', username: 'heidi', displayName: 'Heidi', password: TEST_PASSWORD });
    const s = await login(t, 'heidi', TEST_PASSWORD);
    const token = /xf_session=([^;]+)/.exec(s.cookie)![1];
    const rows = await t.platform.db.selectFrom('platform.session').select('token_hash').execute();
    assert.ok(!rows.some((r) => r.token_hash === t.platform.crypto.sha256(token)));
    assert.ok(rows.some((r) => r.token_hash === t.platform.crypto.hmac(`xingfeng:session:${t.platform.config.SESSION_SECRET}`, token)));
  });
});

describe('finding 6: passwords, sessions and system accounts', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('a system account cannot log in with a password, even one set in the database', async () => {
    const id = await t.platform.auth.createAccount({ kind: 'staff', username: 'dept.tax', displayName: '税务局系统', roles: ['department_client'] });
    await t.platform.db.updateTable('platform.account').set({ password_hash: await hashPassword(TEST_PASSWORD) }).where('id', '=', id).execute();
    const res = await login(t, 'dept.tax', TEST_PASSWORD);
    assert.equal(res.status, 401);
    assert.equal(res.code, 'INVALID_CREDENTIALS');
    const admin = await t.as({ roles: ['admin'] });
    const created = await admin.post('/api/admin/accounts', { kind: 'system', username: 'dept.stats', displayName: '统计局', roles: ['department_client'], password: NEW_PASSWORD });
    assert.equal(created.status, 400);
    assert.equal((await admin.post(`/api/admin/accounts/${id}/password`, { password: NEW_PASSWORD })).status, 409);
  });

  test('the password policy refuses aaaaaaaaaa and common passwords', async () => {
    const admin = await t.as({ roles: ['admin'] });
    const weak = await admin.post('/api/admin/accounts', { kind: 'citizen', username: 'ivan', displayName: 'Ivan', password: 'aaaaaaaaaa' }, { 'accept-language': 'en' });
    assert.equal(weak.status, 400);
    assert.equal(weak.body.error.fields[0].code, 'PASSWORD_REPETITIVE');
    assert.match(weak.body.error.fields[0].message, /repeated/);
    const common = await admin.post('/api/admin/accounts', { kind: 'citizen', username: 'ivan', displayName: 'Ivan', password: 'password123' });
    assert.equal(common.status, 400);
    assert.equal(common.body.error.fields[0].code, 'PASSWORD_COMMON');
  });

  test('changing one’s password ends every session; the policy and the current password are checked', async () => {
    await t.platform.auth.createAccount({ kind: 'citizen', username: 'judy', displayName: 'Judy', password: TEST_PASSWORD });
    const a = await login(t, 'judy', TEST_PASSWORD);
    const b = await login(t, 'judy', TEST_PASSWORD);
    const wrong = await as(t, a).post('/api/auth/password', { currentPassword: 'not-it-at-all', newPassword: NEW_PASSWORD });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error.fields[0].code, 'PASSWORD_WRONG');
    const weak = await as(t, a).post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'aaaaaaaaaa' });
    assert.equal(weak.status, 400);
    assert.equal(weak.body.error.fields[0].code, 'PASSWORD_REPETITIVE');
    assert.equal((await t.anonymous().post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).status, 401);
    assert.equal((await as(t, a).post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).status, 200);
    assert.equal((await as(t, a).get('/api/auth/me')).status, 401);
    assert.equal((await as(t, b).get('/api/auth/me')).status, 401, 'the other session ended too');
    assert.equal((await login(t, 'judy', TEST_PASSWORD)).status, 401);
    assert.equal((await login(t, 'judy', NEW_PASSWORD)).status, 200);
  });

  test('log out everywhere ends every session of the account', async () => {
    await t.platform.auth.createAccount({ kind: 'citizen', username: 'kate', displayName: 'Kate', password: TEST_PASSWORD });
    const a = await login(t, 'kate', TEST_PASSWORD);
    const b = await login(t, 'kate', TEST_PASSWORD);
    const out = await as(t, a).post('/api/auth/logout-everywhere');
    assert.equal(out.status, 200);
    assert.equal(out.body.sessionsEnded, 2);
    assert.equal((await as(t, b).get('/api/auth/me')).status, 401);
    assert.equal((await t.anonymous().post('/api/auth/logout-everywhere')).status, 401);
  });

  test('an administrator resets and disables accounts; others may not', async () => {
    const admin = await t.as({ roles: ['admin'] });
    const registrar = await t.as({ roles: ['registrar'], jurisdiction: '3301' });
    const id = await t.platform.auth.createAccount({ kind: 'staff', username: 'leo', displayName: 'Leo', password: TEST_PASSWORD, roles: ['analyst'] });
    const s = await login(t, 'leo', TEST_PASSWORD);
    assert.equal((await registrar.post(`/api/admin/accounts/${id}/password`, { password: NEW_PASSWORD })).status, 403);
    assert.equal((await registrar.post(`/api/admin/accounts/${id}/disabled`, { disabled: true })).status, 403);
    assert.equal((await registrar.get('/api/admin/accounts')).status, 403);
    assert.equal((await admin.post(`/api/admin/accounts/${id}/password`, { password: 'aaaaaaaaaa' })).status, 400);
    assert.equal((await admin.post(`/api/admin/accounts/${randomUUID()}/password`, { password: NEW_PASSWORD })).status, 404);
    assert.equal((await admin.post(`/api/admin/accounts/${id}/password`, { password: NEW_PASSWORD })).status, 200);
    assert.equal((await as(t, s).get('/api/auth/me')).status, 401, 'the reset ended the session');
    assert.equal((await login(t, 'leo', NEW_PASSWORD)).status, 200);
    const listed = await admin.get('/api/admin/accounts?limit=200');
    assert.equal(listed.body.items.find((a: { id: string }) => a.id === id).mustChangePassword, true);
    const s2 = await login(t, 'leo', NEW_PASSWORD);
    assert.equal((await admin.post(`/api/admin/accounts/${id}/disabled`, { disabled: true })).status, 200);
    assert.equal((await as(t, s2).get('/api/auth/me')).status, 401, 'disabling ended the session');
    assert.equal((await login(t, 'leo', NEW_PASSWORD)).status, 401);
    assert.equal((await admin.post(`/api/admin/accounts/${admin.accountId}/disabled`, { disabled: true })).status, 409);
    assert.equal((await admin.post(`/api/admin/accounts/${id}/disabled`, { disabled: false })).status, 200);
    assert.equal((await login(t, 'leo', NEW_PASSWORD)).status, 200);
  });

  test('production refuses default and short secrets, and never seeds demo data', () => {
    const base = { NODE_ENV: 'production', DEMO_DATA: 'true' };
    const dflt = loadConfig(base);
    assert.equal(dflt.DEMO_DATA, false);
    const problems = productionProblems(dflt);
    assert.equal(problems.length, 3);
    assert.match(problems.join('\n'), /AUDIT_SIGNING_KEY is not set/);
    assert.match(problems.join('\n'), /DATA_KEY is the demo default.*set DATA_KEY/);
    assert.match(problems.join('\n'), /SESSION_SECRET is the demo default/);
    assert.match(productionProblems(loadConfig({ ...base, DATA_KEY: 'short-but-16-chars', SESSION_SECRET: 'x'.repeat(40) })).join(), /DATA_KEY is 18 characters/);
    assert.deepEqual(productionProblems(loadConfig({ ...base, DATA_KEY: 'k'.repeat(40), SESSION_SECRET: 's'.repeat(40), AUDIT_SIGNING_KEY: '/etc/xingfeng/audit-key.pem' })), []);
    assert.deepEqual(productionProblems(loadConfig({})), [], 'development keeps the demo defaults');
  });
});

describe('finding 9: NUL characters, /metrics, caching, strict query numbers', () => {
  let t: TestApp;
  const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
  before(async () => {
    t = await createTestApp({ config: { METRICS_TOKEN } });
  });
  after(() => t.close());

  test('a NUL character in the query, path or body is a 400, not a 500', async () => {
    const admin = await t.as({ roles: ['admin'] });
    assert.equal((await admin.get('/api/admin/audit?entityType=a%00b')).status, 400);
    assert.equal((await t.anonymous().get('/api/public/documents/abcdefgh%00ij')).status, 400);
    assert.equal((await t.anonymous().post('/api/auth/login', { username: 'a\u0000b', password: 'x' })).status, 400);
    const nested = await admin.post('/api/admin/calendar/years', { year: 2030, source: 'test\u0000', days: [] });
    assert.equal(nested.status, 400);
    assert.equal(nested.body.error.code, 'BAD_REQUEST');
  });

  test('/metrics needs its token', async () => {
    assert.equal((await t.http!.inject({ method: 'GET', url: '/metrics' })).statusCode, 401);
    assert.equal((await t.http!.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong-token-0123456789abcde' } })).statusCode, 401);
    const ok = await t.http!.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /xf_http_request_duration_seconds/);
  });

  test('API responses carry Cache-Control: no-store, errors included', async () => {
    assert.equal((await t.anonymous().get('/api/auth/me')).headers['cache-control'], 'no-store');
    const admin = await t.as({ roles: ['admin'] });
    assert.equal((await admin.get('/api/admin/accounts')).headers['cache-control'], 'no-store');
  });

  test('query numbers are read strictly: limit=0x10 is refused', async () => {
    const admin = await t.as({ roles: ['admin'] });
    for (const bad of ['0x10', '1e1', '16.0', '+16', '%2016', '0b10']) {
      const res = await admin.get(`/api/admin/audit?limit=${bad}`);
      assert.equal(res.status, 400, bad);
      assert.equal(res.body.error.code, 'VALIDATION_FAILED');
    }
    assert.equal((await admin.get('/api/admin/audit?limit=16')).status, 200);
    assert.equal((await admin.get('/api/admin/audit')).status, 200);
  });
});

describe('finding 4: full views of personal data are audited reads', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('a complaint detail read by staff leaves an audit entry naming the reader', async () => {
    const filed = await t.anonymous().post('/api/public/complaints', {
      kind: 'complaint',
      complainantName: '张伟',
      complainantPhone: '13912345678',
      complainantAddress: '浙江省杭州市上城区清波街道1号',
      respondentName: '杭州湖滨美食餐饮有限公司',
      respondentAddress: '浙江省杭州市上城区延安路88号',
      request: '退还餐费',
      facts: '就餐后发现菜品变质，商家拒绝退款。',
      category: 'food',
      amountFen: 100,
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const analyst = await t.as({ roles: ['analyst'], username: 'reader.one' });
    const list = await analyst.get('/api/complaints?limit=200');
    const item = list.body.items.find((i: { trackingNo: string }) => i.trackingNo === filed.body.trackingNo);
    assert.ok(item, 'the analyst sees the complaint');
    for (let i = 0; i < 3; i++) assert.equal((await analyst.get(`/api/complaints/${item.id}`)).status, 200);
    const reads = (await t.platform.audit.list({ limit: 50, entityType: 'complaint', entityId: item.id })).filter((e) => e.action === 'complaint.view');
    assert.equal(reads.length, 3);
    assert.equal(reads[0].actorName, 'reader.one');
  });
});

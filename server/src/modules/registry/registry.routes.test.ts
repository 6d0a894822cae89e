import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type Client } from '../../../test/harness.js';
import { makeCreditCode } from './domain/credit-code.js';
import { computeIdNumberCheck } from './domain/id-number.js';

const SC = '330102';
const GS = '330105';

function enterprise(region: string, seq: number, extra: Record<string, unknown> = {}) {
  const body = `T${String(seq).padStart(7, '0')}`;
  const id17 = `${region}19800101${String(seq % 999 + 1).padStart(3, '0')}`;
  return {
    creditCode: makeCreditCode('9', '1', region, body),
    name: `杭州测试${seq}贸易有限公司`,
    type: 'limited_company',
    legalRepName: '张三',
    legalRepIdNumber: id17 + computeIdNumberCheck(id17),
    registeredCapitalFen: 100_000_000,
    address: '浙江省杭州市上城区延安路1号',
    regionCode: region,
    industryCode: '5179',
    businessScope: '贸易',
    establishedOn: '2020-01-02',
    ...extra,
  };
}

describe('registry routes', () => {
  let t: TestApp;
  let cityRegistrar: Client;
  let scRegistrar: Client;
  let gsRegistrar: Client;
  const sc1 = enterprise(SC, 1);
  const gs1 = enterprise(GS, 2, { name: '杭州臺灣銀行服務有限公司' });

  before(async () => {
    t = await createTestApp();
    cityRegistrar = await t.as({ roles: ['registrar'], jurisdiction: '3301' });
    scRegistrar = await t.as({ roles: ['registrar'], jurisdiction: SC });
    gsRegistrar = await t.as({ roles: ['registrar'], jurisdiction: GS });
    assert.equal((await cityRegistrar.post('/api/enterprises', sc1)).status, 201);
    assert.equal((await cityRegistrar.post('/api/enterprises', gs1)).status, 201);
  });
  after(() => t.close());

  test('a created enterprise is read back with the ID number masked', async () => {
    const res = await cityRegistrar.get(`/api/enterprises/${sc1.creditCode}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.name, sc1.name);
    assert.match(res.body.legalRepIdMasked, /^330102\*{8}\w{4}$/);
    assert.equal(JSON.stringify(res.body).includes(sc1.legalRepIdNumber), false);
  });

  test('bad codes are refused with field errors in the chosen language', async () => {
    const bad = enterprise(SC, 3, { creditCode: '91350203M0001QAY9B', legalRepIdNumber: '340524198001010013' });
    const zh = await cityRegistrar.post('/api/enterprises', bad);
    assert.equal(zh.status, 400);
    assert.equal(zh.body.error.code, 'VALIDATION_FAILED');
    const paths = zh.body.error.fields.map((f: { path: string }) => f.path).sort();
    assert.deepEqual(paths, ['creditCode', 'legalRepIdNumber']);
    assert.match(zh.body.error.fields[0].message, /[\u4e00-\u9fff]/);
    const en = await cityRegistrar.post('/api/enterprises', bad, { 'accept-language': 'en' });
    assert.match(en.body.error.fields.find((f: { path: string }) => f.path === 'creditCode').message, /check/i);
    const tw = await cityRegistrar.post('/api/enterprises', bad, { 'accept-language': 'zh-TW' });
    assert.notEqual(tw.body.error.fields[0].message, zh.body.error.fields[0].message);
  });

  test('a district officer gets 404 for another district\'s enterprise', async () => {
    assert.equal((await scRegistrar.get(`/api/enterprises/${sc1.creditCode}`)).status, 200);
    const other = await scRegistrar.get(`/api/enterprises/${gs1.creditCode}`);
    assert.equal(other.status, 404);
    assert.equal(other.body.error.code, 'NOT_FOUND');
    assert.equal((await gsRegistrar.get(`/api/enterprises/${sc1.creditCode}`)).status, 404);
    const list = await scRegistrar.get('/api/enterprises?limit=50');
    assert.deepEqual(list.body.items.map((e: { creditCode: string }) => e.creditCode), [sc1.creditCode]);
  });

  test('every reading role is limited to its district', async () => {
    for (const role of ['mediator', 'enforcement_officer', 'inspector', 'credit_officer', 'analyst'] as const) {
      const c = await t.as({ roles: [role], jurisdiction: GS });
      assert.equal((await c.get(`/api/enterprises/${sc1.creditCode}`)).status, 404, role);
      assert.equal((await c.get(`/api/enterprises/${gs1.creditCode}`)).status, 200, role);
    }
  });

  test('a business account sees only the enterprises it is bound to', async () => {
    const biz = await t.as({ kind: 'business', enterprises: [sc1.creditCode] });
    assert.equal((await biz.get(`/api/enterprises/${sc1.creditCode}`)).status, 200);
    assert.equal((await biz.get(`/api/enterprises/${gs1.creditCode}`)).status, 404);
    const list = await biz.get('/api/enterprises');
    assert.deepEqual(list.body.items.map((e: { creditCode: string }) => e.creditCode), [sc1.creditCode]);
    assert.equal((await biz.post('/api/enterprises', enterprise(SC, 9))).status, 403);
  });

  test('anonymous callers are refused and roles without the rule are forbidden', async () => {
    assert.equal((await t.anonymous().get('/api/enterprises')).status, 401);
    const citizen = await t.as({ kind: 'citizen' });
    assert.equal((await citizen.get('/api/enterprises')).status, 403);
    const inspector = await t.as({ roles: ['inspector'], jurisdiction: SC });
    assert.equal((await inspector.post('/api/enterprises', enterprise(SC, 10))).status, 403);
  });

  test('search matches Traditional and Simplified names and code prefixes', async () => {
    const simplified = await cityRegistrar.get(`/api/enterprises?q=${encodeURIComponent('台湾银行')}`);
    assert.deepEqual(simplified.body.items.map((e: { creditCode: string }) => e.creditCode), [gs1.creditCode]);
    const byCode = await cityRegistrar.get(`/api/enterprises?q=${sc1.creditCode.slice(0, 10)}`);
    assert.deepEqual(byCode.body.items.map((e: { creditCode: string }) => e.creditCode), [sc1.creditCode]);
    const pub = await t.anonymous().get(`/api/public/enterprises?q=${encodeURIComponent('臺灣')}`);
    assert.equal(pub.status, 200);
    assert.equal(pub.body.items[0].creditCode, gs1.creditCode);
    assert.equal('legalRepIdMasked' in pub.body.items[0], false);
  });

  test('updates need the current version; a stale one is a conflict', async () => {
    const cur = await cityRegistrar.get(`/api/enterprises/${sc1.creditCode}`);
    const ok = await cityRegistrar.patch(`/api/enterprises/${sc1.creditCode}`, { version: cur.body.version, address: '浙江省杭州市上城区解放路9号' });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.version, cur.body.version + 1);
    const stale = await cityRegistrar.patch(`/api/enterprises/${sc1.creditCode}`, { version: cur.body.version, address: '别处' });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
  });

  test('revealing the full ID number is for registrars and is audited', async () => {
    const analyst = await t.as({ roles: ['analyst'], jurisdiction: '3301' });
    assert.equal((await analyst.post(`/api/enterprises/${sc1.creditCode}/legal-rep-id`)).status, 403);
    const res = await cityRegistrar.post(`/api/enterprises/${sc1.creditCode}/legal-rep-id`);
    assert.equal(res.status, 200);
    assert.equal(res.body.idNumber, sc1.legalRepIdNumber);
    const audit = await t.platform.audit.list({ limit: 5, entityType: 'enterprise', entityId: sc1.creditCode });
    assert.ok(audit.some((e) => e.action === 'enterprise.view-personal-data' && e.actorId === cityRegistrar.accountId));
  });

  test('a cookie session without the CSRF header cannot write', async () => {
    const res = await cityRegistrar.request('POST', '/api/enterprises', enterprise(SC, 11), { 'x-csrf-token': 'wrong' });
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'CSRF_FAILED');
  });

  test('a duplicate credit code is refused', async () => {
    const res = await cityRegistrar.post('/api/enterprises', sc1);
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'DUPLICATE');
  });

  test('unknown fields and malformed bodies are 400, never 500', async () => {
    assert.equal((await cityRegistrar.post('/api/enterprises', { ...enterprise(SC, 12), extra: 1 })).status, 400);
    assert.equal((await cityRegistrar.post('/api/enterprises', 'not json', { 'content-type': 'application/json' })).status, 400);
    assert.equal((await cityRegistrar.get('/api/enterprises?limit=abc')).status, 400);
    assert.equal((await cityRegistrar.get('/api/enterprises?cursor=%%%')).status, 400);
    assert.equal((await cityRegistrar.get('/api/enterprises/imports/not-a-uuid')).status, 400);
  });

  test('paging walks the whole list with cursors', async () => {
    for (let i = 20; i < 25; i++) assert.equal((await cityRegistrar.post('/api/enterprises', enterprise(SC, i))).status, 201);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { creditCode: string }[]; nextCursor: string | null } } = await cityRegistrar.get(`/api/enterprises?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.items.map((e) => e.creditCode));
      cursor = res.body.nextCursor;
    } while (cursor);
    assert.equal(seen.length, 7);
    assert.deepEqual([...seen].sort(), seen);
  });
});

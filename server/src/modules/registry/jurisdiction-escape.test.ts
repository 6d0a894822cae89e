import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp, type Client } from '../../../test/harness.js';
import { makeCreditCode } from './domain/credit-code.js';

/** Issue 9, finding 7: no one moves a record out of their own reach or hands it to someone who cannot see it. */
const SC = '330102';
const GS = '330105';

function enterprise(region: string, seq: number) {
  return {
    creditCode: makeCreditCode('9', '1', region, `J${String(seq).padStart(7, '0')}`),
    name: `杭州辖区${seq}贸易有限公司`,
    type: 'limited_company',
    legalRepName: '张三',
    registeredCapitalFen: 100_000_000,
    address: '浙江省杭州市上城区延安路1号',
    regionCode: region,
    industryCode: '5179',
    businessScope: '贸易',
    establishedOn: '2020-01-02',
  };
}

async function upload(c: Client, csv: string) {
  const boundary = '----xf' + randomUUID();
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="list.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
  return c.request('POST', '/api/enterprises/imports', Buffer.from(body), { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

describe('jurisdiction escape', () => {
  let t: TestApp;
  let city: Client;
  let sc: Client;
  let gs: Client;
  const e1 = enterprise(SC, 1);
  const e2 = enterprise(SC, 2);
  const e3 = enterprise(SC, 3);

  before(async () => {
    t = await createTestApp();
    city = await t.as({ roles: ['registrar'], jurisdiction: '3301' });
    sc = await t.as({ roles: ['registrar'], jurisdiction: SC });
    gs = await t.as({ roles: ['registrar'], jurisdiction: GS });
    for (const e of [e1, e2, e3]) assert.equal((await city.post('/api/enterprises', e)).status, 201);
  });
  after(() => t.close());

  test('PATCH regionCode: a district registrar cannot move an enterprise out of the district; a city registrar can', async () => {
    const before = await sc.get(`/api/enterprises/${e1.creditCode}`);
    const moved = await sc.patch(`/api/enterprises/${e1.creditCode}`, { version: before.body.version, regionCode: GS });
    assert.equal(moved.status, 403, JSON.stringify(moved.body));
    assert.equal(moved.body.error.code, 'FORBIDDEN');
    assert.match(moved.body.error.message, /行政区划/);
    assert.equal((await sc.get(`/api/enterprises/${e1.creditCode}`)).body.regionCode, SC);
    // other edits by the same registrar still work
    const renamed = await sc.patch(`/api/enterprises/${e1.creditCode}`, { version: before.body.version, address: '浙江省杭州市上城区延安路2号' });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    const byCity = await city.patch(`/api/enterprises/${e1.creditCode}`, { version: renamed.body.version, regionCode: GS });
    assert.equal(byCity.status, 200, JSON.stringify(byCity.body));
    assert.equal(byCity.body.regionCode, GS);
    // now it belongs to the other district, and moving it back is refused to that district too
    const back = await gs.patch(`/api/enterprises/${e1.creditCode}`, { version: byCity.body.version, regionCode: SC });
    assert.equal(back.status, 403);
    // a city registrar cannot move it into another city
    const far = await city.patch(`/api/enterprises/${e1.creditCode}`, { version: byCity.body.version, regionCode: '330203' });
    assert.equal(far.status, 403);
  });

  test('approving a registration change that moves the enterprise: a district registrar is refused, a city registrar approves', async () => {
    const business = await t.as({ kind: 'business', enterprises: [e2.creditCode] });
    const filed = await business.post('/api/exchange/changes', { creditCode: e2.creditCode, items: { regionCode: GS, address: '浙江省杭州市拱墅区湖墅南路1号' }, idempotencyKey: randomUUID() });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.equal(filed.body.status, 'pending');
    const refused = await sc.post(`/api/exchange/changes/${filed.body.id}/approve`, {});
    assert.equal(refused.status, 403, JSON.stringify(refused.body));
    assert.equal((await city.get(`/api/enterprises/${e2.creditCode}`)).body.regionCode, SC);
    const ok = await city.post(`/api/exchange/changes/${filed.body.id}/approve`, {});
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal((await city.get(`/api/enterprises/${e2.creditCode}`)).body.regionCode, GS);
  });

  test('a region change is never approved automatically, even when listed as low risk', async () => {
    const admin = await t.as({ roles: ['admin'] });
    assert.equal((await admin.request('PUT', '/api/exchange/settings', { lowRiskKinds: ['regionCode', 'address'], notifyDeadlineMinutes: 60 })).status, 200);
    const business = await t.as({ kind: 'business', enterprises: [e3.creditCode] });
    const filed = await business.post('/api/exchange/changes', { creditCode: e3.creditCode, items: { regionCode: GS }, idempotencyKey: randomUUID() });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.equal(filed.body.status, 'pending');
    assert.equal((await city.get(`/api/enterprises/${e3.creditCode}`)).body.regionCode, SC);
  });

  test('import jobs are scoped like the enterprises they carry', async () => {
    const header = 'credit_code,name,type,legal_rep_name,registered_capital,address,region_code,industry_code,business_scope,established_on';
    const row = `${makeCreditCode('9', '1', SC, 'JMP00001')},杭州导入辖区科技有限公司,limited_company,李四,100,浙江省杭州市上城区1号,${SC},6513,软件开发,2019-05-06`;
    const job = await upload(sc, [header, row].join('\n'));
    assert.equal(job.status, 202, JSON.stringify(job.body));
    assert.equal((await sc.get(`/api/enterprises/imports/${job.body.id}`)).status, 200);
    assert.equal((await city.get(`/api/enterprises/imports/${job.body.id}`)).status, 200);
    const other = await gs.get(`/api/enterprises/imports/${job.body.id}`);
    assert.equal(other.status, 404);
    assert.equal(other.body.error.code, 'NOT_FOUND');
    // a city-wide job is not readable by a district
    const cityJob = await upload(city, [header].join('\n'));
    assert.equal((await sc.get(`/api/enterprises/imports/${cityJob.body.id}`)).status, 404);
    assert.equal((await city.get(`/api/enterprises/imports/${cityJob.body.id}`)).status, 200);
  });

  test('a complaint is assigned only to a mediator whose jurisdiction covers it', async () => {
    const manager = await t.as({ roles: ['bureau_leader'], jurisdiction: '3301' });
    const scMediator = await t.as({ roles: ['mediator'], jurisdiction: SC });
    const gsMediator = await t.as({ roles: ['mediator'], jurisdiction: GS });
    const cityMediator = await t.as({ roles: ['mediator'], jurisdiction: '3301' });
    const filed = await manager.post('/api/complaints', {
      kind: 'complaint', complainantName: '王芳', complainantPhone: '13911112222', complainantAddress: '杭州市上城区1号',
      respondentName: '某小店', respondentAddress: '杭州市上城区2号', request: '退款', facts: '商品质量问题。', regionCode: SC,
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const accepted = await manager.post(`/api/complaints/${filed.body.id}/accept`, { version: 1 });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    const wrong = await manager.post(`/api/complaints/${filed.body.id}/assign`, { version: accepted.body.version, mediatorId: gsMediator.accountId, mode: 'on_site' });
    assert.equal(wrong.status, 400, JSON.stringify(wrong.body));
    assert.equal(wrong.body.error.fields[0].path, 'mediatorId');
    assert.equal(wrong.body.error.fields[0].code, 'OUTSIDE_JURISDICTION');
    const en = await manager.post(`/api/complaints/${filed.body.id}/assign`, { version: accepted.body.version, mediatorId: gsMediator.accountId, mode: 'on_site' }, { 'accept-language': 'en' });
    assert.match(en.body.error.fields[0].message, /jurisdiction/);
    for (const m of [scMediator, cityMediator]) {
      const cur = await manager.get(`/api/complaints/${filed.body.id}`);
      const ok = await manager.post(`/api/complaints/${filed.body.id}/assign`, { version: cur.body.version, mediatorId: m.accountId, mode: 'on_site' });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal((await m.get(`/api/complaints/${filed.body.id}`)).status, 200);
    }
  });
});

// Issue 11, practice 2: no complaint unrouted (station, register, district, address, city queue),
// the routing table and re-routing, the mediator picker, nearest stations from a typed address.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type Client } from '../../../test/harness.js';
import { makeCreditCode } from '../registry/domain/credit-code.js';

const SC = '330102';
const GS = '330105';
const XH = '330106';
let seq = 0;
const phone = () => `137${String(++seq * 7919 + 10_000_000).slice(-8)}`;

function intake(extra: Record<string, unknown> = {}) {
  return {
    kind: 'complaint',
    complainantName: '王芳',
    complainantPhone: phone(),
    complainantAddress: '杭州',
    respondentName: `某网店${seq}`,
    respondentAddress: '网上',
    request: '退款',
    facts: '收到的商品与描述不符，商家拒绝退款。',
    category: 'shopping',
    amountFen: 12_000,
    ...extra,
  };
}

describe('complaints routing', () => {
  let t: TestApp;
  let director: Client;
  let scMediator: Client;
  let scMediator2: Client;
  let gsMediator: Client;
  let xhMediator: Client;
  let analyst: Client;
  let anon: Client;
  const creditCode = makeCreditCode('9', '1', XH, 'R0000011');

  async function file(extra: Record<string, unknown> = {}) {
    const res = await anon.post('/api/public/complaints', intake(extra));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const list = await director.get('/api/complaints?limit=200');
    return list.body.items.find((i: { trackingNo: string }) => i.trackingNo === res.body.trackingNo) as { id: string; regionCode: string; routedBy: string; trackingNo: string };
  }
  const sees = async (c: Client, id: string) => (await c.get('/api/complaints?limit=200')).body.items.some((i: { id: string }) => i.id === id);

  before(async () => {
    t = await createTestApp({ clock: '2025-09-26T02:00:00Z', config: { SESSION_HOURS: 24 * 365 } });
    director = await t.as({ roles: ['director'], jurisdiction: '3301' });
    scMediator = await t.as({ roles: ['mediator'], jurisdiction: SC });
    scMediator2 = await t.as({ roles: ['mediator'], jurisdiction: SC });
    gsMediator = await t.as({ roles: ['mediator'], jurisdiction: GS });
    xhMediator = await t.as({ roles: ['mediator'], jurisdiction: XH });
    analyst = await t.as({ roles: ['analyst'], jurisdiction: '3301' });
    anon = t.anonymous();
    const registrar = await t.as({ roles: ['registrar'], jurisdiction: '3301' });
    const e = await registrar.post('/api/enterprises', {
      creditCode, name: '杭州西溪家电销售有限公司', type: 'limited_company', legalRepName: '赵六', registeredCapitalFen: 50_000_000,
      address: '浙江省杭州市西湖区文三路1号', regionCode: XH, industryCode: '5271', establishedOn: '2020-01-02',
    });
    assert.equal(e.status, 201, JSON.stringify(e.body));
  });
  after(() => t.close());

  test('without a district: the district named in the address routes it to that district', async () => {
    const c = await file({ respondentAddress: '杭州市拱墅区湖墅南路 8 号' });
    assert.equal(c.regionCode, GS);
    assert.equal(c.routedBy, 'address');
    assert.equal(await sees(gsMediator, c.id), true);
    assert.equal(await sees(scMediator, c.id), false);
    const detail = await gsMediator.get(`/api/complaints/${c.id}`);
    assert.ok(detail.body.timeline.some((e: { kind: string }) => e.kind === 'routed'));
  });

  test("the respondent's registered region wins over the address; a station wins over both", async () => {
    const byRegister = await file({ respondentName: '杭州西溪家电销售有限公司', respondentAddress: '上城区某路' });
    assert.deepEqual([byRegister.regionCode, byRegister.routedBy], [XH, 'respondent']);
    assert.equal(await sees(xhMediator, byRegister.id), true);
    const st = await director.post('/api/complaints/stations', { name: '上城区清波暖心站', type: 'warm_heart', address: '上城区清波街1号', regionCode: SC, lat: 30.245, lng: 120.17 });
    assert.equal(st.status, 201, JSON.stringify(st.body));
    const byStation = await file({ respondentName: '杭州西溪家电销售有限公司', stationId: st.body.id });
    assert.deepEqual([byStation.regionCode, byStation.routedBy], [SC, 'station']);
  });

  test('nothing to place it: the city intake queue, seen by the director, tracked and alerted', async () => {
    const c = await file();
    assert.deepEqual([c.regionCode, c.routedBy], ['330100', 'city_queue']);
    assert.equal(await sees(director, c.id), true);
    assert.equal(await sees(scMediator, c.id), false);
    const office = await director.get('/api/obligations?scope=office');
    assert.equal(office.status, 200);
    assert.ok(office.body.items.some((o: { kind: string; title: string }) => o.kind === 'complaints.city-intake' && o.title.includes(c.trackingNo)));
    const notes = await t.platform.db.selectFrom('platform.notification').select(['title']).where('account_id', '=', director.accountId).execute();
    assert.ok(notes.some((n) => n.title.includes(c.trackingNo)));
  });

  test('the director re-routes with a reason (audited, on the timeline); others may not', async () => {
    const c = await file();
    const body = { version: 1, regionCode: SC, reason: '消费者电话补充：商家实际经营地在上城区' };
    assert.equal((await anon.post(`/api/complaints/${c.id}/reroute`, body)).status, 401);
    assert.equal((await scMediator.post(`/api/complaints/${c.id}/reroute`, body)).status, 403);
    assert.equal((await director.post(`/api/complaints/${c.id}/reroute`, { ...body, regionCode: '999999' })).status, 400);
    assert.equal((await director.post(`/api/complaints/${c.id}/reroute`, { version: 1, reason: '' })).status, 400);
    assert.equal((await director.post(`/api/complaints/${c.id}/reroute`, { ...body, version: 7 })).status, 409);
    const res = await director.post(`/api/complaints/${c.id}/reroute`, body);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.regionCode, SC);
    assert.equal(res.body.routedBy, 'manual');
    assert.ok(res.body.timeline.some((e: { kind: string; note: string }) => e.kind === 'rerouted' && e.note === body.reason));
    assert.equal(await sees(scMediator, c.id), true);
    const same = await director.post(`/api/complaints/${c.id}/reroute`, { ...body, version: res.body.version });
    assert.equal(same.status, 422);
    const audit = await t.platform.db.selectFrom('platform.audit_entry').select(['action']).where('entity_id', '=', c.id).execute();
    assert.ok(audit.some((a) => a.action === 'complaint.reroute'));
    const office = await director.get('/api/obligations?scope=office&status=fulfilled');
    assert.ok(office.body.items.some((o: { kind: string; title: string }) => o.kind === 'complaints.city-intake' && o.title.includes(c.trackingNo)));
  });

  test('routing table: the director edits it, staff read it, a filed complaint gets its unit', async () => {
    const unit = { name: '杭州市家用电器行业消费纠纷调解委员会', kind: 'industry_committee', regionCode: '330100' };
    assert.equal((await anon.post('/api/complaints/routing/units', unit)).status, 401);
    assert.equal((await scMediator.post('/api/complaints/routing/units', unit)).status, 403);
    assert.equal((await director.post('/api/complaints/routing/units', { ...unit, regionCode: '999999' })).status, 400);
    const u = await director.post('/api/complaints/routing/units', unit);
    assert.equal(u.status, 201, JSON.stringify(u.body));
    const fallback = await director.post('/api/complaints/routing/units', { name: '杭州市市场监管局消费者权益保护处', kind: 'department', regionCode: '330100' });
    assert.equal((await director.post('/api/complaints/routing/rules', { unitId: fallback.body.id, note: '兜底' })).status, 201);
    const rule = { category: 'shopping', industryPrefix: '527', unitId: u.body.id, priority: 10 };
    assert.equal((await scMediator.post('/api/complaints/routing/rules', rule)).status, 403);
    assert.equal((await director.post('/api/complaints/routing/rules', { ...rule, industryPrefix: '5x' })).status, 400);
    assert.equal((await director.post('/api/complaints/routing/rules', { ...rule, unitId: '00000000-0000-4000-8000-000000000000' })).status, 400);
    const r = await director.post('/api/complaints/routing/rules', rule);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.unitName, unit.name);
    const table = await analyst.get('/api/complaints/routing');
    assert.equal(table.status, 200);
    assert.equal(table.body.rules.length, 2);
    assert.equal((await anon.get('/api/complaints/routing')).status, 401);

    const appliance = await file({ respondentName: '杭州西溪家电销售有限公司' });
    const d = await director.get(`/api/complaints/${appliance.id}`);
    assert.equal(d.body.handlingUnit.name, unit.name);
    const food = await file({ category: 'food' });
    assert.equal((await director.get(`/api/complaints/${food.id}`)).body.handlingUnit.name, '杭州市市场监管局消费者权益保护处');

    const off = await director.patch(`/api/complaints/routing/rules/${r.body.id}`, { version: 1, active: false });
    assert.equal(off.status, 200);
    assert.equal((await director.patch(`/api/complaints/routing/rules/${r.body.id}`, { version: 1, active: true })).status, 409);
    assert.equal((await scMediator.patch(`/api/complaints/routing/rules/${r.body.id}`, { version: 2, active: true })).status, 403);
    // the director moves a complaint to another unit
    const moved = await director.post(`/api/complaints/${food.id}/reroute`, { version: d.body.version === 1 ? 1 : (await director.get(`/api/complaints/${food.id}`)).body.version, unitId: u.body.id, reason: '涉及家电维修' });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.handlingUnit.id, u.body.id);
  });

  test('mediator picker: jurisdiction covers the case, recused excluded, least loaded first', async () => {
    const c = await file({ respondentAddress: '上城区延安路1号' });
    const acc = await director.post(`/api/complaints/${c.id}/accept`, { version: 1 });
    assert.equal(acc.status, 200);
    assert.equal((await anon.get(`/api/complaints/${c.id}/mediators`)).status, 401);
    assert.equal((await analyst.get(`/api/complaints/${c.id}/mediators`)).status, 403);
    assert.equal((await gsMediator.get(`/api/complaints/${c.id}/mediators`)).status, 404);
    const list = await director.get(`/api/complaints/${c.id}/mediators`);
    assert.equal(list.status, 200);
    const ids = list.body.items.map((m: { id: string }) => m.id);
    assert.ok(ids.includes(scMediator.accountId) && ids.includes(scMediator2.accountId));
    assert.ok(!ids.includes(gsMediator.accountId) && !ids.includes(xhMediator.accountId));
    // scMediator takes it, then recuses: the picker leaves them out
    const a = await director.post(`/api/complaints/${c.id}/assign`, { version: acc.body.version, mediatorId: scMediator.accountId });
    assert.equal(a.status, 200);
    const load = (await director.get(`/api/complaints/${c.id}/mediators`)).body.items.find((m: { id: string }) => m.id === scMediator.accountId);
    assert.equal(load.openCases, 1);
    const rec = await scMediator.post(`/api/complaints/${c.id}/recuse`, { version: a.body.version, reason: '与被投诉人有亲属关系' });
    assert.equal(rec.status, 200, JSON.stringify(rec.body));
    const after = await director.get(`/api/complaints/${c.id}/mediators`);
    assert.ok(!after.body.items.some((m: { id: string }) => m.id === scMediator.accountId));
    assert.ok(after.body.items.some((m: { id: string }) => m.id === scMediator2.accountId));
  });

  test('nearest stations from a typed address: the district centre, approximate', async () => {
    const res = await anon.get(`/api/public/stations/nearest-by-address?address=${encodeURIComponent('杭州市上城区清波街道')}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.regionCode, SC);
    assert.equal(res.body.approximate, true);
    assert.ok(res.body.items.length >= 1);
    assert.ok(res.body.items[0].walkingMinutes >= 0);
    const none = await anon.get(`/api/public/stations/nearest-by-address?address=${encodeURIComponent('北京市朝阳区')}`);
    assert.equal(none.status, 200);
    assert.equal(none.body.regionCode, null);
    assert.deepEqual(none.body.items, []);
    assert.equal((await anon.get('/api/public/stations/nearest-by-address?address=a')).status, 400);
  });
});

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type Client } from './harness.js';
import { makeCreditCode } from '../src/modules/registry/domain/credit-code.js';
import { REASONING } from './fixtures/enforcement-routes.js';
import { obligationState } from '../src/platform/obligations/domain/obligation-state.js';
import { createWorkCalendar } from '../src/platform/calendar/index.js';

const SC = '330102';

test('obligation state: open, due soon within 2 working days, overdue after the due date', () => {
  const cal = createWorkCalendar();
  assert.equal(obligationState({ status: 'open', due_on: '2026-03-10' }, cal, '2026-03-02'), 'open');
  assert.equal(obligationState({ status: 'open', due_on: '2026-03-04' }, cal, '2026-03-02'), 'due-soon');
  assert.equal(obligationState({ status: 'open', due_on: '2026-03-02' }, cal, '2026-03-02'), 'due-soon');
  assert.equal(obligationState({ status: 'open', due_on: '2026-03-01' }, cal, '2026-03-02'), 'overdue');
  assert.equal(obligationState({ status: 'fulfilled', due_on: '2026-03-01' }, cal, '2026-03-02'), 'fulfilled');
});

describe('tracked obligations', () => {
  let t: TestApp;
  let o1: Client;
  let o2: Client;
  let mediator: Client;
  let manager: Client;
  let leader: Client;
  let analyst: Client;
  const creditCode = makeCreditCode('9', '1', SC, 'B0000001');

  before(async () => {
    t = await createTestApp({ clock: '2026-03-02T02:00:00Z', config: { SESSION_HOURS: 24 * 365 } });
    const registrar = await t.as({ roles: ['registrar'], jurisdiction: '3301' });
    o1 = await t.as({ roles: ['enforcement_officer'], jurisdiction: SC });
    o2 = await t.as({ roles: ['enforcement_officer'], jurisdiction: SC });
    mediator = await t.as({ roles: ['mediator'], jurisdiction: SC });
    manager = await t.as({ roles: ['bureau_leader', 'mediator'], jurisdiction: '3301' });
    leader = await t.as({ roles: ['bureau_leader'], jurisdiction: SC });
    analyst = await t.as({ roles: ['analyst'], jurisdiction: '3301' });
    const e = { creditCode, name: '杭州回访测试餐饮有限公司', type: 'limited_company', legalRepName: '李四', registeredCapitalFen: 10_000_000, address: '浙江省杭州市上城区解放路100号', regionCode: SC, industryCode: '5179', businessScope: '餐饮', establishedOn: '2020-01-02' };
    assert.equal((await registrar.post('/api/enterprises', e)).status, 201);
  });
  after(() => t.close());

  test('a 回访函 visit and a mediation follow-up are listed as due, alerted, escalated when overdue, and closed', async () => {
    // Enforcement: a no-penalty decision issues a 回访函 promising a visit within 90 days.
    const lead = await o1.post('/api/enforcement/leads', { source: 'inspection', creditCode, summary: '当事人未取得食品经营许可销售散装食品。' });
    const opened = await o1.post(`/api/enforcement/cases/${lead.body.id}/open`, { version: lead.body.version, officerIds: [o1.accountId, o2.accountId] });
    assert.equal(opened.status, 200, JSON.stringify(opened.body));
    const step = async (path: string, body: Record<string, unknown> = {}) => {
      const cur = await o1.get(`/api/enforcement/cases/${opened.body.id}`);
      const res = await o1.post(`/api/enforcement/cases/${opened.body.id}/${path}`, { version: cur.body.version, ...body });
      assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
      return res.body;
    };
    await step('facts', { facts: { violationType: 'food.unlicensed-bulk', firstViolation: true, harm: 'minor', corrected: true } });
    await step('proposal', { outcome: 'no_penalty', amountFen: 0 });
    await step('reasoning', { reasoning: REASONING }); // 说理式执法: required before the decision
    const decided = await step('decision');
    assert.ok(decided.documents.some((d: { kind: string }) => d.kind === 'follow_up_letter'));

    // Complaints: a concluded mediation schedules the follow-up visit.
    const filed = await t.anonymous().post('/api/public/complaints', { kind: 'complaint', complainantName: '张伟', complainantPhone: '13912340009', complainantAddress: '浙江省杭州市上城区清波街道1号', respondentName: '杭州回访测试餐饮有限公司', respondentAddress: '浙江省杭州市上城区解放路100号', respondentPhone: '13812340009', request: '退还餐费', facts: '就餐后发现菜品变质，商家拒绝退款。', category: 'food', amountFen: 38_800 });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const item = (await manager.get('/api/complaints?limit=50')).body.items.find((i: { trackingNo: string }) => i.trackingNo === filed.body.trackingNo);
    let cur = (await manager.post(`/api/complaints/${item.id}/accept`, { version: 1 })).body;
    const assigned = await manager.post(`/api/complaints/${item.id}/assign`, { version: cur.version, mediatorId: mediator.accountId, mode: 'on_site' });
    assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
    for (const s of ['listen', 'discern', 'persuade', 'borrow', 'yield', 'reconcile']) {
      const r = await mediator.post(`/api/complaints/${item.id}/steps`, { step: s, mode: 'on_site', note: `${s} 记录`, thirdParties: s === 'borrow' ? ['行业协会'] : undefined });
      assert.ok(r.status < 300, JSON.stringify(r.body));
    }
    cur = (await mediator.get(`/api/complaints/${item.id}`)).body;
    const done = await mediator.post(`/api/complaints/${item.id}/conclude`, { version: cur.version, outcome: 'agreement', note: '达成一致', agreementTerms: '商家退还餐费 388 元' });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    await t.worker.drain(); // the respondent is told the outcome by SMS, which fulfils that obligation

    // The work lists: each owner's own, and the office's.
    const mine = (await o1.get('/api/obligations')).body.items;
    assert.equal(mine.length, 1);
    assert.equal(mine[0].kind, 'enforcement.follow-up-visit');
    assert.equal(mine[0].dueOn, '2026-05-31');
    assert.equal(mine[0].state, 'open');
    const medList = (await mediator.get('/api/obligations')).body.items;
    assert.equal(medList.length, 1);
    assert.equal(medList[0].kind, 'complaints.mediation-follow-up');
    assert.equal(medList[0].dueOn, '2026-03-16'); // 10 working days after Mon 2 Mar
    const office = (await leader.get('/api/obligations?scope=office')).body.items;
    assert.deepEqual(office.map((o: { kind: string }) => o.kind).sort(), ['complaints.mediation-follow-up', 'enforcement.follow-up-visit']);
    assert.equal((await analyst.get('/api/obligations')).status, 403);
    assert.equal((await t.anonymous().get('/api/obligations')).status, 401);
    assert.equal((await mediator.post(`/api/obligations/${mine[0].id}/fulfil`, { note: '不是我的' })).status, 404);

    // Two working days before the follow-up is due, its owner is alerted (once).
    const alerts = () => t.platform.db.selectFrom('platform.notification').select(['account_id', 'title']).where('title', 'in', ['承诺事项即将到期', '承诺事项已到期', '承诺事项逾期']).execute();
    t.clock.set('2026-03-12T02:00:00Z');
    assert.deepEqual(await t.platform.obligations.runAlerts(), { alerted: 1, escalated: 0 });
    assert.deepEqual(await t.platform.obligations.runAlerts(), { alerted: 0, escalated: 0 });
    assert.deepEqual((await alerts()).map((a) => [a.account_id, a.title]), [[mediator.accountId, '承诺事项即将到期']]);
    assert.equal((await mediator.get('/api/obligations')).body.items[0].state, 'due-soon');
    // Closed by the follow-up visit recorded on the complaint.
    const closedC = (await mediator.get(`/api/complaints/${item.id}`)).body;
    assert.equal((await manager.post(`/api/complaints/${item.id}/follow-up`, { version: closedC.version, satisfaction: 5, note: '已退款，满意', reopen: false })).status, 200);
    assert.deepEqual((await mediator.get('/api/obligations')).body.items, []);
    const fulfilled = (await mediator.get('/api/obligations?status=fulfilled')).body.items;
    assert.equal(fulfilled.find((o: { kind: string }) => o.kind === 'complaints.mediation-follow-up').fulfilmentNote, '已退款，满意');
    assert.equal(fulfilled.find((o: { kind: string }) => o.kind === 'complaints.respondent-notice')?.fulfilmentNote, 'sms');

    // The 回访函 visit: overdue on 1 June, alerted and escalated to the office's leaders.
    t.clock.set('2026-06-01T02:00:00Z');
    assert.deepEqual(await t.platform.obligations.runAlerts(), { alerted: 1, escalated: 1 });
    const titles = (await alerts()).map((a) => `${a.account_id}:${a.title}`);
    assert.ok(titles.includes(`${o1.accountId}:承诺事项已到期`));
    assert.ok(titles.includes(`${leader.accountId}:承诺事项逾期`));
    assert.ok(titles.includes(`${manager.accountId}:承诺事项逾期`));
    assert.equal((await o1.get('/api/obligations')).body.items[0].state, 'overdue');
    const closed = await o1.post(`/api/obligations/${mine[0].id}/fulfil`, { note: '已回访，整改到位' });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal(closed.body.status, 'fulfilled');
    assert.equal(closed.body.fulfilledOn, '2026-06-01');
    assert.equal((await o1.post(`/api/obligations/${mine[0].id}/fulfil`, { note: '再次' })).status, 409);
    assert.equal((await o1.post(`/api/obligations/${mine[0].id}/fulfil`, { note: '' })).status, 400);
  });
});

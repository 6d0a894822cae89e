import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type Client } from './harness.js';
import { makeCreditCode } from '../src/modules/registry/domain/credit-code.js';
import { REASONING } from './fixtures/enforcement-routes.js';

/**
 * With the clock at 2 December 2026 and official holiday data ending with 2026, every statutory
 * limit runs into 2027: it is computed on the predicted 2027 (国务院令第795号) and marked provisional,
 * never left blank, and no legal act fails for want of the calendar.
 */
const SC = '330102';

describe('statutory clocks past the official calendar (clock at 2026-12-02)', () => {
  let t: TestApp;
  let manager: Client;
  let o1: Client;
  let o2: Client;
  const creditCode = makeCreditCode('9', '1', SC, 'P0000001');

  before(async () => {
    t = await createTestApp({ clock: '2026-12-02T02:00:00Z', config: { SESSION_HOURS: 24 * 365 } });
    manager = await t.as({ roles: ['bureau_leader', 'mediator'], jurisdiction: '3301' });
    o1 = await t.as({ roles: ['enforcement_officer'], jurisdiction: SC });
    o2 = await t.as({ roles: ['enforcement_officer'], jurisdiction: SC });
    const registrar = await t.as({ roles: ['registrar'], jurisdiction: '3301' });
    const ent = {
      creditCode,
      name: '杭州预计期限测试餐饮有限公司',
      type: 'limited_company',
      legalRepName: '李四',
      registeredCapitalFen: 10_000_000,
      address: '浙江省杭州市上城区解放路100号',
      regionCode: SC,
      industryCode: '5179',
      businessScope: '餐饮',
      establishedOn: '2020-01-02',
    };
    assert.equal((await registrar.post('/api/enterprises', ent)).status, 201);
  });
  after(() => t.close());

  test('a complaint accepted gets a provisional 45-working-day mediation due date, and the SMS says 预计', async () => {
    const filed = await t.anonymous().post('/api/public/complaints', {
      kind: 'complaint',
      complainantName: '张伟',
      complainantPhone: '13912340001',
      complainantAddress: '浙江省杭州市上城区清波街道1号',
      respondentName: '杭州预计期限测试餐饮有限公司',
      respondentAddress: '浙江省杭州市上城区延安路88号',
      request: '退还餐费',
      facts: '就餐后发现菜品变质，商家拒绝退款。',
      category: 'food',
      amountFen: 38_800,
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const list = await manager.get('/api/complaints?limit=50');
    const item = list.body.items.find((i: { trackingNo: string }) => i.trackingNo === filed.body.trackingNo);
    assert.equal(item.acceptanceDue, '2026-12-11');
    assert.equal(item.dueProvisional, false);
    const accepted = await manager.post(`/api/complaints/${item.id}/accept`, { version: 1 });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    // Dec 3–31: 21 working days; January 2027: 20 weekdays (1 Jan off) and the predicted 春节 make-up
    // Sunday 31 Jan; then 1–3 Feb.
    assert.equal(accepted.body.mediationDue, '2027-02-03');
    assert.equal(accepted.body.dueProvisional, true);
    assert.deepEqual(accepted.body.dueProvisionalYears, [2027]);
    assert.ok(accepted.body.deadlineColour, 'the queue colours it');
    const queue = await manager.get('/api/complaints?limit=50');
    const row = queue.body.items.find((i: { id: string }) => i.id === item.id);
    assert.equal(row.dueProvisional, true);
    const stored = await t.platform.db.selectFrom('complaints.complaint').select(['mediation_due']).where('id', '=', item.id).executeTakeFirstOrThrow();
    assert.equal(stored.mediation_due, '2027-02-03');
    await t.worker.drain();
    const sms = await t.platform.db.selectFrom('platform.message_log').select(['body']).where('channel', '=', 'sms').execute();
    assert.ok(sms.some((m) => String(m.body).includes('调解期限至 2027-02-03（预计）')), JSON.stringify(sms));
  });

  test('a case opened gets a provisional decision date; a fine decided on 2026-12-04 gets a provisional publicity date', async () => {
    const lead = await o1.post('/api/enforcement/leads', { source: 'inspection', creditCode, summary: '当事人未按规定明码标价。' });
    assert.equal(lead.status, 201, JSON.stringify(lead.body));
    const opened = await o1.post(`/api/enforcement/cases/${lead.body.id}/open`, { version: lead.body.version, officerIds: [o1.accountId, o2.accountId] });
    assert.equal(opened.status, 200, JSON.stringify(opened.body));
    // 90 calendar days from 2 Dec 2026: Tue 2 Mar 2027, a working day in the predicted 2027.
    assert.equal(opened.body.decisionDue, '2027-03-02');
    assert.equal(opened.body.decisionDueProvisional, true);
    assert.deepEqual(opened.body.decisionDueProvisionalYears, [2027]);
    const stored = await t.platform.db.selectFrom('enforcement.case').select(['decision_due']).where('id', '=', opened.body.id).executeTakeFirstOrThrow();
    assert.equal(stored.decision_due, '2027-03-02');
    // Supervision lists it as provisional, with its office and officers.
    const sup = await manager.get('/api/enforcement/supervision');
    assert.equal(sup.status, 200, JSON.stringify(sup.body));
    const listed = sup.body.deadlines.find((d: { id: string }) => d.id === opened.body.id);
    assert.deepEqual(listed, { id: opened.body.id, caseNo: opened.body.caseNo, regionCode: SC, officerIds: [o1.accountId, o2.accountId], due: '2027-03-02', overdue: false, dueSoon: false, provisional: true, provisionalYears: [2027] });

    t.clock.set('2026-12-04T02:00:00Z');
    const step = async (path: string, body: Record<string, unknown> = {}) => {
      const cur = await o1.get(`/api/enforcement/cases/${opened.body.id}`);
      const res = await o1.post(`/api/enforcement/cases/${opened.body.id}/${path}`, { version: cur.body.version, ...body });
      assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
      return res.body;
    };
    await step('facts', { facts: { violationType: 'price.no-tag', firstViolation: false, harm: 'significant', corrected: false } });
    await step('proposal', { outcome: 'standard', amountFen: 200_000 });
    await step('notice');
    await step('statement', { statement: '无异议', waived: true });
    await step('reasoning', { reasoning: REASONING }); // 说理式执法: required before the decision
    const decided = await step('decision');
    assert.equal(decided.status, 'decided');
    assert.equal(decided.decidedOn, '2026-12-04');
    // 20 working days: Dec 7–31 gives 19, 1 Jan 2027 is off, Mon 4 Jan is the 20th.
    assert.equal(decided.publicity.publishDue, '2027-01-04');
    assert.equal(decided.publicity.publishDueProvisional, true);
  });
});

describe('loading the official 2027 notice recomputes the open deadlines that depend on it', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ clock: '2026-11-10T02:00:00Z', config: { SESSION_HOURS: 24 * 365 } });
  });
  after(() => t.close());

  test('only the open deadlines whose date changes move; holders are told once; closed records stay', async () => {
    const registrar = await t.as({ roles: ['registrar'], jurisdiction: '3301' });
    const o1 = await t.as({ roles: ['enforcement_officer'], jurisdiction: SC });
    const o2 = await t.as({ roles: ['enforcement_officer'], jurisdiction: SC });
    const admin = await t.as({ roles: ['admin'] });
    const manager = await t.as({ roles: ['bureau_leader', 'mediator'], jurisdiction: '3301' });
    const code = makeCreditCode('9', '1', SC, 'P0000002');
    assert.equal((await registrar.post('/api/enterprises', { creditCode: code, name: '杭州重算测试有限公司', type: 'limited_company', legalRepName: '王五', registeredCapitalFen: 1_000_000, address: '浙江省杭州市上城区解放路1号', regionCode: SC, industryCode: '5179', businessScope: '零售', establishedOn: '2020-01-02' })).status, 201);
    const open = async () => {
      const lead = await o1.post('/api/enforcement/leads', { source: 'inspection', creditCode: code, summary: '当事人未按规定明码标价。' });
      const opened = await o1.post(`/api/enforcement/cases/${lead.body.id}/open`, { version: lead.body.version, officerIds: [o1.accountId, o2.accountId] });
      assert.equal(opened.status, 200, JSON.stringify(opened.body));
      return opened.body;
    };
    // Opened 10 Nov 2026: 90 days end Mon 8 Feb 2027, in the predicted 春节 break (5–12 Feb), so
    // the provisional due date is the next predicted working day, the make-up Sunday 14 Feb.
    const moving = await open();
    assert.equal(moving.decisionDue, '2027-02-14');
    assert.equal(moving.decisionDueProvisional, true);
    // Opened 2 Dec 2026: Tue 2 Mar 2027 in both the prediction and the notice below.
    t.clock.set('2026-12-02T02:00:00Z');
    const staying = await open();
    assert.equal(staying.decisionDue, '2027-03-02');
    // A complaint accepted on 2 Dec 2026: provisional mediation due 3 Feb 2027 (see above).
    const filed = await t.anonymous().post('/api/public/complaints', { kind: 'complaint', complainantName: '张伟', complainantPhone: '13912340002', complainantAddress: '浙江省杭州市上城区清波街道1号', respondentName: '杭州重算测试有限公司', respondentAddress: '浙江省杭州市上城区解放路1号', request: '退款', facts: '商品与描述不符，商家拒绝退款。', category: 'food', amountFen: 10_000 });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const item = (await manager.get('/api/complaints?limit=50')).body.items.find((i: { trackingNo: string }) => i.trackingNo === filed.body.trackingNo);
    const accepted = (await manager.post(`/api/complaints/${item.id}/accept`, { version: 1 })).body;
    assert.equal(accepted.mediationDue, '2027-02-03');
    // A closed record with a 2027 date: revoke-free path, set directly to closed with its date.
    const closed = await open();
    await t.platform.db.updateTable('enforcement.case').set({ status: 'closed', closed_on: '2026-12-02' }).where('id', '=', closed.id).execute();

    const notesBefore = await t.platform.db.selectFrom('platform.notification').select(['account_id', 'title']).where('title', '=', '办案期限已更正').execute();
    assert.equal(notesBefore.length, 0);
    // A (test) 2027 notice that differs from the prediction: 春节 on 11–17 Feb, no make-up 31 Jan or 14 Feb.
    const days = [
      { date: '2027-01-01', workday: false, name: '元旦' },
      ...['2027-02-11', '2027-02-12', '2027-02-15', '2027-02-16', '2027-02-17'].map((date) => ({ date, workday: false, name: '春节' })),
    ];
    const loaded = await admin.post('/api/admin/calendar/years', { year: 2027, source: '国务院办公厅关于2027年部分节假日安排的通知（测试）', days });
    assert.equal(loaded.status, 200, JSON.stringify(loaded.body));

    const get = async (id: string) => (await o1.get(`/api/enforcement/cases/${id}`)).body;
    const after1 = await get(moving.id);
    assert.equal(after1.decisionDue, '2027-02-08');
    assert.equal(after1.decisionDueProvisional, false);
    assert.equal((await get(staying.id)).decisionDue, '2027-03-02');
    assert.equal((await get(staying.id)).decisionDueProvisional, false);
    const closedRow = await t.platform.db.selectFrom('enforcement.case').select(['decision_due']).where('id', '=', closed.id).executeTakeFirstOrThrow();
    assert.equal(closedRow.decision_due, closed.decisionDue, 'a closed case keeps its date');
    // The complaint: no make-up Sunday 31 Jan in the notice, so the 45th working day is 4 Feb; a
    // timeline entry, and one SMS to the consumer who had been told the date.
    const c = (await manager.get(`/api/complaints/${item.id}`)).body;
    assert.equal(c.mediationDue, '2027-02-04');
    assert.equal(c.dueProvisional, false);
    assert.ok(c.timeline.some((e: { kind: string }) => e.kind === 'deadline-recomputed'));
    await t.worker.drain();
    const corrected = async () => (await t.platform.db.selectFrom('platform.message_log').select(['body']).where('channel', '=', 'sms').execute()).filter((m) => String(m.body).includes('调解期限更正为 2027-02-04'));
    assert.equal((await corrected()).length, 1);
    // Each officer of the moved case is told once; nobody is told about the others.
    const notes = await t.platform.db.selectFrom('platform.notification').select(['account_id', 'body']).where('title', '=', '办案期限已更正').execute();
    assert.deepEqual(notes.map((n) => n.account_id).sort(), [o1.accountId, o2.accountId].sort());
    assert.ok(notes.every((n) => n.body.includes(moving.caseNo) && n.body.includes('2027-02-08')));
    // One audited run records what it recomputed.
    const audit = await t.platform.db.selectFrom('platform.audit_entry').select(['after']).where('action', '=', 'calendar.load-year').execute();
    assert.equal(audit.length, 1);
    assert.deepEqual((audit[0].after as { recomputed: Record<string, unknown> }).recomputed.enforcement, { checked: 2, moved: 1 });
    // Loading the same notice again moves nothing and tells nobody again.
    assert.equal((await admin.post('/api/admin/calendar/years', { year: 2027, source: '国务院办公厅关于2027年部分节假日安排的通知（测试）', days })).status, 200);
    assert.equal((await t.platform.db.selectFrom('platform.notification').select('id').where('title', '=', '办案期限已更正').execute()).length, 2);
    await t.worker.drain();
    assert.equal((await corrected()).length, 1);
  });
});

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';

const REGION = '330100';
const CODE = '91330100MA2B3C4D5E';
const OTHER = '91330100MA2B3C4D6F';
let seq = 0;
const uniq = (s: string) => `${s}-${++seq}-${Math.floor(Math.random() * 1e6)}`;

/**
 * The 2026 schedule of rules.md §F, written out independently of the platform calendar: days off
 * (beyond weekends) and adjusted working days (调休上班).
 */
const OFF_2026 = ['01-01', '01-02', '01-03', ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => `02-${d}`), '04-04', '04-05', '04-06', '05-01', '05-02', '05-03', '05-04', '05-05', '06-19', '06-20', '06-21', '09-25', '09-26', '09-27', ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `10-${d}`)];
const WORK_2026 = ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'];
function isWorkday2026(iso: string): boolean {
  const md = iso.slice(5);
  if (WORK_2026.includes(md)) return true;
  if (OFF_2026.includes(md)) return false;
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}
/** N working days after `start`, the start day excluded (rules.md §F). */
function addWorkingDays2026(start: string, n: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWorkday2026(d.toISOString().slice(0, 10))) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}

describe('service routes', () => {
  let t: TestApp;
  let supervisor: Client;
  let director: Client;
  let director2: Client;
  let dept: Client;
  let dept2: Client;
  let analyst: Client;
  let citizen: Client;
  let stranger: Client;
  let business: Client;
  let business2: Client;
  let leader: Client;
  let itemId: string;

  async function obligation(kind: string, subjectId: string) {
    return t.platform.db.selectFrom('platform.obligation').selectAll().where('kind', '=', kind).where('subject_id', '=', subjectId).executeTakeFirst();
  }

  before(async () => {
    t = await createTestApp({ clock: '2026-09-18T02:00:00Z' });
    supervisor = await t.as({ roles: ['service_supervisor'], jurisdiction: '3301' });
    director = await t.as({ roles: ['director'], jurisdiction: '3301' });
    director2 = await t.as({ roles: ['director'], jurisdiction: '3301' });
    dept = await t.as({ roles: ['registrar'], jurisdiction: '3301' });
    dept2 = await t.as({ roles: ['registrar'], jurisdiction: '3301' });
    analyst = await t.as({ roles: ['analyst'], jurisdiction: '3301' });
    leader = await t.as({ roles: ['bureau_leader'], jurisdiction: '3301' });
    citizen = await t.as({ kind: 'citizen' });
    stranger = await t.as({ kind: 'citizen' });
    business = await t.as({ kind: 'business', enterprises: [CODE] });
    business2 = await t.as({ kind: 'business', enterprises: [OTHER] });
    const item = await supervisor.post('/api/service/items', { code: uniq('info-change'), name: '企业信息变更一件事', departments: ['市场监管局', '税务局'], statutoryDays: 20, committedDays: 4, regionCode: REGION });
    assert.equal(item.status, 201, JSON.stringify(item.body));
    itemId = item.body.id;
  });
  after(async () => t.close());

  test('the committed speed-up of a set of items equals the formula on their limits; the actual one comes from the cases', async () => {
    const limits = [
      [45, 10],
      [20, 3],
    ] as const;
    for (const [s, c] of limits) {
      const r = await supervisor.post('/api/service/items', { code: uniq('it'), name: `事项${s}`, departments: ['市场监管局'], statutoryDays: s, committedDays: c, regionCode: REGION });
      assert.equal(r.status, 201);
      assert.equal(r.body.committedSpeedUp, Math.round(((s - c) / s) * 10000) / 100);
    }
    const all = [[20, 4], ...limits];
    const expected = Math.round((all.reduce((a, [s, c]) => a + (s - c), 0) / all.reduce((a, [s]) => a + s, 0)) * 10000) / 100;
    const fig = await analyst.get('/api/service/figures');
    assert.equal(fig.status, 200);
    assert.equal(fig.body.committedSpeedUp, expected);
    assert.match(fig.body.speedUpFormula.committed, /Σ/);
    // actual: two cases of the 20-day item taking 2 and 4 days → (18 + 16) / 40 = 85%
    for (const d of [2, 4]) assert.equal((await supervisor.post(`/api/service/items/${itemId}/cases`, { handledOn: '2026-09-17', daysTaken: d })).status, 201);
    const items = await analyst.get('/api/service/items');
    assert.equal(items.body.items.find((i: { id: string }) => i.id === itemId).actualSpeedUp, 85);
    // denials and validation
    assert.equal((await analyst.post('/api/service/items', { code: uniq('x'), name: 'x', departments: ['a'], statutoryDays: 5, committedDays: 3, regionCode: REGION })).status, 403);
    assert.equal((await supervisor.post('/api/service/items', { code: uniq('x'), name: 'x', departments: ['a'], statutoryDays: 5, committedDays: 6, regionCode: REGION })).status, 400);
    assert.equal((await t.anonymous().get('/api/service/items')).status, 401);
    assert.equal((await business.get('/api/service/figures')).status, 403);
  });

  test('closed loop: an experiencer files a finding, it becomes a measure (an obligation), the department closes it, the experiencer evaluates', async () => {
    const team = await supervisor.post('/api/service/teams', { name: uniq('市中区体验员队'), regionCode: REGION });
    assert.equal(team.status, 201);
    assert.equal((await analyst.post('/api/service/teams', { name: uniq('x'), regionCode: REGION })).status, 403);
    const enrolled = await supervisor.post('/api/service/experiencers', { name: '张伟', teamId: team.body.id, accountId: citizen.accountId });
    assert.equal(enrolled.status, 201, JSON.stringify(enrolled.body));
    const session = await supervisor.post('/api/service/experience-sessions', { itemId, experiencerId: enrolled.body.id, accompaniedBy: '窗口科长 王丽', heldOn: '2026-09-18' });
    assert.equal(session.status, 201);

    assert.equal((await stranger.post('/api/service/findings', { itemId, category: 'system', description: '重复填报' })).status, 403, 'not enrolled');
    assert.equal((await citizen.post('/api/service/findings', { itemId, category: 'nope', description: '重复填报' })).status, 422);
    const finding = await citizen.post('/api/service/findings', { itemId, sessionId: session.body.id, category: 'system', description: '变更后需在税务系统重复填报' });
    assert.equal(finding.status, 201, JSON.stringify(finding.body));
    assert.equal((await citizen.post('/api/service/suggestions', { itemId, text: '增加一次填报' })).status, 201);

    assert.equal((await analyst.post(`/api/service/findings/${finding.body.id}/measures`, { description: 'x', department: '税务局', ownerId: dept.accountId, dueOn: '2026-09-30' })).status, 403);
    assert.equal((await supervisor.post(`/api/service/findings/${finding.body.id}/measures`, { description: 'x', department: '税务局', ownerId: dept.accountId, dueOn: '2026-09-01' })).status, 400);
    // due on the National Day holiday → moved to the next working day
    const measure = await supervisor.post(`/api/service/findings/${finding.body.id}/measures`, { description: '打通数据共享', department: '税务局', ownerId: dept.accountId, dueOn: '2026-10-03' });
    assert.equal(measure.status, 201, JSON.stringify(measure.body));
    assert.equal(measure.body.dueOn, addWorkingDays2026('2026-10-03', 1));
    const ob = await obligation('service.measure-due', measure.body.id);
    assert.equal(ob?.owner_id, dept.accountId);
    assert.equal(ob?.due_on, measure.body.dueOn);

    const loop = await supervisor.get(`/api/service/items/${itemId}/loop`);
    assert.equal(loop.body.item.loopState, 'in_progress');

    assert.equal((await dept2.post(`/api/service/measures/${measure.body.id}/done`, { version: 1, note: '已完成' })).status, 403, 'not the owner');
    assert.equal((await citizen.post(`/api/service/measures/${measure.body.id}/evaluate`, { version: 1, evaluation: 'fixed' })).status, 409, 'not done yet');
    const mine = await dept.get('/api/service/measures?scope=mine');
    assert.equal(mine.body.items.length, 1);
    const done = await dept.post(`/api/service/measures/${measure.body.id}/done`, { version: 1, note: '已上线数据共享' });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal((await obligation('service.measure-due', measure.body.id))?.status, 'fulfilled');
    assert.equal((await supervisor.get(`/api/service/items/${itemId}/loop`)).body.item.loopState, 'awaiting_evaluation');

    assert.equal((await stranger.post(`/api/service/measures/${measure.body.id}/evaluate`, { version: 2, evaluation: 'fixed' })).status, 403);
    const ev = await citizen.post(`/api/service/measures/${measure.body.id}/evaluate`, { version: 2, evaluation: 'fixed', note: '确实不用重复填了' });
    assert.equal(ev.status, 200);
    assert.equal(ev.body.status, 'evaluated');
    const me = await citizen.get('/api/service/me/experience');
    assert.equal(me.body.findings[0].measures[0].evaluation, 'fixed');
    assert.equal(me.body.suggestions.length, 1);
    assert.equal((await supervisor.get(`/api/service/items/${itemId}/loop`)).body.item.loopState, 'closed');
    assert.equal((await business.get('/api/service/findings')).status, 403);
  });

  test('a clinic booked on 2026-09-18 has its outcome due 15 working days later across the National Day holiday', async () => {
    t.clock.set('2026-09-18T02:00:00Z');
    const s = await director.post('/api/service/clinic/sessions', { theme: '市场准入与退出', heldOn: '2026-09-18', place: '坐诊室', slots: 1, regionCode: REGION });
    assert.equal(s.status, 201);
    assert.equal((await business.post('/api/service/clinic/sessions', { theme: 'x', heldOn: '2026-09-18', slots: 1, regionCode: REGION })).status, 403);
    assert.equal((await business.post(`/api/service/clinic/sessions/${s.body.id}/bookings`, { creditCode: OTHER, enterpriseName: '别家', problem: '问题' })).status, 404, 'not its enterprise');
    const b = await business.post(`/api/service/clinic/sessions/${s.body.id}/bookings`, { creditCode: CODE, enterpriseName: '乐山示范企业', problem: '跨区迁移要跑两地' });
    assert.equal(b.status, 201, JSON.stringify(b.body));
    assert.equal((await business2.post(`/api/service/clinic/sessions/${s.body.id}/bookings`, { creditCode: OTHER, enterpriseName: '别家', problem: '问题' })).status, 422, 'slots full');
    assert.equal((await business2.get(`/api/service/clinic/bookings/${b.body.id}`)).status, 404);

    const rx = { version: 1, prescription: '跨区迁移一地办理', actions: [{ department: '登记注册处', action: '协调迁入地' }], reportOwnerId: dept.accountId };
    assert.equal((await director2.post(`/api/service/clinic/bookings/${b.body.id}/prescribe`, rx)).status, 403, 'not the session director');
    const p = await director.post(`/api/service/clinic/bookings/${b.body.id}/prescribe`, rx);
    assert.equal(p.status, 200, JSON.stringify(p.body));
    const expected = addWorkingDays2026('2026-09-18', 15);
    assert.equal(expected, '2026-10-15');
    assert.equal(p.body.reportDueOn, expected);
    const ob = await obligation('service.clinic-report', b.body.id);
    assert.equal(ob?.due_on, expected);
    assert.equal(ob?.owner_id, dept.accountId);

    assert.equal((await dept2.post(`/api/service/clinic/bookings/${b.body.id}/report`, { version: 2, report: 'x', solved: true })).status, 403);
    const r = await dept.post(`/api/service/clinic/bookings/${b.body.id}/report`, { version: 2, report: '已实现一地办理', solved: true });
    assert.equal(r.status, 200);
    assert.equal(r.body.reportedOnTime, true);
    assert.equal((await obligation('service.clinic-report', b.body.id))?.status, 'fulfilled');
    assert.equal((await business2.post(`/api/service/clinic/bookings/${b.body.id}/rate`, { version: 3, level: 5 })).status, 404);
    const rated = await business.post(`/api/service/clinic/bookings/${b.body.id}/rate`, { version: 3, level: 5 });
    assert.equal(rated.status, 200);
    assert.equal(rated.body.rating, 5);

    const cls = await director.post('/api/service/clinic/problem-classes', { name: uniq('跨区迁移'), policyFix: '出台跨区迁移一地办理办法', bookingIds: [b.body.id] });
    assert.equal(cls.status, 201);
    assert.equal((await business.post('/api/service/clinic/problem-classes', { name: uniq('x'), policyFix: 'x', bookingIds: [b.body.id] })).status, 403);
    const fig = await analyst.get('/api/service/figures');
    assert.equal(fig.body.clinicSessions >= 1, true);
    assert.equal(fig.body.problemsSolved >= 1, true);
    assert.equal(fig.body.reportsOnTime, fig.body.reportsDue);
  });

  test('好差评: a bad review starts the configured rectification clock, with follow-up, re-rating and appeals', async () => {
    t.clock.set('2026-09-18T02:00:00Z');
    const settings = await supervisor.get('/api/service/settings');
    assert.equal(settings.body.rectificationWorkingDays, 15);
    const bad = await business.post('/api/service/ratings/online', { matterModule: 'exchange', matterId: uniq('change'), level: 2, comment: '等待太久', regionCode: REGION, handlerId: dept.accountId });
    assert.equal(bad.status, 201, JSON.stringify(bad.body));
    assert.equal(bad.body.status, 'rectifying');
    assert.equal(bad.body.rectifyDueOn, addWorkingDays2026('2026-09-18', 15));
    const ob = await obligation('service.rectification', bad.body.id);
    assert.equal(ob?.due_on, bad.body.rectifyDueOn);
    assert.equal(ob?.owner_id, dept.accountId);
    assert.equal((await business.post('/api/service/ratings/online', { matterModule: 'exchange', matterId: bad.body.matterId, level: 5, regionCode: REGION })).status, 409, 'one rating per matter');

    assert.equal((await dept2.post(`/api/service/ratings/${bad.body.id}/rectify`, { version: 1, note: 'x' })).status, 403);
    const fixed = await dept.post(`/api/service/ratings/${bad.body.id}/rectify`, { version: 1, note: '已回访并简化流程' });
    assert.equal(fixed.status, 200);
    assert.equal((await obligation('service.rectification', bad.body.id))?.status, 'fulfilled');
    assert.equal((await business2.post(`/api/service/ratings/${bad.body.id}/re-rate`, { version: 2, level: 4 })).status, 403);
    const again = await business.post(`/api/service/ratings/${bad.body.id}/re-rate`, { version: 2, level: 4 });
    assert.equal(again.status, 200);
    assert.equal(again.body.reRating, 4);

    // configurable: 5 working days
    assert.equal((await dept.post('/api/service/settings', { rectificationWorkingDays: 5 })).status, 403);
    assert.equal((await supervisor.post('/api/service/settings', { rectificationWorkingDays: 5 })).status, 200);
    const counter = await dept.post('/api/service/ratings/counter', { matterModule: 'service', matterId: uniq('window'), level: 1, comment: '态度差', regionCode: REGION });
    assert.equal(counter.status, 201);
    assert.equal(counter.body.rectifyDueOn, addWorkingDays2026('2026-09-18', 5));
    assert.equal((await business.post('/api/service/ratings/counter', { matterModule: 'service', matterId: uniq('w'), level: 5, regionCode: REGION })).status, 403);

    // appeal of a malicious review: upheld → voided
    const appeal = await dept.post(`/api/service/ratings/${counter.body.id}/appeal`, { version: 1, reason: '评价人并未办理业务' });
    assert.equal(appeal.status, 200);
    assert.equal((await dept.post(`/api/service/ratings/${counter.body.id}/appeal-decision`, { version: 2, upheld: true, note: 'x' })).status, 403);
    const decided = await supervisor.post(`/api/service/ratings/${counter.body.id}/appeal-decision`, { version: 2, upheld: true, note: '核实为恶意差评' });
    assert.equal(decided.status, 200);
    assert.equal(decided.body.status, 'voided');
    const good = await business.post('/api/service/ratings/online', { matterModule: 'exchange', matterId: uniq('change'), level: 5, regionCode: REGION });
    assert.equal(good.body.status, 'closed');
    assert.equal((await business.get('/api/service/me/ratings')).body.items.length, 2);
    assert.equal((await business.get('/api/service/ratings')).status, 403);
    await supervisor.post('/api/service/settings', { rectificationWorkingDays: 15 });
  });

  test('every promised date is a tracked obligation on the working-day calendar, alerted before and escalated when overdue', async () => {
    t.clock.set('2026-09-18T02:00:00Z');
    const team = await supervisor.post('/api/service/teams', { name: uniq('沙湾区体验员队'), regionCode: REGION });
    const e = await supervisor.post('/api/service/experiencers', { name: '李娜', teamId: team.body.id });
    assert.equal(e.status, 201);
    const finding = await citizen.post('/api/service/findings', { itemId, category: 'guidance', description: '指南看不懂' });
    const measure = await supervisor.post(`/api/service/findings/${finding.body.id}/measures`, { description: '改写指南', department: '审批科', ownerId: dept2.accountId, dueOn: '2026-09-24' });
    const s = await director.post('/api/service/clinic/sessions', { theme: '产权保护', heldOn: '2026-09-18', slots: 5, regionCode: REGION });
    const b = await business2.post(`/api/service/clinic/sessions/${s.body.id}/bookings`, { creditCode: OTHER, enterpriseName: '另一家企业', problem: '商标被抢注' });
    const p = await director.post(`/api/service/clinic/bookings/${b.body.id}/prescribe`, { version: 1, prescription: '协调知识产权处', actions: [{ department: '知识产权处', action: '指导异议' }], reportOwnerId: dept2.accountId });
    const bad = await business2.post('/api/service/ratings/online', { matterModule: 'exchange', matterId: uniq('change'), level: 1, regionCode: REGION, handlerId: dept2.accountId });
    const promised = [
      ['service.measure-due', measure.body.id, measure.body.dueOn],
      ['service.clinic-report', b.body.id, p.body.reportDueOn],
      ['service.rectification', bad.body.id, bad.body.rectifyDueOn],
    ] as const;
    for (const [kind, id, due] of promised) {
      const ob = await obligation(kind, id);
      assert.ok(ob, kind);
      assert.equal(ob.due_on, due);
      assert.equal(ob.status, 'open');
      assert.equal(isWorkday2026(ob.due_on), true, `${kind} due on a working day`);
      assert.equal(ob.region_code, REGION);
    }
    // two working days before the latest due date: all alerted; the day after: all escalated to the leaders
    const latest = promised.map((x) => x[2]).sort().at(-1)!;
    t.clock.set(`${latest}T02:00:00Z`);
    await t.platform.obligations.runAlerts();
    for (const [kind, id] of promised) assert.ok((await obligation(kind, id))?.alerted_on, `${kind} alerted`);
    t.clock.set('2026-11-02T02:00:00Z');
    await t.platform.obligations.runAlerts();
    for (const [kind, id] of promised) assert.ok((await obligation(kind, id))?.escalated_on, `${kind} escalated`);
    const notes = await t.platform.db.selectFrom('platform.notification').select('title').where('account_id', '=', leader.accountId!).execute();
    assert.ok(notes.some((n) => n.title === '承诺事项逾期'));
    // sessions of September have expired by now: log in afresh
    const supervisorNow = await t.as({ roles: ['service_supervisor'], jurisdiction: '3301' });
    const overdue = await supervisorNow.get('/api/service/measures');
    assert.equal(overdue.body.items.find((m: { id: string }) => m.id === measure.body.id).overdue, true);
    assert.equal((await supervisorNow.get(`/api/service/items/${itemId}/loop`)).body.item.loopState, 'overdue');
  });
});

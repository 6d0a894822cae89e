import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp, type Client } from '../../../test/harness.js';
import { latestCode } from '../../../test/sms.js';
import { makeCreditCode } from '../registry/domain/credit-code.js';
import { REPORT_ACCEPTED } from './index.js';
import type { ComplaintsService } from './complaints.service.js';

const SC = '330102';
const GS = '330105';
const HANGZHOU = { lat: 30.25, lng: 120.16 };

function intake(extra: Record<string, unknown> = {}) {
  return {
    kind: 'complaint',
    complainantName: '张伟',
    complainantPhone: '13912345678',
    complainantAddress: '浙江省杭州市上城区清波街道1号',
    respondentName: '杭州湖滨美食餐饮有限公司',
    respondentAddress: '浙江省杭州市上城区延安路88号',
    request: '退还餐费',
    facts: '就餐后发现菜品变质，商家拒绝退款。',
    category: 'food',
    amountFen: 38_800,
    ...extra,
  };
}

describe('complaints routes', () => {
  let t: TestApp;
  let manager: Client;
  let mediator: Client;
  let mediator2: Client;
  let gsMediator: Client;
  let analyst: Client;
  let registrar: Client;
  let anon: Client;
  let stationId: string;
  const creditCode = makeCreditCode('9', '1', SC, 'C0000001');
  const service = () => t.modules.find((m) => m.name === 'complaints')!.api as ComplaintsService;

  /** The SMS texts sent so far that contain `text`. */
  async function smsWith(text: string): Promise<string[]> {
    await t.worker.drain();
    const rows = await t.platform.db.selectFrom('platform.message_log').select(['body']).where('channel', '=', 'sms').execute();
    return rows.map((r) => r.body as string).filter((b) => b.includes(text));
  }
  async function codeOf(trackingNo: string): Promise<string> {
    await t.worker.drain();
    return latestCode(t.platform, trackingNo);
  }
  async function fileAndAccept(extra: Record<string, unknown> = {}) {
    const res = await anon.post('/api/public/complaints', intake({ complainantPhone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, ...extra }));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const list = await manager.get(`/api/complaints?limit=200`);
    const item = list.body.items.find((i: { trackingNo: string }) => i.trackingNo === res.body.trackingNo);
    const accepted = await manager.post(`/api/complaints/${item.id}/accept`, { version: 1 });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    return accepted.body;
  }

  before(async () => {
    // Friday 2025-09-26, 10:00 China time: the Friday before National Day.
    t = await createTestApp({ clock: '2025-09-26T02:00:00Z', config: { SESSION_HOURS: 24 * 365 } });
    manager = await t.as({ roles: ['bureau_leader', 'mediator'], jurisdiction: '3301' });
    mediator = await t.as({ roles: ['mediator'], jurisdiction: SC });
    mediator2 = await t.as({ roles: ['mediator'], jurisdiction: SC });
    gsMediator = await t.as({ roles: ['mediator'], jurisdiction: GS });
    analyst = await t.as({ roles: ['analyst'], jurisdiction: '3301' });
    registrar = await t.as({ roles: ['registrar'], jurisdiction: '3301' });
    anon = t.anonymous();
    const e = await registrar.post('/api/enterprises', {
      creditCode,
      name: '杭州湖滨美食餐饮有限公司',
      type: 'limited_company',
      legalRepName: '李四',
      registeredCapitalFen: 100_000_000,
      address: '浙江省杭州市上城区延安路88号',
      regionCode: SC,
      industryCode: '6210',
      establishedOn: '2020-01-02',
    });
    assert.equal(e.status, 201, JSON.stringify(e.body));
  });
  after(() => t.close());

  test('stations: managed by the bureau, read by staff, refused to others', async () => {
    const body = {
      name: '湖滨暖心消费维权站',
      type: 'warm_heart',
      address: '浙江省杭州市上城区延安路100号',
      regionCode: SC,
      lat: HANGZHOU.lat,
      lng: HANGZHOU.lng,
      openingHours: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '09:00', close: '21:00' }],
      mediators: [{ name: '陈静' }],
    };
    assert.equal((await anon.post('/api/complaints/stations', body)).status, 401);
    assert.equal((await analyst.post('/api/complaints/stations', body)).status, 403);
    const bad = await manager.post('/api/complaints/stations', { ...body, lat: 91, type: 'shop' });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.error.fields.map((f: { path: string }) => f.path).sort(), ['lat', 'type']);
    const res = await manager.post('/api/complaints/stations', body);
    assert.equal(res.status, 201);
    stationId = res.body.id;
    assert.equal(res.body.intakeUrl, `http://localhost:3000/m/complain?station=${stationId}`);
    // a closed volunteer point 300 m north and a far station in another district
    await manager.post('/api/complaints/stations', { ...body, name: '夜间关闭的志愿者点', type: 'volunteer_point', lat: HANGZHOU.lat + 0.0027, openingHours: [{ days: [1], open: '01:00', close: '02:00' }] });
    await manager.post('/api/complaints/stations', { ...body, name: '拱墅区市场监管所', type: 'bureau_office', regionCode: GS, lat: 30.32, lng: 120.15 });
    const list = await analyst.get('/api/complaints/stations');
    assert.equal(list.status, 200);
    assert.equal(list.body.items.length, 3);
    const gsList = await gsMediator.get('/api/complaints/stations');
    assert.deepEqual(gsList.body.items.map((s: { name: string }) => s.name), ['拱墅区市场监管所']);
    assert.equal((await gsMediator.get(`/api/complaints/stations/${stationId}`)).status, 404);
    const stale = await manager.patch(`/api/complaints/stations/${stationId}`, { version: 9, phone: '0571-1' });
    assert.equal(stale.status, 409);
    const upd = await manager.patch(`/api/complaints/stations/${stationId}`, { version: 1, phone: '0571-87000001' });
    assert.equal(upd.status, 200);
    assert.equal(upd.body.version, 2);
  });

  test('nearest stations with walking minutes; coverage counts open stations only', async () => {
    const near = await anon.get(`/api/public/stations/nearest?lat=${HANGZHOU.lat + 0.001}&lng=${HANGZHOU.lng}&limit=3`);
    assert.equal(near.status, 200);
    assert.equal(near.body.items[0].id, stationId);
    assert.equal(near.body.items[0].walkingMinutes, 2); // ~111 m
    assert.equal(near.body.items[0].openNow, true);
    assert.equal(near.body.items[1].openNow, false);
    assert.ok(near.body.items.every((s: { meters: number }, i: number, a: { meters: number }[]) => i === 0 || a[i - 1].meters <= s.meters));
    assert.equal((await anon.get('/api/public/stations/nearest?lat=200&lng=1')).status, 400);

    const cov = await analyst.post('/api/complaints/stations/coverage', {
      points: [
        { name: '湖滨社区', lat: HANGZHOU.lat + 0.001, lng: HANGZHOU.lng },
        { name: '北侧社区', lat: HANGZHOU.lat + 0.0050, lng: HANGZHOU.lng }, // ~556 m from the open station, ~255 m from the closed one
        { name: '远郊社区', lat: 30.4, lng: 120.3 },
      ],
    });
    assert.equal(cov.status, 200, JSON.stringify(cov.body));
    assert.equal(cov.body.covered, 1);
    assert.equal(Math.round(cov.body.share * 100), 33);
    assert.deepEqual(cov.body.uncovered.map((u: { name: string }) => u.name), ['北侧社区', '远郊社区']);
    assert.equal((await anon.post('/api/complaints/stations/coverage', { points: [{ name: 'x', lat: 30, lng: 120 }] })).status, 401);
  });

  test('the station poster is a PDF; the public station view hides mediators', async () => {
    const res = await t.http!.inject({ method: 'GET', url: `/api/complaints/stations/${stationId}/poster.pdf`, headers: { cookie: '' } });
    assert.equal(res.statusCode, 401);
    const ok = await analyst.get(`/api/complaints/stations/${stationId}/poster.pdf`);
    assert.equal(ok.status, 200);
    assert.match(String(ok.headers['content-type']), /application\/pdf/);
    assert.ok(String(ok.body).startsWith('%PDF'));
    const pub = await anon.get(`/api/public/stations/${stationId}`);
    assert.equal(pub.status, 200);
    assert.deepEqual(pub.body.mediators, []);
    assert.equal((await anon.get(`/api/public/stations/${randomUUID()}`)).status, 404);
  });

  test('intake: field errors in the chosen language, the limit named, phone and amount checked', async () => {
    const bad = intake({ complainantName: '', complainantPhone: '12345', facts: '很'.repeat(2001), amountFen: -5, respondentAddress: '' });
    const zh = await anon.post('/api/public/complaints', bad);
    assert.equal(zh.status, 400);
    const paths = zh.body.error.fields.map((f: { path: string }) => f.path).sort();
    assert.deepEqual(paths, ['amountFen', 'complainantName', 'complainantPhone', 'facts', 'respondentAddress']);
    const facts = zh.body.error.fields.find((f: { path: string }) => f.path === 'facts');
    assert.match(facts.message, /2000/);
    assert.match(facts.message, /[\u4e00-\u9fff]/);
    const en = await anon.post('/api/public/complaints', bad, { 'accept-language': 'en' });
    assert.match(en.body.error.fields.find((f: { path: string }) => f.path === 'facts').message, /at most 2000 characters/);
    const tw = await anon.post('/api/public/complaints', bad, { 'accept-language': 'zh-TW' });
    assert.match(tw.body.error.fields.find((f: { path: string }) => f.path === 'complainantPhone').message, /手機/);
    assert.equal((await anon.post('/api/public/complaints', { ...intake(), extra: 1 })).status, 400);
    // ID numbers are checked (check digit) when given, with a localized message
    const badId = await anon.post('/api/public/complaints', intake({ complainantIdNumber: '330102198001010011' }), { 'accept-language': 'en' });
    assert.equal(badId.status, 400);
    assert.deepEqual(badId.body.error.fields.map((f: { path: string }) => f.path), ['complainantIdNumber']);
    assert.notEqual(badId.body.error.fields[0].message, badId.body.error.fields[0].code);
  });

  test('intake: tracking number and code by SMS; deadline by the statutory count; respondent matched; markup kept as text', async () => {
    const key = randomUUID();
    const body = intake({ stationId, idempotencyKey: key, facts: '<script>alert(1)</script> 菜品变质' });
    const res = await anon.post('/api/public/complaints', body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.body.trackingNo, /^TS20250926\d{8}$/);
    assert.equal(res.body.receivedOn, '2025-09-26');
    assert.equal(res.body.acceptanceDue, '2025-10-13');
    const code = await codeOf(res.body.trackingNo);
    assert.match(code, /^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);

    // double submit → one complaint
    const again = await anon.post('/api/public/complaints', body);
    assert.equal(again.status, 200);
    assert.equal(again.body.trackingNo, res.body.trackingNo);
    assert.equal(again.body.replayed, true);
    const list = await manager.get('/api/complaints?limit=200');
    assert.equal(list.body.items.filter((i: { trackingNo: string }) => i.trackingNo === res.body.trackingNo).length, 1);

    // the same form submitted five times at once still makes one complaint
    const raceKey = randomUUID();
    const raced = await Promise.all(Array.from({ length: 5 }, () => anon.post('/api/public/complaints', intake({ complainantPhone: '13944445555', idempotencyKey: raceKey }))));
    assert.deepEqual(raced.map((r) => r.status).sort(), [200, 200, 200, 200, 201]);
    assert.equal(new Set(raced.map((r) => r.body.trackingNo)).size, 1);

    const item = list.body.items.find((i: { trackingNo: string }) => i.trackingNo === res.body.trackingNo);
    const detail = await mediator.get(`/api/complaints/${item.id}`);
    assert.equal(detail.status, 200);
    assert.equal(detail.body.respondentCreditCode, creditCode);
    assert.equal(detail.body.regionCode, SC);
    assert.equal(detail.body.channel, 'qr');
    assert.equal(detail.body.facts, '<script>alert(1)</script> 菜品变质');
    assert.equal(detail.body.complainantPhoneMasked, '139****5678');
    assert.equal(JSON.stringify(detail.body).includes('13912345678'), false);
    assert.equal((await gsMediator.get(`/api/complaints/${item.id}`)).status, 404);
    assert.equal((await anon.get(`/api/complaints/${item.id}`)).status, 401);

    // the consumer follows the case with number + code, no account
    const tr = await anon.post('/api/public/complaints/track', { trackingNo: res.body.trackingNo, code });
    assert.equal(tr.status, 200);
    assert.equal(tr.body.status, 'received');
    assert.equal(tr.body.acceptanceDue, '2025-10-13');
    assert.equal((await anon.post('/api/public/complaints/track', { trackingNo: res.body.trackingNo, code: code.startsWith('22222') ? '33333-33333' : '22222-22222' })).status, 404);

    // a second complaint by the same phone against the same respondent is flagged
    const dup = await anon.post('/api/public/complaints', intake({ facts: '又一次' }));
    assert.equal(dup.status, 201);
    assert.equal(dup.body.possibleDuplicate, true);

    // a new code can be sent to the same phone; the old one works until the new one is used
    assert.equal((await anon.post('/api/public/complaints/code', { trackingNo: res.body.trackingNo, phone: '13912345678' })).status, 200);
    const code2 = await codeOf(res.body.trackingNo);
    assert.notEqual(code2, code);
    assert.equal((await anon.post('/api/public/complaints/track', { trackingNo: res.body.trackingNo, code })).status, 200);
    assert.equal((await anon.post('/api/public/complaints/track', { trackingNo: res.body.trackingNo, code: code2.toLowerCase().replace('-', ' ') })).status, 200);
    assert.equal((await anon.post('/api/public/complaints/track', { trackingNo: res.body.trackingNo, code })).status, 404);
  });

  test('accept or refuse on a statutory ground; a report becomes an enforcement lead', async () => {
    const refused = await anon.post('/api/public/complaints', intake({ complainantPhone: '13700000001', respondentName: '某不存在公司', regionCode: SC }));
    const list = await manager.get('/api/complaints?status=received&limit=200');
    const item = list.body.items.find((i: { trackingNo: string }) => i.trackingNo === refused.body.trackingNo);
    assert.equal(item.regionCode, SC);
    assert.equal((await analyst.post(`/api/complaints/${item.id}/refuse`, { version: 1, ground: 'over_three_years' })).status, 403);
    assert.equal((await manager.post(`/api/complaints/${item.id}/refuse`, { version: 1, ground: 'because' })).status, 400);
    const r = await manager.post(`/api/complaints/${item.id}/refuse`, { version: 1, ground: 'over_three_years', note: '2021 年的消费' });
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'refused');
    assert.equal((await smsWith(refused.body.trackingNo)).filter((b) => /超过三年/.test(b)).length, 1);
    assert.equal((await manager.post(`/api/complaints/${item.id}/accept`, { version: 2 })).status, 409);

    const rep = await anon.post('/api/public/complaints', intake({ kind: 'report', complainantPhone: '13700000002', request: '', facts: '该店销售过期食品' }));
    assert.equal(rep.status, 201);
    assert.match(rep.body.trackingNo, /^JB/);
    const reps = await manager.get('/api/complaints?kind=report&limit=200');
    const rid = reps.body.items.find((i: { trackingNo: string }) => i.trackingNo === rep.body.trackingNo).id;
    const acc = await manager.post(`/api/complaints/${rid}/accept`, { version: 1 });
    assert.equal(acc.status, 200);
    assert.equal(acc.body.status, 'forwarded');
    assert.ok(t.platform.outbox.handlersFor(REPORT_ACCEPTED.topic).length > 0, 'enforcement consumes accepted reports');
    const ev = await t.platform.db.selectFrom('platform.outbox_event').select(['payload']).where('topic', '=', REPORT_ACCEPTED.topic).executeTakeFirstOrThrow();
    const payload = REPORT_ACCEPTED.payload.parse(typeof ev.payload === 'string' ? JSON.parse(ev.payload) : ev.payload);
    assert.equal(payload.respondentCreditCode, creditCode);
  });

  test('mediation: assignment with recusal, the six steps, pause for appraisal, agreement PDF, follow-up and reopen', async () => {
    const c = await fileAndAccept();
    assert.equal(c.status, 'accepted');
    const cal = t.platform.calendar.get();
    assert.equal(c.mediationDue, cal.addWorkingDays('2025-09-26', 45));
    // only mediators can be assigned
    const notMed = await manager.post(`/api/complaints/${c.id}/assign`, { version: c.version, mediatorId: analyst.accountId, mode: 'on_site' });
    assert.equal(notMed.status, 400);
    assert.equal(notMed.body.error.fields[0].path, 'mediatorId');
    let cur = (await manager.post(`/api/complaints/${c.id}/assign`, { version: c.version, mediatorId: mediator2.accountId, mode: 'remote' })).body;
    assert.equal(cur.status, 'mediating');
    // mediator2 recuses; cannot be assigned again
    assert.equal((await mediator.post(`/api/complaints/${c.id}/recuse`, { version: cur.version, reason: 'x' })).status, 403);
    cur = (await mediator2.post(`/api/complaints/${c.id}/recuse`, { version: cur.version, reason: '与被投诉人有亲属关系' })).body;
    assert.equal(cur.status, 'accepted');
    const again = await manager.post(`/api/complaints/${c.id}/assign`, { version: cur.version, mediatorId: mediator2.accountId, mode: 'on_site' });
    assert.equal(again.status, 422);
    cur = (await manager.post(`/api/complaints/${c.id}/assign`, { version: cur.version, mediatorId: mediator.accountId, mode: 'on_site' })).body;
    assert.equal(cur.mediatorId, mediator.accountId);

    // steps by someone else are refused
    assert.equal((await mediator2.post(`/api/complaints/${c.id}/steps`, { step: 'listen', note: 'x' })).status, 403);
    assert.equal((await mediator.post(`/api/complaints/${c.id}/steps`, { step: 'shout', note: 'x' })).status, 400);
    for (const step of ['listen', 'discern', 'persuade']) {
      const s = await mediator.post(`/api/complaints/${c.id}/steps`, { step, mode: 'on_site', note: `${step} 记录` });
      assert.equal(s.status, 200);
    }
    // pause for appraisal from Tue 2025-09-30 to Thu 2025-10-09 (one working day counted: 10-09)
    t.clock.set('2025-09-30T02:00:00Z');
    cur = (await mediator.post(`/api/complaints/${c.id}/pause`, { version: cur.version, reason: '送检鉴定' })).body;
    assert.equal(cur.pausedSince, '2025-09-30');
    assert.equal((await mediator.post(`/api/complaints/${c.id}/steps`, { step: 'borrow', note: 'x' })).status, 409);
    t.clock.set('2025-10-09T02:00:00Z');
    cur = (await mediator.post(`/api/complaints/${c.id}/resume`, { version: cur.version })).body;
    assert.equal(cur.pausedWorkingDays, 1);
    assert.equal(cur.mediationDue, cal.addWorkingDays('2025-09-26', 46));
    for (const step of ['borrow', 'yield', 'reconcile']) {
      await mediator.post(`/api/complaints/${c.id}/steps`, { step, mode: 'remote', note: `${step} 记录`, thirdParties: step === 'borrow' ? ['行业协会'] : undefined });
    }
    const full = (await mediator.get(`/api/complaints/${c.id}`)).body;
    assert.deepEqual(full.stepsDone, ['listen', 'discern', 'persuade', 'borrow', 'yield', 'reconcile']);
    assert.equal(full.timeline.filter((e: { kind: string }) => e.kind === 'step').length, 6);

    assert.equal((await mediator.post(`/api/complaints/${c.id}/conclude`, { version: cur.version, outcome: 'agreement' })).status, 400);
    assert.equal((await mediator.post(`/api/complaints/${c.id}/conclude`, { version: cur.version, outcome: 'terminated' })).status, 400);
    const done = await mediator.post(`/api/complaints/${c.id}/conclude`, { version: cur.version, outcome: 'agreement', note: '达成一致', agreementTerms: '商家退还餐费 388 元' });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.status, 'closed');
    assert.ok(done.body.agreementFileId);
    assert.ok(done.body.stages.acceptHours !== null && done.body.stages.handleHours !== null);
    const pdf = await mediator.get(`/api/complaints/${c.id}/agreement.pdf`);
    assert.equal(pdf.status, 200);
    assert.ok(String(pdf.body).startsWith('%PDF'));
    assert.equal((await gsMediator.get(`/api/complaints/${c.id}/agreement.pdf`)).status, 404);

    // follow-up visit: unsatisfied, reopened where it left (mediating, same mediator, steps kept)
    t.clock.set('2025-10-10T02:00:00Z');
    assert.equal((await manager.post(`/api/complaints/${c.id}/follow-up`, { version: done.body.version, satisfaction: 6 })).status, 400);
    const fu = await manager.post(`/api/complaints/${c.id}/follow-up`, { version: done.body.version, satisfaction: 2, note: '商家未履行', reopen: true });
    assert.equal(fu.status, 200);
    assert.equal(fu.body.status, 'mediating');
    assert.equal(fu.body.mediatorId, mediator.accountId);
    assert.equal(fu.body.satisfaction, 2);
    assert.equal(fu.body.reopenedCount, 1);
    assert.equal(fu.body.stepsDone.length, 6);
    assert.ok(fu.body.stages.feedbackHours === null || fu.body.stages.feedbackHours >= 0);
  });

  test('no agreement and termination notify both parties; the consumer sees the outcome', async () => {
    const c = await fileAndAccept({ complainantPhone: '13611112222' });
    const code = await codeOf(c.trackingNo);
    let cur = (await manager.post(`/api/complaints/${c.id}/assign`, { version: c.version, mediatorId: mediator.accountId })).body;
    const term = await mediator.post(`/api/complaints/${c.id}/conclude`, { version: cur.version, outcome: 'terminated', terminationGround: 'absent_or_refused', note: '被投诉人拒绝调解' });
    assert.equal(term.status, 200);
    assert.ok(term.body.terminationNoticeDue);
    assert.ok(term.body.timeline.some((e: { kind: string }) => e.kind === 'consumer-notified'));
    await t.worker.drain(); // the respondent is told by the outbox consumer (respondent-outcome.routes.test.ts)
    const tr = await anon.post('/api/public/complaints/track', { trackingNo: c.trackingNo, code });
    assert.equal(tr.body.outcome, 'terminated');
    assert.match(tr.body.outcomeText, /拒绝调解/);
    cur = term.body;
    const re = await manager.post(`/api/complaints/${c.id}/reopen`, { version: cur.version, reason: '被投诉人同意调解' });
    assert.equal(re.body.status, 'mediating');
  });

  test('the deadline job alerts the mediator before the 45-working-day limit', async () => {
    t.clock.set('2025-10-10T02:00:00Z');
    const c = await fileAndAccept({ complainantPhone: '13622223333' });
    const cur = (await manager.post(`/api/complaints/${c.id}/assign`, { version: c.version, mediatorId: mediator2.accountId })).body;
    assert.equal(await service().alertDeadlines() >= 0, true);
    const countFor = async () =>
      (await t.platform.db.selectFrom('platform.notification').select('id').where('account_id', '=', mediator2.accountId).where('title', 'like', '调解%').execute()).length;
    const before = await countFor();
    // five working days before the limit
    const due = cur.mediationDue as string;
    const alertDay = t.platform.calendar.get().addWorkingDays(due, -3);
    t.clock.set(`${alertDay}T02:00:00Z`);
    await service().alertDeadlines();
    assert.equal(await countFor(), before + 1);
    await service().alertDeadlines(); // once per limit
    assert.equal(await countFor(), before + 1);
    t.clock.set('2025-10-10T02:00:00Z');
  });

  test('CSV import of a 12315 export: rows checked like the form, a re-import creates nothing', async () => {
    const csv = [
      '登记编号,诉求类型,投诉人姓名,联系电话,投诉人地址,被投诉人名称,被投诉人地址,诉求内容,事实经过,涉及金额',
      '1233011001,投诉,张伟,13955550001,杭州市上城区,某餐饮公司,杭州市上城区延安路1号,退款,菜品变质,88.00',
      '1233011002,投诉,李娜,12345,杭州市上城区,某超市,杭州市上城区,退款,过期食品,',
      '1233011003,举报,王芳,13955550003,,某药店,杭州市上城区,,无证经营,',
    ].join('\n');
    const upload = async (who: Client) => {
      const boundary = '----xf12315';
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="12315.csv"\r\nContent-Type: text/csv\r\n\r\n`),
        Buffer.from(csv),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return who.request('POST', '/api/complaints/imports', payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    };
    assert.equal((await upload(analyst)).status, 403);
    const first = await upload(mediator);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.created, 2);
    assert.deepEqual(first.body.errors.map((e: { line: number; path: string }) => `${e.line}:${e.path}`), ['3:complainantPhone']);
    const again = await upload(mediator);
    assert.equal(again.body.created, 0);
    assert.equal(again.body.replayed, 2);
    const imported = (await mediator.get('/api/complaints?limit=200')).body.items.filter((i: { respondentName: string }) => i.respondentName === '某药店');
    assert.equal(imported.length, 1);
    assert.equal(imported[0].kind, 'report');
  });

  test('staff queue coloured by deadline, staff entry, figures', async () => {
    const entry = await mediator.post('/api/complaints', intake({ complainantPhone: '13633334444', respondentName: '来电投诉某商店' }));
    assert.equal(entry.status, 201);
    assert.ok(entry.body.id);
    const got = await mediator.get(`/api/complaints/${entry.body.id}`);
    assert.equal(got.body.channel, 'staff');
    assert.equal(got.body.regionCode, SC);
    assert.equal((await analyst.post('/api/complaints', intake())).status, 403);
    const q = await mediator.get('/api/complaints?status=received');
    assert.ok(q.body.items.every((i: { deadlineColour: string | null }) => ['red', 'orange', 'green'].includes(i.deadlineColour!)));
    const f = await analyst.get('/api/complaints/figures');
    assert.equal(f.status, 200);
    assert.ok(f.body.complaints >= 5);
    assert.equal(typeof f.body.concludedMediations, 'number'); // the concluded cases above were reopened
    assert.equal(f.body.stations.total, 3);
    assert.equal((await mediator.get('/api/complaints/figures')).status, 403);
    assert.equal((await anon.get('/api/complaints/figures')).status, 401);
    const g = await anon.get('/api/public/complaints/grounds');
    assert.equal(g.body.refusal.length, 6);
    assert.equal(g.body.termination.length, 7);
  });
});

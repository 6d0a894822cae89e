import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { enterprise, GS, SC } from '../../../test/fixtures/enforcement-routes.js';

// Enterprises of their own (sequence numbers no other enforcement test uses).
const eW = enterprise(SC, 51);
const eP = enterprise(SC, 52);

describe('early warnings: signals from the records, the warning letter, the business acknowledgement', () => {
  let t: TestApp;
  let officer: Client;
  let gsOfficer: Client;
  let reviewer: Client;
  let business: Client;
  let otherBusiness: Client;
  let phoneSeq = 0;

  before(async () => {
    t = await createTestApp({ clock: '2026-03-02T02:00:00Z', config: { SESSION_HOURS: 24 * 365 } });
    const registrar = await t.as({ roles: ['registrar'], jurisdiction: '3301' });
    for (const e of [eW, eP]) assert.equal((await registrar.post('/api/enterprises', e)).status, 201);
    officer = await t.as({ roles: ['enforcement_officer'], jurisdiction: SC });
    gsOfficer = await t.as({ roles: ['enforcement_officer'], jurisdiction: GS });
    reviewer = await t.as({ roles: ['legal_reviewer'], jurisdiction: '3301' });
    business = await t.as({ kind: 'business', enterprises: [eW.creditCode] });
    otherBusiness = await t.as({ kind: 'business', enterprises: [eP.creditCode] });
    await t.platform.db.updateTable('platform.account').set({ phone_enc: t.platform.crypto.encrypt('13900005151') }).where('id', '=', business.accountId!).execute();
  });
  after(() => t.close());

  async function fileAgainst(e: { creditCode: string; name: string }) {
    const res = await t.anonymous().post('/api/public/complaints', {
      kind: 'complaint',
      complainantName: '王芳',
      complainantPhone: `1370000${String(++phoneSeq).padStart(4, '0')}`,
      complainantAddress: '浙江省杭州市上城区清波街道1号',
      respondentName: e.name,
      respondentCreditCode: e.creditCode,
      respondentAddress: '浙江省杭州市上城区解放路100号',
      request: '退款',
      facts: '购买的熟食变质。',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    await t.worker.drain();
  }

  const signalsOf = async (c: Client, code: string) => ((await c.get('/api/enforcement/warning-signals')).body as { creditCode: string; signals: { rule: string; status: string; text: { 'zh-CN': string } }[] }[]).find((x) => x.creditCode === code);

  test('the complaint-filed event feeds the signal store; complaints rising against the previous window raise a signal', async () => {
    t.clock.set('2025-11-03T02:00:00Z');
    await fileAgainst(eW); // the previous window
    t.clock.set('2026-03-02T02:00:00Z');
    await fileAgainst(eW);
    await fileAgainst(eW);
    assert.equal(await signalsOf(officer, eW.creditCode), undefined, '2 in the window: under the minimum of 3');
    await fileAgainst(eW);
    const row = await signalsOf(officer, eW.creditCode);
    assert.ok(row, 'the third complaint raises the signal');
    assert.equal(row.signals[0].rule, 'complaints_rising');
    assert.equal(row.signals[0].status, 'open');
    assert.match(row.signals[0].text['zh-CN'], /3 件.*前90日 1 件/);
    const stored = await t.platform.db.selectFrom('enforcement.complaint_signal').select(['credit_code', 'kind']).where('credit_code', '=', eW.creditCode).execute();
    assert.equal(stored.length, 4);
    // The daily job recomputes without changing the answer.
    assert.equal((await officer.post('/api/enforcement/warning-signals/recompute')).status, 200);
    assert.equal((await signalsOf(officer, eW.creditCode))?.signals[0].status, 'open');
  });

  test('the warning list is for staff of the jurisdiction only', async () => {
    assert.equal((await t.anonymous().get('/api/enforcement/warning-signals')).status, 401);
    assert.equal((await business.get('/api/enforcement/warning-signals')).status, 403);
    assert.equal(await signalsOf(gsOfficer, eW.creditCode), undefined, 'another district does not see it');
    assert.ok(await signalsOf(reviewer, eW.creditCode), 'the city reviewer reads it');
  });

  test('a permit added to the register and expiring within 30 days is a signal', async () => {
    const bad = await officer.post('/api/enforcement/permits', { creditCode: eP.creditCode, permitType: '食品经营许可证', permitNo: 'JY1', issuedOn: '2026-05-01', expiresOn: '2026-03-20' });
    assert.equal(bad.status, 400);
    assert.equal((await reviewer.post('/api/enforcement/permits', { creditCode: eP.creditCode, permitType: '食品经营许可证', permitNo: 'JY1', expiresOn: '2026-03-20' })).status, 403);
    const res = await officer.post('/api/enforcement/permits', { creditCode: eP.creditCode, permitType: '食品经营许可证', permitNo: 'JY13301020000052', expiresOn: '2026-03-20' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const row = await signalsOf(officer, eP.creditCode);
    assert.equal(row?.signals[0].rule, 'permit_expiring');
    assert.match(row!.signals[0].text['zh-CN'], /JY13301020000052.*剩余 18 日/);
  });

  test('denials: only an officer of the jurisdiction issues a warning, and only on open signals', async () => {
    assert.equal((await reviewer.post('/api/enforcement/warnings', { creditCode: eW.creditCode })).status, 403);
    assert.equal((await business.post('/api/enforcement/warnings', { creditCode: eW.creditCode })).status, 403);
    assert.equal((await gsOfficer.post('/api/enforcement/warnings', { creditCode: eW.creditCode })).status, 404);
    const none = await officer.post('/api/enforcement/warnings', { creditCode: enterprise(SC, 59).creditCode });
    assert.equal(none.status, 404);
  });

  let warning: { id: string; version: number; document: { docNo: string; pdfUrl: string; verifyUrl: string } };

  test('issuing: the letter is a numbered PDF with a QR, the business is told in its portal and by SMS, the acknowledgement is an obligation', async () => {
    const res = await officer.post('/api/enforcement/warnings', { creditCode: eW.creditCode, content: '请于十日内完成熟食储存条件自查。' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    warning = res.body;
    assert.equal(res.body.status, 'issued');
    assert.equal(res.body.acknowledgeDue, t.platform.calendar.get().addWorkingDays('2026-03-02', 5));
    assert.match(res.body.document.docNo, /^上城市监提示〔2026〕\d+号$/);
    const pdf = await officer.get(res.body.document.pdfUrl);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const code = res.body.document.verifyUrl.split('/').at(-1);
    const verified = await t.anonymous().get(`/api/public/documents/${code}`);
    assert.equal(verified.body.title, '风险提示函');
    assert.equal(verified.body.genuine, true);
    // The portal notice and the SMS (through the outbox).
    const note = await t.platform.db.selectFrom('platform.notification').select(['title', 'body', 'link']).where('account_id', '=', business.accountId!).executeTakeFirst();
    assert.equal(note?.link, '/business/warnings');
    assert.match(note!.body, new RegExp(res.body.document.docNo.replace(/[〔〕]/g, '.')));
    const sms = await t.platform.db.selectFrom('platform.outbox_event').select(['payload']).where('topic', '=', 'notification.sms').execute();
    assert.ok(sms.some((e) => JSON.stringify(e.payload).includes('风险提示函')), 'an SMS is queued');
    const ob = await t.platform.db.selectFrom('platform.obligation').selectAll().where('subject_id', '=', res.body.id).executeTakeFirstOrThrow();
    assert.deepEqual([ob.kind, ob.status, ob.due_on, ob.owner_id], ['enforcement.warning-acknowledgement', 'open', res.body.acknowledgeDue, officer.accountId]);
    // The signal is now warned: a second warning on the same signals is refused.
    assert.equal((await signalsOf(officer, eW.creditCode))?.signals[0].status, 'warned');
    const again = await officer.post('/api/enforcement/warnings', { creditCode: eW.creditCode });
    assert.equal(again.status, 422);
    assert.match(again.body.error.message, /没有待处理的预警信号/);
  });

  test('the business sees its warning and acknowledges it; time and account are recorded, the obligation fulfilled', async () => {
    const mine = await business.get('/api/enforcement/warnings');
    assert.equal(mine.status, 200);
    assert.deepEqual(mine.body.map((w: { id: string }) => w.id), [warning.id]);
    assert.deepEqual((await otherBusiness.get('/api/enforcement/warnings')).body, []);
    assert.equal((await otherBusiness.get(`/api/enforcement/warnings/${warning.id}`)).status, 404);
    assert.equal((await business.get(warning.document.pdfUrl)).status, 200, 'the business opens its letter');
    assert.equal((await otherBusiness.get(warning.document.pdfUrl)).status, 404);
    // Denials.
    assert.equal((await otherBusiness.post(`/api/enforcement/warnings/${warning.id}/acknowledge`, { version: warning.version })).status, 404);
    assert.equal((await officer.post(`/api/enforcement/warnings/${warning.id}/acknowledge`, { version: warning.version })).status, 403);
    assert.equal((await t.anonymous().post(`/api/enforcement/warnings/${warning.id}/acknowledge`, { version: warning.version })).status, 401);
    assert.equal((await business.post(`/api/enforcement/warnings/${warning.id}/acknowledge`, { version: warning.version + 5 })).status, 409);
    t.clock.set('2026-03-03T03:30:00Z');
    const ack = await business.post(`/api/enforcement/warnings/${warning.id}/acknowledge`, { version: warning.version, note: '已收到，正在整改。' });
    assert.equal(ack.status, 200, JSON.stringify(ack.body));
    assert.equal(ack.body.status, 'acknowledged');
    assert.equal(ack.body.acknowledgedAt, '2026-03-03T03:30:00.000Z');
    assert.ok(ack.body.acknowledgedByName);
    assert.equal(ack.body.acknowledgementNote, '已收到，正在整改。');
    const ob = await t.platform.db.selectFrom('platform.obligation').select(['status']).where('subject_id', '=', warning.id).executeTakeFirstOrThrow();
    assert.equal(ob.status, 'fulfilled');
    const audit = await t.platform.db.selectFrom('platform.audit_entry').select(['action']).where('entity_id', '=', warning.id).execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['enforcement.warning.acknowledge', 'enforcement.warning.issue']);
    const twice = await business.post(`/api/enforcement/warnings/${warning.id}/acknowledge`, { version: ack.body.version });
    assert.equal(twice.status, 422);
    // The officer sees the acknowledgement.
    const seen = await officer.get(`/api/enforcement/warnings/${warning.id}`);
    assert.equal(seen.body.status, 'acknowledged');
    t.clock.set('2026-03-02T02:00:00Z');
  });
});

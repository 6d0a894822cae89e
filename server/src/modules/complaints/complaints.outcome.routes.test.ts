// Issue 11, practice 2: the respondent is told the outcome (portal notice or SMS, an obligation),
// every issued document is kept across reopenings, and the success rate follows art. 21.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type Client } from '../../../test/harness.js';
import { makeCreditCode } from '../registry/domain/credit-code.js';

const GS = '330105';
let seq = 0;

describe('complaints outcome', () => {
  let t: TestApp;
  let leader: Client;
  let mediator: Client;
  let business: Client;
  let analyst: Client;
  let anon: Client;
  const creditCode = makeCreditCode('9', '1', GS, 'B0000021');

  /** Files (in Gongshu), accepts and assigns a complaint; answers the case as the mediator sees it. */
  async function mediating(extra: Record<string, unknown> = {}) {
    const res = await anon.post('/api/public/complaints', {
      kind: 'complaint', complainantName: '刘洋', complainantPhone: `136${String(++seq * 104_729 + 10_000_000).slice(-8)}`, complainantAddress: '拱墅区大关路',
      respondentName: `拱墅某店${seq}`, respondentAddress: '杭州市拱墅区湖墅南路1号', request: '退款', facts: '商品质量问题，商家拒绝退货。', category: 'shopping', amountFen: 50_000, ...extra,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const item = (await leader.get('/api/complaints?limit=200')).body.items.find((i: { trackingNo: string }) => i.trackingNo === res.body.trackingNo);
    const acc = await leader.post(`/api/complaints/${item.id}/accept`, { version: 1 });
    const a = await leader.post(`/api/complaints/${item.id}/assign`, { version: acc.body.version, mediatorId: mediator.accountId });
    assert.equal(a.status, 200, JSON.stringify(a.body));
    return a.body as { id: string; version: number; trackingNo: string };
  }
  const obligation = async (id: string, status: string) =>
    t.platform.db.selectFrom('platform.obligation').select(['status', 'owner_id', 'due_on']).where('kind', '=', 'complaints.respondent-notice').where('subject_id', '=', id).where('status', '=', status).executeTakeFirst();

  before(async () => {
    t = await createTestApp({ clock: '2025-09-26T02:00:00Z', config: { SESSION_HOURS: 24 * 365 } });
    leader = await t.as({ roles: ['bureau_leader'], jurisdiction: '3301' });
    mediator = await t.as({ roles: ['mediator'], jurisdiction: GS });
    analyst = await t.as({ roles: ['analyst'], jurisdiction: GS });
    anon = t.anonymous();
    const registrar = await t.as({ roles: ['registrar'], jurisdiction: '3301' });
    const e = await registrar.post('/api/enterprises', {
      creditCode, name: '杭州运河百货有限公司', type: 'limited_company', legalRepName: '钱七', registeredCapitalFen: 10_000_000,
      address: '浙江省杭州市拱墅区湖墅南路2号', regionCode: GS, industryCode: '5211', establishedOn: '2021-03-04',
    });
    assert.equal(e.status, 201, JSON.stringify(e.body));
    business = await t.as({ kind: 'business', enterprises: [creditCode] });
  });
  after(() => t.close());

  test('a respondent with a portal account gets the outcome as a portal notice; the obligation is fulfilled', async () => {
    const c = await mediating({ respondentName: '杭州运河百货有限公司' });
    const done = await mediator.post(`/api/complaints/${c.id}/conclude`, { version: c.version, outcome: 'no_agreement', note: '商家坚持不退' });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.ok(await obligation(c.id, 'open'), 'tracked until delivered');
    await t.worker.drain();
    const notes = await t.platform.db.selectFrom('platform.notification').select(['title', 'body']).where('account_id', '=', business.accountId).execute();
    assert.ok(notes.some((n) => n.body.includes(c.trackingNo) && n.body.includes('调解未能达成协议')));
    const after = await leader.get(`/api/complaints/${c.id}`);
    assert.ok(after.body.respondentNotifiedAt);
    assert.ok(after.body.timeline.some((e: { kind: string }) => e.kind === 'respondent-notified'));
    assert.ok(await obligation(c.id, 'fulfilled'));
    assert.equal((await business.get(`/api/complaints/${c.id}`)).status, 403);
  });

  test('otherwise by SMS to the mobile given; with neither, the obligation stays with the mediator', async () => {
    const bySms = await mediating({ respondentPhone: '13800138123' });
    await mediator.post(`/api/complaints/${bySms.id}/conclude`, { version: bySms.version, outcome: 'terminated', terminationGround: 'absent_or_refused', note: '拒绝调解' });
    await t.worker.drain();
    const sms = await t.platform.db.selectFrom('platform.message_log').select(['body', 'recipient']).where('channel', '=', 'sms').execute();
    assert.ok(sms.some((m) => m.body.includes(bySms.trackingNo) && m.body.includes('终止调解')));
    assert.ok(await obligation(bySms.id, 'fulfilled'));

    assert.equal((await anon.post('/api/public/complaints', { kind: 'complaint', complainantName: '甲', complainantPhone: '13600000001', complainantAddress: '拱墅区', respondentName: '乙', respondentAddress: '拱墅区', request: '退', facts: '事实', respondentPhone: '123' })).status, 400);

    const none = await mediating();
    await mediator.post(`/api/complaints/${none.id}/conclude`, { version: none.version, outcome: 'no_agreement', note: '未达成' });
    await t.worker.drain();
    const open = await obligation(none.id, 'open');
    assert.equal(open?.owner_id, mediator.accountId);
    assert.ok(open?.due_on);
    const d = await leader.get(`/api/complaints/${none.id}`);
    assert.equal(d.body.respondentNotifiedAt, null);
    assert.ok(d.body.timeline.some((e: { kind: string }) => e.kind === 'respondent-notice-pending'));
  });

  test('reopening keeps the signed agreement; a new conclusion adds a document', async () => {
    const c = await mediating();
    const done = await mediator.post(`/api/complaints/${c.id}/conclude`, { version: c.version, outcome: 'agreement', note: '达成一致', agreementTerms: '商家退款 500 元' });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.documents.length, 1);
    const reopened = await leader.post(`/api/complaints/${c.id}/reopen`, { version: done.body.version, reason: '商家未履行协议' });
    assert.equal(reopened.status, 200, JSON.stringify(reopened.body));
    assert.equal(reopened.body.agreementFileId, null);
    assert.equal(reopened.body.documents.length, 1);
    assert.equal(reopened.body.documents[0].superseded, true);
    const pdf = await leader.get(`/api/complaints/${c.id}/documents/${reopened.body.documents[0].id}`);
    assert.equal(pdf.status, 200);
    assert.equal((await leader.get(`/api/complaints/${c.id}/agreement.pdf`)).status, 200);
    assert.equal((await anon.get(`/api/complaints/${c.id}/documents/${reopened.body.documents[0].id}`)).status, 401);
    const again = await mediator.post(`/api/complaints/${c.id}/conclude`, { version: reopened.body.version, outcome: 'agreement', note: '重新达成', agreementTerms: '商家退款 500 元并赔偿 100 元' });
    assert.equal(again.status, 200);
    assert.deepEqual(again.body.documents.map((d: { superseded: boolean }) => d.superseded), [true, false]);
  });

  test('success rate: withdrawals and self-settlements are resolved; art. 15 terminations are left out', async () => {
    const settled = await mediating();
    await mediator.post(`/api/complaints/${settled.id}/conclude`, { version: settled.version, outcome: 'terminated', terminationGround: 'withdrawn_or_settled', note: '双方自行和解' });
    const excluded = await mediating();
    await mediator.post(`/api/complaints/${excluded.id}/conclude`, { version: excluded.version, outcome: 'terminated', terminationGround: 'refusal_ground_found', note: '已由法院受理' });
    const f = await analyst.get('/api/complaints/figures');
    assert.equal(f.status, 200);
    // concluded so far in Gongshu: no_agreement ×2, terminated absent ×1, agreement ×1 (reconcluded), settled ×1, excluded ×1
    assert.equal(f.body.settled, 1);
    assert.equal(f.body.excluded, 1);
    const expected = Math.round(((f.body.agreements + f.body.settled) / (f.body.concludedMediations - f.body.excluded)) * 10_000) / 10_000;
    assert.equal(f.body.mediationSuccessRate, expected);
    assert.match(f.body.successRateDefinition['zh-CN'], /自行和解/);
    assert.match(f.body.successRateDefinition.en, /withdrawn/);
    assert.equal((await mediator.get('/api/complaints/figures')).status, 403);
  });
});

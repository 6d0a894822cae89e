import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type Client } from '../../../test/harness.js';
import { latestCode } from '../../../test/sms.js';
import { qrPngBuffer } from '../../platform/documents/qr.js';

const SC = '330102';
let phoneSeq = 0;

function policy(extra: Record<string, unknown> = {}) {
  return {
    year: 2026,
    policyNo: `PZHA2026${Math.floor(Math.random() * 1e9)}`,
    insurer: '中原农业保险',
    premiumFen: 120_000_000,
    aggregateLimitFen: 3_000_000_000,
    perAccidentLimitFen: 300_000_000,
    coveredRegions: ['330102', '330105', '330106'],
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    ...extra,
  };
}

/** Files a complaint and takes it to the state asked for; returns its id, tracking number and code. */
async function complaint(t: TestApp, staff: Client, mediatorClient: Client, state: 'mediating' | 'no_agreement' | 'agreement', extra: Record<string, unknown> = {}) {
  const anon = t.anonymous();
  const phone = `137${String(++phoneSeq + Math.floor(Math.random() * 1e6) * 100).padStart(8, '0').slice(-8)}`;
  const res = await anon.post('/api/public/complaints', {
    kind: 'complaint',
    complainantName: '王芳',
    complainantPhone: phone,
    complainantAddress: '杭州市上城区',
    respondentName: `某电器商店${phoneSeq}`,
    respondentAddress: '杭州市上城区解放路1号',
    regionCode: SC,
    category: 'shopping',
    request: '退货',
    facts: '洗衣机无法启动',
    amountFen: 329_900,
    ...extra,
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const trackingNo = res.body.trackingNo as string;
  const list = await staff.get('/api/complaints?status=received&limit=200');
  const id = list.body.items.find((i: { trackingNo: string }) => i.trackingNo === trackingNo).id as string;
  let c = (await staff.post(`/api/complaints/${id}/accept`, { version: 1 })).body;
  c = (await staff.post(`/api/complaints/${id}/assign`, { version: c.version, mediatorId: mediatorClient.accountId })).body;
  if (state !== 'mediating') {
    const body = state === 'agreement' ? { outcome: 'agreement', agreementTerms: '退货退款' } : { outcome: 'no_agreement', note: '商家不同意' };
    const done = await mediatorClient.post(`/api/complaints/${id}/conclude`, { version: c.version, ...body });
    assert.equal(done.status, 200, JSON.stringify(done.body));
  }
  await t.worker.drain();
  const code = await latestCode(t.platform, trackingNo);
  return { id, trackingNo, code };
}

function multipart(fields: Record<string, string>, file: { name: string; data: Buffer; type: string }) {
  const boundary = `----xf${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('insurance routes', () => {
  let t: TestApp;
  let leader: Client;
  let mediator: Client;
  let analyst: Client;
  let gsLeader: Client;
  let cityMediator: Client;

  before(async () => {
    t = await createTestApp({ clock: '2026-03-02T02:00:00Z' });
    cityMediator = await t.as({ roles: ['mediator'], jurisdiction: '3301' });
    leader = await t.as({ roles: ['bureau_leader'], jurisdiction: '3301' });
    mediator = await t.as({ roles: ['mediator'], jurisdiction: SC });
    analyst = await t.as({ roles: ['analyst'], jurisdiction: '3301' });
    gsLeader = await t.as({ roles: ['bureau_leader'], jurisdiction: '330105' });
  });
  after(() => t.close());

  test('policies: created by the bureau with the limits, read by staff', async () => {
    assert.equal((await t.anonymous().post('/api/insurance/policies', policy())).status, 401);
    assert.equal((await mediator.post('/api/insurance/policies', policy())).status, 403);
    const bad = await leader.post('/api/insurance/policies', policy({ perAccidentLimitFen: 4_000_000_000, categories: ['medical'] }));
    assert.equal(bad.status, 400);
    const res = await leader.post('/api/insurance/policies', policy());
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.purchaseCapFen, 1_000_000);
    assert.equal(res.body.categories.length, 6);
    assert.equal(res.body.remainingFen, 3_000_000_000);
    assert.equal((await analyst.get('/api/insurance/policies')).body.items.length, 1);
  });

  test('a claim on a complaint still in mediation is refused with the reason', async () => {
    const c = await complaint(t, leader, mediator, 'mediating');
    const res = await t.anonymous().post('/api/public/insurance/claims', { trackingNo: c.trackingNo, code: c.code, claimedFen: 100_000, lossDescription: '洗衣机损失' });
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'RULE_VIOLATION');
    assert.match(res.body.error.message, /调解未能达成协议/);
    assert.deepEqual(res.body.error.fields.map((f: { path: string }) => f.path), ['conditions.mediation_failed']);
    const en = await t.anonymous().post('/api/public/insurance/claims', { trackingNo: c.trackingNo, code: c.code, claimedFen: 100_000, lossDescription: 'x' }, { 'accept-language': 'en' });
    assert.match(en.body.error.message, /Mediation ended without agreement/);
    // a wrong code finds nothing
    assert.equal((await t.anonymous().post('/api/public/insurance/claims', { trackingNo: c.trackingNo, code: '99999x', claimedFen: 1, lossDescription: 'x' })).status, 404);
    // an agreement is not a failed mediation either
    const a = await complaint(t, leader, mediator, 'agreement');
    const r2 = await t.anonymous().post('/api/public/insurance/claims', { trackingNo: a.trackingNo, code: a.code, claimedFen: 100_000, lossDescription: 'x' });
    assert.equal(r2.status, 422);
  });

  test('a claim whose trigger fails is refused naming it; eligibility lists every condition', async () => {
    const out = await complaint(t, leader, cityMediator, 'no_agreement', { regionCode: '330110', amountFen: 2_000_000 });
    const el = await t.anonymous().post('/api/public/insurance/eligibility', { trackingNo: out.trackingNo, code: out.code });
    assert.equal(el.status, 200);
    assert.equal(el.body.eligible, false);
    const failed = el.body.conditions.filter((x: { passed: boolean | null }) => x.passed === false).map((x: { id: string }) => x.id);
    assert.deepEqual(failed, ['within_area', 'purchase_cap']);
    assert.equal(el.body.conditions.find((x: { id: string }) => x.id === 'business_liability').passed, null);
    const res = await t.anonymous().post('/api/public/insurance/claims', { trackingNo: out.trackingNo, code: out.code, claimedFen: 100_000, lossDescription: 'x' });
    assert.equal(res.status, 422);
    assert.match(res.body.error.message, /承保区域/);
    assert.match(res.body.error.message, /购买上限/);
    // staff see the same conditions; another district's staff do not see the complaint
    const staffEl = await leader.get(`/api/insurance/eligibility/${out.trackingNo}`);
    assert.equal(staffEl.status, 200);
    assert.equal((await gsLeader.get(`/api/insurance/eligibility/${out.trackingNo}`)).status, 404);
  });

  test('online claim, evidence, review within the limits, payout; the claimant is told at each step', async () => {
    const c = await complaint(t, leader, mediator, 'no_agreement');
    const el = await t.anonymous().post('/api/public/insurance/eligibility', { trackingNo: c.trackingNo, code: c.code });
    assert.equal(el.body.eligible, true);
    const filed = await t.anonymous().post('/api/public/insurance/claims', { trackingNo: c.trackingNo, code: c.code, claimedFen: 329_900, lossDescription: '洗衣机款' });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.equal(filed.body.status, 'submitted');
    const again = await t.anonymous().post('/api/public/insurance/claims', { trackingNo: c.trackingNo, code: c.code, claimedFen: 1, lossDescription: 'x' });
    assert.equal(again.status, 409);

    const list = await leader.get('/api/insurance/claims?status=submitted');
    const claim = list.body.items.find((x: { claimNo: string }) => x.claimNo === filed.body.claimNo);
    assert.ok(claim);
    assert.equal((await gsLeader.get(`/api/insurance/claims/${claim.id}`)).status, 404);
    assert.equal((await t.anonymous().get('/api/insurance/claims')).status, 401);

    // evidence: a PNG is accepted, a text file is not
    const png = await qrPngBuffer('receipt', 64);
    const up = multipart({ trackingNo: c.trackingNo, code: c.code }, { name: 'receipt.png', data: png, type: 'image/png' });
    const ok = await t.http!.inject({ method: 'POST', url: `/api/public/insurance/claims/${claim.id}/evidence`, ...up });
    assert.equal(ok.statusCode, 200, ok.body);
    const txt = multipart({ trackingNo: c.trackingNo, code: c.code }, { name: 'x.png', data: Buffer.from('not an image at all'), type: 'image/png' });
    assert.equal((await t.http!.inject({ method: 'POST', url: `/api/public/insurance/claims/${claim.id}/evidence`, ...txt })).statusCode, 415);
    const wrong = multipart({ trackingNo: c.trackingNo, code: '000000' }, { name: 'r.png', data: png, type: 'image/png' });
    assert.equal((await t.http!.inject({ method: 'POST', url: `/api/public/insurance/claims/${claim.id}/evidence`, ...wrong })).statusCode, 404);
    const got = await leader.get(`/api/insurance/claims/${claim.id}`);
    assert.equal(got.body.evidence.length, 1);
    assert.equal(got.body.evidence[0].mime, 'image/png');

    const v = got.body.version;
    const approve = (body: Record<string, unknown>, who = leader) => who.post(`/api/insurance/claims/${claim.id}/approve`, { version: v, liability: 'non_intentional_liable', claimBasis: 'fully_liable_over_capacity', approvedFen: 300_000, ...body });
    assert.equal((await approve({}, mediator)).status, 403);
    const over = await approve({ approvedFen: 400_000 });
    assert.equal(over.status, 422);
    assert.equal(over.body.error.code, 'LIMIT_EXCEEDED');
    assert.match(over.body.error.message, /申请金额/);
    const intentional = await approve({ liability: 'intentional' });
    assert.equal(intentional.status, 422);
    assert.match(intentional.body.error.message, /经营者非故意/);
    assert.equal((await approve({ version: v + 5 })).status, 409);
    const approved = await approve({});
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(approved.body.status, 'approved');
    assert.equal(approved.body.approvedFen, 300_000);
    assert.equal((await approve({ version: approved.body.version })).status, 409);
    const pol = (await leader.get('/api/insurance/policies')).body.items[0];
    assert.equal(pol.paidFen, 300_000);

    const paid = await leader.post(`/api/insurance/claims/${claim.id}/pay`, { version: approved.body.version, payoutRef: 'PAY-0001' });
    assert.equal(paid.status, 200);
    assert.equal(paid.body.status, 'paid');
    const status = await t.anonymous().post('/api/public/insurance/claims/status', { trackingNo: c.trackingNo, code: c.code });
    assert.equal(status.body.items[0].status, 'paid');
    assert.equal(status.body.items[0].approvedFen, 300_000);
    await t.worker.drain();
    const sms = (await t.platform.db.selectFrom('platform.message_log').select('body').execute()).map((r) => r.body as string).filter((b) => b.includes(filed.body.claimNo));
    assert.equal(sms.length, 3); // filed, approved, paid

    const f = await analyst.get('/api/insurance/figures');
    assert.equal(f.body.paidCount, 1);
    assert.equal(f.body.paidFen, 300_000);
    const all = await analyst.get('/api/consumer-protection/figures');
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.equal(all.body.claims.paidFen, 300_000);
    assert.ok(all.body.concludedMediations >= 3);
    assert.ok(all.body.mediationSuccessRate > 0 && all.body.mediationSuccessRate < 1);
    assert.equal(typeof all.body.coverage.share, 'number');
    assert.equal((await mediator.get('/api/consumer-protection/figures')).status, 403);
  });

  test('offline claim by staff and refusal with a reason', async () => {
    const c = await complaint(t, leader, mediator, 'no_agreement');
    assert.equal((await analyst.post('/api/insurance/claims', { trackingNo: c.trackingNo, claimedFen: 10_000, lossDescription: 'x' })).status, 403);
    const filed = await mediator.post('/api/insurance/claims', { trackingNo: c.trackingNo, claimedFen: 10_000, lossDescription: '来电代办' });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.equal(filed.body.channel, 'offline');
    const r = await leader.post(`/api/insurance/claims/${filed.body.id}/refuse`, { version: filed.body.version, reason: '损失已由经营者赔付' });
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'refused');
    assert.equal(r.body.refusalReason, '损失已由经营者赔付');
    assert.equal((await leader.post(`/api/insurance/claims/${filed.body.id}/pay`, { version: r.body.version, payoutRef: 'x' })).status, 409);
  });
});

describe('insurance aggregate limit under concurrency', () => {
  let t: TestApp;
  let leader: Client;
  let mediator: Client;

  before(async () => {
    t = await createTestApp({ clock: '2026-03-02T02:00:00Z' });
    leader = await t.as({ roles: ['bureau_leader', 'mediator'], jurisdiction: '3301' });
    mediator = await t.as({ roles: ['mediator'], jurisdiction: SC });
  });
  after(() => t.close());

  test('50 concurrent approvals against a nearly used-up policy never push paid past the aggregate limit', async () => {
    const pol = await leader.post('/api/insurance/policies', policy({ aggregateLimitFen: 1_000_000, perAccidentLimitFen: 1_000_000 }));
    assert.equal(pol.status, 201);
    const claims: { id: string; version: number }[] = [];
    for (let i = 0; i < 51; i++) {
      const c = await complaint(t, leader, mediator, 'no_agreement', { amountFen: 500_000 });
      const filed = await mediator.post('/api/insurance/claims', { trackingNo: c.trackingNo, claimedFen: 960_000, lossDescription: `损失 ${i}` });
      assert.equal(filed.status, 201, JSON.stringify(filed.body));
      claims.push({ id: filed.body.id, version: filed.body.version });
    }
    const body = { liability: 'insufficient_evidence_of_non_liability', claimBasis: 'no_evidence_of_non_liability' };
    // use up 950,000 of the 1,000,000 first
    const first = await leader.post(`/api/insurance/claims/${claims[0].id}/approve`, { version: claims[0].version, approvedFen: 950_000, ...body });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    // 50 approvals of 2,000 at once: only 25 fit in the remaining 50,000
    const results = await Promise.all(claims.slice(1).map((c) => leader.post(`/api/insurance/claims/${c.id}/approve`, { version: c.version, approvedFen: 2_000, ...body })));
    const statuses = results.map((r) => r.status);
    const approved = statuses.filter((s) => s === 200).length;
    assert.ok(statuses.every((s) => s === 200 || s === 422 || s === 409), JSON.stringify(statuses));
    const after = (await leader.get('/api/insurance/policies')).body.items[0];
    assert.ok(after.paidFen <= 1_000_000, `paid ${after.paidFen}`);
    assert.equal(after.paidFen, 950_000 + approved * 2_000);
    assert.equal(approved, 25);
    const refusedForLimit = results.filter((r) => r.status === 422);
    assert.ok(refusedForLimit.every((r) => r.body.error.code === 'LIMIT_EXCEEDED'));
    const sum = (await leader.get('/api/insurance/claims?status=approved&limit=200')).body.items.reduce((s: number, c: { approvedFen: number }) => s + c.approvedFen, 0);
    assert.equal(sum, after.paidFen);
  });
});

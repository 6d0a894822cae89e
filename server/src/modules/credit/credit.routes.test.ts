import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { makeCreditCode } from '../registry/domain/credit-code.js';
import { qrPngBuffer } from '../../platform/documents/qr.js';
import { ENFORCEMENT_PENALTY_PUBLISHED, ENFORCEMENT_PENALTY_WITHDRAWN } from '../../../../contracts/events.js';
import { startCreditSimulator, DEMO_SECRETS, type CreditSimulator } from './simulator/simulator.js';
import type { CreditService } from './index.js';

const SC = '330102';
const GS = '330105';

function enterprise(region: string, seq: number) {
  return {
    creditCode: makeCreditCode('9', '1', region, `C${String(seq).padStart(7, '0')}`),
    name: `杭州信用测试${seq}商贸有限公司`,
    type: 'limited_company',
    legalRepName: '王五',
    registeredCapitalFen: 10_000_000,
    address: '浙江省杭州市上城区解放路1号',
    regionCode: region,
    industryCode: '5179',
    businessScope: '日用百货',
    establishedOn: '2020-01-02',
  };
}

function multipart(file: { name: string; data: Buffer; type: string }) {
  const boundary = `----xf${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let caseSeq = 0;
/** Publishes a penalty as the enforcement module does (through the outbox), then lets the worker run. */
async function publishPenalty(t: TestApp, e: { creditCode: string; name: string; regionCode: string }, o: { decidedOn: string; period?: '3_months' | '3_years'; violationType?: string; penaltyKind?: string; endsOn?: string }) {
  const n = ++caseSeq;
  await t.platform.outbox.append(t.platform.db, ENFORCEMENT_PENALTY_PUBLISHED, {
    caseId: `case-${n}-${Math.random().toString(16).slice(2, 8)}`,
    caseNo: `杭上市监处〔2026〕${n}号`,
    creditCode: e.creditCode,
    regionCode: e.regionCode,
    partyName: e.name,
    violationType: o.violationType ?? 'advertising',
    amountFen: 2_000_000,
    documentNo: `杭上市监罚决〔2026〕${n}号-${Math.random().toString(16).slice(2, 6)}`,
    decidedOn: o.decidedOn,
    publishedOn: o.decidedOn,
    period: o.period ?? '3_years',
    endsOn: o.endsOn ?? '2029-01-01',
    onTime: true,
    summary: { violation: '发布虚假广告', ...(o.penaltyKind ? { penaltyKind: o.penaltyKind } : {}) },
  });
  await t.worker.drain();
}

async function simRecords(url: string, creditCode: string): Promise<{ state: string; documentNo: string }[]> {
  const res = await fetch(`${url.replace(/\/credit$/, '')}/records?creditCode=${creditCode}`);
  return ((await res.json()) as { records: { state: string; documentNo: string }[] }).records;
}

describe('credit routes', () => {
  let t: TestApp;
  let sim: CreditSimulator;
  let officer: Client;
  let gsOfficer: Client;
  let business: Client;
  let otherBusiness: Client;
  let enforcementOfficer: Client;
  let credit: CreditService;
  const e1 = enterprise(SC, 1);
  const e2 = enterprise(SC, 2);
  const e3 = enterprise(SC, 3);

  before(async () => {
    // Friday 20 November 2026: seven months after a decision of 20 April 2026.
    t = await createTestApp({ clock: '2026-11-20T02:00:00Z', config: { SESSION_HOURS: 24 * 365 } });
    sim = await startCreditSimulator();
    credit = t.modules.find((m) => m.name === 'credit')!.api as CreditService;
    const registrar = await t.as({ roles: ['registrar'], jurisdiction: '3301' });
    for (const e of [e1, e2, e3]) assert.equal((await registrar.post('/api/enterprises', e)).status, 201);
    officer = await t.as({ roles: ['credit_officer'], jurisdiction: '3301' });
    gsOfficer = await t.as({ roles: ['credit_officer'], jurisdiction: GS });
    enforcementOfficer = await t.as({ roles: ['enforcement_officer'], jurisdiction: SC });
    business = await t.as({ kind: 'business', enterprises: [e1.creditCode, e2.creditCode] });
    otherBusiness = await t.as({ kind: 'business', enterprises: [e3.creditCode] });
    const admin = await t.as({ roles: ['admin'] });
    assert.equal((await admin.patch('/api/credit/systems/gsxt', { endpointUrl: sim.gsxt.url, secret: DEMO_SECRETS.gsxt })).status, 200);
    assert.equal((await admin.patch('/api/credit/systems/ccn', { endpointUrl: sim.ccn.url, secret: DEMO_SECRETS.ccn })).status, 200);
  });

  after(async () => {
    await t?.close();
    await sim?.close();
  });

  async function upload(who: Client, name = 'receipt.png') {
    const up = multipart({ name, data: await qrPngBuffer('fine receipt', 64), type: 'image/png' });
    const res = await who.request('POST', '/api/credit/proofs', up.payload, up.headers);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.fileId as string;
  }

  async function recordOf(who: Client, creditCode: string, pred: (r: { documentNo: string; penaltyKind: string; decidedOn: string }) => boolean = () => true) {
    const list = await who.get('/api/credit/records');
    assert.equal(list.status, 200);
    const r = list.body.items.filter((x: { creditCode: string }) => x.creditCode === creditCode).find(pred);
    assert.ok(r, 'record not found');
    return r;
  }

  const apply = (who: Client, recordId: string, proof: string, key: string) =>
    who.post('/api/credit/applications', { recordId, measures: '已缴纳罚款并撤下全部违法广告', commitmentSigner: '王五', commitmentAccepted: true, proofFileIds: [proof], idempotencyKey: key });

  test('a penalty from enforcement becomes a published record; the public page shows it without the risk class', async () => {
    await publishPenalty(t, e1, { decidedOn: '2026-04-20' });
    const r = await recordOf(business, e1.creditCode);
    assert.equal(r.status, 'published');
    assert.equal(r.severity, 'general');
    assert.equal(r.repairableFrom, '2026-10-20');
    assert.equal(r.issuingOffice, '上城区市场监督管理局');
    const page = await t.anonymous().get(`/api/public/credit/${e1.creditCode}`);
    assert.equal(page.status, 200);
    assert.equal(page.body.records.length, 1);
    assert.equal(JSON.stringify(page.body).includes('riskClass'), false);
    // the risk class is internal: staff only
    const risk = await officer.get(`/api/credit/risk/${e1.creditCode}`);
    assert.equal(risk.status, 200);
    // general penalty 15 + history 5 + no 2025 annual report 10 = 30 → C
    assert.equal(risk.body.riskClass, 'C');
    assert.deepEqual(risk.body.factors.map((f: { factor: string }) => f.factor).sort(), ['history.3y', 'penalty.general', 'report.missing']);
    assert.equal(risk.body.rulesVersion, 'national-4-v1');
    assert.equal((await business.get(`/api/credit/risk/${e1.creditCode}`)).status, 403);
    assert.equal((await t.anonymous().get(`/api/credit/risk/${e1.creditCode}`)).status, 401);
    assert.equal((await gsOfficer.get(`/api/credit/risk/${e1.creditCode}`)).status, 404);
  });

  test('before the minimum period, or for an excluded penalty type, the application is refused with the rule cited', async () => {
    await publishPenalty(t, e2, { decidedOn: '2026-08-01', violationType: 'pricing' });
    await publishPenalty(t, e2, { decidedOn: '2026-01-05', violationType: 'licensing', penaltyKind: 'licence_revoked' });
    await publishPenalty(t, e2, { decidedOn: '2026-10-01', violationType: 'labelling', period: '3_months', penaltyKind: 'warning', endsOn: '2027-01-01' });
    const early = await recordOf(business, e2.creditCode, (r) => r.decidedOn === '2026-08-01');
    const revoked = await recordOf(business, e2.creditCode, (r) => r.penaltyKind === 'licence_revoked');
    const warning = await recordOf(business, e2.creditCode, (r) => r.penaltyKind === 'warning');
    const proof = await upload(business);

    const el = await business.get(`/api/credit/records/${early.id}/eligibility`);
    assert.equal(el.body.eligible, false);
    assert.deepEqual(el.body.reasons.map((x: { code: string }) => x.code), ['minimum_period']);
    assert.match(el.body.reasons[0].message, /2027-02-01/);
    const a1 = await apply(business, early.id, proof, 'key-early-0001');
    assert.equal(a1.status, 422);
    assert.equal(a1.body.error.code, 'RULE_VIOLATION');
    assert.match(a1.body.error.message, /国市监信规〔2021〕3号/);
    assert.match(a1.body.error.message, /2027-02-01/);

    const a2 = await apply(business, revoked.id, proof, 'key-revoked-01');
    assert.equal(a2.status, 422);
    assert.match(a2.body.error.message, /总局令第45号/);
    assert.match(a2.body.error.message, /第十四条第三款/);
    assert.equal(a2.body.error.fields[0].code, 'excluded_serious_penalty');

    const a3 = await apply(business, warning.id, proof, 'key-warning-01');
    assert.equal(a3.status, 422);
    assert.equal(a3.body.error.fields[0].code, 'excluded_short_publicity');

    const en = await apply(business, early.id, proof, 'key-early-0001');
    assert.equal(en.status, 422);
    assert.equal((await business.get('/api/credit/applications')).body.items.length, 0);
  });

  test('uploads are checked by content; other businesses and staff outside the office are refused', async () => {
    const txt = multipart({ name: 'x.png', data: Buffer.from('not an image, a text file'), type: 'image/png' });
    assert.equal((await business.request('POST', '/api/credit/proofs', txt.payload, txt.headers)).status, 415);
    assert.equal((await officer.request('POST', '/api/credit/proofs', txt.payload, txt.headers)).status, 403);
    assert.equal((await t.anonymous().get('/api/credit/records')).status, 401);
    const r = await recordOf(business, e1.creditCode);
    assert.equal((await otherBusiness.get(`/api/credit/records/${r.id}/eligibility`)).status, 404);
    const proof = await upload(otherBusiness);
    assert.equal((await apply(otherBusiness, r.id, proof, 'key-other-0001')).status, 404);
    // a proof uploaded by someone else cannot be attached
    assert.equal((await apply(business, r.id, proof, 'key-foreign-01')).status, 400);
  });

  test('apply twice → one application; one national system down during approval: repaired only when both confirm', async () => {
    const r = await recordOf(business, e1.creditCode);
    const proof = await upload(business);
    const first = await apply(business, r.id, proof, 'key-e1-repair-1');
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const again = await apply(business, r.id, proof, 'key-e1-repair-1');
    assert.equal(again.status, 200);
    assert.equal(again.body.id, first.body.id);
    const reload = await apply(business, r.id, proof, 'key-e1-repair-2');
    assert.equal(reload.status, 200);
    assert.equal(reload.body.id, first.body.id);
    assert.equal((await business.get('/api/credit/applications')).body.items.length, 1);
    const id = first.body.id;
    assert.equal(first.body.acceptDue, '2026-11-24');
    assert.equal(first.body.officeRegion, SC);

    // routing: the issuing office's officers decide; others are refused
    assert.equal((await enforcementOfficer.post(`/api/credit/applications/${id}/accept`, { version: 1 })).status, 403);
    assert.equal((await gsOfficer.post(`/api/credit/applications/${id}/accept`, { version: 1 })).status, 404);
    assert.equal((await business.post(`/api/credit/applications/${id}/accept`, { version: 1 })).status, 403);
    const accepted = await officer.post(`/api/credit/applications/${id}/accept`, { version: 1 });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.decideDue, '2026-12-11');
    assert.equal((await officer.post(`/api/credit/applications/${id}/accept`, { version: 2 })).status, 409);
    const verified = await officer.post(`/api/credit/applications/${id}/verify`, { version: 2, onSite: true, result: '现场核查：违法广告已撤除' });
    assert.equal(verified.status, 200);

    sim.ccn.fail = true;
    const approved = await officer.post(`/api/credit/applications/${id}/approve`, { version: 3, note: '符合修复条件' });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(approved.body.status, 'approved');
    await t.worker.drain();

    let view = (await business.get(`/api/credit/applications/${id}`)).body;
    assert.equal(view.status, 'approved');
    assert.equal(view.record.status, 'published');
    const states = Object.fromEntries(view.systems.map((s: { system: string; state: string }) => [s.system, s.state]));
    assert.deepEqual(states, { gsxt: 'repaired', ccn: 'failed' });
    assert.ok(view.systems.find((s: { system: string }) => s.system === 'ccn').lastError);
    assert.equal((await t.anonymous().get(`/api/public/credit/${e1.creditCode}`)).body.records.length, 1);
    assert.equal((await simRecords(sim.ccn.url, e1.creditCode)).length, 0);

    // 信用中国 returns: the failed push is queued again and reaches it
    sim.ccn.fail = false;
    t.clock.advance(10 * 60_000); // the outbox's backoff (and the re-queue job) run on the clock
    await credit.requeueFailedSyncs();
    await t.worker.drain();
    view = (await business.get(`/api/credit/applications/${id}`)).body;
    assert.equal(view.status, 'repaired');
    assert.equal(view.record.status, 'repaired');
    assert.deepEqual(Object.fromEntries(view.systems.map((s: { system: string; state: string }) => [s.system, s.state])), { gsxt: 'repaired', ccn: 'repaired' });
    assert.deepEqual(view.timeline.map((x: { step: string }) => x.step), ['submitted', 'accept', 'verify', 'approve', 'repaired']);
    assert.equal((await simRecords(sim.gsxt.url, e1.creditCode))[0].state, 'repaired');
    assert.equal((await simRecords(sim.ccn.url, e1.creditCode))[0].state, 'repaired');
    assert.equal((await t.anonymous().get(`/api/public/credit/${e1.creditCode}`)).body.records.length, 0);

    const figures = await officer.get('/api/credit/figures');
    assert.equal(figures.status, 200);
    assert.equal(figures.body.repairsCompleted, 1);
    assert.equal(figures.body.confirmedInBoth, 1);
    assert.equal(figures.body.medianDaysToRepair, 0);
    assert.equal((await business.get('/api/credit/figures')).status, 403);
  });

  test('refusal with a reason; the business follows it', async () => {
    await publishPenalty(t, e3, { decidedOn: '2026-03-02', violationType: 'pricing' });
    const r = await recordOf(otherBusiness, e3.creditCode);
    const proof = await upload(otherBusiness);
    const a = await apply(otherBusiness, r.id, proof, 'key-e3-refuse-1');
    assert.equal(a.status, 201);
    assert.equal((await officer.post(`/api/credit/applications/${a.body.id}/refuse`, { version: 1, reason: 'nonsense', note: 'x' })).status, 400);
    const refused = await officer.post(`/api/credit/applications/${a.body.id}/refuse`, { version: 1, reason: 'proof_insufficient', note: '缴款凭证不清晰' });
    assert.equal(refused.status, 200);
    const seen = await otherBusiness.get(`/api/credit/applications/${a.body.id}`);
    assert.equal(seen.body.status, 'refused');
    assert.equal(seen.body.refusalReasonLabel, '证明材料不足');
    assert.equal((await business.get(`/api/credit/applications/${a.body.id}`)).status, 404);
    const figures = await officer.get('/api/credit/figures');
    assert.deepEqual(figures.body.refusalsByReason.map((x: { reason: string; count: number }) => [x.reason, x.count]), [['proof_insufficient', 1]]);
  });

  test('mutual recognition: a signed 信用中国 notice repairs the record here once GSXT confirms too', async () => {
    const r = await recordOf(otherBusiness, e3.creditCode);
    const notice = { noticeId: 'CCN-N-0001', creditCode: e3.creditCode, documentNo: r.documentNo, repairedOn: '2026-11-19' };
    const forged = await t.anonymous().post('/api/credit/inbound/ccn', notice, { 'x-credit-timestamp': '1', 'x-credit-signature': 'bad' });
    assert.equal(forged.status, 401);
    const ts = String(Date.now());
    const { signBody, noticeSigningString } = await import('./domain/wire.js');
    const headers = { 'x-credit-timestamp': ts, 'x-credit-signature': signBody(DEMO_SECRETS.ccn, ts, noticeSigningString(notice)) };
    const ok = await t.anonymous().post('/api/credit/inbound/ccn', notice, headers);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.applied, true);
    assert.equal((await t.anonymous().post('/api/credit/inbound/ccn', notice, headers)).body.applied, false);
    assert.equal((await recordOf(otherBusiness, e3.creditCode)).status, 'published');
    await t.worker.drain();
    const after = await recordOf(otherBusiness, e3.creditCode);
    assert.equal(after.status, 'repaired');
    assert.equal((await simRecords(sim.gsxt.url, e3.creditCode))[0].state, 'repaired');
  });

  test('withdrawal from enforcement, expiry at the maximum period (both systems told), annual reports and abnormal listing', async () => {
    const e4 = enterprise(SC, 4);
    const registrar = await t.as({ roles: ['registrar'], jurisdiction: '3301' });
    assert.equal((await registrar.post('/api/enterprises', e4)).status, 201);
    const owner = await t.as({ kind: 'business', enterprises: [e4.creditCode] });
    await publishPenalty(t, e4, { decidedOn: '2026-02-01', period: '3_months', penaltyKind: 'warning', endsOn: '2026-05-01' });
    await publishPenalty(t, e4, { decidedOn: '2026-06-01', violationType: 'pricing' });
    // the expired-by-period one ends at once when the job runs; both systems are told
    assert.equal(await credit.expirePublicity(), 1);
    await t.worker.drain();
    const expired = await recordOf(owner, e4.creditCode, (r) => r.penaltyKind === 'warning');
    assert.equal(expired.status, 'expired');
    assert.deepEqual(expired.systems.map((s: { state: string }) => s.state), ['expired', 'expired']);
    // a revoked decision is withdrawn
    const pricing = await recordOf(owner, e4.creditCode, (r) => r.penaltyKind === 'fine');
    const caseId = (await t.platform.db.selectFrom('credit.record').select('source_ref').where('id', '=', pricing.id).executeTakeFirstOrThrow()).source_ref;
    await t.platform.outbox.append(t.platform.db, ENFORCEMENT_PENALTY_WITHDRAWN, { caseId, caseNo: 'x', creditCode: e4.creditCode, regionCode: SC, revokedOn: '2026-11-18', withdrawnOn: '2026-11-19', withdrawDue: null, reason: '决定撤销' });
    await t.worker.drain();
    assert.equal((await recordOf(owner, e4.creditCode, (r) => r.penaltyKind === 'fine')).status, 'withdrawn');
    assert.equal((await t.anonymous().get(`/api/public/credit/${e4.creditCode}`)).body.records.length, 0);

    // annual reports: e4 files 2025; the others have none → listed abnormal after 30 June
    const report = { creditCode: e4.creditCode, year: 2025, public: { address: '上城区解放路1号', phone: '0571-88880000', employees: 12, investors: [{ name: '王五', amountFen: 10_000_000 }] }, private: { assetsFen: 1, liabilitiesFen: 0, revenueFen: 2, profitFen: 1, taxFen: 0 } };
    const filed = await owner.post('/api/credit/annual-reports', report);
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.equal(filed.body.late, true);
    assert.equal((await owner.post('/api/credit/annual-reports', report)).status, 409);
    assert.equal((await owner.post('/api/credit/annual-reports', { ...report, year: 2026 })).status, 422);
    assert.equal((await business.post('/api/credit/annual-reports', report)).status, 404);
    const listed = await credit.listOverdueReports();
    assert.ok(listed >= 3);
    assert.equal(await credit.listOverdueReports(), 0);
    const abnormal = await recordOf(business, e2.creditCode, (r) => (r as unknown as { kind: string }).kind === 'abnormal');
    // the listing comes with a notice to the enterprise's business account, with a working link
    const notes = (await business.get('/api/notifications?limit=50')).body.items as { title: string; body: string; link: string }[];
    const notice = notes.find((n) => n.title === '列入经营异常名录通知');
    assert.ok(notice, 'the business is told of the listing');
    assert.equal(notice.link, '/business/credit');
    assert.match(notice.body, /2025年度报告/);
    const el = await business.get(`/api/credit/records/${abnormal.id}/eligibility`);
    assert.deepEqual(el.body.reasons.map((x: { code: string }) => x.code), ['ground_not_cured']);
    assert.equal((await t.anonymous().get(`/api/public/credit/${e4.creditCode}`)).body.records.length, 0);
  });

  test('the monthly risk-class batch covers the register once per month, with progress', async () => {
    const started = await officer.post('/api/credit/risk/batches');
    assert.equal(started.status, 202);
    assert.equal((await business.post('/api/credit/risk/batches')).status, 403);
    const done = await credit.runRiskBatch({ period: '2026-11' });
    assert.equal(done.status, 'done');
    assert.equal(done.done, 4);
    const got = await officer.get(`/api/credit/risk/batches/${done.id}`);
    assert.equal(got.body.done, 4);
    // a serious (never repairable) penalty, a general and a minor one, history, the abnormal listing → D
    assert.equal((await officer.get(`/api/credit/risk/${e2.creditCode}`)).body.riskClass, 'D');
  });
});

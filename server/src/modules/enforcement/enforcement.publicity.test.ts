import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { CREDIT_PENALTY_REPAIRED } from '../../../../contracts/events.js';
import { enforcementFixture, REASONING, e1, e2 } from '../../../test/fixtures/enforcement-routes.js';
import type { Client } from '../../../test/harness.js';

/** The PDF's text with white space removed (pdftotext breaks lines where the layout does). */
function pdfText(pdf: Buffer, ...args: string[]): string {
  const res = spawnSync('pdftotext', ['-enc', 'UTF-8', ...args, '-', '-'], { input: pdf, encoding: 'utf8' });
  assert.equal(res.status, 0, `pdftotext failed: ${res.stderr}`);
  return res.stdout.replace(/\s+/g, '');
}
function pdfPages(pdf: Buffer): number {
  const res = spawnSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(res.stdout)?.[1]);
}

const PHONE = '13812345678';
const ID_NO = '11010519491231002X';
const SUMMARY = `当事人未取得食品经营许可销售散装食品，举报人电话${PHONE}，现场负责人身份证号码${ID_NO}。`;

describe('penalty publicity on the public site (Order 45), reasoning in the decision', () => {
  const f = enforcementFixture();

  /** The stored bytes of an issued document (the test client reads bodies as text). */
  async function storedPdf(docNo: string): Promise<Buffer> {
    const row = await f.t.platform.db.selectFrom('platform.document').select('file_id').where('doc_no', '=', docNo).executeTakeFirstOrThrow();
    return f.t.platform.files.read(row.file_id!);
  }

  /** A ¥65,000 decision (general procedure, published for 3 months), decided and served. */
  async function decided(creditCode = e1.creditCode, o: Client = f.o1) {
    const lead = await o.post('/api/enforcement/leads', { source: 'inspection', creditCode, summary: SUMMARY });
    const c = await f.stepOk(o, lead.body.id, 'open', { officerIds: [f.o1.accountId, f.o2.accountId] });
    await f.stepOk(o, c.id, 'facts', { facts: { violationType: 'food.unlicensed-bulk', firstViolation: false, harm: 'minor', corrected: false } });
    await f.stepOk(o, c.id, 'evidence', { kind: 'evidence', description: '现场检查笔录' });
    await f.stepOk(o, c.id, 'proposal', { outcome: 'standard', amountFen: 6_500_000 });
    await f.stepOk(o, c.id, 'notice');
    const noReason = await o.post(`/api/enforcement/cases/${c.id}/decision`, { version: (await o.get(`/api/enforcement/cases/${c.id}`)).body.version });
    assert.equal(noReason.status, 422, 'no decision without its reasoning');
    assert.match(noReason.body.error.message, /说理/);
    assert.equal(noReason.body.error.fields[0].path, 'reasoning');
    const reasoned = await f.stepOk(o, c.id, 'reasoning', { reasoning: REASONING });
    assert.deepEqual(reasoned.reasoning, REASONING);
    const d = await f.stepOk(o, c.id, 'decision');
    assert.equal(d.publicity.status, 'pending');
    return d;
  }

  test('the reasoning step: officers of the case only, all four sections required; shown in the case and printed in the decision', async () => {
    const lead = await f.o1.post('/api/enforcement/leads', { source: 'inspection', creditCode: e2.creditCode, summary: '未取得许可销售散装食品。' });
    const c = await f.stepOk(f.o1, lead.body.id, 'open', { officerIds: [f.o1.accountId, f.o2.accountId] });
    await f.stepOk(f.o1, c.id, 'facts', { facts: { violationType: 'food.unlicensed-bulk', firstViolation: false, harm: 'minor', corrected: false } });
    const p = await f.stepOk(f.o1, c.id, 'proposal', { outcome: 'standard', amountFen: 6_500_000 });
    const partial = await f.o1.post(`/api/enforcement/cases/${c.id}/reasoning`, { version: p.version, reasoning: { facts: 'x', evidence: 'y', provisions: 'z' } });
    assert.equal(partial.status, 400);
    assert.equal((await f.o3.post(`/api/enforcement/cases/${c.id}/reasoning`, { version: p.version, reasoning: REASONING })).status, 403, 'not an officer of the case');
    assert.equal((await f.credit.post(`/api/enforcement/cases/${c.id}/reasoning`, { version: p.version, reasoning: REASONING })).status, 403);
    assert.equal((await f.t.anonymous().post(`/api/enforcement/cases/${c.id}/reasoning`, { version: p.version, reasoning: REASONING })).status, 401);

    const d = await decided(e2.creditCode);
    const doc = d.documents.find((x: { kind: string }) => x.kind === 'penalty_decision');
    assert.equal((await f.o1.get(doc.pdfUrl)).status, 200);
    const buf = await storedPdf(doc.docNo);
    const text = pdfText(buf);
    for (const s of ['本局认为', '（一）事实认定', '（二）证据采信', '（三）法律适用', '（四）裁量理由', REASONING.discretion.replace(/\s+/g, '')]) assert.ok(text.includes(s), s);
    // Layout: the authority and the date stay with the closing text; no page holds them alone.
    const pages = pdfPages(buf);
    const last = pdfText(buf, '-f', String(pages), '-l', String(pages));
    assert.ok(last.includes('杭州市上城区市场监督管理局'));
    assert.ok(last.includes('二〇二六年三月二日'), 'the date is on the page with the closing text');
    if (pages === 1) assert.ok(pdfText(buf, '-f', '1', '-l', '1').includes('扫码核验真伪'), 'page 1 holds the authority, date and QR when they fit');
    assert.ok(last.length > 80, `the last page is not a near-empty page: ${last}`);
    // The served document carries the data the published copy redacts.
    assert.ok(text.includes(PHONE));
  });

  test('nothing unpublished is public; publishing shows the decision in the list, the search, the detail and a redacted PDF', async () => {
    const d = await decided();
    const anon = f.t.anonymous();
    assert.equal((await anon.get(`/api/public/penalties/${d.id}`)).status, 404, 'pending: not public');
    assert.ok(!(await anon.get('/api/public/penalties')).body.items.some((i: { id: string }) => i.id === d.id));
    assert.equal((await f.business.post(`/api/enforcement/cases/${d.id}/publish`)).status, 403);
    const pub = await f.credit.post(`/api/enforcement/cases/${d.id}/publish`);
    assert.equal(pub.status, 200, JSON.stringify(pub.body));
    const doc = d.documents.find((x: { kind: string }) => x.kind === 'penalty_decision');

    for (const q of [e1.name.slice(2, 8), e1.creditCode, doc.docNo, encodeURIComponent(doc.docNo.slice(-8))]) {
      const found = await anon.get(`/api/public/penalties?q=${encodeURIComponent(decodeURIComponent(q))}`);
      assert.equal(found.status, 200);
      assert.ok(found.body.items.some((i: { id: string }) => i.id === d.id), `search ${q}`);
    }
    const none = await anon.get(`/api/public/penalties?q=${encodeURIComponent('不存在的名称')}`);
    assert.deepEqual(none.body.items, []);
    const detail = await anon.get(`/api/public/penalties/${d.id}`);
    assert.equal(detail.status, 200);
    assert.equal(detail.body.docNo, doc.docNo);
    assert.equal(detail.body.partyName, e1.name);
    assert.equal(detail.body.penalty, '罚款人民币65,000元');
    assert.equal(detail.body.endsOn, '2026-06-02');
    const pdf = await f.t.http!.inject({ method: 'GET', url: detail.body.pdfUrl });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const text = pdfText(pdf.rawPayload);
    assert.ok(!text.includes(PHONE), 'phone redacted');
    assert.ok(!text.includes(ID_NO), 'ID number redacted');
    assert.ok(text.includes(doc.docNo));
    assert.ok(text.includes('（四）裁量理由'));
    assert.equal((await anon.get('/api/public/penalties/00000000-0000-4000-8000-000000000000')).status, 404);
    assert.equal((await anon.get('/api/public/penalties?cursor=%%%')).status, 400);
  });

  test('a revoked decision leaves the public site at once (410 with the reason)', async () => {
    const d = await decided();
    await f.credit.post(`/api/enforcement/cases/${d.id}/publish`);
    await f.stepOk(f.leader, d.id, 'revoke', { reason: '复议撤销' });
    const gone = await f.t.anonymous().get(`/api/public/penalties/${d.id}`);
    assert.equal(gone.status, 410);
    assert.equal(gone.body.error.code, 'GONE');
    assert.match(gone.body.error.message, /撤销/);
    assert.equal((await f.t.anonymous().get(`/api/public/penalties/${d.id}/pdf`)).status, 410);
  });

  test('credit.penalty-repaired ends the publication early; the event is consumed once', async () => {
    const d = await decided();
    await f.credit.post(`/api/enforcement/cases/${d.id}/publish`);
    const event = { caseId: d.id, caseNo: d.caseNo, creditCode: e1.creditCode, regionCode: d.regionCode, repairedOn: '2026-03-02', applicationId: 'XF-REPAIR-1' };
    await f.t.platform.db.transaction().execute((tx) => f.t.platform.outbox.append(tx, CREDIT_PENALTY_REPAIRED, event));
    await f.t.worker.drain();
    const gone = await f.t.anonymous().get(`/api/public/penalties/${d.id}`);
    assert.equal(gone.status, 410);
    assert.match(gone.body.error.message, /信用修复/);
    const en = await f.t.anonymous().get(`/api/public/penalties/${d.id}`, { 'accept-language': 'en' });
    assert.match(en.body.error.message, /repaired/);
    const staff = await f.o1.get(`/api/enforcement/cases/${d.id}`);
    assert.deepEqual([staff.body.publicity.status, staff.body.publicity.endReason], ['ended', 'repaired']);
  });

  test('at the end of its period a publication disappears (410), and the hourly job ends it', async () => {
    const d = await decided();
    await f.credit.post(`/api/enforcement/cases/${d.id}/publish`);
    const mod = f.t.modules.find((m) => m.name === 'enforcement')!;
    assert.ok(mod.jobs?.some((j) => j.name === 'enforcement.end-expired-publicity'));
    const was = f.t.clock.now();
    try {
      f.t.clock.set('2026-06-03T02:00:00Z');
      const gone = await f.t.anonymous().get(`/api/public/penalties/${d.id}`);
      assert.equal(gone.status, 410);
      assert.match(gone.body.error.message, /公示期已满/);
      assert.ok(!(await f.t.anonymous().get('/api/public/penalties')).body.items.some((i: { id: string }) => i.id === d.id));
      await (mod.api as { endExpiredPublicity(): Promise<number> }).endExpiredPublicity();
      const staff = await f.o1.get(`/api/enforcement/cases/${d.id}`);
      assert.deepEqual([staff.body.publicity.status, staff.body.publicity.endReason, staff.body.publicity.endedOn], ['ended', 'expired', '2026-06-03']);
    } finally {
      f.t.clock.set(was);
    }
  });
});

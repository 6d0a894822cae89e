import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createTestApp, type TestApp, type Client } from '../../../test/harness.js';
import { deliveredSms, latestCode } from '../../../test/sms.js';
import { createCrypto } from '../../platform/crypto/crypto.js';
import { ACCESS_MAX_FAILURES, ACCESS_COOLDOWN_MINUTES, RESEND_INTERVAL_MINUTES, ACCESS_CODE_ALPHABET } from './domain/access-code.js';

/** Issue 9, finding 3: complaint codes that cannot be guessed, never in clear, re-issued safely. */
describe('complaint access codes', () => {
  let t: TestApp;
  let anon: Client;
  let phoneSeq = 0;

  before(async () => {
    t = await createTestApp();
    anon = t.anonymous();
  });
  after(() => t.close());

  async function file(): Promise<{ trackingNo: string; phone: string; code: string }> {
    const phone = `1390000${String(++phoneSeq).padStart(4, '0')}`;
    const res = await anon.post('/api/public/complaints', {
      kind: 'complaint',
      complainantName: '李娜',
      complainantPhone: phone,
      complainantAddress: '浙江省杭州市上城区清波街道1号',
      respondentName: '某某电器商行',
      respondentAddress: '浙江省杭州市上城区延安路1号',
      request: '退货',
      facts: '洗衣机无法启动。',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    await t.worker.drain();
    return { trackingNo: res.body.trackingNo, phone, code: await latestCode(t.platform, res.body.trackingNo) };
  }

  /** Well-formed codes that are not `code` (distinct from each other). */
  function wrongCodes(code: string, n: number): string[] {
    const out: string[] = [];
    for (let i = 0; out.length < n; i++) {
      const c = `${ACCESS_CODE_ALPHABET[i % 31]}${ACCESS_CODE_ALPHABET[Math.floor(i / 31) % 31]}AAAAAAAA`;
      if (c !== code.replace('-', '')) out.push(c);
    }
    return out;
  }

  test('brute force: parallel guesses get exactly the allowed number of checks, then even the right code waits out the cool-down', async () => {
    const { trackingNo, code } = await file();
    const guesses = wrongCodes(code, 40);
    const answers = await Promise.all(guesses.map((g) => anon.post('/api/public/complaints/track', { trackingNo, code: g })));
    const statuses = answers.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 404).length, ACCESS_MAX_FAILURES);
    assert.equal(statuses.filter((s) => s === 429).length, guesses.length - ACCESS_MAX_FAILURES);
    const locked = answers.find((r) => r.status === 429)!;
    assert.equal(locked.body.error.code, 'RATE_LIMITED');

    // locked: the right code, the agreement PDF and the insurance routes are refused too
    assert.equal((await anon.post('/api/public/complaints/track', { trackingNo, code })).status, 429);
    assert.equal((await anon.post('/api/public/complaints/agreement.pdf', { trackingNo, code })).status, 429);
    assert.equal((await anon.post('/api/public/insurance/eligibility', { trackingNo, code })).status, 429);
    assert.equal((await anon.post('/api/public/insurance/claims/status', { trackingNo, code })).status, 429);
    const zh = await anon.post('/api/public/complaints/track', { trackingNo, code }, { 'accept-language': 'zh-CN' });
    assert.match(zh.body.error.message, /错误次数过多/);

    // the limit lives in the database: a second app on the same data sees it (other process, same rows)
    const row = await t.platform.db.selectFrom('complaints.complaint').select(['access_failures']).where('tracking_no', '=', trackingNo).executeTakeFirstOrThrow();
    assert.ok(Number(row.access_failures) > ACCESS_MAX_FAILURES);

    // after the cool-down the consumer gets in with the right code; the count starts again
    t.clock.advance(ACCESS_COOLDOWN_MINUTES * 60_000 + 1000);
    const ok = await anon.post('/api/public/complaints/track', { trackingNo, code });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.trackingNo, trackingNo);
    // right answers do not use up the allowance
    for (let i = 0; i < ACCESS_MAX_FAILURES + 2; i++) assert.equal((await anon.post('/api/public/complaints/track', { trackingNo, code })).status, 200);
    assert.equal((await anon.post('/api/public/insurance/eligibility', { trackingNo, code })).status, 200);
  });

  test('an unknown number, a wrong code and a malformed code get the same answer', async () => {
    const { trackingNo, code } = await file();
    const unknown = await anon.post('/api/public/complaints/track', { trackingNo: 'TS2026112099999999', code });
    const wrong = await anon.post('/api/public/complaints/track', { trackingNo, code: wrongCodes(code, 1)[0] });
    const junk = await anon.post('/api/public/complaints/track', { trackingNo, code: '123456' });
    assert.deepEqual([unknown.status, wrong.status, junk.status], [404, 404, 404]);
    assert.equal(unknown.body.error.code, wrong.body.error.code);
  });

  test('codes are never stored in clear; the hash is keyed with the data key', async () => {
    const { trackingNo, code, phone } = await file();
    const plain = code.replace('-', '');
    const logs = await t.platform.db.selectFrom('platform.message_log').select(['body']).execute();
    const mine = logs.map((r) => r.body as string).filter((b) => b.includes(trackingNo));
    assert.equal(mine.length, 1);
    assert.match(mine[0]!, /查询码 \*{6,}/);
    const everywhere = JSON.stringify([
      logs,
      await t.platform.db.selectFrom('platform.outbox_event').select(['payload']).execute(),
      await t.platform.db.selectFrom('platform.notification').selectAll().execute(),
      await t.platform.db.selectFrom('platform.audit_entry').selectAll().execute(),
      await t.platform.db.selectFrom('complaints.complaint').selectAll().execute(),
    ]);
    assert.equal(everywhere.includes(code), false);
    assert.equal(everywhere.includes(plain), false);
    assert.equal(everywhere.includes(phone), false);
    // the stored hash cannot be recomputed from the code without DATA_KEY
    const row = await t.platform.db.selectFrom('complaints.complaint').select(['access_code_hash']).where('tracking_no', '=', trackingNo).executeTakeFirstOrThrow();
    const other = createCrypto('some-other-data-key-0123456789abcdef');
    for (const c of [code, plain]) {
      assert.notEqual(row.access_code_hash, createHmac('sha256', 'complaint-access').update(`${trackingNo}:${c}`).digest('hex'));
      assert.notEqual(row.access_code_hash, other.blindIndex(`complaint-access:v2:${trackingNo}:${c}`));
    }
    assert.equal(row.access_code_hash, t.platform.crypto.blindIndex(`complaint-access:v2:${trackingNo}:${plain}`));
  });

  test('re-issue: only to the phone on file, spaced, and the old code stays valid until the new one is used', async () => {
    const { trackingNo, code, phone } = await file();
    const sent = async () => (await deliveredSms(t.platform)).filter((m) => m.body.includes(trackingNo));
    assert.equal((await sent()).length, 1);

    // a stranger who knows the tracking number but not the phone: "ok", nothing sent
    assert.equal((await anon.post('/api/public/complaints/code', { trackingNo, phone: '13800000000' })).status, 200);
    await t.worker.drain();
    assert.equal((await sent()).length, 1);

    // a stranger who knows number and phone: a new code goes to the consumer, the old one still works
    assert.equal((await anon.post('/api/public/complaints/code', { trackingNo, phone })).status, 200);
    await t.worker.drain();
    const after1 = await sent();
    assert.equal(after1.length, 2);
    assert.equal(after1[1]!.to, phone);
    const code2 = await latestCode(t.platform, trackingNo);
    assert.notEqual(code2, code);
    assert.equal((await anon.post('/api/public/complaints/track', { trackingNo, code })).status, 200);

    // asking again at once sends nothing (one new code per interval), in parallel too
    const again = await Promise.all(Array.from({ length: 5 }, () => anon.post('/api/public/complaints/code', { trackingNo, phone })));
    assert.deepEqual(again.map((r) => r.status), [200, 200, 200, 200, 200]);
    await t.worker.drain();
    assert.equal((await sent()).length, 2);

    // once the new code is used, the old one is gone
    assert.equal((await anon.post('/api/public/complaints/track', { trackingNo, code: code2 })).status, 200);
    assert.equal((await anon.post('/api/public/complaints/track', { trackingNo, code })).status, 404);
    assert.equal((await anon.post('/api/public/complaints/track', { trackingNo, code: code2 })).status, 200);

    // after the interval another code may be sent
    t.clock.advance(RESEND_INTERVAL_MINUTES * 60_000 + 1000);
    assert.equal((await anon.post('/api/public/complaints/code', { trackingNo, phone })).status, 200);
    await t.worker.drain();
    assert.equal((await sent()).length, 3);
  });
});

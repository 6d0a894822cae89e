import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { enforcementFixture, e1 } from '../../../test/fixtures/enforcement-routes.js';

describe('on-the-spot procedure: the statutory range, the lenient rules and art. 51', () => {
  const f = enforcementFixture();
  const base = () => ({
    partyKind: 'organisation',
    partyName: '杭州某超市有限公司',
    creditCode: e1.creditCode,
    facts: '现场检查发现当事人销售散装食品未取得食品经营许可。',
    circumstances: { firstViolation: false, harm: 'minor', corrected: false },
    coOfficerId: f.o2.accountId,
  });

  test('a ¥1,000 fine for a violation whose statutory range is ¥50,000–¥100,000 is refused, citing the range and art. 51', async () => {
    const res = await f.o1.post('/api/enforcement/on-the-spot', { ...base(), violationType: 'food.unlicensed-bulk', penalty: 'fine', amountFen: 100_000 });
    assert.equal(res.status, 422, JSON.stringify(res.body));
    assert.equal(res.body.error.code, 'LIMIT_EXCEEDED');
    assert.match(res.body.error.message, /¥50,000–¥100,000/);
    assert.match(res.body.error.message, /第一百二十二条第一款/);
    assert.match(res.body.error.message, /第五十一条/);
    assert.match(res.body.error.message, /普通程序/);
    const en = await f.o1.request('POST', '/api/enforcement/on-the-spot', { ...base(), violationType: 'food.unlicensed-bulk', penalty: 'fine', amountFen: 100_000 }, { 'accept-language': 'en' });
    assert.match(en.body.error.message, /general procedure/);
  });

  test('a warning alone for a violation with a statutory minimum fine is refused', async () => {
    const res = await f.o1.post('/api/enforcement/on-the-spot', { ...base(), violationType: 'food.unlicensed-bulk', penalty: 'warning', amountFen: 0 });
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'RULE_VIOLATION');
    assert.match(res.body.error.message, /¥50,000 以上罚款/);
  });

  test('a case on the 轻微免罚 list (no harm, corrected) cannot be penalised on the spot (art. 33 ¶1)', async () => {
    const res = await f.o1.post('/api/enforcement/on-the-spot', {
      ...base(),
      violationType: 'food.mixed-storage',
      circumstances: { firstViolation: true, harm: 'none', corrected: true },
      penalty: 'warning',
      amountFen: 0,
    });
    assert.equal(res.status, 422);
    assert.match(res.body.error.message, /第三十三条第一款/);
  });

  test('outside the engine\'s proposal a reason is required; inside, the case records the engine and the facts', async () => {
    const low = await f.o1.post('/api/enforcement/on-the-spot', { ...base(), violationType: 'price.no-tag', penalty: 'fine', amountFen: 50_000 });
    assert.equal(low.status, 400);
    assert.equal(low.body.error.fields[0].path, 'deviationReason');
    const ok = await f.o1.post('/api/enforcement/on-the-spot', { ...base(), violationType: 'price.no-tag', penalty: 'fine', amountFen: 200_000 });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.engine.outcome, 'standard');
    assert.equal(ok.body.outsideProposal, false);
    assert.equal(ok.body.facts.violationType, 'price.no-tag');
    const reasoned = await f.o1.post('/api/enforcement/on-the-spot', { ...base(), violationType: 'price.no-tag', penalty: 'fine', amountFen: 50_000, deviationReason: '当事人当场改正，主动消除影响' });
    assert.equal(reasoned.status, 201);
    assert.equal(reasoned.body.outsideProposal, true);
    assert.equal(reasoned.body.deviationReason, '当事人当场改正，主动消除影响');
  });

  test('an unknown violation type, a missing type and non-officers are refused', async () => {
    const unknown = await f.o1.post('/api/enforcement/on-the-spot', { ...base(), violationType: 'no.such', penalty: 'fine', amountFen: 100 });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.fields[0].path, 'violationType');
    const { violationType: _none, ...missing } = { ...base(), violationType: 'x', penalty: 'fine', amountFen: 100 };
    assert.equal((await f.o1.post('/api/enforcement/on-the-spot', missing)).status, 400);
    assert.equal((await f.credit.post('/api/enforcement/on-the-spot', { ...base(), violationType: 'price.no-tag', penalty: 'fine', amountFen: 200_000 })).status, 403);
    assert.equal((await f.t.anonymous().post('/api/enforcement/on-the-spot', { ...base(), violationType: 'price.no-tag', penalty: 'fine', amountFen: 200_000 })).status, 401);
  });
});

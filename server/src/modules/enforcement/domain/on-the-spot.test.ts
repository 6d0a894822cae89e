import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkOnTheSpot } from './on-the-spot.js';
import { NATIONAL_RULE_SET as RS } from './rule-sets.js';

const plain = { firstViolation: false, harm: 'minor', corrected: false } as const;
const check = (violationType: string, penalty: 'warning' | 'fine', amountFen: number, more: object = {}, deviationReason?: string) =>
  checkOnTheSpot({ penalty, amountFen, partyKind: 'organisation', facts: { ...plain, ...more, violationType, partyKind: 'organisation' }, deviationReason }, RS);

describe('on-the-spot penalties under the discretion engine (art. 51 + benchmark)', () => {
  test('a ¥1,000 fine for a violation whose statutory range is ¥50,000–¥100,000 is refused: the general procedure applies', () => {
    const r = check('food.unlicensed-bulk', 'fine', 100_000);
    assert.equal(r.refusal?.code, 'RANGE_ABOVE_LIMIT');
    assert.deepEqual(r.refusal && 'range' in r.refusal ? r.refusal.range : null, { minFen: 5_000_000, maxFen: 10_000_000 });
  });
  test('a warning alone is refused where the statute sets a minimum fine', () => {
    assert.equal(check('food.unlicensed-bulk', 'warning', 0).refusal?.code, 'WARNING_BELOW_MINIMUM');
  });
  test('the art. 51 limit still applies inside the statutory range', () => {
    assert.deepEqual(check('price.no-tag', 'fine', 300_001).refusal, { code: 'OVER_LIMIT', limitFen: 300_000 });
  });
  test('a case the lenient list exempts (轻微免罚, mandatory) cannot be penalised on the spot', () => {
    const r = check('food.mixed-storage', 'warning', 0, { harm: 'none', corrected: true });
    assert.equal(r.refusal?.code, 'NO_PENALTY_REQUIRED');
    assert.equal(r.refusal?.code === 'NO_PENALTY_REQUIRED' && r.refusal.citation.article, '第三十三条第一款');
  });
  test('inside the proposal passes; outside it needs a reason', () => {
    // price.no-tag 0–5,000 yuan, standard band 1,500–3,500 yuan; the art. 51 limit is 3,000 yuan.
    assert.equal(check('price.no-tag', 'fine', 200_000).refusal, null);
    assert.equal(check('price.no-tag', 'fine', 50_000).refusal?.code, 'DEVIATION_REASON_REQUIRED');
    const reasoned = check('price.no-tag', 'fine', 50_000, {}, '当事人当场改正');
    assert.equal(reasoned.refusal, null);
    assert.equal(reasoned.outsideProposal, true);
  });
  test('an unknown violation type is refused by the engine', () => {
    assert.throws(() => check('no.such-type', 'fine', 100));
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { approvalLimit, evaluateConditions, failing, type ComplaintFacts, type PolicyTerms } from './triggers.js';

const policy: PolicyTerms = {
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  coveredRegions: ['330102', '330105', '330106'],
  categories: ['food', 'lodging', 'transport', 'tourism', 'shopping', 'entertainment'],
  purchaseCapFen: 1_000_000,
};
const facts: ComplaintFacts = { kind: 'complaint', status: 'closed', mediationFailed: true, regionCode: '330102', category: 'food', amountFen: 38_800, occurredOn: '2026-03-01' };

describe('insurance trigger conditions (§H)', () => {
  test('all pass, liability pending until the review', () => {
    const cs = evaluateConditions(facts, policy);
    assert.deepEqual(failing(cs), []);
    assert.equal(cs.find((x) => x.id === 'business_liability')!.passed, null);
    assert.equal(evaluateConditions(facts, policy, 'non_intentional_liable').every((x) => x.passed), true);
    assert.equal(evaluateConditions(facts, policy, 'insufficient_evidence_of_non_liability').every((x) => x.passed), true);
  });

  test('each failing condition is named', () => {
    const ids = (f: Partial<ComplaintFacts>, p: PolicyTerms | null = policy, l?: 'not_liable' | 'intentional') => failing(evaluateConditions({ ...facts, ...f }, p, l)).map((x) => x.id);
    assert.deepEqual(ids({ status: 'mediating', mediationFailed: false }), ['mediation_failed']);
    assert.deepEqual(ids({ mediationFailed: false }), ['mediation_failed']);
    assert.deepEqual(ids({ amountFen: null }), ['clear_price', 'purchase_cap']);
    assert.deepEqual(ids({ amountFen: 1_000_001 }), ['purchase_cap']);
    assert.deepEqual(ids({ amountFen: 1_000_000 }), []);
    assert.deepEqual(ids({ regionCode: '330110' }), ['within_area']);
    assert.deepEqual(ids({ category: 'medical' }), ['category_covered']);
    assert.deepEqual(ids({ occurredOn: '2025-12-31' }), ['policy_in_force']);
    assert.deepEqual(ids({ kind: 'report' }), ['complaint_not_report']);
    assert.deepEqual(ids({}, policy, 'intentional'), ['business_liability']);
    assert.deepEqual(ids({}, policy, 'not_liable'), ['business_liability']);
    assert.ok(ids({}, null).includes('policy_in_force'));
  });

  test('approval within the claimed amount, the per-accident limit and the remaining aggregate', () => {
    assert.deepEqual(approvalLimit(100, 200, 300, 400), { ok: true });
    assert.deepEqual(approvalLimit(250, 200, 300, 400), { ok: false, limit: 'claimed', maxFen: 200 });
    assert.deepEqual(approvalLimit(350, 500, 300, 400), { ok: false, limit: 'per_accident', maxFen: 300 });
    assert.deepEqual(approvalLimit(250, 500, 300, 200), { ok: false, limit: 'aggregate', maxFen: 200 });
    assert.deepEqual(approvalLimit(250, 500, 300, -5), { ok: false, limit: 'aggregate', maxFen: 0 });
  });
});

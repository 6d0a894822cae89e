import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkCalendar } from '../../../platform/calendar/index.js';
import { NATIONAL_RULE_SET, NINGXIA_RULE_SET, findRuleSet, ruleSetForRegion, ruleSetKey } from './rule-sets.js';
import { compileRuleSet, levelRanges, proposeOutcome, withinProposal, UnknownViolationType, type CaseFacts } from './discretion.js';
import {
  canStep,
  collectiveRequired,
  decisionDue,
  hearingRight,
  lateFee,
  onTheSpotExcess,
  reviewRequired,
  stepsOutOfOrder,
  verificationDue,
  yuan,
  type DecisionFlags,
} from './procedure.js';
import { publicityEnds, publicityPlan, redact, withdrawalDue } from './publicity.js';

const rs = NATIONAL_RULE_SET;
const P = rs.procedure;
const cal = createWorkCalendar();

const base: CaseFacts = { violationType: 'food.unlicensed-bulk', partyKind: 'organisation', firstViolation: false, harm: 'significant', corrected: false };

describe('discretion engine', () => {
  test('first violation on the 首违不罚 list, minor harm, corrected → no penalty (discretionary) with art. 33 ¶1', () => {
    const p = proposeOutcome({ ...base, firstViolation: true, harm: 'minor', corrected: true }, rs);
    assert.equal(p.outcome, 'no_penalty');
    assert.equal(p.mandatory, false);
    assert.deepEqual(p.reasons, ['FIRST_VIOLATION']);
    assert.equal(p.citations[0].article, '第三十三条第一款');
    assert.deepEqual(p.amountRange, { minFen: 0, maxFen: 0 });
    assert.equal(p.ruleSet, 'samr-national@1');
  });

  test('first violation not on the list, or not corrected, is not exempt', () => {
    assert.equal(proposeOutcome({ ...base, violationType: 'ad.false', firstViolation: true, harm: 'minor', corrected: true }, rs).outcome, 'standard');
    assert.equal(proposeOutcome({ ...base, firstViolation: true, harm: 'minor', corrected: false }, rs).outcome, 'standard');
    assert.equal(proposeOutcome({ ...base, firstViolation: true, harm: 'significant', corrected: true }, rs).outcome, 'standard');
  });

  test('minor violation on the 轻微免罚 list with no harm → mandatory no penalty', () => {
    const p = proposeOutcome({ ...base, violationType: 'food.expired', harm: 'none', corrected: true }, rs);
    assert.equal(p.outcome, 'no_penalty');
    assert.equal(p.mandatory, true);
    assert.deepEqual(p.reasons, ['MINOR_NO_HARM']);
  });

  test('no subjective fault → no penalty under art. 33 ¶2', () => {
    const p = proposeOutcome({ ...base, noFault: true, harm: 'serious' }, rs);
    assert.equal(p.outcome, 'no_penalty');
    assert.equal(p.citations[0].article, '第三十三条第二款');
  });

  test('one art. 32 ground → lighter: the lowest 30% of the range', () => {
    const p = proposeOutcome({ ...base, mitigating: ['eliminated_harm'] }, rs);
    assert.equal(p.outcome, 'lighter');
    assert.deepEqual(p.amountRange, { minFen: 5_000_000, maxFen: 6_500_000 });
    assert.ok(p.citations.some((c) => c.article === '第三十二条'));
  });

  test('a province may override the lighter share (Ningxia 20%)', () => {
    const p = proposeOutcome({ ...base, mitigating: ['confessed'] }, NINGXIA_RULE_SET);
    assert.deepEqual(p.amountRange, { minFen: 5_000_000, maxFen: 6_000_000 });
    assert.equal(p.ruleSet, 'ningxia@1');
    assert.equal(ruleSetForRegion('640104').id, 'ningxia');
    assert.equal(ruleSetForRegion('330102').id, 'samr-national');
  });

  test('two grounds → mitigated: below the statutory minimum', () => {
    const p = proposeOutcome({ ...base, mitigating: ['eliminated_harm', 'confessed'] }, rs);
    assert.equal(p.outcome, 'mitigated');
    assert.ok(p.amountRange.maxFen < rs.violations[0].range.minFen);
  });

  test('minors aged 14–18 get a lighter penalty (art. 30); aggravating grounds → heavier; both → standard', () => {
    const minor = proposeOutcome({ ...base, partyKind: 'person', minorAge: true }, rs);
    assert.equal(minor.outcome, 'lighter');
    assert.equal(minor.citations[0].article, '第三十条');
    const heavy = proposeOutcome({ ...base, aggravating: ['repeat'] }, rs);
    assert.equal(heavy.outcome, 'heavier');
    assert.deepEqual(heavy.amountRange, { minFen: 8_500_000, maxFen: 10_000_000 });
    assert.equal(proposeOutcome({ ...base, aggravating: ['repeat'], mitigating: ['coerced'] }, rs).outcome, 'standard');
  });

  test('levels of a range with no minimum; unknown types are refused', () => {
    const t = rs.violations.find((v) => v.code === 'price.no-tag')!;
    const l = levelRanges(rs, t);
    assert.deepEqual(l.lighter, { minFen: 0, maxFen: 150_000 });
    assert.deepEqual(l.mitigated, l.lighter);
    assert.throws(() => proposeOutcome({ ...base, violationType: 'nope' }, rs), UnknownViolationType);
  });

  test('withinProposal compares outcome and amount', () => {
    const p = proposeOutcome({ ...base, mitigating: ['eliminated_harm'] }, rs);
    assert.equal(withinProposal(p, 'lighter', 5_000_000), true);
    assert.equal(withinProposal(p, 'lighter', 7_000_000), false);
    assert.equal(withinProposal(p, 'standard', 7_000_000), false);
  });

  test('rule sets are versioned data with at least six violation types, found by key', () => {
    assert.ok(rs.violations.length >= 6);
    assert.equal(findRuleSet(ruleSetKey(rs)), rs);
    assert.ok(Object.isFrozen(rs.violations[0]));
    assert.equal(compileRuleSet(rs), compileRuleSet(rs));
  });

  test('a large batch of evaluations runs (speed is measured by the benchmark)', () => {
    const c = compileRuleSet(rs);
    let n = 0;
    for (let i = 0; i < 20_000; i++) {
      const p = proposeOutcome({ ...base, violationType: rs.violations[i % rs.violations.length].code, firstViolation: i % 2 === 0, harm: i % 3 ? 'minor' : 'none', corrected: i % 5 !== 0 }, c);
      if (p.outcome === 'no_penalty') n++;
    }
    assert.ok(n > 0);
  });
});

describe('procedure', () => {
  const flags: DecisionFlags = { outcome: 'standard', amountFen: 100_000, partyKind: 'organisation', outsideProposal: false, serious: false, complex: false, publicInterest: false, hearingHeld: false };

  test('state machine allows steps only from their statuses', () => {
    assert.equal(canStep('lead', 'open'), true);
    assert.equal(canStep('investigating', 'decision'), false);
    assert.equal(canStep('proposed', 'decision'), true);
    assert.equal(canStep('decided', 'payment'), false);
    assert.equal(canStep('served', 'payment'), true);
  });

  test('review and collective discussion requirements', () => {
    assert.equal(reviewRequired(flags, P), false);
    assert.equal(reviewRequired({ ...flags, outsideProposal: true }, P), true);
    assert.equal(reviewRequired({ ...flags, hearingHeld: true }, P), true);
    assert.equal(collectiveRequired({ ...flags, amountFen: 50_000_000 }, P), true);
    assert.equal(collectiveRequired({ ...flags, serious: true }, P), true);
    assert.equal(collectiveRequired(flags, P), false);
  });

  test('hearing thresholds: ≥¥10,000 person, ≥¥100,000 organisation', () => {
    assert.equal(hearingRight(999_999, 'person', P), false);
    assert.equal(hearingRight(1_000_000, 'person', P), true);
    assert.equal(hearingRight(9_999_999, 'organisation', P), false);
    assert.equal(hearingRight(10_000_000, 'organisation', P), true);
  });

  test('on-the-spot limits (art. 51): ¥200 person, ¥3,000 organisation, warnings always', () => {
    assert.equal(onTheSpotExcess('fine', 20_000, 'person', P), null);
    assert.equal(onTheSpotExcess('fine', 20_001, 'person', P), 20_000);
    assert.equal(onTheSpotExcess('fine', 300_001, 'organisation', P), 300_000);
    assert.equal(onTheSpotExcess('warning', 0, 'organisation', P), null);
    assert.equal(yuan(300_000), '¥3,000');
  });

  test('verification: 15 working days, +15 with approval', () => {
    // 2026-11-20 is a Friday: 15 working days later is Friday 2026-12-11.
    assert.equal(verificationDue(cal, '2026-11-20', false), '2026-12-11');
    assert.equal(verificationDue(cal, '2026-03-02', true), cal.addWorkingDays('2026-03-02', 30));
  });

  test('decision due: 90 calendar days from opening, +30 extension, paused days excluded', () => {
    assert.equal(decisionDue(cal, '2026-03-02', 0, false), '2026-06-01'); // 05-31 is a Sunday → Monday
    assert.equal(decisionDue(cal, '2026-03-02', 0, true), '2026-06-30');
    assert.equal(decisionDue(cal, '2026-03-02', 10, false), '2026-06-10');
  });

  test('late fee: 3% a day after the due date, capped at the fine', () => {
    assert.equal(lateFee(100_000, '2026-01-10', '2026-01-10'), 0);
    assert.equal(lateFee(100_000, '2026-01-10', '2026-01-12'), 6_000);
    assert.equal(lateFee(100_000, '2026-01-10', '2026-03-10'), 100_000);
  });

  test('steps out of order are found', () => {
    assert.deepEqual(stepsOutOfOrder(['lead', 'open', 'proposal', 'notice', 'review', 'decision', 'service', 'close']), []);
    assert.deepEqual(stepsOutOfOrder(['lead', 'open', 'proposal', 'notice', 'proposal', 'review', 'decision']), []);
    assert.deepEqual(stepsOutOfOrder(['lead', 'open', 'decision', 'review']), ['review']);
    assert.deepEqual(stepsOutOfOrder(['lead', 'open', 'proposal', 'service', 'decision']), ['decision']);
  });
});

describe('publicity (§B4)', () => {
  test('general-procedure fines are published within 20 working days', () => {
    const plan = publicityPlan({ procedure: 'general', penalty: 'fine', amountFen: 5_000_000, partyKind: 'organisation', decidedOn: '2026-09-28' }, cal, P);
    assert.equal(plan.publish, true);
    if (!plan.publish) return;
    // National Day holiday (10-01…10-07) is skipped; make-up working days count.
    assert.equal(plan.publishDue, cal.addWorkingDays('2026-09-28', 20));
    assert.equal(cal.countWorkingDays('2026-09-28', plan.publishDue), 20);
    assert.ok(plan.publishDue > '2026-10-23');
  });

  test('warning-only, on-the-spot and no-penalty decisions are not published', () => {
    const d = { amountFen: 0, partyKind: 'organisation' as const, decidedOn: '2026-11-20' };
    assert.deepEqual(publicityPlan({ ...d, procedure: 'general', penalty: 'warning' }, cal, P).publish, false);
    const spot = publicityPlan({ ...d, procedure: 'on_the_spot', penalty: 'fine', amountFen: 20_000 }, cal, P);
    assert.equal(spot.publish, false);
    assert.equal(!spot.publish && spot.reason, 'ON_THE_SPOT');
    assert.equal(publicityPlan({ ...d, procedure: 'general', penalty: 'none' }, cal, P).publish, false);
  });

  test('period: 3 months for a low fine, 3 years otherwise (province threshold)', () => {
    const low = publicityPlan({ procedure: 'general', penalty: 'fine', amountFen: 500_000, partyKind: 'organisation', decidedOn: '2026-11-20' }, cal, P);
    const high = publicityPlan({ procedure: 'general', penalty: 'fine', amountFen: 10_000_000, partyKind: 'organisation', decidedOn: '2026-11-20' }, cal, P);
    assert.equal(low.publish && low.period, '3_months');
    assert.equal(high.publish && high.period, '3_years');
    const person = publicityPlan({ procedure: 'general', penalty: 'fine', amountFen: 1_000_000, partyKind: 'person', decidedOn: '2026-11-20' }, cal, P);
    assert.equal(person.publish && person.period, '3_years');
    assert.equal(publicityEnds('2026-11-30', '3_months'), '2027-02-28');
    assert.equal(publicityEnds('2026-11-20', '3_years'), '2029-11-20');
  });

  test('a revoked decision is withdrawn within 3 working days', () => {
    assert.equal(withdrawalDue(cal, '2026-11-20'), '2026-11-25');
    assert.equal(withdrawalDue(cal, '2026-09-30'), cal.addWorkingDays('2026-09-30', 3));
  });

  test('published text is redacted', () => {
    assert.equal(redact('身份证330102198001010013，电话13812345678'), '身份证330102********0013，电话138****5678');
  });
});

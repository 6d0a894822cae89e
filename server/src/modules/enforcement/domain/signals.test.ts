import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { complaintsRising, computeSignals, permitsExpiring, repeatFindings, SIGNAL_RULES, signalRuleKey, type SignalRuleSet } from './signals.js';

const today = '2026-03-02';

describe('early-warning signal rules (pure, versioned, thresholds as data)', () => {
  test('complaints rising: at least N in the window and at least k × the previous window', () => {
    // Current window: 2025-12-03 .. 2026-03-02 (90 days); previous: 2025-09-04 .. 2025-12-02.
    assert.equal(complaintsRising(['2026-03-01', '2026-02-01'], today), null, 'two is under the minimum of three');
    const s = complaintsRising(['2026-03-01', '2026-02-01', '2025-12-03', '2025-11-01'], today);
    assert.ok(s);
    assert.equal(s.detail.rule, 'complaints_rising');
    assert.deepEqual([s.detail.current, s.detail.previous], [3, 1]);
    assert.equal(s.ruleVersion, 'health-check-signals@1');
    assert.equal(complaintsRising(['2026-03-01', '2026-02-01', '2026-01-01', '2025-11-01', '2025-10-01'], today), null, '3 is under 2 × 2: not rising');
    assert.equal(complaintsRising(['2026-03-03', '2026-03-04', '2026-03-05'], today), null, 'future dates never count');
    assert.equal(complaintsRising(['2025-12-02', '2025-12-01', '2025-11-30'], today), null, 'outside the current window');
  });

  test('thresholds are data: a stricter rule set changes the result, not the code', () => {
    const strict: SignalRuleSet = { ...SIGNAL_RULES, version: 2, complaintsRising: { ...SIGNAL_RULES.complaintsRising, minCount: 5 } };
    const dates = ['2026-03-01', '2026-02-01', '2026-01-01'];
    assert.ok(complaintsRising(dates, today));
    assert.equal(complaintsRising(dates, today, strict), null);
    assert.equal(signalRuleKey(strict), 'health-check-signals@2');
  });

  test('permits expiring within 30 days, or expired within 30 days and not renewed', () => {
    const p = (permitNo: string, expiresOn: string, permitType = '食品经营许可证') => ({ permitType, permitNo, expiresOn });
    assert.equal(permitsExpiring([p('A', '2026-04-02')], today), null, '31 days left');
    const s = permitsExpiring([p('A', '2026-04-01'), p('B', '2026-02-01', '特种设备使用登记证')], today);
    assert.ok(s && s.detail.rule === 'permit_expiring');
    assert.deepEqual(
      s.detail.permits.map((x) => [x.permitNo, x.daysLeft]),
      [['B', -29], ['A', 30]],
    );
    assert.equal(permitsExpiring([p('A', '2026-03-10'), p('A2', '2031-03-10')], today), null, 'renewed: a later permit of the same type');
    assert.equal(permitsExpiring([p('A', '2026-01-01')], today), null, 'expired long ago: a matter for inspection, not a warning');
  });

  test('repeated findings: two or more decided cases in 12 months', () => {
    const f = (caseNo: string, decidedOn: string) => ({ caseNo, decidedOn, violationType: 'food.expired' });
    assert.equal(repeatFindings([f('1', '2026-01-10')], today), null);
    assert.equal(repeatFindings([f('1', '2026-01-10'), f('2', '2025-03-02')], today), null, 'outside 365 days');
    const s = repeatFindings([f('2', '2026-01-10'), f('1', '2025-03-03')], today);
    assert.ok(s && s.detail.rule === 'repeat_findings');
    assert.deepEqual(s.detail.findings.map((x) => x.caseNo), ['1', '2']);
  });

  test('computeSignals returns every rule that fires, each with its citation', () => {
    const all = computeSignals(
      {
        complaintDates: ['2026-03-01', '2026-02-01', '2026-01-01'],
        permits: [{ permitType: '食品经营许可证', permitNo: 'JY1', expiresOn: '2026-03-20' }],
        findings: [
          { caseNo: '1', decidedOn: '2026-01-10', violationType: null },
          { caseNo: '2', decidedOn: '2026-02-10', violationType: null },
        ],
      },
      today,
    );
    assert.deepEqual(all.map((s) => s.rule), ['complaints_rising', 'permit_expiring', 'repeat_findings']);
    for (const s of all) assert.ok(s.citation.law && s.citation.source);
    assert.deepEqual(computeSignals({ complaintDates: [], permits: [], findings: [] }, today), []);
  });
});

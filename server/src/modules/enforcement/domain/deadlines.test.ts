import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkCalendar, getTimeLimit } from '../../../platform/calendar/index.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { NATIONAL_RULE_SET, type RuleSet } from './rule-sets.js';
import { decisionDue, decisionDueAsOf, pausedDaysAsOf, verificationDue, type DecisionClock } from './procedure.js';
import { caseTimeLimit } from './time-limits.js';
import { PUBLISH_WITHIN_WORKING_DAYS, WITHDRAW_WITHIN_WORKING_DAYS } from './publicity.js';

const cal = createWorkCalendar();
const opened: DecisionClock = { opened_on: '2026-03-02', decision_due: '2026-06-01', decision_extended: false, paused_days: 0, paused_since: null };

/** A province that verifies leads in 10 working days (a test value, not a real province's rule). */
const TIGHT: Pick<RuleSet, 'timeLimits'> = {
  timeLimits: {
    'report.verification': { scope: 'test province', days: 10, version: 1, citation: { law: 'test rule', article: '第一条', source: 'UNVERIFIED' } },
  },
};

describe('the decision due date as of a day (one function for use cases, presenter and alerts)', () => {
  test('a running case keeps its stored date', () => {
    assert.equal(decisionDueAsOf(cal, opened, '2026-05-20'), '2026-06-01');
    assert.equal(decisionDueAsOf(cal, { ...opened, decision_due: null, opened_on: null }, '2026-05-20'), null);
  });

  test('a paused case moves on by each paused day, counting earlier pauses too', () => {
    const paused = { ...opened, paused_since: '2026-04-01', paused_days: 3 };
    assert.equal(pausedDaysAsOf(paused, '2026-04-01'), 3);
    assert.equal(pausedDaysAsOf(paused, '2026-04-08'), 10);
    assert.equal(decisionDueAsOf(cal, paused, '2026-04-08'), decisionDue(cal, '2026-03-02', 10, false));
    assert.equal(decisionDueAsOf(cal, paused, '2026-04-08'), '2026-06-10');
    // Later, more days: the date moves again.
    assert.equal(decisionDueAsOf(cal, paused, '2026-04-18'), decisionDue(cal, '2026-03-02', 20, false));
  });

  test('a pause dated after today (clock skew) counts no negative days', () => {
    assert.equal(pausedDaysAsOf({ paused_days: 2, paused_since: '2026-04-10' }, '2026-04-08'), 2);
  });

  test('an extended case adds the approved extension', () => {
    assert.equal(decisionDueAsOf(cal, { ...opened, decision_extended: true, paused_since: '2026-03-02' }, '2026-03-02'), '2026-06-30');
  });
});

describe('time limits come from the cited data, with province overrides applied', () => {
  test('the national limits are those of platform/calendar/domain/time-limits.ts', () => {
    assert.equal(caseTimeLimit('penalty.decision', NATIONAL_RULE_SET).days, getTimeLimit('penalty.decision').days);
    assert.equal(PUBLISH_WITHIN_WORKING_DAYS, getTimeLimit('penalty.publicity').days);
    assert.equal(WITHDRAW_WITHIN_WORKING_DAYS, getTimeLimit('penalty.publicity-withdrawal').days);
  });

  test('a province that shortens lead verification gets its own due date and citation', () => {
    assert.equal(caseTimeLimit('report.verification', TIGHT).days, 10);
    assert.equal(caseTimeLimit('report.verification', TIGHT).scope, 'test province');
    assert.equal(verificationDue(cal, '2026-11-20', false, TIGHT), cal.addWorkingDays('2026-11-20', 10));
    assert.notEqual(verificationDue(cal, '2026-11-20', false, TIGHT), verificationDue(cal, '2026-11-20', false));
  });

  test('a province cannot lengthen an agency limit nor touch a party right', () => {
    const citation = { law: 'test rule', article: '第一条', source: 'UNVERIFIED' as const };
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return err instanceof AppError ? err.fields[0]?.code : String(err);
      }
      return 'accepted';
    };
    assert.equal(code(() => caseTimeLimit('report.verification', { timeLimits: { 'report.verification': { scope: 'x', days: 30, version: 1, citation } } })), 'EXCEEDS_STATUTORY_LIMIT');
    assert.equal(code(() => caseTimeLimit('penalty.payment', { timeLimits: { 'penalty.payment': { scope: 'x', days: 10, version: 1, citation } } })), 'NOT_OVERRIDABLE');
  });
});

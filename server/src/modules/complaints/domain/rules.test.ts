import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkCalendar, getTimeLimit } from '../../../platform/calendar/index.js';
import { deadlineColour, mediationDue, mediationFailed, pauseLength, respondentKey, validateIntake, LIMITS, type IntakeInput } from './rules.js';

const cal = createWorkCalendar();
const good: IntakeInput = {
  kind: 'complaint',
  complainantName: '张伟',
  complainantPhone: '13912345678',
  complainantAddress: '杭州市上城区',
  respondentName: '某餐饮公司',
  respondentAddress: '杭州市上城区延安路1号',
  request: '退款',
  facts: '菜品变质',
  amountFen: 38800,
};

describe('complaint rules', () => {
  test('acceptance: a complaint received on Friday 2025-09-26 is due 2025-10-13 (7 working days)', () => {
    const limit = getTimeLimit('complaint.acceptance');
    assert.equal(limit.days, 7);
    // 9-28 (Sunday) and 10-11 (Saturday) are make-up working days; 10-01…10-08 is the National Day holiday.
    assert.equal(cal.addWorkingDays('2025-09-26', limit.days), '2025-10-13');
  });

  test('the art. 9 materials are required, limits named, phone and amount checked', () => {
    assert.deepEqual(validateIntake(good, [], '2025-09-26'), []);
    const errs = validateIntake({ ...good, complainantName: ' ', respondentAddress: '', facts: 'x'.repeat(LIMITS.facts + 1), amountFen: -1 }, ['PHONE_INVALID'], '2025-09-26');
    assert.deepEqual(errs.map((e) => `${e.path}:${e.code}`).sort(), [
      'amountFen:COMPLAINT_AMOUNT_INVALID',
      'complainantName:COMPLAINT_REQUIRED',
      'complainantPhone:PHONE_INVALID',
      'facts:COMPLAINT_TOO_LONG',
      'respondentAddress:COMPLAINT_REQUIRED',
    ]);
    assert.equal(errs.find((e) => e.code === 'COMPLAINT_TOO_LONG')!.params!.limit, 2000);
    assert.equal(validateIntake({ ...good, amountFen: 1.5 }, [], '2025-09-26')[0].code, 'COMPLAINT_AMOUNT_INVALID');
    assert.equal(validateIntake({ ...good, occurredOn: '2025-09-27' }, [], '2025-09-26')[0].code, 'COMPLAINT_DATE_FUTURE');
    // a report needs the respondent and facts, not a request
    assert.deepEqual(validateIntake({ ...good, kind: 'report', request: '', complainantAddress: '' }, [], '2025-09-26'), []);
  });

  test('mediation: 45 working days from acceptance, paused time not counted (art. 20)', () => {
    const base = mediationDue(cal, '2025-09-01', 45, 0, null, '2025-09-01');
    assert.equal(base, cal.addWorkingDays('2025-09-01', 45));
    // paused from Mon 09-08 to Fri 09-12: 4 working days (09-09…09-12) not counted
    const paused = pauseLength(cal, '2025-09-08', '2025-09-12');
    assert.equal(paused, 4);
    assert.equal(mediationDue(cal, '2025-09-01', 45, paused, null, '2025-09-20'), cal.addWorkingDays('2025-09-01', 49));
    // a pause still open counts up to today
    assert.equal(mediationDue(cal, '2025-09-01', 45, 0, '2025-09-08', '2025-09-12'), cal.addWorkingDays('2025-09-01', 49));
    // a pause over the National Day holiday counts only working days
    assert.equal(pauseLength(cal, '2025-09-30', '2025-10-09'), 1);
  });

  test('failed mediation for the insurance triggers', () => {
    assert.equal(mediationFailed('no_agreement', null), true);
    assert.equal(mediationFailed('agreement', null), false);
    assert.equal(mediationFailed('terminated', 'no_agreement_possible'), true);
    assert.equal(mediationFailed('terminated', 'withdrawn_or_settled'), false);
    assert.equal(mediationFailed(null, null), false);
  });

  test('deadline colours and respondent keys', () => {
    assert.equal(deadlineColour(cal, '2025-10-13', '2025-10-14'), 'red');
    assert.equal(deadlineColour(cal, '2025-10-13', '2025-10-10'), 'orange');
    assert.equal(deadlineColour(cal, '2025-10-31', '2025-10-10'), 'green');
    assert.equal(deadlineColour(cal, null, '2025-10-10'), null);
    assert.equal(respondentKey(null, ' 某 餐饮 '), '某餐饮');
    assert.equal(respondentKey('91330102MA0000000X', 'x'), '91330102MA0000000X');
  });
});

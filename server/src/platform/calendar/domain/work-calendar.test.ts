import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../errors/app-error.js';
import { createWorkCalendar } from '../index.js';
import { addCalendarDays, buildWorkCalendar, parseIsoDate, type DeadlineRule } from './work-calendar.js';
import { extensionRule, getTimeLimit, resolveTimeLimit, TIME_LIMITS } from './time-limits.js';

// Expected dates below are worked out by hand from the State Council schedules in rules.md §F:
// 2025 国庆+中秋: off Wed 1 – Wed 8 Oct; make-up working days Sun 28 Sep and Sat 11 Oct.
// 2026 元旦: off Thu 1 – Sat 3 Jan; make-up Sun 4 Jan.
// 2026 春节: off Sun 15 – Mon 23 Feb; make-up Sat 14 Feb and Sat 28 Feb.

const cal = createWorkCalendar();

/** Asserts that `fn` throws an AppError with `code` (and, if given, these params). */
function assertAppError(fn: () => unknown, code: string, params?: Record<string, unknown>) {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof AppError, `expected AppError, got ${String(err)}`);
    assert.equal(err.code, code);
    if (params) for (const [k, v] of Object.entries(params)) assert.deepEqual(err.params[k], v, `param ${k}`);
    return true;
  });
}

const rule = (days: number, unit: 'working' | 'calendar'): DeadlineRule => ({
  id: `test.${days}.${unit}`,
  days,
  unit,
  citation: { law: 'test', article: 'test', source: 'UNVERIFIED' },
});

test('the bundled data covers 2004–2026 and cites the State Council notices', () => {
  const covered = cal.coveredYears();
  assert.equal(covered.first, 2004);
  assert.equal(covered.last, 2026);
  assert.equal(covered.years.length, 23);
  const y2025 = covered.years.find((y) => y.year === 2025);
  assert.match(y2025?.source ?? '', /content_6986383/);
  assert.match(covered.years.find((y) => y.year === 2026)?.source ?? '', /content_7047091/);
});

test('2025 National Day: holidays, make-up days and ordinary days', () => {
  assert.equal(cal.isWorkday('2025-09-26'), true); // Fri
  assert.equal(cal.isWorkday('2025-09-27'), false); // Sat, ordinary weekend
  assert.equal(cal.isWorkday('2025-09-28'), true); // Sun, make-up day
  for (const d of ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08']) {
    assert.equal(cal.isWorkday(d), false, d);
  }
  assert.equal(cal.isWorkday('2025-10-09'), true); // Thu
  assert.equal(cal.isWorkday('2025-10-11'), true); // Sat, make-up day
  assert.equal(cal.isWorkday('2025-10-12'), false); // Sun
  assert.deepEqual(cal.dayInfo('2025-09-28'), { date: '2025-09-28', workday: true, name: '国庆节调休', nameEn: 'National Day (make-up working day)' });
  assert.equal(cal.dayInfo('2025-10-01').name, '国庆节');
  assert.deepEqual(cal.dayInfo('2025-10-13'), { date: '2025-10-13', workday: true });
});

test('7 working days from Friday 2025-09-26 is Monday 2025-10-13', () => {
  // Sat 27 off; Sun 28 (1), Mon 29 (2), Tue 30 (3); 1–8 Oct off; Thu 9 (4), Fri 10 (5), Sat 11 (6); Sun 12 off; Mon 13 (7).
  assert.equal(cal.addWorkingDays('2025-09-26', 7), '2025-10-13');
  assert.equal(cal.addWorkingDays('2025-09-26', 1), '2025-09-28');
  assert.equal(cal.addWorkingDays('2025-09-26', 3), '2025-09-30');
  assert.equal(cal.addWorkingDays('2025-09-26', 4), '2025-10-09');
  assert.equal(cal.addWorkingDays('2025-09-26', 6), '2025-10-11');
  // Counting starts the day after, even when the start day is itself a holiday.
  assert.equal(cal.addWorkingDays('2025-10-01', 1), '2025-10-09');
  // Complaint received Tue 30 Sep: 9 (1), 10 (2), 11 (3), 13 (4), 14 (5), 15 (6), 16 Oct (7).
  assert.equal(cal.deadline('2025-09-30', getTimeLimit('complaint.acceptance')), '2025-10-16');
  // 45 working days of mediation from 26 Sep: Sep 3 + Oct 18 = 21 by 31 Oct; Nov 3–28 = 20 → 41; Dec 1–4 → 45.
  assert.equal(cal.deadline('2025-09-26', getTimeLimit('complaint.mediation')), '2025-12-04');
});

test('n = 0 returns the start date; negative n counts backwards', () => {
  assert.equal(cal.addWorkingDays('2025-10-01', 0), '2025-10-01');
  assert.equal(cal.addWorkingDays('2025-10-09', -1), '2025-09-30');
  // Back from Mon 13 Oct: 11 (1), 10 (2), 9 (3), 30 Sep (4), 29 (5), 28 (6), 26 (7).
  assert.equal(cal.addWorkingDays('2025-10-13', -7), '2025-09-26');
});

test('2026 Spring Festival: 15–23 Feb off, Saturdays 14 and 28 Feb working', () => {
  assert.equal(cal.isWorkday('2026-02-13'), true); // Fri
  assert.equal(cal.isWorkday('2026-02-14'), true); // Sat, make-up
  for (const d of ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23']) {
    assert.equal(cal.isWorkday(d), false, d);
  }
  assert.equal(cal.isWorkday('2026-02-24'), true); // Tue
  assert.equal(cal.isWorkday('2026-02-28'), true); // Sat, make-up
  assert.equal(cal.isWorkday('2026-03-01'), false); // Sun
  // From Thu 12 Feb: Fri 13 (1), Sat 14 (2); 15–23 off; Tue 24 (3), Wed 25 (4), Thu 26 (5), Fri 27 (6), Sat 28 (7).
  assert.equal(cal.addWorkingDays('2026-02-12', 5), '2026-02-26');
  assert.equal(cal.addWorkingDays('2026-02-12', 7), '2026-02-28');
  assert.equal(cal.addWorkingDays('2026-02-12', 8), '2026-03-02');
  // 2026 元旦: Thu 1 and Fri 2 Jan off, Sun 4 Jan working.
  assert.equal(cal.addWorkingDays('2025-12-31', 1), '2026-01-04');
});

test('countWorkingDays counts days after `from` up to and including `to`, across both holidays', () => {
  assert.equal(cal.countWorkingDays('2025-09-26', '2025-10-13'), 7);
  assert.equal(cal.countWorkingDays('2026-02-12', '2026-02-28'), 7);
  assert.equal(cal.countWorkingDays('2025-10-01', '2025-10-08'), 0);
  assert.equal(cal.countWorkingDays('2025-10-13', '2025-10-13'), 0);
  assert.equal(cal.countWorkingDays('2025-10-13', '2025-09-26'), -7);
  // Fri 26 Sep 2025 → Sat 28 Feb 2026, by month from rules.md §F:
  //   Sep 27–30: 28, 29, 30                                   = 3
  //   Oct 2025: 23 weekdays − 6 off (1,2,3,6,7,8) + Sat 11     = 18
  //   Nov 2025 (starts Sat): 20 weekdays                      = 20
  //   Dec 2025 (starts Mon): 23 weekdays                      = 23
  //   Jan 2026 (starts Thu): 22 weekdays − 2 off (1,2) + Sun 4 = 21
  //   Feb 1–28 2026 (starts Sun): 20 − 6 off (16–20, 23) + Sat 14, Sat 28 = 16
  assert.equal(cal.countWorkingDays('2025-09-26', '2026-02-28'), 3 + 18 + 20 + 23 + 21 + 16);
});

test('a count that runs into 2027 throws CALENDAR_OUT_OF_RANGE', () => {
  // After Sun 20 Dec 2026 only 9 working days remain in 2026 (21–25, 28–31); the 10th is in 2027.
  assertAppError(() => cal.addWorkingDays('2026-12-20', 15), 'CALENDAR_OUT_OF_RANGE', { first: 2004, last: 2026, date: '2027-01-01' });
  assert.equal(cal.addWorkingDays('2026-12-20', 9), '2026-12-31');
  assertAppError(() => cal.deadline('2026-12-20', getTimeLimit('report.verification')), 'CALENDAR_OUT_OF_RANGE');
  // 90 calendar days from 1 Nov 2026 is 30 Jan 2027.
  assertAppError(() => cal.deadline('2026-11-01', getTimeLimit('penalty.decision')), 'CALENDAR_OUT_OF_RANGE', { date: '2027-01-30' });
  assertAppError(() => cal.countWorkingDays('2026-12-01', '2027-01-05'), 'CALENDAR_OUT_OF_RANGE');
  assertAppError(() => cal.isWorkday('2027-01-04'), 'CALENDAR_OUT_OF_RANGE');
  // A calendar-day deadline on 31 Dec 2026 (Thu, a working day) is still computable.
  assert.equal(cal.deadline('2026-12-16', rule(15, 'calendar')), '2026-12-31');
  // Sat 26 Dec 2026 moves to Mon 28 Dec; one day later the last day is 1 Jan 2027 and refuses.
  assert.equal(cal.deadline('2026-12-11', rule(15, 'calendar')), '2026-12-28');
  assertAppError(() => cal.deadline('2026-12-17', rule(15, 'calendar')), 'CALENDAR_OUT_OF_RANGE', { date: '2027-01-01' });
});

test('an input date before 2004 throws CALENDAR_OUT_OF_RANGE', () => {
  assertAppError(() => cal.isWorkday('2003-12-31'), 'CALENDAR_OUT_OF_RANGE', { first: 2004, last: 2026, date: '2003-12-31' });
  assertAppError(() => cal.addWorkingDays('2003-12-31', 1), 'CALENDAR_OUT_OF_RANGE', { date: '2003-12-31' });
  assertAppError(() => cal.deadline('2003-06-01', getTimeLimit('complaint.acceptance')), 'CALENDAR_OUT_OF_RANGE');
  // Counting backwards out of the range also refuses: 2004-01-01 was a holiday, 2003-12-31 is uncovered.
  assertAppError(() => cal.addWorkingDays('2004-01-02', -1), 'CALENDAR_OUT_OF_RANGE', { date: '2003-12-31' });
});

test('an admin override adding 2027 makes 2027 computable', () => {
  const withNotice = createWorkCalendar({
    years: [{ year: 2027, source: '国务院办公厅关于2027年部分节假日安排的通知（test fixture）' }],
    days: [{ date: '2027-01-01', workday: false, name: '元旦', source: 'test fixture' }],
  });
  assert.equal(withNotice.coveredYears().last, 2027);
  assert.deepEqual(withNotice.coveredYears().years.at(-1), { year: 2027, source: '国务院办公厅关于2027年部分节假日安排的通知（test fixture）', origin: 'override' });
  // Dec 21–25 (5), 28–31 (9); Fri 1 Jan 2027 off; Jan 4–8 (14); Mon 11 Jan (15).
  assert.equal(withNotice.addWorkingDays('2026-12-20', 15), '2027-01-11');
  assert.equal(withNotice.isWorkday('2027-01-01'), false);
  assert.equal(withNotice.dayInfo('2027-01-01').source, 'test fixture');
  assert.equal(withNotice.countWorkingDays('2026-12-20', '2027-01-11'), 15);
  assertAppError(() => withNotice.isWorkday('2028-01-03'), 'CALENDAR_OUT_OF_RANGE', { first: 2004, last: 2027 });
  // The base calendar is unchanged.
  assertAppError(() => cal.isWorkday('2027-01-01'), 'CALENDAR_OUT_OF_RANGE');
});

test('admin overrides are validated: no gaps, days inside covered years, sources required', () => {
  assertAppError(() => createWorkCalendar({ years: [{ year: 2028, source: 'x' }] }), 'VALIDATION_FAILED', { missing: 2027 });
  assertAppError(() => createWorkCalendar({ days: [{ date: '2027-01-01', workday: false, name: '元旦', source: 'x' }] }), 'VALIDATION_FAILED');
  assertAppError(() => createWorkCalendar({ years: [{ year: 2027, source: ' ' }] }), 'VALIDATION_FAILED');
  assertAppError(() => createWorkCalendar({ days: [{ date: '2026-02-30', workday: false, name: 'x', source: 'x' }] }), 'VALIDATION_FAILED');
  // A single-day correction inside a covered year replaces the data's entry.
  const corrected = createWorkCalendar({ days: [{ date: '2025-10-08', workday: true, name: '测试更正', source: 'test fixture' }] });
  assert.equal(corrected.isWorkday('2025-10-08'), true);
  assert.equal(corrected.addWorkingDays('2025-09-30', 1), '2025-10-08');
});

test('calendar-day rules move a last day off to the next working day (民法典 第二百零三条)', () => {
  const payment = getTimeLimit('penalty.payment');
  // Sat 20 Sep + 15 = Sun 5 Oct, inside the holiday; 6–8 Oct off → Thu 9 Oct.
  assert.equal(cal.deadline('2025-09-20', payment), '2025-10-09');
  // Fri 14 Nov + 15 = Sat 29 Nov, an ordinary weekend → Mon 1 Dec.
  assert.equal(cal.deadline('2025-11-14', payment), '2025-12-01');
  // Fri 26 Sep + 15 = Sat 11 Oct, a make-up working day: it does not move.
  assert.equal(cal.deadline('2025-09-26', payment), '2025-10-11');
  // 立案 3 Jul 2025 + 90 days = Wed 1 Oct (National Day) → Thu 9 Oct.
  assert.equal(cal.deadline('2025-07-03', getTimeLimit('penalty.decision')), '2025-10-09');
  // 2026 Spring Festival: Sat 31 Jan + 15 = Sun 15 Feb → first working day after the holiday, Tue 24 Feb.
  assert.equal(cal.deadline('2026-01-31', payment), '2026-02-24');
});

test('bad input is a VALIDATION_FAILED AppError, never a plain Error', () => {
  assertAppError(() => cal.isWorkday('2025-9-1'), 'VALIDATION_FAILED');
  assertAppError(() => cal.isWorkday('2025-02-29'), 'VALIDATION_FAILED');
  assertAppError(() => cal.addWorkingDays('2025-10-01', 1.5), 'VALIDATION_FAILED');
  assertAppError(() => cal.deadline('2025-10-01', rule(-1, 'calendar')), 'VALIDATION_FAILED');
  assertAppError(() => cal.deadline('2025-10-01', { ...rule(1, 'working'), unit: 'hours' as 'working' }), 'VALIDATION_FAILED');
});

test('date arithmetic is plain civil-date math (leap years, month ends)', () => {
  assert.equal(addCalendarDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addCalendarDays('2025-02-28', 1), '2025-03-01');
  assert.equal(addCalendarDays('2025-12-31', 1), '2026-01-01');
  assert.equal(addCalendarDays('2000-03-01', -1), '2000-02-29');
  assert.equal(parseIsoDate('1970-01-01'), 0);
  assert.equal(parseIsoDate('2025-10-01') - parseIsoDate('2025-07-03'), 90);
});

test('a calendar built from plain data covers exactly its years', () => {
  const small = buildWorkCalendar({ firstYear: 2025, lastYear: 2025, days: [{ date: '2025-10-01', workday: false, name: '国庆节' }] });
  assert.equal(small.isWorkday('2025-10-01'), false);
  assert.equal(small.isWorkday('2025-10-08'), true); // not in this small data set: plain Wednesday
  assertAppError(() => small.isWorkday('2024-12-31'), 'CALENDAR_OUT_OF_RANGE', { first: 2025, last: 2025 });
  assertAppError(
    () => buildWorkCalendar({ firstYear: 2025, lastYear: 2025, days: [{ date: '2026-01-01', workday: false, name: 'x' }] }),
    'VALIDATION_FAILED',
  );
});

test('time limits are cited, versioned data', () => {
  const ids = new Set(TIME_LIMITS.map((l) => `${l.id}@${l.version}`));
  assert.equal(ids.size, TIME_LIMITS.length, 'id@version is unique');
  for (const l of TIME_LIMITS) {
    assert.ok(l.citation.law && l.citation.article && l.citation.source, `${l.id} cites its source`);
    assert.ok(l.label['zh-CN'] && l.label.en, `${l.id} has labels`);
  }
  const expected: [Parameters<typeof getTimeLimit>[0], number, 'working' | 'calendar'][] = [
    ['complaint.acceptance', 7, 'working'],
    ['complaint.mediation', 45, 'working'],
    ['complaint.mediation-termination-notice', 7, 'working'],
    ['report.verification', 15, 'working'],
    ['report.reporter-notice', 5, 'working'],
    ['penalty.decision', 90, 'calendar'],
    ['penalty.service', 7, 'working'],
    ['penalty.payment', 15, 'calendar'],
    ['penalty.hearing-request', 5, 'working'],
    ['penalty.hearing-notice', 7, 'working'],
    ['penalty.publicity', 20, 'working'],
    ['penalty.publicity-withdrawal', 3, 'working'],
    ['inspection.result-publicity', 20, 'working'],
    ['credit-repair.acceptance', 2, 'working'],
    ['credit-repair.abnormal-list-removal', 5, 'working'],
    ['credit-repair.serious-list-and-penalty', 15, 'working'],
    ['service.clinic-report', 15, 'working'],
    ['service.review-rectification', 15, 'working'],
  ];
  for (const [id, days, unit] of expected) {
    const l = getTimeLimit(id);
    assert.equal(l.days, days, id);
    assert.equal(l.unit, unit, id);
  }
  assert.equal(getTimeLimit('complaint.acceptance').citation.article, '第十四条');
  assert.equal(getTimeLimit('complaint.acceptance').citation.source, 'LAW-TEXT');
  assert.equal(getTimeLimit('service.clinic-report').citation.source, 'UNVERIFIED');
  assert.equal(getTimeLimit('penalty.decision', 1).version, 1);
  assertAppError(() => getTimeLimit('penalty.decision', 99), 'NOT_FOUND');
  assertAppError(() => getTimeLimit('no.such' as 'penalty.decision'), 'NOT_FOUND');
});

test('extensions are counted from the original deadline', () => {
  const verification = getTimeLimit('report.verification');
  const ext = extensionRule(verification)!;
  assert.equal(ext.days, 15);
  // 15 + 15 working days from Fri 26 Sep 2025 equals 30 working days.
  const first = cal.deadline('2025-09-26', verification);
  assert.equal(cal.deadline(first, ext), cal.addWorkingDays('2025-09-26', 30));
  assert.equal(extensionRule(getTimeLimit('complaint.acceptance')), undefined);
  // 90 + 30 calendar days: 立案 3 Jul 2025 → 9 Oct (moved), + 30 = Sat 8 Nov → Mon 10 Nov.
  const decision = getTimeLimit('penalty.decision');
  assert.equal(cal.deadline(cal.deadline('2025-07-03', decision), extensionRule(decision)!), '2025-11-10');
});

test('province overrides may tighten, set local defaults, and never loosen statutory limits', () => {
  const citation = { law: '某省实施细则', article: '第三条', source: 'PAGE' as const };
  const tightened = resolveTimeLimit('credit-repair.serious-list-and-penalty', {
    'credit-repair.serious-list-and-penalty': { scope: '福建省莆田市', days: 5, version: 1, citation },
  });
  assert.equal(tightened.days, 5);
  assert.equal(tightened.scope, '福建省莆田市');
  assert.equal(tightened.citation.law, '某省实施细则');
  assert.equal(resolveTimeLimit('credit-repair.serious-list-and-penalty').scope, 'national');
  assert.equal(resolveTimeLimit('complaint.acceptance', {}).days, 7);
  // 好差评 rectification has no national number: a province may set any value.
  assert.equal(resolveTimeLimit('service.review-rectification', { 'service.review-rectification': { scope: '山东省德州市', days: 5, version: 1, citation } }).days, 5);
  assert.equal(resolveTimeLimit('service.review-rectification', { 'service.review-rectification': { scope: '某省', days: 20, version: 1, citation } }).days, 20);
  // Lengthening or changing the unit of a statutory agency limit is refused.
  assertAppError(() => resolveTimeLimit('complaint.acceptance', { 'complaint.acceptance': { scope: '某省', days: 10, version: 1, citation } }), 'VALIDATION_FAILED');
  assertAppError(
    () => resolveTimeLimit('complaint.acceptance', { 'complaint.acceptance': { scope: '某省', days: 5, unit: 'calendar', version: 1, citation } }),
    'VALIDATION_FAILED',
  );
  // A party's period (payment) cannot be changed locally at all.
  assertAppError(() => resolveTimeLimit('penalty.payment', { 'penalty.payment': { scope: '某省', days: 10, version: 1, citation } }), 'VALIDATION_FAILED');
  // An override must cite its source.
  assertAppError(
    () => resolveTimeLimit('complaint.acceptance', { 'complaint.acceptance': { scope: '某省', days: 5, version: 1, citation: { law: '', article: '', source: 'PAGE' } } }),
    'VALIDATION_FAILED',
  );
  // The resolved rule computes like any other: 5 working days from Fri 26 Sep 2025:
  // Sun 28 (1), 29 (2), 30 (3); 1–8 Oct off; Thu 9 (4), Fri 10 Oct (5).
  assert.equal(cal.deadline('2025-09-26', tightened), '2025-10-10');
});

test('a gap in the loaded years is refused naming the field, with a translated message', () => {
  assert.throws(
    () => createWorkCalendar({ years: [{ year: 2028, source: 'test' }] }),
    (err: unknown) => {
      assert.ok(err instanceof AppError);
      const body = err.toBody('zh-CN');
      assert.equal(body.error.fields?.[0].path, 'years');
      assert.equal(body.error.fields?.[0].code, 'CALENDAR_YEAR_GAP');
      assert.equal(body.error.fields?.[0].message, '年份不连续：缺少 2027 年的放假安排');
      assert.equal(err.toBody('en').error.fields?.[0].message, 'Years are not contiguous: the 2027 schedule is missing');
      return true;
    },
  );
});

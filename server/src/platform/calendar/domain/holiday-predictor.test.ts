import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../errors/app-error.js';
import { bundledCalendarData, createProvisionalCalendar, createWorkCalendar } from '../index.js';
import { predictYear, PREDICTED_SOURCE } from './holiday-predictor.js';
import { computeDeadline, formatDue, nextYearNoticeDue, provisionality, workingDaysDeadline } from './deadline.js';
import { getTimeLimit } from './time-limits.js';

const official = (year: number) =>
  (bundledCalendarData().days as readonly { date: string; workday: boolean }[])
    .filter((d) => d.date.startsWith(`${year}-`))
    .map((d) => `${d.date}:${d.workday}`);

test('the predictor reproduces the official 2025 and 2026 schedules (decree 795 years)', () => {
  for (const year of [2025, 2026]) {
    assert.deepEqual(predictYear(year).map((d) => `${d.date}:${d.workday}`), official(year), String(year));
  }
});

test('the 2027 prediction: 春节 from 除夕 (Fri 5 Feb) for 8 days, 国庆 1–7 Oct, each day citing the decree', () => {
  const days = predictYear(2027);
  const off = days.filter((d) => !d.workday).map((d) => d.date);
  const work = days.filter((d) => d.workday).map((d) => d.date);
  for (const d of ['2027-02-05', '2027-02-08', '2027-02-12', '2027-04-05', '2027-05-03', '2027-05-05', '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-07']) {
    assert.ok(off.includes(d), `${d} off`);
  }
  assert.deepEqual(work, ['2027-01-31', '2027-02-14', '2027-05-08', '2027-09-26', '2027-10-09']);
  assert.ok(days.every((d) => d.source === PREDICTED_SOURCE && d.source.includes('国务院令第795号')));
  // no more than six working days in a row around each make-up day
  const cal = createProvisionalCalendar();
  let run = 0;
  for (let d = '2027-01-01'; d <= '2027-12-31'; d = cal.addWorkingDays(d, 0) === d ? next(d) : next(d)) {
    run = cal.isWorkday(d) ? run + 1 : 0;
    assert.ok(run <= 6, `run of ${run} at ${d}`);
  }
});

function next(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

test('the provisional calendar computes past the official data and says which years it relied on', () => {
  const strict = createWorkCalendar();
  const cal = createProvisionalCalendar();
  assert.throws(() => strict.addWorkingDays('2026-12-02', 45), (e: unknown) => e instanceof AppError && e.code === 'CALENDAR_OUT_OF_RANGE');
  const d = workingDaysDeadline(cal, '2026-12-02', 45);
  // Dec 3–31: 21 working days; Jan 2027: 20 weekdays (1 Jan off) + the predicted make-up Sun 31 Jan
  // = 42; then Feb 1, 2, 3.
  assert.deepEqual(d, { due: '2027-02-03', provisional: true, dependsOn: [2027] });
  assert.deepEqual(workingDaysDeadline(cal, '2026-11-02', 7), { due: '2026-11-11', provisional: false, dependsOn: [] });
  const decision = computeDeadline(cal, '2026-12-02', getTimeLimit('penalty.decision'));
  assert.equal(decision.provisional, true);
  assert.deepEqual(decision.dependsOn, [2027]);
  assert.equal(cal.coveredYears().last, 2026);
  assert.deepEqual(cal.provisionalYears(), [2027, 2028]);
  assert.equal(cal.dayInfo('2027-02-08').provisional, true);
  assert.equal(cal.dayInfo('2026-02-16').provisional, undefined);
  assert.throws(() => cal.isWorkday('2029-01-02'), (e: unknown) => e instanceof AppError && e.code === 'CALENDAR_OUT_OF_RANGE');
  assert.equal(formatDue(cal, '2027-02-04', '2026-12-02'), '2027-02-04（预计）');
  assert.equal(formatDue(cal, '2026-12-10', '2026-12-02'), '2026-12-10');
  assert.deepEqual(provisionality(cal, null), { provisional: false, dependsOn: [] });
});

test('an official 2027 replaces the prediction: the same span is no longer provisional', () => {
  const cal = createProvisionalCalendar({ years: [{ year: 2027, source: '2027 notice (test)' }], days: [{ date: '2027-01-01', workday: false, name: '元旦', source: 't' }] });
  const d = workingDaysDeadline(cal, '2026-12-02', 45);
  assert.equal(d.provisional, false);
  // this notice has no make-up Sunday 31 Jan, so the 45th working day is one day later
  assert.equal(d.due, '2027-02-04');
  assert.deepEqual(cal.provisionalYears(), [2028, 2029]);
  assert.equal(workingDaysDeadline(cal, '2027-12-20', 20).provisional, true);
});

test('the reminder that next year’s notice is due runs from 1 November until it is loaded', () => {
  assert.equal(nextYearNoticeDue('2026-10-31', 2026), false);
  assert.equal(nextYearNoticeDue('2026-11-01', 2026), true);
  assert.equal(nextYearNoticeDue('2026-12-31', 2026), true);
  assert.equal(nextYearNoticeDue('2026-12-02', 2027), false);
  assert.equal(nextYearNoticeDue('2027-03-01', 2026), true);
});

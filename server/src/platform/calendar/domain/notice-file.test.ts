import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../errors/app-error.js';
import { parseNoticeFile } from './notice-file.js';

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof AppError);
    const f = e.toBody('en').error.fields![0];
    return `${f.path} ${f.code} ${f.message}`;
  }
  assert.fail('expected a refusal');
};

test('a notice file: header, comments, 休/班 days, the source line', () => {
  const n = parseNoticeFile('\uFEFF# source: 国务院办公厅关于2027年部分节假日安排的通知\ndate,type,name\n2027-01-01,休,元旦\n2027-02-07,班,春节调休\n\n', 2027);
  assert.equal(n.source, '国务院办公厅关于2027年部分节假日安排的通知');
  assert.deepEqual(n.days.map((d) => [d.date, d.workday, d.name]), [['2027-01-01', false, '元旦'], ['2027-02-07', true, '春节调休']]);
});

test('a notice file is refused naming the line and field: impossible, out-of-year, duplicate, bad type, no name', () => {
  assert.equal(fieldOf(() => parseNoticeFile('2027-02-30,休,x', 2027)), 'line 1.date INVALID_DATE Date 2027-02-30 does not exist or is malformed');
  assert.equal(fieldOf(() => parseNoticeFile('2027-01-01,休,元旦\n2028-01-01,休,元旦', 2027)), 'line 2.date OUTSIDE_COVERED_YEARS Date 2028-01-01 is outside the loaded years (2027–2027)');
  assert.equal(fieldOf(() => parseNoticeFile('2027-01-01,休,元旦\n2027-01-01,班,x', 2027)), 'line 2.date DUPLICATE Date 2027-01-01 is listed twice');
  assert.equal(fieldOf(() => parseNoticeFile('2027-01-01,maybe,元旦', 2027)), 'line 1.type INVALID_DAY_TYPE Type "maybe" is invalid: use 休 (off) or 班 (work)');
  assert.equal(fieldOf(() => parseNoticeFile('2027-01-01,休,', 2027)), 'line 1.name REQUIRED Required');
  assert.match(fieldOf(() => parseNoticeFile('# nothing', 2027)), /^file required/);
});

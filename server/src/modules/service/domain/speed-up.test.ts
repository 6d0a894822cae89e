import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actualSpeedUp, committedSpeedUp, percent } from './speed-up.js';
import { loopState } from './loop.js';
import { isBadReview, isSatisfied } from './rules.js';

test('the committed speed-up rate of a set of items is Σ(statutory − committed) / Σ statutory', () => {
  const items = [
    { statutoryDays: 20, committedDays: 4 },
    { statutoryDays: 45, committedDays: 10 },
    { statutoryDays: 40, committedDays: 8 },
  ];
  // (16 + 35 + 32) / 105 = 79.047…%
  assert.equal(committedSpeedUp(items), Math.round(((16 + 35 + 32) / 105) * 10000) / 100);
  assert.equal(committedSpeedUp([{ statutoryDays: 10, committedDays: 10 }]), 0);
  assert.equal(committedSpeedUp([]), null);
});

test('the actual speed-up rate uses the days each case took', () => {
  assert.equal(actualSpeedUp([{ statutoryDays: 20, daysTaken: 5 }, { statutoryDays: 20, daysTaken: 3 }]), 80);
  assert.equal(actualSpeedUp([]), null);
  assert.equal(percent(116, 119), 97.48);
});

test('bad reviews are the two lowest levels', () => {
  assert.deepEqual([1, 2, 3, 4, 5].map(isBadReview), [true, true, false, false, false]);
  assert.deepEqual([1, 2, 3, 4, 5].map(isSatisfied), [false, false, true, true, true]);
});

test('the loop state of an item follows its findings and measures', () => {
  const today = '2026-10-10';
  assert.equal(loopState(0, 0, [], today), 'no_findings');
  assert.equal(loopState(2, 1, [{ status: 'evaluated', dueOn: '2026-10-01', evaluation: 'fixed' }], today), 'awaiting_measures');
  assert.equal(loopState(1, 1, [{ status: 'open', dueOn: '2026-10-20', evaluation: null }], today), 'in_progress');
  assert.equal(loopState(1, 1, [{ status: 'open', dueOn: '2026-10-09', evaluation: null }], today), 'overdue');
  assert.equal(loopState(1, 1, [{ status: 'done', dueOn: '2026-10-09', evaluation: null }], today), 'awaiting_evaluation');
  assert.equal(loopState(1, 1, [{ status: 'evaluated', dueOn: '2026-10-09', evaluation: 'not_fixed' }], today), 'reopened');
  assert.equal(loopState(1, 1, [{ status: 'evaluated', dueOn: '2026-10-09', evaluation: 'fixed' }], today), 'closed');
});

// Which steps the case page offers, and the request each step form becomes (every discretion input included).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { initialValues, offeredActions, stepRequest } from './actions';
import type { Case } from './types';

const base = {
  id: 'c1', status: 'investigating', officerIds: ['me', 'other'], facts: null, decidedOutcome: null, hearingRight: false, hearingRequested: false,
  hearingHeld: false, penalty: null, procedure: 'general', filedOn: null, publicity: null, engine: null, amountFen: null,
} as unknown as Case;
const grants = (...ps: string[]) => (p: string) => ps.includes(p);

describe('offeredActions', () => {
  test('an officer of the case records facts; a proposal needs facts first', () => {
    assert.deepEqual(offeredActions(base, grants('enforcement.case.step'), 'me').map((a) => a.key), ['facts', 'evidence']);
    const withFacts = { ...base, facts: { violationType: 'x' } } as unknown as Case;
    assert.deepEqual(offeredActions(withFacts, grants('enforcement.case.step'), 'me').map((a) => a.key), ['facts', 'evidence', 'proposal']);
  });

  test('an officer not on the case, or without the permission, gets nothing', () => {
    assert.deepEqual(offeredActions(base, grants('enforcement.case.step'), 'stranger'), []);
    assert.deepEqual(offeredActions(base, grants(), 'me'), []);
  });

  test('legal review is offered to a reviewer who is not an officer of the case', () => {
    const proposed = { ...base, status: 'proposed', decidedOutcome: 'standard' } as unknown as Case;
    assert.deepEqual(offeredActions(proposed, grants('enforcement.case.review'), 'reviewer').map((a) => a.key), ['review']);
    assert.deepEqual(offeredActions(proposed, grants('enforcement.case.review'), 'me').map((a) => a.key), []);
  });

  test('form steps open a form; direct steps do not', () => {
    const proposed = { ...base, status: 'proposed', decidedOutcome: 'standard', facts: {} } as unknown as Case;
    const byKey = Object.fromEntries(offeredActions(proposed, grants('enforcement.case.step'), 'me').map((a) => [a.key, a.form]));
    assert.equal(byKey.proposal, true);
    assert.equal(byKey.notice, false);
  });
});

describe('stepRequest', () => {
  test('the facts form sends every discretion input, other_law and impairedCapacity included', () => {
    const { body, fields } = stepRequest('facts', { violationType: 'v1', harm: 'minor', firstViolation: true, corrected: false, mitigating: ['other_law'], impairedCapacity: true }, 'me');
    assert.deepEqual(body, {
      facts: { violationType: 'v1', firstViolation: true, harm: 'minor', corrected: false, noFault: false, mitigating: ['other_law'], aggravating: [], minorAge: false, impairedCapacity: true },
    });
    assert.deepEqual(fields, ['facts']);
  });

  test('amounts go in fen; opening a case adds the caller to the officers', () => {
    assert.equal(stepRequest('proposal', { outcome: 'standard', amountYuan: 2000.5 }, 'me').body.amountFen, 200050);
    assert.deepEqual(stepRequest('open', { officerIds: ['o2'] }, 'me').body, { officerIds: ['me', 'o2'] });
    assert.deepEqual(stepRequest('collective', { conclusion: 'ok', participants: '张三，李四、王五 赵六' }, null).body.participants, ['张三', '李四', '王五', '赵六']);
  });

  test('initial values: the engine proposal for a proposal', () => {
    const c = { ...base, engine: { outcome: 'lighter', amountRange: { minFen: 50000, maxFen: 80000 } } } as unknown as Case;
    assert.deepEqual(initialValues('proposal', c), { outcome: 'lighter', amountYuan: 500 });
  });
});

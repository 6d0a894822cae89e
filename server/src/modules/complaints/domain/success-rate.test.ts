import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mediationSuccessRate, SUCCESS_RATE_DEFINITION } from './success-rate.js';

test('withdrawals and self-settlements count as resolved; art. 15 terminations leave the rate', () => {
  assert.equal(mediationSuccessRate({ concluded: 10, agreements: 6, settled: 2, excluded: 2 }), 1);
  assert.equal(mediationSuccessRate({ concluded: 10, agreements: 5, settled: 2, excluded: 0 }), 0.7);
  assert.equal(mediationSuccessRate({ concluded: 2, agreements: 0, settled: 0, excluded: 2 }), null);
  assert.equal(mediationSuccessRate({ concluded: 0, agreements: 0, settled: 0, excluded: 0 }), null);
});

test('the definition exists in the three languages', () => {
  for (const l of ['zh-CN', 'zh-TW', 'en'] as const) assert.ok(SUCCESS_RATE_DEFINITION[l].length > 20);
});

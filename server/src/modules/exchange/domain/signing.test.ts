import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sign, verifySignature, callbackSigningString } from './signing.js';
import { percentile, copiesDiffer } from './figures.js';

describe('request signing', () => {
  test('a signature verifies with the current or the previous key, and not after tampering', () => {
    const body = '{"eventId":"e1"}';
    const sig = sign('old-secret', '1700000000000', body);
    assert.match(sig, /^[0-9a-f]{64}$/);
    assert.equal(verifySignature(['new-secret', 'old-secret'], '1700000000000', body, sig), true);
    assert.equal(verifySignature(['new-secret'], '1700000000000', body, sig), false);
    assert.equal(verifySignature(['old-secret'], '1700000000001', body, sig), false);
    assert.equal(verifySignature(['old-secret'], '1700000000000', body + ' ', sig), false);
    assert.equal(verifySignature([null, undefined], '1700000000000', body, sig), false);
    assert.equal(verifySignature(['old-secret'], '1700000000000', body, 'short'), false);
  });

  test('a callback signs the delivery, its reference and status', () => {
    assert.equal(callbackSigningString('d1', { reference: 'R-1' }), 'd1.R-1.accepted');
    assert.equal(callbackSigningString('d1', { reference: 'R-1', status: 'rejected' }), 'd1.R-1.rejected');
  });
});

describe('figures and reconciliation helpers', () => {
  test('nearest-rank percentiles', () => {
    assert.equal(percentile([], 0.5), null);
    assert.equal(percentile([30, 10, 20], 0.5), 20);
    assert.equal(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 0.95), 95);
  });

  test('copies compare scalars as text (an XML copy holds text) and objects as JSON', () => {
    assert.deepEqual(copiesDiffer({ a: '1.00', b: 2, c: null, d: [{ x: 1 }] }, { a: '1.00', b: '2', c: null, d: [{ x: 1 }] }), []);
    assert.deepEqual(copiesDiffer({ a: 'x', b: 'y' }, { a: 'x' }), ['b']);
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateEnterprises } from './demo-generator.js';
import { validateEnterprise } from './enterprise.js';

test('the demo generator is deterministic and every enterprise passes the register rules', () => {
  const a = generateEnterprises(7, 2000);
  const b = generateEnterprises(7, 2000);
  assert.deepEqual(a, b);
  assert.equal(new Set(a.map((e) => e.creditCode)).size, 2000);
  for (const e of a) {
    const { errors } = validateEnterprise(e, '2026-11-01');
    assert.deepEqual(errors, [], `${e.creditCode} ${e.name}`);
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { passwordProblems } from './password-policy.js';

test('the password policy refuses short, common, repetitive and user-name passwords', () => {
  assert.deepEqual(passwordProblems('aaaaaaaaaa'), ['REPETITIVE']);
  assert.deepEqual(passwordProblems('short1!'), ['TOO_SHORT']);
  assert.ok(passwordProblems('Password123').includes('COMMON'));
  assert.ok(passwordProblems('abcdefghijk').includes('REPETITIVE'));
  assert.ok(passwordProblems('9876543210').includes('REPETITIVE'));
  assert.ok(passwordProblems('ababababab').includes('REPETITIVE'));
  assert.ok(passwordProblems('alice-2026-spring', 'alice').includes('SAME_AS_USERNAME'));
  assert.deepEqual(passwordProblems('Test-password-2026', 'bob'), []);
  assert.deepEqual(passwordProblems('河边的柳树绿了又黄了'), []);
});

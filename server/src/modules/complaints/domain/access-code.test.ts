import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACCESS_CODE_ALPHABET,
  ACCESS_CODE_LENGTH,
  formatAccessCode,
  isWellFormedAccessCode,
  newAccessCode,
  normalizeAccessCode,
  failureWindowCutoff,
  lockedUntil,
  ACCESS_COOLDOWN_MINUTES,
} from './access-code.js';

test('codes: 10 characters from an alphabet without look-alikes (at least 2^49 possibilities)', () => {
  assert.equal(ACCESS_CODE_LENGTH, 10);
  for (const ch of '01ILO') assert.equal(ACCESS_CODE_ALPHABET.includes(ch), false, ch);
  assert.equal(new Set(ACCESS_CODE_ALPHABET).size, ACCESS_CODE_ALPHABET.length);
  assert.ok(ACCESS_CODE_LENGTH * Math.log2(ACCESS_CODE_ALPHABET.length) > 49);
  let i = 0;
  const code = newAccessCode((n) => i++ % n);
  assert.equal(code, ACCESS_CODE_ALPHABET.slice(0, 10));
  assert.equal(newAccessCode((n) => n - 1), ACCESS_CODE_ALPHABET.at(-1)!.repeat(10));
});

test('codes: read back as typed (case, spaces and dashes do not matter); junk is not well formed', () => {
  const code = 'ABCDE23456';
  assert.equal(formatAccessCode(code), 'ABCDE-23456');
  assert.equal(normalizeAccessCode(' abcde-23456 '), code);
  assert.equal(normalizeAccessCode('abc de 234 56'), code);
  assert.equal(isWellFormedAccessCode(code), true);
  assert.equal(isWellFormedAccessCode('123456'), false);
  assert.equal(isWellFormedAccessCode('ABCDE2345O'), false);
  assert.equal(isWellFormedAccessCode('ABCDE234567'), false);
});

test('cool-down: a window starting at t is over at t + cool-down', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  assert.equal(failureWindowCutoff(now).getTime(), now.getTime() - ACCESS_COOLDOWN_MINUTES * 60_000);
  assert.equal(lockedUntil(now).getTime(), now.getTime() + ACCESS_COOLDOWN_MINUTES * 60_000);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CREDIT_CODE_CHARSET,
  computeCreditCodeCheck,
  computeOrgCodeCheck,
  makeCreditCode,
  validateCreditCode,
} from './credit-code.js';

/** Every positive vector of rules.md §E1 (each passes both the final and the organisation check). */
const VALID_VECTORS = [
  '91512081MA62K0260E',
  '91310115591693856A',
  '91310110666007217T',
  '91350200776049653A',
  '91350500798359476R',
  '913502000728319549',
  '91110107082833558H',
  '91420103594531449D',
  '914403006188329255',
  '91440101MA5CJQ4N59',
  '9135020530311446XH',
  '91350213678251743X',
  '123502001549897397',
];

/** Deterministic PRNG (mulberry32) so the round-trip test is reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('every credit-code vector of rules.md §E1 is valid, with no warnings', () => {
  for (const code of VALID_VECTORS) {
    const r = validateCreditCode(code);
    assert.equal(r.valid, true, code);
    assert.deepEqual(r.errors, [], code);
    assert.deepEqual(r.warnings, [], code);
    assert.equal(r.normalized, code);
    assert.equal(computeCreditCodeCheck(code.slice(0, 17)), code[17], code);
    assert.equal(computeOrgCodeCheck(code.slice(8, 16)), code[16], code);
  }
});

test('the worked example decodes into its parts', () => {
  const r = validateCreditCode('91512081MA62K0260E');
  assert.deepEqual(r.parts, {
    department: '9',
    category: '91',
    regionCode: '512081',
    orgCode: 'MA62K0260',
    check: 'E',
  });
  assert.equal(r.entity.department?.['zh-CN'], '市场监管');
  assert.equal(r.entity.category?.['zh-CN'], '企业');
  assert.equal(validateCreditCode('123502001549897397').entity.category?.['zh-CN'], '事业单位');
});

test('the GB 11714 worked example: 59467239 has check 9', () => {
  assert.equal(computeOrgCodeCheck('59467239'), '9');
});

test('91350203M0001QAY9B is refused with CREDIT_CODE_CHECK (computed check is 9)', () => {
  const r = validateCreditCode('91350203M0001QAY9B');
  assert.equal(r.valid, false);
  assert.deepEqual(r.errors, ['CREDIT_CODE_CHECK']);
  assert.equal(computeCreditCodeCheck('91350203M0001QAY9'), '9');
});

test('characters I, O, S, V and Z are refused with CREDIT_CODE_CHARSET', () => {
  for (const bad of ['I', 'O', 'S', 'V', 'Z']) {
    const code = `91310115${bad}91693856A`;
    const r = validateCreditCode(code);
    assert.equal(r.valid, false, code);
    assert.deepEqual(r.errors, ['CREDIT_CODE_CHARSET'], code);
  }
  assert.deepEqual(validateCreditCode('91310115591693856*').errors, ['CREDIT_CODE_CHARSET']);
});

test('a wrong length is refused with CREDIT_CODE_LENGTH and an empty input with CREDIT_CODE_REQUIRED', () => {
  for (const code of ['91310115591693856', '91310115591693856AA', '9', '913101155916938']) {
    const r = validateCreditCode(code);
    assert.equal(r.valid, false, code);
    assert.deepEqual(r.errors, ['CREDIT_CODE_LENGTH'], code);
    assert.equal(r.parts, null);
  }
  for (const empty of ['', '   ', null, undefined]) {
    assert.deepEqual(validateCreditCode(empty).errors, ['CREDIT_CODE_REQUIRED']);
  }
});

test('a non-digit region (positions 3–8) is refused with CREDIT_CODE_REGION', () => {
  const first17 = '91A10115591693856';
  const r = validateCreditCode(first17 + computeCreditCodeCheck(first17));
  assert.equal(r.valid, false);
  assert.deepEqual(r.errors, ['CREDIT_CODE_REGION']);
});

test('input is trimmed, upper-cased and folded from full width', () => {
  const r = validateCreditCode('  ９１５１２０８１ｍａ６２ｋ０２６０ｅ　');
  assert.equal(r.normalized, '91512081MA62K0260E');
  assert.equal(r.valid, true);
  assert.equal(validateCreditCode('91440101ma5cjq4n59').valid, true);
});

test('a failed organisation-code check is a warning, not an error', () => {
  // 91310115591693856A with position 17 changed to 7, then a correct final check.
  const first17 = '91310115591693857';
  const r = validateCreditCode(first17 + computeCreditCodeCheck(first17));
  assert.equal(r.valid, true);
  assert.deepEqual(r.warnings, ['CREDIT_CODE_ORG_CHECK']);
});

test('an unknown department or category is a warning, not an error', () => {
  const dept = validateCreditCode(makeCreditCode('3', '1', '330102', '59467239'));
  assert.equal(dept.valid, true);
  assert.deepEqual(dept.warnings, ['CREDIT_CODE_DEPARTMENT_UNKNOWN']);
  assert.equal(dept.entity.department, null);

  const cat = validateCreditCode(makeCreditCode('9', '4', '330102', '59467239'));
  assert.equal(cat.valid, true);
  assert.deepEqual(cat.warnings, ['CREDIT_CODE_CATEGORY_UNKNOWN']);
  assert.equal(cat.entity.department?.['zh-CN'], '市场监管');
  assert.equal(cat.entity.category, null);

  const region = validateCreditCode(makeCreditCode('9', '1', '990102', '59467239'));
  assert.equal(region.valid, true);
  assert.deepEqual(region.warnings, ['CREDIT_CODE_REGION_UNKNOWN']);
});

test('makeCreditCode builds codes that validate, for many random inputs', () => {
  const next = rng(20240601);
  const pick = (s: string) => s[Math.floor(next() * s.length)];
  for (let i = 0; i < 2000; i++) {
    const dept = pick(CREDIT_CODE_CHARSET);
    const cat = pick(CREDIT_CODE_CHARSET);
    let region = '';
    let org = '';
    for (let k = 0; k < 6; k++) region += pick('0123456789');
    for (let k = 0; k < 8; k++) org += pick(CREDIT_CODE_CHARSET);
    const code = makeCreditCode(dept, cat, region, org);
    const r = validateCreditCode(code);
    assert.equal(r.valid, true, code);
    assert.equal(r.normalized, code);
    assert.ok(!r.warnings.includes('CREDIT_CODE_ORG_CHECK'), code);
    assert.equal(r.parts?.category, dept + cat);
    assert.equal(r.parts?.regionCode, region);
    assert.equal(r.parts?.orgCode.slice(0, 8), org);
  }
});

test('makeCreditCode for the demo jurisdiction gives clean 91/92/93 codes', () => {
  const next = rng(7);
  for (let i = 0; i < 300; i++) {
    const cat = '123'[i % 3];
    const region = ['330102', '330105', '330106'][i % 3];
    let org = '';
    for (let k = 0; k < 8; k++) org += CREDIT_CODE_CHARSET[Math.floor(next() * 31)];
    const r = validateCreditCode(makeCreditCode('9', cat, region, org));
    assert.equal(r.valid, true);
    assert.deepEqual(r.warnings, []);
  }
});

test('a single changed character is always caught by the final check', () => {
  const code = '91350200776049653A';
  for (let pos = 0; pos < 18; pos++) {
    for (const ch of CREDIT_CODE_CHARSET) {
      if (ch === code[pos] || (pos >= 2 && pos < 8 && !/\d/.test(ch))) continue;
      const changed = code.slice(0, pos) + ch + code.slice(pos + 1);
      assert.ok(validateCreditCode(changed).errors.includes('CREDIT_CODE_CHECK'), changed);
    }
  }
});

test('the helpers refuse malformed arguments', () => {
  assert.throws(() => computeCreditCodeCheck('9131011559169385'), RangeError);
  assert.throws(() => computeCreditCodeCheck('9131011559169385I'), RangeError);
  assert.throws(() => makeCreditCode('9', '91', '330102', '59467239'), RangeError);
  assert.throws(() => makeCreditCode('9', '1', '33010A', '59467239'), RangeError);
  assert.throws(() => makeCreditCode('9', '1', '330102', '5946723O'), RangeError);
  assert.throws(() => computeOrgCodeCheck('5946723'), RangeError);
});

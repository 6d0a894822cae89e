import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeIdNumberCheck, maskIdNumber, maskPhone, validateIdNumber, validateMobilePhone } from './id-number.js';

const TODAY = '2025-06-01';

test('the ID vectors of rules.md §E2', () => {
  const a = validateIdNumber('11010519491231002X', TODAY);
  assert.deepEqual(a, { valid: true, normalized: '11010519491231002X', errors: [], birthDate: '1949-12-31', sex: 'female' });

  const b = validateIdNumber('34052419800101001X', TODAY);
  assert.equal(b.valid, true);
  assert.equal(b.birthDate, '1980-01-01');
  assert.equal(b.sex, 'male');

  const c = validateIdNumber('340524198001010013', TODAY);
  assert.equal(c.valid, false);
  assert.deepEqual(c.errors, ['ID_NUMBER_CHECK']);
});

test('a lower-case x and full-width digits are normalised', () => {
  assert.equal(validateIdNumber(' 11010519491231002x ', TODAY).valid, true);
  assert.equal(validateIdNumber('１１０１０５１９４９１２３１００２Ｘ', TODAY).valid, true);
});

test('the check is MOD 11-2 with "10X98765432"', () => {
  assert.equal(computeIdNumberCheck('11010519491231002'), 'X');
  assert.equal(computeIdNumberCheck('34052419800101001'), 'X');
});

/** A number with the given birth date and a correct check, so only the date can fail. */
function withBirth(yyyymmdd: string): string {
  const first17 = `330102${yyyymmdd}123`;
  return first17 + computeIdNumberCheck(first17);
}

test('a birth date that does not exist is refused', () => {
  for (const d of ['20000230', '19990229', '19801301', '19800100', '19800431']) {
    const r = validateIdNumber(withBirth(d), TODAY);
    assert.equal(r.valid, false, d);
    assert.deepEqual(r.errors, ['ID_NUMBER_BIRTH_DATE'], d);
    assert.equal(r.birthDate, null);
  }
  assert.equal(validateIdNumber(withBirth('20000229'), TODAY).valid, true);
});

test('a birth date after today is refused; today itself is accepted', () => {
  assert.deepEqual(validateIdNumber(withBirth('20250602'), TODAY).errors, ['ID_NUMBER_BIRTH_DATE']);
  assert.equal(validateIdNumber(withBirth('20250601'), TODAY).valid, true);
  assert.equal(validateIdNumber(withBirth('20250602'), '2025-06-02').valid, true);
});

test('length, format and address code are checked', () => {
  assert.deepEqual(validateIdNumber('', TODAY).errors, ['ID_NUMBER_REQUIRED']);
  assert.deepEqual(validateIdNumber('1101051949123100', TODAY).errors, ['ID_NUMBER_LENGTH']);
  assert.deepEqual(validateIdNumber('110105194912310021X', TODAY).errors, ['ID_NUMBER_LENGTH']);
  assert.deepEqual(validateIdNumber('1101051949123100XX', TODAY).errors, ['ID_NUMBER_FORMAT']);
  assert.deepEqual(validateIdNumber('11010519491231002A', TODAY).errors, ['ID_NUMBER_FORMAT']);
  const first17 = '00010519491231002';
  assert.deepEqual(validateIdNumber(first17 + computeIdNumberCheck(first17), TODAY).errors, ['ID_NUMBER_ADDRESS']);
  assert.throws(() => validateIdNumber('11010519491231002X', '2025/06/01'), RangeError);
});

test('sex follows the parity of digit 17', () => {
  const male = '33010219900101001';
  const female = '33010219900101002';
  assert.equal(validateIdNumber(male + computeIdNumberCheck(male), TODAY).sex, 'male');
  assert.equal(validateIdNumber(female + computeIdNumberCheck(female), TODAY).sex, 'female');
});

test('maskIdNumber keeps the first 6 and last 4 characters', () => {
  assert.equal(maskIdNumber('11010519491231002X'), '110105********002X');
  assert.equal(maskIdNumber('11010519491231002x'), '110105********002X');
  assert.equal(maskIdNumber('110105491231002'), '110105*****1002');
  assert.equal(maskIdNumber('1234'), '****');
  assert.equal(maskIdNumber(''), '');
});

test('maskPhone keeps the first 3 and last 4 digits', () => {
  assert.equal(maskPhone('13812345678'), '138****5678');
  assert.equal(maskPhone('+86 138-1234-5678'), '138****5678');
  assert.equal(maskPhone('057187654321'), '057*****4321');
  assert.equal(maskPhone('12345'), '*****');
});

test('validateMobilePhone accepts mainland 1[3-9] numbers only', () => {
  for (const ok of ['13812345678', '19912345678', '15000000000', '+8613812345678', '138 1234 5678', '１３８１２３４５６７８']) {
    const r = validateMobilePhone(ok);
    assert.equal(r.valid, true, ok);
    assert.equal(r.normalized.length, 11);
  }
  for (const bad of ['12812345678', '1381234567', '138123456789', '23812345678', '1381234567a']) {
    assert.deepEqual(validateMobilePhone(bad).errors, ['PHONE_INVALID'], bad);
  }
  assert.deepEqual(validateMobilePhone('  ').errors, ['PHONE_REQUIRED']);
});

// 公民身份号码 (GB 11643-1999) per docs rules.md §E2, mainland mobile numbers, and the masks used
// in lists and logs. Pure: the current date arrives as a parameter.
import { normalizeIdentifier, toHalfWidth } from './normalize.js';

/** ISO 7064 MOD 11-2 weights of digits 1–17. */
export const ID_NUMBER_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for remainder r = index. */
export const ID_NUMBER_CHECK_CHARS = '10X98765432';

export type IdNumberError =
  | 'ID_NUMBER_REQUIRED'
  | 'ID_NUMBER_LENGTH'
  | 'ID_NUMBER_FORMAT'
  | 'ID_NUMBER_ADDRESS'
  | 'ID_NUMBER_BIRTH_DATE'
  | 'ID_NUMBER_CHECK';

export type Sex = 'male' | 'female';

export interface IdNumberResult {
  valid: boolean;
  /** Trimmed, half-width and upper-cased input (a final `x` becomes `X`). */
  normalized: string;
  errors: IdNumberError[];
  /** `YYYY-MM-DD` when positions 7–14 are a real date not after `today`, else null. */
  birthDate: string | null;
  /** From the parity of the sequence code (odd = male); null when the format is wrong. */
  sex: Sex | null;
}

/**
 * First two digits of GB/T 2260 province-level codes, plus 81/82/83 used in the residence
 * permits of Hong Kong, Macao and Taiwan residents.
 */
const ADDRESS_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

/** The MOD 11-2 check character of the first 17 digits. */
export function computeIdNumberCheck(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`computeIdNumberCheck needs 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_NUMBER_WEIGHTS[i];
  return ID_NUMBER_CHECK_CHARS[sum % 11];
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/**
 * Validates an 18-character citizen ID number.
 * @param today the current date as `YYYY-MM-DD` (from the injected clock); a birth date after it is refused.
 */
export function validateIdNumber(input: string | null | undefined, today: string): IdNumberResult {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new RangeError(`validateIdNumber: today must be YYYY-MM-DD, got "${today}"`);
  const normalized = normalizeIdentifier(input ?? '');
  const errors: IdNumberError[] = [];
  const done = (birthDate: string | null, sex: Sex | null): IdNumberResult => ({
    valid: errors.length === 0,
    normalized,
    errors,
    birthDate,
    sex,
  });

  if (normalized === '') {
    errors.push('ID_NUMBER_REQUIRED');
    return done(null, null);
  }
  if (normalized.length !== 18) {
    errors.push('ID_NUMBER_LENGTH');
    return done(null, null);
  }
  if (!/^\d{17}[\dX]$/.test(normalized)) {
    errors.push('ID_NUMBER_FORMAT');
    return done(null, null);
  }

  if (!ADDRESS_PREFIXES.has(normalized.slice(0, 2))) errors.push('ID_NUMBER_ADDRESS');

  const year = Number(normalized.slice(6, 10));
  const month = Number(normalized.slice(10, 12));
  const day = Number(normalized.slice(12, 14));
  let birthDate: string | null = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  if (!isRealDate(year, month, day) || birthDate > today) {
    errors.push('ID_NUMBER_BIRTH_DATE');
    birthDate = null;
  }

  const sex: Sex = (normalized.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female';
  if (computeIdNumberCheck(normalized.slice(0, 17)) !== normalized[17]) errors.push('ID_NUMBER_CHECK');
  return done(birthDate, sex);
}

/**
 * Masks an ID number for lists and logs: the first 6 and last 4 characters stay
 * (`110105********002X`). Anything not 15 or 18 characters long is masked completely.
 */
export function maskIdNumber(id: string): string {
  const s = normalizeIdentifier(id);
  if (s.length !== 18 && s.length !== 15) return '*'.repeat(s.length);
  return s.slice(0, 6) + '*'.repeat(s.length - 10) + s.slice(-4);
}

export type PhoneError = 'PHONE_REQUIRED' | 'PHONE_INVALID';

export interface PhoneResult {
  valid: boolean;
  /** Digits only, without separators or a +86 / 0086 prefix. */
  normalized: string;
  errors: PhoneError[];
}

function normalizePhone(input: string): string {
  const s = toHalfWidth(input).replace(/[\s\-()]/g, '');
  const m = /^(?:\+86|0086|86)(\d{11})$/.exec(s);
  return m ? m[1] : s;
}

/** Validates a mainland mobile number: 11 digits, `1[3-9]` then 9 digits; spaces, dashes and +86 are tolerated. */
export function validateMobilePhone(input: string | null | undefined): PhoneResult {
  const normalized = normalizePhone(input ?? '');
  if (normalized === '') return { valid: false, normalized, errors: ['PHONE_REQUIRED'] };
  if (!/^1[3-9]\d{9}$/.test(normalized)) return { valid: false, normalized, errors: ['PHONE_INVALID'] };
  return { valid: true, normalized, errors: [] };
}

/**
 * Masks a phone number for lists and logs: the first 3 and last 4 digits stay (`138****5678`).
 * Numbers shorter than 8 characters are masked completely.
 */
export function maskPhone(phone: string): string {
  const s = normalizePhone(phone);
  if (s.length < 8) return '*'.repeat(s.length);
  return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4);
}

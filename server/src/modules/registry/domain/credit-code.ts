// 统一社会信用代码 (unified social credit code, GB 32100-2015), per docs rules.md §E1.
// Pure: no I/O, no clock.
import type { LocalizedText } from '../../../platform/i18n/i18n.js';
import { normalizeIdentifier } from './normalize.js';

/** The 31 characters a credit code may use (I, O, S, V and Z are excluded). Value = index. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights of positions 1–17 for the final check character: 3^(i−1) mod 31. */
export const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Weights of the 8 body characters of the GB 11714 organisation code (positions 9–16). */
export const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Codes that make a credit code invalid. */
export type CreditCodeError =
  | 'CREDIT_CODE_REQUIRED'
  | 'CREDIT_CODE_LENGTH'
  | 'CREDIT_CODE_CHARSET'
  | 'CREDIT_CODE_REGION'
  | 'CREDIT_CODE_CHECK';

/** Codes reported alongside a (possibly) valid credit code; they never make it invalid. */
export type CreditCodeWarning =
  | 'CREDIT_CODE_ORG_CHECK'
  | 'CREDIT_CODE_DEPARTMENT_UNKNOWN'
  | 'CREDIT_CODE_CATEGORY_UNKNOWN'
  | 'CREDIT_CODE_REGION_UNKNOWN';

export interface CreditCodeParts {
  /** Position 1: 登记管理部门代码, e.g. `9` (market regulation). */
  department: string;
  /** Positions 1–2: 机构类别, e.g. `91` (enterprise). */
  category: string;
  /** Positions 3–8: GB/T 2260 code of the registering authority. */
  regionCode: string;
  /** Positions 9–17: the GB 11714 organisation code, its own check character last. */
  orgCode: string;
  /** Position 18: the mod-31 check character. */
  check: string;
}

export interface CreditCodeResult {
  valid: boolean;
  /** Trimmed, half-width and upper-cased input. */
  normalized: string;
  errors: CreditCodeError[];
  warnings: CreditCodeWarning[];
  /** Null when the length is wrong (nothing can be decoded). */
  parts: CreditCodeParts | null;
  /** Names of the department and category; null when the code is not in the known list. */
  entity: { department: LocalizedText | null; category: LocalizedText | null };
}

interface DepartmentInfo {
  name: LocalizedText;
  categories: Record<string, LocalizedText>;
}

const OTHER: LocalizedText = { 'zh-CN': '其他', 'zh-TW': '其他', en: 'Other' };

/**
 * Department and category codes: the subset rules.md §E1 documents. Other first characters exist
 * in some lists, which disagree, so an unknown one is a warning, never an error.
 */
export const CREDIT_CODE_DEPARTMENTS: Readonly<Record<string, DepartmentInfo>> = {
  '1': {
    name: { 'zh-CN': '机构编制', 'zh-TW': '機構編制', en: 'Institutional staffing' },
    categories: {
      '11': { 'zh-CN': '机关', 'zh-TW': '機關', en: 'Government body' },
      '12': { 'zh-CN': '事业单位', 'zh-TW': '事業單位', en: 'Public institution' },
      '13': {
        'zh-CN': '中央编办直管群众团体',
        'zh-TW': '中央編辦直管群眾團體',
        en: 'Mass organisation under the Central Staffing Office',
      },
      '19': OTHER,
    },
  },
  '5': {
    name: { 'zh-CN': '民政', 'zh-TW': '民政', en: 'Civil affairs' },
    categories: {
      '51': { 'zh-CN': '社会团体', 'zh-TW': '社會團體', en: 'Social organisation' },
      '52': { 'zh-CN': '民办非企业单位', 'zh-TW': '民辦非企業單位', en: 'Private non-enterprise unit' },
      '53': { 'zh-CN': '基金会', 'zh-TW': '基金會', en: 'Foundation' },
      '59': OTHER,
    },
  },
  '9': {
    name: { 'zh-CN': '市场监管', 'zh-TW': '市場監管', en: 'Market regulation' },
    categories: {
      '91': { 'zh-CN': '企业', 'zh-TW': '企業', en: 'Enterprise' },
      '92': { 'zh-CN': '个体工商户', 'zh-TW': '個體工商戶', en: 'Individual business' },
      '93': { 'zh-CN': '农民专业合作社', 'zh-TW': '農民專業合作社', en: "Farmers' specialised cooperative" },
    },
  },
  Y: {
    name: OTHER,
    categories: { Y1: OTHER },
  },
};

/**
 * First two digits of GB/T 2260 province-level codes, plus `10` (national-level registration).
 * A region outside this list is a warning only.
 */
const PROVINCE_PREFIXES = new Set([
  '10', '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

function creditValue(ch: string): number {
  return CREDIT_CODE_CHARSET.indexOf(ch);
}

/** GB 11714 character value: digits 0–9, then the whole alphabet A–Z = 10–35. */
function orgValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  if (ch >= 'A' && ch <= 'Z') return ch.charCodeAt(0) - 55;
  return -1;
}

function isCreditChars(s: string): boolean {
  for (const ch of s) if (creditValue(ch) < 0) return false;
  return true;
}

function checkFor17(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += creditValue(first17[i]) * CREDIT_CODE_WEIGHTS[i];
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

function orgCheckFor8(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgValue(body[i]) * ORG_CODE_WEIGHTS[i];
  const v = 11 - (sum % 11);
  if (v === 10) return 'X';
  if (v === 11) return '0';
  return String(v);
}

/**
 * The final (18th) check character of a credit code from its first 17 characters.
 * @throws RangeError when `first17` is not 17 characters of {@link CREDIT_CODE_CHARSET}.
 */
export function computeCreditCodeCheck(first17: string): string {
  if (first17.length !== 17 || !isCreditChars(first17)) {
    throw new RangeError(`computeCreditCodeCheck needs 17 characters of ${CREDIT_CODE_CHARSET}, got "${first17}"`);
  }
  return checkFor17(first17);
}

/**
 * The GB 11714 organisation-code check character (`0`–`9` or `X`) of an 8-character body.
 * @throws RangeError when `body8` is not 8 characters of 0–9 / A–Z.
 */
export function computeOrgCodeCheck(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) {
    throw new RangeError(`computeOrgCodeCheck needs 8 characters of 0-9/A-Z, got "${body8}"`);
  }
  return orgCheckFor8(body8);
}

/**
 * Builds a complete, valid credit code, computing the organisation-code check (position 17) and
 * the final check (position 18). Used by the demo-data generator.
 * @param dept  position 1, one character of the charset (e.g. `9`)
 * @param cat   position 2, one character of the charset (e.g. `1` for 91 企业)
 * @param region6 six digits (GB/T 2260)
 * @param orgBase8 positions 9–16, eight characters of the charset
 * @throws RangeError on malformed arguments (a programming error, not user input).
 */
export function makeCreditCode(dept: string, cat: string, region6: string, orgBase8: string): string {
  if (dept.length !== 1 || !isCreditChars(dept)) throw new RangeError(`makeCreditCode: bad department "${dept}"`);
  if (cat.length !== 1 || !isCreditChars(cat)) throw new RangeError(`makeCreditCode: bad category "${cat}"`);
  if (!/^\d{6}$/.test(region6)) throw new RangeError(`makeCreditCode: bad region "${region6}"`);
  if (orgBase8.length !== 8 || !isCreditChars(orgBase8)) {
    throw new RangeError(`makeCreditCode: bad organisation code body "${orgBase8}"`);
  }
  const first17 = dept + cat + region6 + orgBase8 + orgCheckFor8(orgBase8);
  return first17 + checkFor17(first17);
}

/** Department and category names for the first two characters (null when not in the known list). */
export function describeCreditCodeEntity(category: string): CreditCodeResult['entity'] {
  const dept = CREDIT_CODE_DEPARTMENTS[category.slice(0, 1)];
  return { department: dept?.name ?? null, category: dept?.categories[category.slice(0, 2)] ?? null };
}

/**
 * Validates a credit code per GB 32100-2015 (rules.md §E1). The mod-31 check is strict; a failed
 * GB 11714 organisation-code check, an unknown department/category or an unknown province are
 * warnings.
 */
export function validateCreditCode(input: string | null | undefined): CreditCodeResult {
  const normalized = normalizeIdentifier(input ?? '');
  const errors: CreditCodeError[] = [];
  const warnings: CreditCodeWarning[] = [];
  const result = (parts: CreditCodeParts | null): CreditCodeResult => ({
    valid: errors.length === 0,
    normalized,
    errors,
    warnings,
    parts,
    entity: parts ? describeCreditCodeEntity(parts.category) : { department: null, category: null },
  });

  if (normalized === '') {
    errors.push('CREDIT_CODE_REQUIRED');
    return result(null);
  }
  if (normalized.length !== 18) {
    errors.push('CREDIT_CODE_LENGTH');
    return result(null);
  }

  const parts: CreditCodeParts = {
    department: normalized.slice(0, 1),
    category: normalized.slice(0, 2),
    regionCode: normalized.slice(2, 8),
    orgCode: normalized.slice(8, 17),
    check: normalized.slice(17),
  };

  const charsetOk = isCreditChars(normalized);
  if (!charsetOk) errors.push('CREDIT_CODE_CHARSET');
  if (!/^\d{6}$/.test(parts.regionCode)) errors.push('CREDIT_CODE_REGION');
  if (!charsetOk) return result(parts);

  if (checkFor17(normalized.slice(0, 17)) !== parts.check) errors.push('CREDIT_CODE_CHECK');

  if (orgCheckFor8(parts.orgCode.slice(0, 8)) !== parts.orgCode[8]) warnings.push('CREDIT_CODE_ORG_CHECK');
  const dept = CREDIT_CODE_DEPARTMENTS[parts.department];
  if (!dept) warnings.push('CREDIT_CODE_DEPARTMENT_UNKNOWN');
  else if (!dept.categories[parts.category]) warnings.push('CREDIT_CODE_CATEGORY_UNKNOWN');
  if (!errors.includes('CREDIT_CODE_REGION') && !PROVINCE_PREFIXES.has(parts.regionCode.slice(0, 2))) {
    warnings.push('CREDIT_CODE_REGION_UNKNOWN');
  }
  return result(parts);
}

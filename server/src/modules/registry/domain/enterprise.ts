import type { FieldError } from '../../../platform/errors/app-error.js';
import { validateCreditCode } from './credit-code.js';
import { validateIdNumber } from './id-number.js';
import { isValidIndustryClass } from './industry.js';
import { getRegion } from './regions.js';
import { registryFieldError } from './messages.js';
import { searchKey } from './chinese-text.js';

import { ENTERPRISE_STATUSES, ENTERPRISE_TYPES } from '../../../../../contracts/registry.js';

export { ENTERPRISE_STATUSES, ENTERPRISE_TYPES };
export type EnterpriseType = (typeof ENTERPRISE_TYPES)[number];
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

export interface Investor {
  name: string;
  kind: 'person' | 'organisation';
  /** Subscribed capital in fen. */
  amountFen: number;
}

/** An enterprise as the register holds it: the domain object other modules receive (no secrets). */
export interface Enterprise {
  creditCode: string;
  name: string;
  type: EnterpriseType;
  legalRepName: string;
  /** The legal representative's ID number, masked (the full number never leaves the register). */
  legalRepIdMasked: string | null;
  registeredCapitalFen: number;
  address: string;
  regionCode: string;
  industryCode: string;
  businessScope: string;
  investors: Investor[];
  status: EnterpriseStatus;
  establishedOn: string;
  approvedOn: string | null;
  deregisteredOn: string | null;
  version: number;
}

/** The registered items of an enterprise, as entered (before encryption). */
export interface EnterpriseInput {
  creditCode: string;
  name: string;
  type: EnterpriseType;
  legalRepName: string;
  legalRepIdNumber?: string | null;
  registeredCapitalFen: number;
  address: string;
  regionCode: string;
  industryCode: string;
  businessScope: string;
  investors?: Investor[];
  establishedOn: string;
  status?: EnterpriseStatus;
}

/**
 * The checks the register applies to an enterprise's items beyond their shape: the credit code's
 * check characters, the legal representative's ID number, the region and the industry class.
 */
export function validateEnterprise(input: EnterpriseInput, today: string): { errors: FieldError[]; warnings: FieldError[] } {
  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];
  const code = validateCreditCode(input.creditCode);
  for (const e of code.errors) errors.push(registryFieldError('creditCode', e));
  for (const w of code.warnings) warnings.push(registryFieldError('creditCode', w));
  if (input.legalRepIdNumber) {
    const id = validateIdNumber(input.legalRepIdNumber, today);
    for (const e of id.errors) errors.push(registryFieldError('legalRepIdNumber', e));
  }
  if (!getRegion(input.regionCode)) errors.push(registryFieldError('regionCode', 'REGION_CODE_UNKNOWN'));
  if (!isValidIndustryClass(input.industryCode)) errors.push(registryFieldError('industryCode', 'INDUSTRY_CODE_INVALID'));
  if (input.establishedOn > today) errors.push({ path: 'establishedOn', code: 'too_big', params: { maximum: today } });
  return { errors, warnings };
}

/** Character bigrams of a search key (single characters for a one-character key). */
export function grams(key: string): string[] {
  const chars = [...key];
  if (chars.length <= 1) return chars;
  const out = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) out.add(chars[i] + chars[i + 1]);
  return [...out];
}

export function nameIndex(name: string): { key: string; grams: string[] } {
  const key = searchKey(name);
  return { key, grams: grams(key) };
}

/** Upper bound of a numeric region prefix, for a range scan: '3301' → '3302'. */
export function prefixUpperBound(prefix: string): string {
  return String(Number(prefix) + 1).padStart(prefix.length, '0');
}

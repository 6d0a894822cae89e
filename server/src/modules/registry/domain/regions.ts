// GB/T 2260 administrative divisions used by the platform's demo jurisdiction. The bureau in the
// demo is fictional; the codes are the real ones of Hangzhou so that they pass format checks and
// build valid credit codes.
import type { Locale, LocalizedText } from '../../../platform/i18n/i18n.js';

export type RegionLevel = 'province' | 'city' | 'district';
/** A jurisdiction is a region level, or the whole country (no restriction). */
export type JurisdictionLevel = RegionLevel | 'national';

export interface Region {
  /** Six-digit GB/T 2260 code. */
  code: string;
  /** Simplified-Chinese name. */
  name: string;
  names: LocalizedText;
  level: RegionLevel;
  parent: string | null;
}

export const REGIONS: readonly Region[] = Object.freeze([
  { code: '330000', name: '浙江省', names: { 'zh-CN': '浙江省', 'zh-TW': '浙江省', en: 'Zhejiang Province' }, level: 'province', parent: null },
  { code: '330100', name: '杭州市', names: { 'zh-CN': '杭州市', 'zh-TW': '杭州市', en: 'Hangzhou' }, level: 'city', parent: '330000' },
  { code: '330102', name: '上城区', names: { 'zh-CN': '上城区', 'zh-TW': '上城區', en: 'Shangcheng District' }, level: 'district', parent: '330100' },
  { code: '330105', name: '拱墅区', names: { 'zh-CN': '拱墅区', 'zh-TW': '拱墅區', en: 'Gongshu District' }, level: 'district', parent: '330100' },
  { code: '330106', name: '西湖区', names: { 'zh-CN': '西湖区', 'zh-TW': '西湖區', en: 'Xihu District' }, level: 'district', parent: '330100' },
].map((r) => Object.freeze(r as Region)));

const BY_CODE = new Map(REGIONS.map((r) => [r.code, r]));

const PREFIX_LENGTH: Record<RegionLevel, number> = { province: 2, city: 4, district: 6 };

/** The region with this code, or undefined. */
export function getRegion(code: string | null | undefined): Region | undefined {
  return BY_CODE.get((code ?? '').trim());
}

/** The region's name in a locale (Simplified Chinese by default); undefined when unknown. */
export function regionName(code: string | null | undefined, locale: Locale = 'zh-CN'): string | undefined {
  return getRegion(code)?.names[locale];
}

/** The districts (or other children) of a region. */
export function childRegions(code: string): Region[] {
  return REGIONS.filter((r) => r.parent === code);
}

/**
 * The prefix that selects everything under `regionCode` at `level`: 2 digits for a province,
 * 4 for a city, all 6 for a district; null for `national` (no restriction).
 * @throws RangeError when regionCode is not six digits.
 */
export function jurisdictionPrefix(regionCode: string, level: JurisdictionLevel): string | null {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`jurisdictionPrefix: region code must be 6 digits, got "${regionCode}"`);
  if (level === 'national') return null;
  return regionCode.slice(0, PREFIX_LENGTH[level]);
}

/**
 * Whether a region code lies in a jurisdiction given by its prefix (`33` province, `3301` city,
 * `330102` district; null = the whole country). A malformed region code is never inside.
 * @throws RangeError when the prefix is not 2, 4 or 6 digits (an empty prefix must not mean "all").
 */
export function isWithinJurisdiction(regionCode: string | null | undefined, prefix: string | null): boolean {
  if (prefix !== null && !/^\d{2}(?:\d{2}){0,2}$/.test(prefix)) {
    throw new RangeError(`isWithinJurisdiction: prefix must be 2, 4 or 6 digits or null, got "${prefix}"`);
  }
  if (!regionCode || !/^\d{6}$/.test(regionCode)) return false;
  return prefix === null || regionCode.startsWith(prefix);
}

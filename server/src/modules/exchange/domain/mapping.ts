// "One form linked" (一表关联): each department declares which register fields it needs, under its
// own field names, through a chain of transforms. Pure: no I/O, no clock.
import type { FieldError } from '../../../platform/errors/app-error.js';
import type { LocalizedText } from '../../../platform/i18n/i18n.js';
import { CODE_TABLES } from './code-tables.js';

/** The register fields a mapping may read (the register's own API names). */
export const SOURCE_FIELDS = [
  'creditCode',
  'name',
  'type',
  'legalRepName',
  'registeredCapitalFen',
  'address',
  'regionCode',
  'industryCode',
  'businessScope',
  'investors',
  'status',
  'establishedOn',
] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];

export const TRANSFORM_TYPES = ['codeTable', 'enum', 'date', 'amount', 'join'] as const;
export type TransformType = (typeof TRANSFORM_TYPES)[number];

export type Transform =
  | { type: 'codeTable'; table: string }
  | { type: 'enum'; map: Record<string, string>; default?: string }
  | { type: 'date'; format: 'YYYYMMDD' | 'YYYY-MM-DD' }
  | { type: 'amount'; unit: 'yuan' | 'wanyuan' }
  | { type: 'join'; separator: string };

export interface FieldMapping {
  /** The department's own field name. */
  target: string;
  /** Register fields read (several only when a `join` combines them). */
  source: SourceField[];
  transforms: Transform[];
}

/** The register's view of one enterprise, by source field. */
export type RegisterView = Record<SourceField, unknown>;

export const MAPPING_MESSAGES: Record<string, LocalizedText> = {
  MAPPING_UNKNOWN_FIELD: { 'zh-CN': '登记库中没有字段“{field}”', 'zh-TW': '登記庫中沒有欄位「{field}」', en: 'The register has no field "{field}"' },
  MAPPING_UNKNOWN_TRANSFORM: { 'zh-CN': '未知的转换“{transform}”', 'zh-TW': '未知的轉換「{transform}」', en: 'Unknown transform "{transform}"' },
  MAPPING_UNKNOWN_CODE_TABLE: { 'zh-CN': '未知的代码表“{table}”', 'zh-TW': '未知的代碼表「{table}」', en: 'Unknown code table "{table}"' },
  MAPPING_BAD_OPTION: { 'zh-CN': '转换“{transform}”的参数“{option}”无效', 'zh-TW': '轉換「{transform}」的參數「{option}」無效', en: 'Option "{option}" of transform "{transform}" is invalid' },
  MAPPING_DUPLICATE_TARGET: { 'zh-CN': '目标字段“{target}”重复', 'zh-TW': '目標欄位「{target}」重複', en: 'Target field "{target}" appears twice' },
  MAPPING_BAD_TARGET: { 'zh-CN': '目标字段名无效（字母开头，仅字母、数字、下划线）', 'zh-TW': '目標欄位名稱無效（字母開頭，僅字母、數字、底線）', en: 'Invalid target name (a letter, then letters, digits or underscores)' },
  MAPPING_JOIN_REQUIRED: { 'zh-CN': '多个来源字段须用“join”合并', 'zh-TW': '多個來源欄位須用「join」合併', en: 'Several source fields need a "join" transform' },
  MAPPING_NO_SOURCE: { 'zh-CN': '至少需要一个来源字段', 'zh-TW': '至少需要一個來源欄位', en: 'At least one source field is required' },
  MAPPING_EMPTY: { 'zh-CN': '映射至少需要一个字段', 'zh-TW': '映射至少需要一個欄位', en: 'A mapping needs at least one field' },
};

function fieldError(path: string, code: keyof typeof MAPPING_MESSAGES, params: Record<string, unknown> = {}): FieldError {
  return { path, code, text: MAPPING_MESSAGES[code], params };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a mapping as an admin saves it. Returns the mapping in its normal form, or the reasons it is
 * refused (unknown register field, unknown transform or code table, bad options, duplicate target).
 */
export function validateMapping(input: unknown, path = 'mappings'): { mapping: FieldMapping[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const mapping: FieldMapping[] = [];
  if (!Array.isArray(input) || input.length === 0) return { mapping, errors: [fieldError(path, 'MAPPING_EMPTY')] };
  const targets = new Set<string>();
  input.forEach((raw, i) => {
    const at = `${path}.${i}`;
    const m = isObject(raw) ? raw : {};
    const target = typeof m.target === 'string' ? m.target : '';
    if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(target)) errors.push(fieldError(`${at}.target`, 'MAPPING_BAD_TARGET'));
    else if (targets.has(target)) errors.push(fieldError(`${at}.target`, 'MAPPING_DUPLICATE_TARGET', { target }));
    targets.add(target);
    const sources = (Array.isArray(m.source) ? m.source : typeof m.source === 'string' ? [m.source] : []) as unknown[];
    if (!sources.length) errors.push(fieldError(`${at}.source`, 'MAPPING_NO_SOURCE'));
    sources.forEach((s, j) => {
      if (typeof s !== 'string' || !(SOURCE_FIELDS as readonly string[]).includes(s)) {
        errors.push(fieldError(`${at}.source.${j}`, 'MAPPING_UNKNOWN_FIELD', { field: String(s) }));
      }
    });
    const transforms = (Array.isArray(m.transforms) ? m.transforms : []) as unknown[];
    transforms.forEach((t, k) => {
      const tp = `${at}.transforms.${k}`;
      const tr = isObject(t) ? t : {};
      const type = tr.type;
      const bad = (option: string) => errors.push(fieldError(`${tp}.${option}`, 'MAPPING_BAD_OPTION', { transform: String(type), option }));
      switch (type) {
        case 'codeTable':
          if (typeof tr.table !== 'string' || !CODE_TABLES[tr.table]) errors.push(fieldError(`${tp}.table`, 'MAPPING_UNKNOWN_CODE_TABLE', { table: String(tr.table) }));
          break;
        case 'enum':
          if (!isObject(tr.map) || Object.values(tr.map).some((v) => typeof v !== 'string')) bad('map');
          if (tr.default !== undefined && typeof tr.default !== 'string') bad('default');
          break;
        case 'date':
          if (tr.format !== 'YYYYMMDD' && tr.format !== 'YYYY-MM-DD') bad('format');
          break;
        case 'amount':
          if (tr.unit !== 'yuan' && tr.unit !== 'wanyuan') bad('unit');
          break;
        case 'join':
          if (typeof tr.separator !== 'string' || tr.separator.length > 10) bad('separator');
          break;
        default:
          errors.push(fieldError(`${tp}.type`, 'MAPPING_UNKNOWN_TRANSFORM', { transform: String(type) }));
      }
    });
    if (sources.length > 1 && !transforms.some((t) => isObject(t) && t.type === 'join')) errors.push(fieldError(`${at}.transforms`, 'MAPPING_JOIN_REQUIRED'));
    mapping.push({ target, source: sources as SourceField[], transforms: transforms as Transform[] });
  });
  return { mapping: errors.length ? [] : mapping, errors };
}

/** fen (integer) → yuan with two decimals, exactly (no floating point). */
export function fenToYuan(fen: number): string {
  const neg = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  const s = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}

/** fen → 万元, exactly: six decimals with trailing zeros trimmed, keeping at least two. */
export function fenToWanyuan(fen: number): string {
  const neg = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  let frac = String(abs % 1_000_000).padStart(6, '0');
  while (frac.length > 2 && frac.endsWith('0')) frac = frac.slice(0, -1);
  const s = `${Math.floor(abs / 1_000_000)}.${frac}`;
  return neg ? `-${s}` : s;
}

function applyOne(value: unknown, t: Transform): unknown {
  if (value === null || value === undefined) return null;
  if (t.type === 'join') {
    const items = Array.isArray(value) ? value : [value];
    return items
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .map((v) => (isObject(v) && typeof v.name === 'string' ? v.name : v === null || v === undefined ? '' : String(v)))
      .join(t.separator);
  }
  if (Array.isArray(value)) return value.map((v) => applyOne(v, t));
  switch (t.type) {
    case 'codeTable':
      return typeof value === 'string' ? CODE_TABLES[t.table].translate(value) : value;
    case 'enum': {
      const key = String(value);
      return t.map[key] ?? t.default ?? key;
    }
    case 'date': {
      const s = String(value).slice(0, 10);
      return t.format === 'YYYYMMDD' ? s.replace(/-/g, '') : s;
    }
    case 'amount':
      return typeof value === 'number' ? (t.unit === 'yuan' ? fenToYuan(value) : fenToWanyuan(value)) : value;
  }
  return value;
}

/** One department's view of an enterprise: every mapped target with its transformed value. */
export function mapView(mapping: FieldMapping[], view: Partial<RegisterView>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of mapping) {
    let value: unknown = m.source.length === 1 ? (view[m.source[0]] ?? null) : m.source.map((s) => view[s] ?? null);
    for (const t of m.transforms) value = applyOne(value, t);
    out[m.target] = value ?? null;
  }
  return out;
}

export function sourceFieldsOf(mapping: FieldMapping[]): SourceField[] {
  return [...new Set(mapping.flatMap((m) => m.source))];
}

/** Whether a change of these register fields concerns the department at all. */
export function isAffected(mapping: FieldMapping[], changedFields: readonly string[]): boolean {
  const used = new Set<string>(sourceFieldsOf(mapping));
  return changedFields.some((f) => used.has(f));
}

/**
 * The target fields whose transformed values differ between two register views, with the register
 * fields they are read from (`source`: what a person is shown, the target being the department's code).
 */
export function mappedChanges(
  mapping: FieldMapping[],
  before: Partial<RegisterView>,
  after: Partial<RegisterView>,
): { target: string; source: SourceField[]; before: unknown; after: unknown }[] {
  const a = mapView(mapping, before);
  const b = mapView(mapping, after);
  return mapping
    .filter((m) => JSON.stringify(a[m.target]) !== JSON.stringify(b[m.target]))
    .map((m) => ({ target: m.target, source: m.source, before: a[m.target], after: b[m.target] }));
}

/** Register fields whose values differ between two views. */
export function changedSourceFields(before: Partial<RegisterView>, after: Partial<RegisterView>): SourceField[] {
  return SOURCE_FIELDS.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null));
}

/** Picks the mapping's source fields out of a fuller record (the register's enterprise DTO). */
export function registerView(e: Partial<Record<SourceField, unknown>>): RegisterView {
  const out = {} as RegisterView;
  for (const f of SOURCE_FIELDS) out[f] = e[f] ?? null;
  return out;
}

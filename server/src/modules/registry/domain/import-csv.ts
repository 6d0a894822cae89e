import { parse } from 'csv-parse/sync';
import type { FieldError } from '../../../platform/errors/app-error.js';
import { validateEnterprise, ENTERPRISE_TYPES, type EnterpriseInput } from './enterprise.js';
import { normalizeIdentifier } from './normalize.js';

/** Column headers accepted in an import file (English or Chinese), mapped to register fields. */
export const IMPORT_COLUMNS: Record<string, keyof EnterpriseInput> = {
  credit_code: 'creditCode',
  统一社会信用代码: 'creditCode',
  name: 'name',
  企业名称: 'name',
  type: 'type',
  企业类型: 'type',
  legal_rep_name: 'legalRepName',
  法定代表人: 'legalRepName',
  legal_rep_id_number: 'legalRepIdNumber',
  法定代表人身份证号: 'legalRepIdNumber',
  registered_capital: 'registeredCapitalFen',
  '注册资本（元）': 'registeredCapitalFen',
  注册资本: 'registeredCapitalFen',
  address: 'address',
  住所: 'address',
  region_code: 'regionCode',
  行政区划代码: 'regionCode',
  industry_code: 'industryCode',
  行业代码: 'industryCode',
  business_scope: 'businessScope',
  经营范围: 'businessScope',
  established_on: 'establishedOn',
  成立日期: 'establishedOn',
};

const REQUIRED: (keyof EnterpriseInput)[] = ['creditCode', 'name', 'type', 'legalRepName', 'address', 'regionCode', 'industryCode', 'establishedOn'];

export interface ImportRowError {
  /** 1-based data row number (the header is row 0). */
  row: number;
  field: string;
  code: string;
  text?: FieldError['text'];
  params?: Record<string, unknown>;
}

/** Yuan with up to two decimals → integer fen, without floating-point rounding. */
export function yuanToFen(s: string): number | null {
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(s.replace(/[,，\s]/g, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/**
 * Parses and validates an import file. Pure: the caller checks duplicates against the register.
 * Every row is checked; nothing is imported here.
 */
export function parseImportCsv(text: string, today: string) {
  const errors: ImportRowError[] = [];
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (err) {
    return { total: 0, rows: [], errors: [{ row: 0, field: 'file', code: 'CSV_MALFORMED', params: { detail: (err as Error).message } }] };
  }
  if (!records.length) return { total: 0, rows: [], errors: [{ row: 0, field: 'file', code: 'CSV_EMPTY' }] };
  const header = records[0].map((h) => IMPORT_COLUMNS[h.trim()] ?? null);
  const missing = REQUIRED.filter((f) => !header.includes(f));
  if (missing.length) {
    return { total: records.length - 1, rows: [], errors: missing.map((f) => ({ row: 0, field: f, code: 'CSV_COLUMN_MISSING' })) };
  }
  const rows: { row: number; input: EnterpriseInput }[] = [];
  for (let i = 1; i < records.length; i++) {
    const rec = records[i];
    const raw: Record<string, string> = {};
    header.forEach((f, j) => {
      if (f) raw[f] = (rec[j] ?? '').trim();
    });
    const rowErrors: ImportRowError[] = [];
    for (const f of REQUIRED) if (!raw[f]) rowErrors.push({ row: i, field: f, code: 'required' });
    const fen = raw.registeredCapitalFen ? yuanToFen(raw.registeredCapitalFen) : 0;
    if (fen === null) rowErrors.push({ row: i, field: 'registeredCapitalFen', code: 'AMOUNT_INVALID' });
    if (raw.type && !(ENTERPRISE_TYPES as readonly string[]).includes(raw.type)) rowErrors.push({ row: i, field: 'type', code: 'invalid_value' });
    if (raw.establishedOn && !/^\d{4}-\d{2}-\d{2}$/.test(raw.establishedOn)) rowErrors.push({ row: i, field: 'establishedOn', code: 'invalid_format' });
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    const input: EnterpriseInput = {
      creditCode: normalizeIdentifier(raw.creditCode),
      name: raw.name,
      type: raw.type as EnterpriseInput['type'],
      legalRepName: raw.legalRepName,
      legalRepIdNumber: raw.legalRepIdNumber || null,
      registeredCapitalFen: fen ?? 0,
      address: raw.address,
      regionCode: raw.regionCode,
      industryCode: raw.industryCode,
      businessScope: raw.businessScope ?? '',
      establishedOn: raw.establishedOn,
    };
    const v = validateEnterprise(input, today);
    if (v.errors.length) {
      errors.push(...v.errors.map((e) => ({ row: i, field: e.path, code: e.code, text: e.text, params: e.params })));
      continue;
    }
    rows.push({ row: i, input });
  }
  return { total: records.length - 1, rows, errors };
}

/**
 * Reads a 12315 platform export (CSV text, decoded by the caller) into intake rows (pure). The export's
 * Chinese headers are mapped to the intake fields; unknown columns are ignored. Each row keeps the
 * 12315 registration number, which makes a re-import of the same file create nothing new.
 */
import { parse } from 'csv-parse/sync';
import type { IntakeInput } from './rules.js';

/** Header → intake field. Several spellings seen in exports map to the same field. */
export const HEADERS_12315: Record<string, keyof Row12315> = {
  登记编号: 'externalNo',
  工单编号: 'externalNo',
  诉求类型: 'kind',
  类型: 'kind',
  投诉人姓名: 'complainantName',
  姓名: 'complainantName',
  联系电话: 'complainantPhone',
  手机号码: 'complainantPhone',
  投诉人地址: 'complainantAddress',
  被投诉人名称: 'respondentName',
  被投诉方: 'respondentName',
  被投诉人地址: 'respondentAddress',
  被投诉方地址: 'respondentAddress',
  统一社会信用代码: 'respondentCreditCode',
  诉求: 'request',
  诉求内容: 'request',
  事实经过: 'facts',
  问题描述: 'facts',
  涉及金额: 'amountYuan',
  金额: 'amountYuan',
  发生日期: 'occurredOn',
};

export interface Row12315 {
  externalNo: string;
  kind: string;
  complainantName: string;
  complainantPhone: string;
  complainantAddress: string;
  respondentName: string;
  respondentAddress: string;
  respondentCreditCode: string;
  request: string;
  facts: string;
  amountYuan: string;
  occurredOn: string;
}

export interface Parsed12315 {
  rows: { line: number; externalNo: string; intake: IntakeInput & { respondentCreditCode: string | null } }[];
  /** Lines that could not be read at all (missing registration number, bad amount or date format). */
  errors: { line: number; path: string; code: string }[];
}

/** Rows one import may hold: each row is filed like the form, in the request. A longer file is refused whole. */
export const MAX_IMPORT_ROWS = 2000;

/** A file with more rows than MAX_IMPORT_ROWS: nothing is imported (never a silent truncation). */
export class TooManyRowsError extends Error {
  constructor(readonly rows: number) {
    super(`${rows} rows; at most ${MAX_IMPORT_ROWS}`);
  }
}

export function parse12315(csv: Buffer | string): Parsed12315 {
  const text = (typeof csv === 'string' ? csv : csv.toString('utf8')).replace(/^\uFEFF/, '');
  const records = parse(text, { columns: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as Record<string, string>[];
  if (records.length > MAX_IMPORT_ROWS) throw new TooManyRowsError(records.length);
  const out: Parsed12315 = { rows: [], errors: [] };
  records.forEach((rec, i) => {
    const line = i + 2; // the header is line 1
    const r: Partial<Row12315> = {};
    for (const [h, v] of Object.entries(rec)) {
      const key = HEADERS_12315[h.trim()];
      if (key && !r[key]) r[key] = String(v ?? '').trim();
    }
    if (!r.externalNo) return void out.errors.push({ line, path: 'externalNo', code: 'required' });
    let amountFen: number | null = null;
    if (r.amountYuan) {
      const n = Number(r.amountYuan.replace(/[,，¥元\s]/g, ''));
      if (!Number.isFinite(n) || !/^\d+(\.\d{1,2})?$/.test(r.amountYuan.replace(/[,，¥元\s]/g, ''))) return void out.errors.push({ line, path: 'amountFen', code: 'COMPLAINT_AMOUNT_INVALID' });
      amountFen = Math.round(n * 100);
    }
    const occurredOn = r.occurredOn ? r.occurredOn.replace(/\//g, '-').slice(0, 10) : null;
    if (occurredOn && !/^\d{4}-\d{2}-\d{2}$/.test(occurredOn)) return void out.errors.push({ line, path: 'occurredOn', code: 'invalid_format' });
    out.rows.push({
      line,
      externalNo: r.externalNo,
      intake: {
        kind: r.kind?.includes('举报') ? 'report' : 'complaint',
        complainantName: r.complainantName ?? '',
        complainantPhone: r.complainantPhone ?? '',
        complainantAddress: r.complainantAddress ?? '',
        respondentName: r.respondentName ?? '',
        respondentAddress: r.respondentAddress ?? '',
        respondentCreditCode: r.respondentCreditCode || null,
        request: r.request ?? '',
        facts: r.facts ?? '',
        amountFen,
        occurredOn,
      },
    });
  });
  return out;
}

import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { localize, type Locale } from '../../../platform/i18n/i18n.js';
import { fieldMessage } from '../../../platform/http/field-messages.js';
import { decodeText } from '../../../platform/text/decode-text.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import { COMPLAINT_FIELD_MESSAGES } from '../domain/rules.js';
import { parse12315, TooManyRowsError, MAX_IMPORT_ROWS } from '../domain/import-12315.js';
import { COMPLAINT_ERRORS } from '../domain/texts.js';
import type { ComplaintsDeps } from '../deps.js';
import { fileComplaint } from './file-complaint.js';

export interface Import12315Input {
  /** The 12315 export as uploaded (CSV, UTF-8 or GBK). */
  csv: Buffer;
  /** The language of the row error messages. */
  locale: Locale;
}

function tooManyRows(rows: number): AppError {
  const params = { rows, limit: MAX_IMPORT_ROWS };
  return new AppError('VALIDATION_FAILED', { params, fields: [{ path: 'file', code: 'TOO_MANY_ROWS', params, text: COMPLAINT_ERRORS.tooManyRows }] });
}

/**
 * Imports a 12315 export (CSV). Every row goes through the same checks as the form; the 12315
 * registration number is the idempotency key, so importing the same file twice creates nothing new.
 */
export async function import12315File(deps: ComplaintsDeps, actor: Actor, input: Import12315Input, ctx: AuditContext) {
  authorize(actor, P['complaint.staff-entry']);
  const { locale } = input;
  const { text, encoding } = decodeText(input.csv);
  let parsed: ReturnType<typeof parse12315>;
  try {
    parsed = parse12315(text);
  } catch (err) {
    if (err instanceof TooManyRowsError) throw tooManyRows(err.rows);
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'file', code: 'invalid_format', text: fieldMessage('invalid_format') }] });
  }
  const own = jurisdictionPrefix(actor);
  const errors: { line: number; path: string; code: string; message: string }[] = parsed.errors.map((e) => ({
    ...e,
    message: localize(COMPLAINT_FIELD_MESSAGES[e.code] ?? fieldMessage(e.code) ?? { 'zh-CN': e.code, 'zh-TW': e.code, en: e.code }, locale, { limit: 10_000_000 }),
  }));
  let created = 0;
  let replayed = 0;
  for (const row of parsed.rows) {
    try {
      const intake = { ...row.intake, regionCode: own && own.length === 6 ? own : null, idempotencyKey: `12315:${row.externalNo}` };
      const res = await fileComplaint(deps, actor, { intake, channel: 'import' }, ctx);
      if (res.replayed) replayed++;
      else created++;
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== 'VALIDATION_FAILED' && err.code !== 'DUPLICATE')) throw err;
      const fields = err.fields.length ? err.fields : [{ path: '', code: err.code }];
      for (const f of fields) errors.push({ line: row.line, path: f.path, code: f.code, message: f.text ? localize(f.text, locale, f.params) : err.messageIn(locale) });
    }
  }
  // Every row is accounted for: created, replayed (imported before) or refused with its reasons.
  const refused = new Set(errors.map((e) => e.line)).size;
  return { total: parsed.rows.length + new Set(parsed.errors.map((e) => e.line)).size, created, replayed, refused, encoding, errors: errors.sort((a, b) => a.line - b.line) };
}

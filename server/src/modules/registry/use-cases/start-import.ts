import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { authorize, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { decodeText } from '../../../platform/text/decode-text.js';
import { REGISTRY_IMPORT_ACCEPTED } from '../../../../../contracts/events.js';
import type { RegistryDeps } from '../deps.js';
import { registryPolicy as P } from '../registry.policy.js';
import { registryRepository as repo } from '../registry.repository.js';
import { presentJob } from '../registry.presenter.js';
import { parseImportCsv, type ImportRowError } from '../domain/import-csv.js';
import { IMPORT_LOOKUP_BATCH, MAX_STORED_ERRORS, FILE_NAME_CHARS } from '../domain/rules.js';
import { importErrorMessage } from '../domain/texts.js';
import { stageRow } from '../registry.shared.js';

/**
 * Validates a whole CSV file first. A file with errors imports nothing unless `skipErrors`;
 * otherwise the rows are queued and imported by the worker (run-import), reporting progress on the job.
 */
export async function startImport(deps: RegistryDeps, actor: Actor, input: { csv: Buffer; fileName: string; skipErrors: boolean; locale: Locale }, ctx: AuditContext) {
  authorize(actor, P['enterprise.import']);
  const { text, encoding } = decodeText(input.csv);
  const parsed = parseImportCsv(text, deps.clock.today());
  const errors: ImportRowError[] = [...parsed.errors];
  // Codes already in the register, or repeated in the file, are errors too (looked up in batches).
  const existing = new Set<string>();
  for (const chunk of chunks(parsed.rows.map((r) => r.input.creditCode), IMPORT_LOOKUP_BATCH)) {
    for (const c of await repo.existingCodes(deps.db, chunk)) existing.add(c);
  }
  const seen = new Set<string>();
  const own = jurisdictionPrefix(actor);
  const good: typeof parsed.rows = [];
  for (const r of parsed.rows) {
    const rowErrors: ImportRowError[] = [];
    if (existing.has(r.input.creditCode)) rowErrors.push({ row: r.row, field: 'creditCode', code: 'DUPLICATE' });
    else if (seen.has(r.input.creditCode)) rowErrors.push({ row: r.row, field: 'creditCode', code: 'DUPLICATE_IN_FILE' });
    if (own && !r.input.regionCode.startsWith(own)) rowErrors.push({ row: r.row, field: 'regionCode', code: 'OUTSIDE_JURISDICTION' });
    seen.add(r.input.creditCode);
    if (rowErrors.length) errors.push(...rowErrors);
    else good.push(r);
  }
  const total = parsed.total;
  const refused = new Set(errors.filter((e) => e.row > 0).map((e) => e.row)).size;
  const rejected = errors.length > 0 && !input.skipErrors;
  const job = await deps.db.transaction().execute(async (tx) => {
    const row = await repo.createImportJob(tx, {
      file_name: input.fileName.slice(0, FILE_NAME_CHARS),
      skip_errors: input.skipErrors,
      created_by: actor.id,
      jurisdiction: own,
      status: rejected ? 'rejected' : good.length ? 'importing' : 'done',
      total,
      valid: good.length,
      refused,
      encoding,
      errors: errors.map((e) => ({ ...e, message: importErrorMessage(e, input.locale) })).slice(0, MAX_STORED_ERRORS),
      // Staged rows never hold an ID number in clear: it waits encrypted, as in the register.
      rows: rejected ? null : good.map((g) => stageRow(deps, g)),
    });
    if (!rejected && good.length) await deps.outbox.append(tx, REGISTRY_IMPORT_ACCEPTED, { jobId: row.id, ctx });
    await deps.audit.record(tx, ctx, {
      action: rejected ? 'enterprise.import-rejected' : 'enterprise.import-accepted',
      entityType: 'import_job',
      entityId: row.id,
      after: { fileName: input.fileName, encoding, total, valid: good.length, refused, errors: errors.length },
    });
    return row;
  });
  return presentJob(job);
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

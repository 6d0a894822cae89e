import { AppError } from '../../../platform/errors/app-error.js';
import { assertInScope } from '../../../platform/auth/policy.js';
import { inspectionsRepository as repo } from '../inspections.repository.js';
import type { Actor, AuditContext, InspectionsDeps, Locale } from '../deps.js';
import { can, regionPrefix } from './shared.js';

/** 两库 (1): target directories of an industry field, filled from the register (through its API). */
export async function addDirectory(deps: InspectionsDeps, actor: Actor, input: { fieldId: string; departmentCode?: string; name: string; regionCode: string }, ctx: AuditContext) {
  can(actor, 'catalogue.manage');
  assertInScope(actor, { regionCode: input.regionCode });
  if (!(await repo.field(deps.db, input.fieldId))) throw new AppError('NOT_FOUND');
  const d = await deps.db.transaction().execute(async (tx) => {
    const row = await repo.insertDirectory(tx, { field_id: input.fieldId, department_code: input.departmentCode ?? null, name: input.name, region_code: input.regionCode });
    await deps.audit.record(tx, ctx, { action: 'inspections.directory.create', entityType: 'inspection_directory', entityId: row.id, after: input });
    return row;
  });
  return { id: d.id, fieldId: d.field_id, departmentCode: d.department_code, name: d.name, regionCode: d.region_code, targets: 0 };
}

export async function listDirectories(deps: InspectionsDeps, actor: Actor, fieldId: string) {
  can(actor, 'catalogue.read');
  const rows = await repo.directoriesOf(deps.db, fieldId, regionPrefix(actor) ?? '');
  return { items: rows.map((d) => ({ id: d.id, fieldId: d.field_id, departmentCode: d.department_code, name: d.name, regionCode: d.region_code, targets: Number(d.targets ?? 0) })) };
}

/**
 * Adds enterprises to a directory: named by credit code (each checked in the register), or every
 * active enterprise of the field's industries in the directory's region (`fromRegister`).
 */
export async function addTargets(deps: InspectionsDeps, actor: Actor, input: { directoryId: string; creditCodes?: string[]; fromRegister?: boolean }, ctx: AuditContext, locale: Locale) {
  can(actor, 'catalogue.manage');
  const dir = await repo.directory(deps.db, input.directoryId);
  if (!dir) throw new AppError('NOT_FOUND');
  assertInScope(actor, { regionCode: dir.region_code });
  const rows: { directory_id: string; credit_code: string; name: string; region_code: string; industry_code: string }[] = [];
  const notFound: string[] = [];
  for (const code of input.creditCodes ?? []) {
    const e = await deps.registry.findByCode(code);
    if (!e || !e.regionCode.startsWith(dir.region_code)) notFound.push(code);
    else rows.push({ directory_id: dir.id, credit_code: e.creditCode, name: e.name, region_code: e.regionCode, industry_code: e.industryCode });
  }
  if (input.fromRegister) {
    const field = await repo.field(deps.db, dir.field_id);
    for (const industry of field?.industry_codes ?? []) {
      let cursor: string | undefined;
      do {
        const page = await deps.registry.search(actor, { industry: industry.replace(/^[A-T]/, ''), region: dir.region_code, status: 'active', cursor, limit: 200 }, locale);
        for (const e of page.items) rows.push({ directory_id: dir.id, credit_code: e.creditCode, name: e.name, region_code: e.regionCode, industry_code: e.industryCode });
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
  }
  const added = await deps.db.transaction().execute(async (tx) => {
    const n = await repo.insertTargets(tx, rows);
    await deps.audit.record(tx, ctx, { action: 'inspections.directory.add-targets', entityType: 'inspection_directory', entityId: dir.id, after: { added: n, notFound } });
    return n;
  });
  return { added, notFound, total: await repo.countTargets(deps.db, dir.id) };
}

import { AppError } from '../../../platform/errors/app-error.js';
import { assertInScope } from '../../../platform/auth/policy.js';
import { inspectionsRepository as repo } from '../inspections.repository.js';
import { presentInspector } from '../inspections.presenter.js';
import type { Actor, AuditContext, InspectionsDeps } from '../deps.js';
import { can, regionPrefix } from './shared.js';

/** 两库 (2): the inspector directory — department, region, qualifications, availability, declared conflicts. */
export async function listInspectors(deps: InspectionsDeps, actor: Actor) {
  can(actor, 'catalogue.read');
  return { items: (await repo.inspectors(deps.db, { regionPrefix: regionPrefix(actor) })).map(presentInspector) };
}

export async function addInspector(
  deps: InspectionsDeps,
  actor: Actor,
  input: { name: string; accountId?: string; departmentCode: string; regionCode: string; residenceRegionCode: string; qualifications: string[]; available: boolean; conflicts: string[] },
  ctx: AuditContext,
) {
  can(actor, 'catalogue.manage');
  assertInScope(actor, { regionCode: input.regionCode });
  if (!(await repo.departments(deps.db)).some((d) => d.code === input.departmentCode)) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'departmentCode', code: 'NOT_FOUND' }] });
  const row = await deps.db.transaction().execute(async (tx) => {
    const code = await repo.nextInspectorCode(tx, input.departmentCode);
    const r = await repo.insertInspector(tx, {
      code,
      account_id: input.accountId ?? null,
      name: input.name,
      department_code: input.departmentCode,
      region_code: input.regionCode,
      residence_region_code: input.residenceRegionCode,
      qualifications: input.qualifications,
      available: input.available,
      conflicts: input.conflicts,
    });
    await deps.audit.record(tx, ctx, { action: 'inspections.inspector.create', entityType: 'inspector', entityId: r.id, after: { code, departmentCode: input.departmentCode } });
    return r;
  });
  return presentInspector(row);
}

export async function updateInspector(deps: InspectionsDeps, actor: Actor, input: { id: string; available?: boolean; conflicts?: string[] }, ctx: AuditContext) {
  can(actor, 'catalogue.manage');
  const before = await repo.inspector(deps.db, input.id);
  if (!before) throw new AppError('NOT_FOUND');
  assertInScope(actor, { regionCode: before.region_code });
  const row = await deps.db.transaction().execute(async (tx) => {
    const r = await repo.updateInspector(tx, input.id, input);
    await deps.audit.record(tx, ctx, { action: 'inspections.inspector.update', entityType: 'inspector', entityId: input.id, before: { available: before.available, conflicts: before.conflicts.length }, after: { available: r!.available, conflicts: r!.conflicts.length } });
    return r!;
  });
  return presentInspector(row);
}

import { assertInScope } from '../../../platform/auth/policy.js';
import { inspectionsRepository as repo } from '../inspections.repository.js';
import type { Actor, AuditContext, InspectionsDeps } from '../deps.js';
import { can, regionPrefix } from './shared.js';

/** An annual plan: one department's, or a joint plan for an industry field (departmentCode absent). */
export async function createPlan(deps: InspectionsDeps, actor: Actor, input: { year: number; title: string; departmentCode?: string; fieldId?: string; regionCode: string }, ctx: AuditContext) {
  can(actor, 'task.manage');
  assertInScope(actor, { regionCode: input.regionCode });
  const p = await deps.db.transaction().execute(async (tx) => {
    const row = await repo.insertPlan(tx, { year: input.year, title: input.title, department_code: input.departmentCode ?? null, field_id: input.fieldId ?? null, region_code: input.regionCode, created_by: actor.id });
    await deps.audit.record(tx, ctx, { action: 'inspections.plan.create', entityType: 'inspection_plan', entityId: row.id, after: input });
    return row;
  });
  return { id: p.id, year: p.year, title: p.title, departmentCode: p.department_code, fieldId: p.field_id, regionCode: p.region_code, tasks: 0 };
}

export async function listPlans(deps: InspectionsDeps, actor: Actor) {
  can(actor, 'task.read');
  const rows = await repo.plans(deps.db, regionPrefix(actor));
  return { items: rows.map((p) => ({ id: p.id, year: p.year, title: p.title, departmentCode: p.department_code, fieldId: p.field_id, regionCode: p.region_code, tasks: Number(p.tasks ?? 0) })) };
}

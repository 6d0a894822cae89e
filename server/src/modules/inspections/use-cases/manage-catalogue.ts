import { AppError } from '../../../platform/errors/app-error.js';
import { inspectionsRepository as repo } from '../inspections.repository.js';
import { presentField, presentItem } from '../inspections.presenter.js';
import { samplingRuleFor } from '../domain/sampling-rules.js';
import type { Actor, AuditContext, InspectionsDeps } from '../deps.js';
import { can } from './shared.js';

/**
 * 一单 (the item list): departments, industry fields and their items. Small steps kept in one file
 * because each is one insert and one audit entry.
 */
export async function viewCatalogue(deps: InspectionsDeps, actor: Actor) {
  can(actor, 'catalogue.read');
  const [departments, fields, items] = await Promise.all([repo.departments(deps.db), repo.fields(deps.db), repo.items(deps.db)]);
  return { departments, fields: fields.map((f) => presentField(f, items)), samplingRule: samplingRuleFor(actor.jurisdiction ?? '00') };
}

export async function addDepartment(deps: InspectionsDeps, actor: Actor, input: { code: string; name: string }, ctx: AuditContext) {
  can(actor, 'catalogue.manage');
  await deps.db.transaction().execute(async (tx) => {
    await repo.upsertDepartment(tx, input.code, input.name);
    await deps.audit.record(tx, ctx, { action: 'inspections.department.save', entityType: 'inspection_department', entityId: input.code, after: input });
  });
  return input;
}

export async function addField(deps: InspectionsDeps, actor: Actor, input: { code: string; name: string; industryCodes: string[] }, ctx: AuditContext) {
  can(actor, 'catalogue.manage');
  if (await repo.fieldByCode(deps.db, input.code)) throw new AppError('DUPLICATE');
  const f = await deps.db.transaction().execute(async (tx) => {
    const row = await repo.insertField(tx, { code: input.code, name: input.name, industry_codes: input.industryCodes });
    await deps.audit.record(tx, ctx, { action: 'inspections.field.create', entityType: 'inspection_field', entityId: row.id, after: input });
    return row;
  });
  return presentField(f, []);
}

export async function addItem(deps: InspectionsDeps, actor: Actor, input: { fieldId: string; departmentCode: string; name: string; legalBasis: string; method?: string }, ctx: AuditContext) {
  can(actor, 'catalogue.manage');
  if (!(await repo.field(deps.db, input.fieldId))) throw new AppError('NOT_FOUND');
  if (!(await repo.departments(deps.db)).some((d) => d.code === input.departmentCode)) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'departmentCode', code: 'NOT_FOUND' }] });
  const item = await deps.db.transaction().execute(async (tx) => {
    const row = await repo.insertItem(tx, { field_id: input.fieldId, department_code: input.departmentCode, name: input.name, legal_basis: input.legalBasis, ...(input.method ? { method: input.method } : {}) });
    await deps.audit.record(tx, ctx, { action: 'inspections.item.create', entityType: 'inspection_item', entityId: row.id, after: input });
    return row;
  });
  return presentItem(item);
}

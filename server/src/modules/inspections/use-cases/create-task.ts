import { AppError } from '../../../platform/errors/app-error.js';
import { assertInScope } from '../../../platform/auth/policy.js';
import { inspectionsRepository as repo, type TaskRow } from '../inspections.repository.js';
import { completeRatios, ratioViolations, samplingRuleFor } from '../domain/sampling-rules.js';
import { MIN_TEAM_SIZE } from '../domain/teams.js';
import { TEXT } from '../domain/texts.js';
import type { Actor, AuditContext, InspectionsDeps } from '../deps.js';
import type { TypedDbOrTx } from '../../../platform/db/database.js';
import { can, refuse } from './shared.js';
import { taskView } from './task-view.js';

export interface CreateTaskInput {
  planId?: string;
  title: string;
  fieldId: string;
  regionCode: string;
  departments: string[];
  itemIds?: string[];
  periodStart: string;
  periodEnd: string;
  /** Ratio per class; missing classes take the province rule's default. */
  ratios?: Record<string, number>;
  teamSize?: number;
}

/**
 * A random-inspection task (joint when several departments take part): the industry field, the
 * departments, the items, the period, the sampling ratio per risk class within the province's rule.
 * Its directory is every target directory of the field in the task's region.
 */
export async function createTask(deps: InspectionsDeps, actor: Actor, input: CreateTaskInput, ctx: AuditContext) {
  can(actor, 'task.manage');
  assertInScope(actor, { regionCode: input.regionCode });
  const rule = samplingRuleFor(input.regionCode);
  const bad = ratioViolations(rule, input.ratios ?? {});
  if (bad.length) throw refuse(TEXT.ratioOutOfRange, { ...bad[0], citation: rule.citation });
  const row = await deps.db.transaction().execute(async (tx) => {
    const directories = await repo.directoriesOf(tx, input.fieldId, input.regionCode);
    return insertTask(deps, tx, actor, { ...input, kind: 'random', ratios: completeRatios(rule, input.ratios), ratioRule: rule.id, directoryIds: directories.map((d) => d.id), proposalId: null }, ctx);
  });
  return taskView(deps, row);
}

/** The shared insert of random and surprise tasks: items checked against the departments, audited. */
export async function insertTask(
  deps: InspectionsDeps,
  tx: TypedDbOrTx,
  actor: Actor,
  input: CreateTaskInput & { kind: 'random' | 'surprise'; ratios: Record<string, number>; ratioRule: string; directoryIds: string[]; proposalId: string | null },
  ctx: AuditContext,
): Promise<TaskRow> {
  if (input.periodEnd < input.periodStart) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'periodEnd', code: 'before_start' }] });
  if (!(await repo.field(tx, input.fieldId))) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'fieldId', code: 'NOT_FOUND' }] });
  const known = new Set((await repo.departments(tx)).map((d) => d.code));
  const departments = [...new Set(input.departments)].sort();
  if (departments.some((d) => !known.has(d))) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'departments', code: 'NOT_FOUND' }] });
  const fieldItems = (await repo.items(tx, [input.fieldId])).filter((i) => departments.includes(i.department_code));
  const itemIds = input.itemIds ?? fieldItems.map((i) => i.id);
  if (itemIds.some((id) => !fieldItems.some((i) => i.id === id))) throw refuse(TEXT.itemNotOfDepartment);
  if (input.planId && !(await repo.plan(tx, input.planId))) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'planId', code: 'NOT_FOUND' }] });
  const year = Number(deps.clock.today().slice(0, 4));
  const row = await repo.insertTask(tx, {
    task_no: await repo.nextTaskNo(tx, year),
    plan_id: input.planId ?? null,
    kind: input.kind,
    title: input.title,
    field_id: input.fieldId,
    region_code: input.regionCode,
    departments,
    item_ids: itemIds,
    directory_ids: input.directoryIds,
    period_start: input.periodStart,
    period_end: input.periodEnd,
    ratios: input.ratios,
    ratio_rule: input.ratioRule,
    team_size: Math.max(MIN_TEAM_SIZE, input.teamSize ?? MIN_TEAM_SIZE),
    proposal_id: input.proposalId,
    created_by: actor.id,
  });
  await deps.audit.record(tx, ctx, { action: 'inspections.task.create', entityType: 'inspection_task', entityId: row.id, after: { taskNo: row.task_no, kind: row.kind, departments, ratios: row.ratios } });
  return row;
}

export async function getTask(deps: InspectionsDeps, actor: Actor, id: string) {
  can(actor, 'task.read');
  const t = await repo.task(deps.db, id);
  if (!t) throw new AppError('NOT_FOUND');
  assertInScope(actor, { regionCode: t.region_code });
  return taskView(deps, t);
}

export async function listTasks(deps: InspectionsDeps, actor: Actor) {
  can(actor, 'task.read');
  const rows = await repo.tasks(deps.db, { regionPrefix: actor.jurisdiction, limit: 200 });
  return {
    items: rows.map((t) => ({ id: t.id, taskNo: t.task_no, kind: t.kind, title: t.title, regionCode: t.region_code, departments: t.departments, periodStart: t.period_start, periodEnd: t.period_end, status: t.status, publishedOn: t.published_on })),
  };
}

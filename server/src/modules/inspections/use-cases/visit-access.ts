import { AppError } from '../../../platform/errors/app-error.js';
import { assertInScope, hasRole } from '../../../platform/auth/policy.js';
import { inspectionsRepository as repo, type VisitRow } from '../inspections.repository.js';
import { presentVisit } from '../inspections.presenter.js';
import type { TypedDbOrTx } from '../../../platform/db/database.js';
import type { Actor, InspectionsDeps } from '../deps.js';
import { can } from './shared.js';

/** The inspector codes of the actor's account (an account may be listed in several departments). */
export async function myCodes(deps: InspectionsDeps, actor: Actor, db: TypedDbOrTx = deps.db): Promise<string[]> {
  if (!actor.id) return [];
  // Inside a transaction, read through it: the embedded engine has one connection.
  return (await repo.inspectors(db, { accountId: actor.id })).map((i) => i.code);
}

/** A visit the actor may see: in jurisdiction, and for an inspector who is not also a planner, on its team. */
export async function visitFor(deps: InspectionsDeps, actor: Actor, id: string, db: TypedDbOrTx = deps.db, lock = false): Promise<VisitRow> {
  can(actor, 'visit.read');
  const v = await repo.visit(db, id, lock);
  if (!v) throw new AppError('NOT_FOUND');
  assertInScope(actor, { regionCode: v.region_code });
  if (!hasRole(actor, 'inspection_planner', 'bureau_leader', 'director')) {
    const codes = await myCodes(deps, actor, db);
    if (!v.team.some((c) => codes.includes(c))) throw new AppError('NOT_FOUND');
  }
  return v;
}

export async function visitView(deps: InspectionsDeps, v: VisitRow) {
  const links = await repo.tasksOfVisits(deps.db, [v.id]);
  const inspectors = await repo.inspectors(deps.db);
  const names = new Map(inspectors.filter((i) => v.team.includes(i.code)).map((i) => [i.code, { name: i.name, department: i.department_code }]));
  return presentVisit(v, links.map((l) => l.task_no), names);
}

export async function getVisit(deps: InspectionsDeps, actor: Actor, id: string) {
  return visitView(deps, await visitFor(deps, actor, id));
}

/** The inspector's own visits, open first (the phone's list). */
export async function listMyVisits(deps: InspectionsDeps, actor: Actor) {
  can(actor, 'visit.read');
  const codes = await myCodes(deps, actor);
  const rows = (await Promise.all(codes.map((c) => repo.visitsOfInspector(deps.db, c, 100)))).flat();
  const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
  return { items: await Promise.all(unique.map((v) => visitView(deps, v))) };
}

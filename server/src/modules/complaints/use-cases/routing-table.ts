/**
 * The routing table (issue 11): handling units (the notice's departments and industry mediation
 * committees) and the rules that pick one by a complaint's category and the respondent's industry
 * (GB/T 4754). Read by the complaints staff; edited by the director (and admin), audited.
 */
import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { getRegion } from '../../registry/index.js';
import { routingRepository as routing, type RuleRow, type UnitRow } from '../complaints.repository.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import { CATEGORIES, type Category } from '../domain/rules.js';
import { COMPLAINT_ERRORS } from '../domain/texts.js';
import type { ComplaintsDeps } from '../deps.js';

const asCategory = (c: string | null): Category | null => (c && (CATEGORIES as readonly string[]).includes(c) ? (c as Category) : null);

export function presentUnit(u: UnitRow) {
  return { id: u.id, name: u.name, kind: u.kind, regionCode: u.region_code, active: u.active };
}
export function presentRule(r: RuleRow, units: Map<string, UnitRow>) {
  return { id: r.id, category: asCategory(r.category), industryPrefix: r.industry_prefix, unitId: r.unit_id, unitName: units.get(r.unit_id)?.name ?? '', priority: r.priority, note: r.note, active: r.active, version: r.version };
}

export async function getRoutingTable(deps: ComplaintsDeps, actor: Actor) {
  authorize(actor, P['routing.read']);
  const units = await routing.units(deps.db);
  const byId = new Map(units.map((u) => [u.id, u]));
  return { units: units.map(presentUnit), rules: (await routing.rules(deps.db)).map((r) => presentRule(r, byId)) };
}

export async function createHandlingUnit(deps: ComplaintsDeps, actor: Actor, input: { name: string; kind: 'department' | 'industry_committee'; regionCode: string }, ctx: AuditContext) {
  authorize(actor, P['routing.manage']);
  if (!getRegion(input.regionCode)) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'regionCode', code: 'REGION_UNKNOWN', text: COMPLAINT_ERRORS.regionUnknown }] });
  return deps.db.transaction().execute(async (tx) => {
    const u = await routing.insertUnit(tx, { name: input.name, kind: input.kind, region_code: input.regionCode });
    await deps.audit.record(tx, ctx, { action: 'complaint.routing.unit', entityType: 'handling_unit', entityId: u.id, after: input });
    return presentUnit(u);
  });
}

async function unitsOr422(deps: ComplaintsDeps, unitId: string | undefined) {
  const units = await routing.units(deps.db);
  if (unitId && !units.some((u) => u.id === unitId)) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'unitId', code: 'UNIT_UNKNOWN', text: COMPLAINT_ERRORS.ruleUnit }] });
  return new Map(units.map((u) => [u.id, u]));
}

export interface RuleInput {
  category: Category | null;
  industryPrefix: string | null;
  unitId: string;
  priority: number;
  note: string;
  active: boolean;
}

export async function createRoutingRule(deps: ComplaintsDeps, actor: Actor, input: RuleInput, ctx: AuditContext) {
  authorize(actor, P['routing.manage']);
  const units = await unitsOr422(deps, input.unitId);
  return deps.db.transaction().execute(async (tx) => {
    const r = await routing.insertRule(tx, { category: input.category, industry_prefix: input.industryPrefix, unit_id: input.unitId, priority: input.priority, note: input.note, active: input.active });
    await deps.audit.record(tx, ctx, { action: 'complaint.routing.rule-create', entityType: 'routing_rule', entityId: r.id, after: input });
    return presentRule(r, units);
  });
}

export async function updateRoutingRule(deps: ComplaintsDeps, actor: Actor, input: Partial<RuleInput> & { id: string; version: number }, ctx: AuditContext) {
  authorize(actor, P['routing.manage']);
  const units = await unitsOr422(deps, input.unitId);
  return deps.db.transaction().execute(async (tx) => {
    const before = await routing.rule(tx, input.id);
    if (!before) throw new AppError('NOT_FOUND');
    const r = await routing.updateRule(tx, input.id, input.version, {
      ...(input.category !== undefined ? { category: input.category } : {}),
      ...(input.industryPrefix !== undefined ? { industry_prefix: input.industryPrefix } : {}),
      ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
      ...(input.priority !== undefined ? { priority: input.priority } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    });
    if (!r) throw new AppError('VERSION_CONFLICT');
    await deps.audit.record(tx, ctx, { action: 'complaint.routing.rule-update', entityType: 'routing_rule', entityId: r.id, before, after: r });
    return presentRule(r, units);
  });
}

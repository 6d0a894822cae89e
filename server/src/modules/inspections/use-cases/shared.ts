import { AppError, ruleViolation } from '../../../platform/errors/app-error.js';
import { assertInScope, authorize, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import type { LocalizedText } from '../../../platform/i18n/i18n.js';
import { inspectionsRepository as repo, type TaskRow, type VisitRow } from '../inspections.repository.js';
import { inspectionsPolicy as P, type InspectionsAction } from '../inspections.policy.js';
import type { Actor, InspectionsDeps } from '../deps.js';
import { samplingRuleFor, UNCLASSED } from '../domain/sampling-rules.js';
import { snapshotHash, type DirectoryEntry } from '../domain/draw.js';
import { inspectorsHash, type PublicInspector } from '../domain/bundle.js';
import { OBSERVER_PARTY } from '../domain/draw.js';

export function can(actor: Actor, action: InspectionsAction): void {
  authorize(actor, P[action]);
}

export function actorName(actor: Actor): string {
  return actor.displayName ?? actor.username ?? 'system';
}

export function refuse(text: LocalizedText, params?: Record<string, unknown>): AppError {
  return ruleViolation(text, params);
}

/** A task within the actor's jurisdiction (else NOT_FOUND). */
export async function taskInScope(deps: InspectionsDeps, actor: Actor, id: string, lock = false, db: Parameters<typeof repo.task>[0] = deps.db): Promise<TaskRow> {
  const t = await repo.task(db, id, lock);
  if (!t) throw new AppError('NOT_FOUND');
  assertInScope(actor, { regionCode: t.region_code });
  return t;
}

export function regionPrefix(actor: Actor): string | null {
  return jurisdictionPrefix(actor);
}

export function partiesOf(task: Pick<TaskRow, 'departments'>): string[] {
  return [...task.departments, OBSERVER_PARTY].sort();
}

/** The stratum label a class is published under: S1… in the rule's class order, S0 without one. */
export function stratumLabel(regionCode: string, riskClass: string | null): string {
  if (riskClass === null) return 'S0';
  const i = samplingRuleFor(regionCode).classes.filter((c) => c.riskClass !== UNCLASSED).findIndex((c) => c.riskClass === riskClass);
  return i < 0 ? 'S0' : `S${i + 1}`;
}

export function classOfLabel(regionCode: string, label: string): string {
  if (label === 'S0') return UNCLASSED;
  return samplingRuleFor(regionCode).classes.filter((c) => c.riskClass !== UNCLASSED)[Number(label.slice(1)) - 1]?.riskClass ?? label;
}

/** The task's ratios keyed by published stratum label. */
export function labelledRatios(task: Pick<TaskRow, 'region_code' | 'ratios'>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [cls, r] of Object.entries(task.ratios)) out[cls === UNCLASSED ? 'S0' : stratumLabel(task.region_code, cls)] = r;
  return out;
}

const PAGE = 20_000;

/**
 * The frozen inputs of a draw: the task's directory in canonical order (stratum labels), the
 * inspectors of the departments taking part as published (recusal lists merged, load), and both hashes.
 */
export async function drawInputs(deps: InspectionsDeps, task: TaskRow, onProgress?: (done: number) => void) {
  const entries: DirectoryEntry[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await repo.directoryPage(deps.db, task.directory_ids, after, PAGE);
    for (const r of page) entries.push({ creditCode: r.creditCode, regionCode: r.regionCode, stratum: stratumLabel(task.region_code, r.riskClass) });
    onProgress?.(entries.length);
    if (page.length < PAGE) break;
    after = page[page.length - 1].creditCode;
  }
  const codes = new Set(entries.map((e) => e.creditCode));
  const last = await repo.lastTeams(deps.db, task.directory_ids);
  const loads = await repo.openLoads(deps.db);
  const rows = await repo.inspectors(deps.db, { departments: task.departments });
  const inspectors: PublicInspector[] = rows.map((i) => {
    const excluded = new Set(i.conflicts.filter((c) => codes.has(c)));
    for (const [code, team] of last) if (team.includes(i.code)) excluded.add(code);
    return { code: i.code, department: i.department_code, residenceRegionCode: i.residence_region_code, available: i.available, excluded: [...excluded].sort(), load: loads.get(i.code) ?? 0 };
  });
  return { entries, inspectors, snapshotHash: snapshotHash(entries), inspectorsHash: inspectorsHash(inspectors) };
}

export function isOnTeam(visit: VisitRow, codes: readonly string[]): boolean {
  return visit.team.some((c) => codes.includes(c));
}

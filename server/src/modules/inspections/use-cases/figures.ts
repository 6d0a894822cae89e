import { inspectionsRepository as repo } from '../inspections.repository.js';
import type { Actor, InspectionsDeps } from '../deps.js';
import { can, classOfLabel } from './shared.js';

/**
 * The figures of cases 8 and 4: industry fields, directory sizes, draws by credit class and
 * enterprises checked, visits avoided by merging, participants, proposals, videos, views, problems
 * solved. Staff see draws by class; the public figures leave the classes out.
 */
export async function figures(deps: InspectionsDeps, actor: Actor | null) {
  if (actor) can(actor, 'figures.read');
  const f = await repo.figures(deps.db);
  const byLabel = actor ? await repo.drawnByClass(deps.db) : new Map<string, number>();
  const byClass = new Map<string, number>();
  for (const [label, n] of byLabel) {
    const cls = classOfLabel(actor?.jurisdiction ?? '00', label);
    byClass.set(cls, (byClass.get(cls) ?? 0) + n);
  }
  return {
    ...f,
    visitsAvoided: await repo.visitsAvoided(deps.db),
    drawsByClass: [...byClass].sort(([a], [b]) => a.localeCompare(b)).map(([riskClass, drawn]) => ({ riskClass, drawn })),
  };
}

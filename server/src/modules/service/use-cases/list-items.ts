import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import { presentItem } from '../service.presenter.js';
import { loopState, type LoopMeasure } from '../domain/loop.js';
import { regionOf } from './shared.js';

/** The service items with their speed-up rates (from limits and handled cases) and loop state. */
export async function listItems(deps: ServiceDeps, actor: Actor, locale: Locale) {
  authorize(actor, P['item.read']);
  const [items, stats, facts] = await Promise.all([repo.listItems(deps.db, regionOf(actor)), repo.caseStats(deps.db), repo.loopFacts(deps.db)]);
  const today = deps.clock.today();
  return items.map((i) => {
    const f = facts.findings.find((x) => x.item_id === i.id);
    const measures: LoopMeasure[] = facts.measures.filter((m) => m.item_id === i.id).map((m) => ({ status: m.status, dueOn: m.due_on, evaluation: m.evaluation }));
    return presentItem(i, stats.get(i.id), loopState(Number(f?.n ?? 0), Number(f?.with_measure ?? 0), measures, today), locale);
  });
}

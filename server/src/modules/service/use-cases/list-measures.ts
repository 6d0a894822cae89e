import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import { presentMeasure } from '../service.presenter.js';
import { regionOf } from './shared.js';

/** Measures: the actor's own (`mine`, a department's work list) or all in the region. */
export async function listMeasures(deps: ServiceDeps, actor: Actor, q: { scope: 'mine' | 'all' }, _locale: Locale) {
  authorize(actor, P['measure.close']);
  const rows = await repo.listMeasures(deps.db, q.scope === 'mine' ? { ownerId: actor.id ?? '' } : { regionPrefix: regionOf(actor) });
  const items = await repo.listItems(deps.db, null);
  const cal = deps.calendar.get();
  const today = deps.clock.today();
  return rows.map((m) => presentMeasure(m, items.find((i) => i.id === m.item_id)?.name ?? '', cal, today));
}

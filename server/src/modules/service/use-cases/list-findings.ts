import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import { categoryLabel, presentFinding, presentMeasure } from '../service.presenter.js';
import { regionOf } from './shared.js';

/** Findings with their measures (staff: in their region; `experiencerId` for one experiencer's own). */
export async function listFindings(deps: ServiceDeps, actor: Actor, f: { itemId?: string; experiencerId?: string }, locale: Locale, opts: { own?: boolean } = {}) {
  if (!opts.own) authorize(actor, P['finding.read']);
  const findings = await repo.listFindings(deps.db, { ...f, regionPrefix: opts.own ? null : regionOf(actor) });
  const [items, cats, people, measures] = await Promise.all([
    repo.listItems(deps.db, null),
    repo.listCategories(deps.db),
    repo.listExperiencers(deps.db),
    repo.listMeasures(deps.db, { findingIds: findings.map((x) => x.id) }),
  ]);
  const cal = deps.calendar.get();
  const today = deps.clock.today();
  const itemName = (id: string) => items.find((i) => i.id === id)?.name ?? '';
  return findings.map((x) =>
    presentFinding(x, {
      itemName: itemName(x.item_id),
      experiencerName: people.find((p) => p.id === x.experiencer_id)?.name ?? '',
      categoryLabel: categoryLabel(cats.find((c) => c.code === x.category), x.category, locale),
      measures: measures.filter((m) => m.finding_id === x.id).map((m) => presentMeasure(m, itemName(m.item_id), cal, today)),
    }),
  );
}

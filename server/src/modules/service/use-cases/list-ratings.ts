import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import { presentRating } from '../service.presenter.js';
import { regionOf } from './shared.js';

/** Staff: the ratings of their region. Businesses and citizens: their own (scope `mine`). */
export async function listRatings(deps: ServiceDeps, actor: Actor, q: { matterModule?: string; status?: string; mine?: boolean }, locale: Locale) {
  if (q.mine) {
    authorize(actor, P['rating.online']);
    return (await repo.listRatings(deps.db, { raterId: actor.id ?? '' })).map((r) => presentRating(r, locale));
  }
  authorize(actor, P['rating.read']);
  return (await repo.listRatings(deps.db, { regionPrefix: regionOf(actor), matterModule: q.matterModule, status: q.status })).map((r) => presentRating(r, locale));
}

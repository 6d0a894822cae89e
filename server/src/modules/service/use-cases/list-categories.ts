import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { categoryLabel } from '../service.presenter.js';

/** The finding categories (readable by whoever may read items). */
export async function listCategories(deps: ServiceDeps, actor: Actor, locale: Locale) {
  authorize(actor, P['item.read']);
  return (await repo.listCategories(deps.db)).map((c) => ({ code: c.code, label: categoryLabel(c, c.code, locale), active: c.active }));
}

import { authorize } from '../../../platform/auth/policy.js';
import type { Actor } from '../../../platform/auth/roles.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import type { RegistryDeps } from '../deps.js';
import { registryPolicy as P } from '../registry.policy.js';
import { registryRepository as repo } from '../registry.repository.js';
import { presentPublic } from '../registry.presenter.js';
import { searchTerms } from '../domain/search-terms.js';

const ANON: Actor = { id: null, kind: 'anonymous', username: null, displayName: null, roles: [], jurisdiction: null, orgUnitId: null, enterprises: [], via: 'anonymous' };

/** The public look-up (no sign-in): the public items of matching enterprises. */
export async function publicSearch(deps: RegistryDeps, input: { q: string; limit: number; locale: Locale }) {
  authorize(ANON, P['enterprise.public-lookup']);
  if (!input.q.trim()) return [];
  const rows = await repo.search(deps.db, { q: searchTerms(input.q), limit: input.limit });
  return rows.map((r) => presentPublic(r, input.locale));
}

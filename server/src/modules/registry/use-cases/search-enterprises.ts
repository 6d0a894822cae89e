import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { decodeCursor, toPage } from '../../../platform/http/paging.js';
import type { RegistryDeps } from '../deps.js';
import { registryPolicy as P } from '../registry.policy.js';
import { registryRepository as repo } from '../registry.repository.js';
import { presentSummary } from '../registry.presenter.js';
import { searchTerms } from '../domain/search-terms.js';

/** Staff (and bound businesses) search the register within their jurisdiction. */
export async function searchEnterprises(
  deps: RegistryDeps,
  actor: Actor,
  input: { q?: string; region?: string; status?: string; industry?: string; cursor?: string; limit: number; locale: Locale },
) {
  authorize(actor, P['enterprise.list']);
  const cursor = decodeCursor(input.cursor)?.[0];
  const after = typeof cursor === 'string' ? cursor : undefined;
  const prefixes: string[] = [];
  const own = jurisdictionPrefix(actor);
  if (input.region) {
    // A filter inside the jurisdiction narrows it; one outside it finds nothing.
    if (own && !input.region.startsWith(own) && !own.startsWith(input.region)) return { items: [], nextCursor: null };
    prefixes.push(own && own.length > input.region.length ? own : input.region);
  } else if (own) prefixes.push(own);
  const rows = await repo.search(deps.db, {
    q: input.q ? searchTerms(input.q) : undefined,
    regionPrefixes: prefixes,
    status: input.status,
    industryPrefix: input.industry,
    codes: actor.kind === 'business' ? actor.enterprises : undefined,
    afterCode: after,
    limit: input.limit + 1,
  });
  const page = toPage(rows, input.limit, (r) => [r.credit_code]);
  return { items: page.items.map((r) => presentSummary(r, input.locale)), nextCursor: page.nextCursor };
}

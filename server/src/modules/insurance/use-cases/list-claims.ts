import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { decodeCursor, toPage } from '../../../platform/http/paging.js';
import { insuranceRepository as repo } from '../insurance.repository.js';
import { insurancePolicy as P } from '../insurance.policy.js';
import { presentClaim } from '../insurance.presenter.js';
import type { InsuranceDeps } from '../deps.js';

/** The claims of the actor's jurisdiction, newest first, a page at a time. */
export async function listClaims(deps: InsuranceDeps, actor: Actor, q: { status?: string; cursor?: string; limit: number }, locale: Locale) {
  authorize(actor, P['claim.read']);
  const after = decodeCursor(q.cursor) as [string, string] | null;
  const rows = await repo.listClaims(deps.db, { regionPrefix: jurisdictionPrefix(actor), status: q.status, after: after ?? undefined, limit: q.limit + 1 });
  const page = toPage(rows, q.limit, (r) => [r.created_at.toISOString(), r.id]);
  return { items: page.items.map((r) => presentClaim(r, locale)), nextCursor: page.nextCursor };
}

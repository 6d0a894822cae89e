import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import { decodeCursor, toPage } from '../../../platform/http/paging.js';
import { complaintsRepository as repo } from '../complaints.repository.js';
import { presentStation } from '../complaints.presenter.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import type { ComplaintsDeps } from '../deps.js';

/** The stations in the actor's jurisdiction, by name, a page at a time. */
export async function listStations(deps: ComplaintsDeps, actor: Actor, q: { cursor?: string; limit: number }) {
  authorize(actor, P['station.read']);
  const after = decodeCursor(q.cursor) as [string, string] | null;
  const rows = await repo.listStations(deps.db, { regionPrefix: jurisdictionPrefix(actor), limit: q.limit + 1, afterName: after?.[0], afterId: after?.[1] });
  const page = toPage(rows, q.limit, (r) => [r.name, r.id]);
  return { items: page.items.map((r) => presentStation(r, deps.baseUrl())), nextCursor: page.nextCursor };
}

import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import { decodeCursor, toPage } from '../../../platform/http/paging.js';
import { complaintsRepository as repo } from '../complaints.repository.js';
import { presentSummary } from '../complaints.presenter.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import type { ComplaintsDeps } from '../deps.js';

export interface ListComplaintsQuery {
  status?: string;
  kind?: string;
  cursor?: string;
  limit: number;
}

/** The cases of the actor's jurisdiction, newest first, a page at a time. */
export async function listComplaints(deps: ComplaintsDeps, actor: Actor, q: ListComplaintsQuery) {
  authorize(actor, P['complaint.list']);
  const after = decodeCursor(q.cursor) as [string, string] | null;
  const rows = await repo.list(deps.db, { regionPrefix: jurisdictionPrefix(actor), status: q.status, kind: q.kind, after: after ?? undefined, limit: q.limit + 1 });
  const page = toPage(rows, q.limit, (r) => [r.received_at.toISOString(), r.id]);
  const today = deps.clock.today();
  return { items: page.items.map((r) => presentSummary(r, deps.calendar(), today)), nextCursor: page.nextCursor };
}

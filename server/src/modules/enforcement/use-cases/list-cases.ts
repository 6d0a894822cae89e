import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import { decodeCursor, toPage } from '../../../platform/http/paging.js';
import { enforcementRepository as repo } from '../enforcement.repository.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import { presentSummary } from '../enforcement.presenter.js';
import type { EnforcementDeps } from '../deps.js';
import { dueOf } from './shared.js';

export interface ListCasesInput {
  status?: string;
  procedure?: string;
  creditCode?: string;
  dueBefore?: string;
  cursor?: string;
  limit: number;
}

/** The cases of the actor's jurisdiction, newest first, a page at a time. */
export async function listCases(deps: EnforcementDeps, actor: Actor, q: ListCasesInput) {
  authorize(actor, P['case.list']);
  const after = decodeCursor(q.cursor) as [string, string] | null;
  const rows = await repo.listCases(deps.db, { regionPrefix: jurisdictionPrefix(actor), ...q, after: after ?? undefined, limit: q.limit + 1 });
  const page = toPage(rows, q.limit, (r) => [new Date(r.created_at).toISOString(), r.id]);
  const today = deps.clock.today();
  const due = dueOf(deps);
  return { items: page.items.map((r) => presentSummary(r, today, due(r), deps.calendar.get())), nextCursor: page.nextCursor };
}

/** The active enforcement officers of the actor's jurisdiction (to pick co-officers). */
export async function listOfficers(deps: EnforcementDeps, actor: Actor) {
  authorize(actor, P['case.list']);
  const rows = await repo.officers(deps.db, jurisdictionPrefix(actor));
  return { items: rows.map((r) => ({ id: r.id, name: r.display_name, jurisdiction: r.jurisdiction })) };
}

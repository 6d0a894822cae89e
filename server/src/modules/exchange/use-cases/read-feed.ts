import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangePolicy as P } from '../exchange.policy.js';
import { exchangeRepository as repo } from '../exchange.repository.js';
import { mapView, mappedChanges } from '../domain/mapping.js';

/** A pull department reads its own mapped view of the change feed, after a cursor. */
export async function readFeed(deps: ExchangeDeps, actor: Actor, input: { after: number; limit: number }) {
  authorize(actor, P['feed.read']);
  const dep = actor.id ? await repo.departmentByAccount(deps.db, actor.id) : undefined;
  if (!dep || !dep.enabled || dep.delivery_mode === 'push') throw new AppError('FORBIDDEN');
  // Asking for entries after a cursor says the department holds those up to it (reconciliation reads this).
  await repo.recordPull(deps.db, dep.id, input.after, deps.clock.now());
  const mapping = dep.mapping;
  const fields = [...new Set(mapping.flatMap((m) => m.source))];
  const rows = await repo.readFeed(deps.db, { after: input.after, fields, limit: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  const items = page
    .map((r) => ({
      cursor: Number(r.cursor),
      changeId: r.change_id,
      creditCode: String(r.credit_code),
      at: new Date(r.at).toISOString(),
      changed: mappedChanges(mapping, r.before, r.snapshot).map((c) => c.target),
      data: mapView(mapping, r.snapshot),
    }))
    .filter((x) => x.changed.length > 0);
  const lastCursor = page.length ? Number(page[page.length - 1].cursor) : input.after;
  return { items, nextCursor: rows.length > input.limit ? lastCursor : null, lastCursor };
}

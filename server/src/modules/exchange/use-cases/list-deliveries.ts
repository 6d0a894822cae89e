import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import { decodeCursor, encodeCursor } from '../../../platform/http/paging.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangePolicy as P } from '../exchange.policy.js';
import { exchangeRepository as repo } from '../exchange.repository.js';
import { presentDelivery } from '../exchange.presenter.js';
import { keysetOf } from './list-changes.js';

/** Deliveries, newest first, of changes in the actor's jurisdiction. */
export async function listDeliveries(deps: ExchangeDeps, actor: Actor, input: { status?: string; departmentId?: string; cursor?: string; limit: number }) {
  authorize(actor, P['delivery.read']);
  const rows = await repo.listDeliveries(deps.db, {
    status: input.status,
    departmentId: input.departmentId,
    regionPrefix: jurisdictionPrefix(actor),
    before: keysetOf(decodeCursor(input.cursor)),
    limit: input.limit + 1,
  });
  const items = rows.slice(0, input.limit);
  const last = items[items.length - 1];
  return { items: items.map(presentDelivery), nextCursor: rows.length > input.limit && last ? encodeCursor([new Date(last.queued_at).toISOString(), last.id]) : null };
}

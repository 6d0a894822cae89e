import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import { decodeCursor, encodeCursor } from '../../../platform/http/paging.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangePolicy as P } from '../exchange.policy.js';
import { exchangeRepository as repo } from '../exchange.repository.js';
import { presentChange } from '../exchange.presenter.js';

/** Changes, newest first, in the actor's jurisdiction (a business: its bound enterprises). */
export async function listChanges(deps: ExchangeDeps, actor: Actor, input: { status?: string; cursor?: string; limit: number }) {
  authorize(actor, P['change.read']);
  const before = keysetOf(decodeCursor(input.cursor));
  const rows = await repo.listChanges(deps.db, {
    status: input.status,
    regionPrefix: jurisdictionPrefix(actor),
    codes: actor.kind === 'business' ? actor.enterprises : undefined,
    before,
    limit: input.limit + 1,
  });
  const items = rows.slice(0, input.limit);
  const last = items[items.length - 1];
  return { items: items.map((c) => presentChange(c)), nextCursor: rows.length > input.limit && last ? encodeCursor([new Date(last.filed_at).toISOString(), last.id]) : null };
}

/** A `[instant, id]` keyset from a decoded cursor (anything else starts from the top). */
export function keysetOf(cursor: unknown[] | null): [string, string] | undefined {
  if (!cursor || cursor.length !== 2) return undefined;
  const [at, id] = cursor;
  return typeof at === 'string' && typeof id === 'string' ? [at, id] : undefined;
}

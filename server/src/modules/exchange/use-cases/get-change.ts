import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, assertInScope } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangePolicy as P } from '../exchange.policy.js';
import { exchangeRepository as repo } from '../exchange.repository.js';
import { presentChange } from '../exchange.presenter.js';

/** One change with its deliveries, for the business that filed it or staff of its region. */
export async function getChange(deps: ExchangeDeps, actor: Actor, input: { id: string }) {
  authorize(actor, P['change.read']);
  const c = await repo.getChange(deps.db, input.id);
  if (!c) throw new AppError('NOT_FOUND');
  assertInScope(actor, { regionCode: c.region_code, creditCode: c.credit_code });
  return presentChange(c, await repo.deliveriesOf(deps.db, input.id));
}

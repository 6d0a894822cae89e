import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { authorize, assertInScope } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { EXCHANGE_DELIVERY_QUEUED } from '../../../../../contracts/events.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangePolicy as P } from '../exchange.policy.js';
import { exchangeRepository as repo } from '../exchange.repository.js';
import { presentDelivery } from '../exchange.presenter.js';

/** A registrar re-queues a failed delivery (after the outbox gave up, or to try again now). */
export async function retryDelivery(deps: ExchangeDeps, actor: Actor, input: { id: string }, ctx: AuditContext) {
  authorize(actor, P['delivery.retry']);
  const { id } = input;
  const region = await repo.deliveryRegion(deps.db, id);
  if (!region) throw new AppError('NOT_FOUND');
  assertInScope(actor, { regionCode: region });
  const changeId = await deps.db.transaction().execute(async (tx) => {
    const d = await repo.getDelivery(tx, id, true);
    if (!d) throw new AppError('NOT_FOUND');
    if (d.status !== 'failed' && d.status !== 'dead') throw new AppError('INVALID_STATE');
    await repo.updateDelivery(tx, id, { status: 'queued' });
    await deps.outbox.append(tx, EXCHANGE_DELIVERY_QUEUED, { deliveryId: id }, { orderingKey: `${d.department_id}:${d.credit_code}` });
    await deps.audit.record(tx, ctx, { action: 'exchange.delivery-retry', entityType: 'exchange_delivery', entityId: id, after: { previousStatus: d.status, lastError: d.last_error } });
    return d.change_id;
  });
  const view = (await repo.deliveriesOf(deps.db, changeId)).find((x) => x.id === id);
  if (!view) throw new AppError('NOT_FOUND');
  return presentDelivery(view);
}

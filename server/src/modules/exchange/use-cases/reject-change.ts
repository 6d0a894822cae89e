import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { authorize, assertInScope } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangePolicy as P } from '../exchange.policy.js';
import { exchangeRepository as repo } from '../exchange.repository.js';
import { presentChange } from '../exchange.presenter.js';
import { rejectionNotice } from '../domain/texts.js';

/** A registrar refuses a pending change; the business is told why (the one notice of a refusal). */
export async function rejectChange(deps: ExchangeDeps, actor: Actor, input: { id: string; version?: number; reason: string }, ctx: AuditContext) {
  authorize(actor, P['change.decide']);
  const { id, reason } = input;
  const row = await deps.db.transaction().execute(async (tx) => {
    const change = await repo.getChange(tx, id, true);
    if (!change) throw new AppError('NOT_FOUND');
    assertInScope(actor, { regionCode: change.region_code });
    if (input.version !== undefined && input.version !== change.version) throw new AppError('VERSION_CONFLICT');
    if (change.status !== 'pending') throw new AppError('INVALID_STATE');
    const now = deps.clock.now();
    const rejected = await repo.updateChange(tx, id, { status: 'rejected', reason, decided_by: actor.id, decided_at: now, notified_at: now });
    await deps.notifier.notify(tx, {
      accountId: change.filed_by,
      phone: change.contact_phone_enc ? deps.crypto.decrypt(change.contact_phone_enc) : null,
      localized: (locale) => rejectionNotice(locale, change.enterprise_name, reason),
      link: `/business/changes?change=${id}`,
      data: { changeId: id, status: 'rejected' },
    });
    await deps.audit.record(tx, ctx, { action: 'exchange.change-reject', entityType: 'exchange_change', entityId: id, after: { reason } });
    return rejected;
  });
  return presentChange(row, await repo.deliveriesOf(deps.db, id));
}

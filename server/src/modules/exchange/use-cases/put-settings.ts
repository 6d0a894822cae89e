import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { ExchangeSettings } from '../../../../../contracts/exchange.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangePolicy as P } from '../exchange.policy.js';
import { exchangeRepository as repo } from '../exchange.repository.js';
import { settingsOf } from '../exchange.shared.js';

/** Which change kinds are approved without a registrar, and the deadline of the one notice. */
export async function putSettings(deps: ExchangeDeps, actor: Actor, input: ExchangeSettings, ctx: AuditContext) {
  authorize(actor, P['settings.manage']);
  const before = await settingsOf(deps);
  await deps.db.transaction().execute(async (tx) => {
    await repo.putSettings(tx, input, deps.clock.now());
    await deps.audit.record(tx, ctx, { action: 'exchange.settings-update', entityType: 'exchange_settings', entityId: 'settings', before, after: input });
  });
  return input;
}

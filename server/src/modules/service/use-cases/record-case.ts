import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { z } from 'zod';
import type { ItemCaseSchema } from '../../../../../contracts/service.js';
import { found } from './shared.js';

/** Records a handled "one thing" case with the working days it took (the actual speed-up's record). */
export async function recordCase(deps: ServiceDeps, actor: Actor, input: { itemId: string } & z.infer<typeof ItemCaseSchema>, ctx: AuditContext) {
  authorize(actor, P['item.manage']);
  await deps.db.transaction().execute(async (tx) => {
    found(await repo.getItem(tx, input.itemId));
    await repo.insertCase(tx, { item_id: input.itemId, handled_on: input.handledOn, days_taken: input.daysTaken });
    await deps.audit.record(tx, ctx, { action: 'service.item.case', entityType: 'service.item', entityId: input.itemId, before: null, after: input });
  });
  return { ok: true as const };
}

import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { z } from 'zod';
import type { SuggestionCreateSchema } from '../../../../../contracts/service.js';
import { experiencerOf, found } from './shared.js';

/** An experiencer leaves a suggestion (on an item or in general). */
export async function fileSuggestion(deps: ServiceDeps, actor: Actor, input: z.infer<typeof SuggestionCreateSchema>, ctx: AuditContext) {
  authorize(actor, P['experience.take-part']);
  return deps.db.transaction().execute(async (tx) => {
    const me = await experiencerOf(tx, actor);
    if (input.itemId) found(await repo.getItem(tx, input.itemId));
    const s = await repo.insertSuggestion(tx, { item_id: input.itemId ?? null, experiencer_id: me.id, text: input.text, created_on: deps.clock.today() });
    await deps.audit.record(tx, ctx, { action: 'service.suggestion.file', entityType: 'service.suggestion', entityId: s.id, before: null, after: input });
    return { id: s.id, itemId: s.item_id, text: s.text, createdOn: s.created_on };
  });
}

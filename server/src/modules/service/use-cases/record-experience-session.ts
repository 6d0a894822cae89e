import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { z } from 'zod';
import type { ExperienceSessionCreateSchema } from '../../../../../contracts/service.js';
import { found } from './shared.js';

/** Records an experience session: an experiencer walks a service item with staff beside them (我陪群众走流程). */
export async function recordExperienceSession(deps: ServiceDeps, actor: Actor, input: z.infer<typeof ExperienceSessionCreateSchema>, ctx: AuditContext) {
  authorize(actor, P['experiencer.manage']);
  return deps.db.transaction().execute(async (tx) => {
    found(await repo.getItem(tx, input.itemId));
    found(await repo.getExperiencer(tx, input.experiencerId));
    const s = await repo.insertExperienceSession(tx, { item_id: input.itemId, experiencer_id: input.experiencerId, accompanied_by: input.accompaniedBy, held_on: input.heldOn, note: input.note });
    await deps.audit.record(tx, ctx, { action: 'service.session.record', entityType: 'service.experience_session', entityId: s.id, before: null, after: input });
    return { id: s.id, itemId: s.item_id, experiencerId: s.experiencer_id, accompaniedBy: s.accompanied_by, heldOn: s.held_on, note: s.note };
  });
}

import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { z } from 'zod';
import type { TeamCreateSchema } from '../../../../../contracts/service.js';
import { AppError } from '../../../platform/errors/app-error.js';

/** Forms an experiencer team (体验员队伍). */
export async function createTeam(deps: ServiceDeps, actor: Actor, input: z.infer<typeof TeamCreateSchema>, ctx: AuditContext) {
  authorize(actor, P['experiencer.manage']);
  return deps.db.transaction().execute(async (tx) => {
    const t = await repo.insertTeam(tx, { name: input.name, region_code: input.regionCode });
    if (!t) throw new AppError('DUPLICATE');
    await deps.audit.record(tx, ctx, { action: 'service.team.create', entityType: 'service.team', entityId: t.id, before: null, after: input });
    return { id: t.id, name: t.name, regionCode: t.region_code, members: 0 };
  });
}

import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { z } from 'zod';
import type { ExperiencerCreateSchema } from '../../../../../contracts/service.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { found } from './shared.js';

export function presentExperiencer(e: { id: string; name: string; team_id: string; team_name: string; account_id: string | null; recruited_on: string }) {
  return { id: e.id, name: e.name, teamId: e.team_id, teamName: e.team_name, accountId: e.account_id, recruitedOn: e.recruited_on };
}

/** Recruits an experiencer into a team, bound to a citizen account when given. */
export async function enrollExperiencer(deps: ServiceDeps, actor: Actor, input: z.infer<typeof ExperiencerCreateSchema>, ctx: AuditContext) {
  authorize(actor, P['experiencer.manage']);
  return deps.db.transaction().execute(async (tx) => {
    found(await repo.getTeam(tx, input.teamId));
    if (input.accountId && (await repo.experiencerByAccount(tx, input.accountId))) throw new AppError('DUPLICATE');
    const e = await repo.insertExperiencer(tx, { name: input.name, team_id: input.teamId, account_id: input.accountId ?? null, recruited_on: deps.clock.today() });
    await deps.audit.record(tx, ctx, { action: 'service.experiencer.enroll', entityType: 'service.experiencer', entityId: e.id, before: null, after: input });
    return presentExperiencer(found(await repo.getExperiencer(tx, e.id)));
  });
}

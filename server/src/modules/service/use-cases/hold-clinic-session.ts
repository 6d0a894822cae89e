import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { z } from 'zod';
import type { ClinicSessionCreateSchema } from '../../../../../contracts/service.js';
import { presentSession } from '../service.presenter.js';

/** A director announces a clinic session (坐诊) on a theme, with a number of slots. */
export async function holdClinicSession(deps: ServiceDeps, actor: Actor, input: z.infer<typeof ClinicSessionCreateSchema>, ctx: AuditContext) {
  authorize(actor, P['clinic.hold']);
  if (!actor.id) throw new AppError('UNAUTHENTICATED');
  const directorId = actor.id;
  return deps.db.transaction().execute(async (tx) => {
    const s = await repo.insertSession(tx, { director_id: directorId, director_name: actor.displayName ?? actor.username ?? '', theme: input.theme, held_on: input.heldOn, place: input.place, slots: input.slots, region_code: input.regionCode });
    await deps.audit.record(tx, ctx, { action: 'service.clinic.session', entityType: 'service.clinic_session', entityId: s.id, before: null, after: input });
    return presentSession(s, 0);
  });
}

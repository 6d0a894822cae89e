import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { StationCreate } from '../../../../../contracts/complaints.js';
import { complaintsRepository as repo } from '../complaints.repository.js';
import { presentStation } from '../complaints.presenter.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import type { ComplaintsDeps } from '../deps.js';

/** Adds a mediation station (bureau office, committee, warm-heart or volunteer point) in the actor's jurisdiction. */
export async function createStation(deps: ComplaintsDeps, actor: Actor, input: StationCreate, ctx: AuditContext) {
  authorize(actor, P['station.manage']);
  const own = jurisdictionPrefix(actor);
  if (own && !input.regionCode.startsWith(own)) throw new AppError('FORBIDDEN');
  return deps.db.transaction().execute(async (tx) => {
    const row = await repo.insertStation(tx, {
      name: input.name,
      type: input.type,
      address: input.address,
      region_code: input.regionCode,
      lat: input.lat,
      lng: input.lng,
      opening_hours: input.openingHours,
      mediators: input.mediators,
      phone: input.phone ?? null,
      active: input.active,
    });
    await deps.audit.record(tx, ctx, { action: 'station.create', entityType: 'station', entityId: row.id, after: { name: row.name, type: row.type, regionCode: row.region_code } });
    return presentStation(row, deps.baseUrl());
  });
}

import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, assertInScope } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { StationCreate } from '../../../../../contracts/complaints.js';
import { complaintsRepository as repo, type StationPatch } from '../complaints.repository.js';
import { presentStation } from '../complaints.presenter.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import type { ComplaintsDeps } from '../deps.js';
import { stale } from './shared.js';

export type UpdateStationInput = Partial<StationCreate> & { version: number };

/** Changes a station (only the fields given), checking its version. */
export async function updateStation(deps: ComplaintsDeps, actor: Actor, id: string, input: UpdateStationInput, ctx: AuditContext) {
  authorize(actor, P['station.manage']);
  return deps.db.transaction().execute(async (tx) => {
    const before = await repo.getStation(tx, id);
    if (!before) throw new AppError('NOT_FOUND');
    assertInScope(actor, { regionCode: before.region_code });
    if (input.regionCode) assertInScope(actor, { regionCode: input.regionCode });
    const patch: StationPatch = {
      name: input.name,
      type: input.type,
      address: input.address,
      region_code: input.regionCode,
      lat: input.lat,
      lng: input.lng,
      opening_hours: input.openingHours,
      mediators: input.mediators,
      phone: input.phone,
      active: input.active,
    };
    for (const k of Object.keys(patch) as (keyof StationPatch)[]) if (patch[k] === undefined) delete patch[k];
    const row = await repo.updateStation(tx, id, input.version, patch);
    if (!row) throw stale();
    await deps.audit.record(tx, ctx, { action: 'station.update', entityType: 'station', entityId: id, before: { version: before.version }, after: patch });
    return presentStation(row, deps.baseUrl());
  });
}

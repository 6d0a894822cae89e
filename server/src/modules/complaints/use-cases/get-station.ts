import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, assertInScope } from '../../../platform/auth/policy.js';
import { presentStation } from '../complaints.presenter.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import type { ComplaintsDeps } from '../deps.js';
import { stationOr404 } from './shared.js';

/** One station, for staff of its jurisdiction. */
export async function getStation(deps: ComplaintsDeps, actor: Actor, id: string) {
  authorize(actor, P['station.read']);
  const row = await stationOr404(deps.db, id);
  assertInScope(actor, { regionCode: row.region_code });
  return presentStation(row, deps.baseUrl());
}

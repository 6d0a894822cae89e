import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';

/** The experiencer teams with their member counts. */
export async function listTeams(deps: ServiceDeps, actor: Actor) {
  authorize(actor, P['experiencer.read']);
  return (await repo.listTeams(deps.db)).map((t) => ({ id: t.id, name: t.name, regionCode: t.region_code, members: Number(t.members) }));
}

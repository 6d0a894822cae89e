import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import { presentExperiencer } from './enroll-experiencer.js';

export async function listExperiencers(deps: ServiceDeps, actor: Actor) {
  authorize(actor, P['experiencer.read']);
  return (await repo.listExperiencers(deps.db)).map(presentExperiencer);
}

import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';

/** The problem classes with the number of petitions grouped in each. */
export async function listProblemClasses(deps: ServiceDeps, actor: Actor) {
  authorize(actor, P['clinic.read']);
  return (await repo.listProblemClasses(deps.db)).map((c) => ({ id: c.id, name: c.name, policyFix: c.policy_fix, bookings: Number(c.bookings ?? 0) }));
}

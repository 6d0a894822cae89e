import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import { insuranceRepository as repo } from '../insurance.repository.js';
import { insurancePolicy as P } from '../insurance.policy.js';
import { presentPolicy } from '../insurance.presenter.js';
import type { InsuranceDeps } from '../deps.js';

export async function listPolicies(deps: InsuranceDeps, actor: Actor) {
  authorize(actor, P['policy.read']);
  return { items: (await repo.listPolicies(deps.db)).map(presentPolicy) };
}

import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { insuranceRepository as repo } from '../insurance.repository.js';
import { insurancePolicy as P } from '../insurance.policy.js';
import { presentClaim } from '../insurance.presenter.js';
import type { InsuranceDeps } from '../deps.js';
import { readableClaim } from './shared.js';

export async function getClaim(deps: InsuranceDeps, actor: Actor, id: string, locale: Locale) {
  authorize(actor, P['claim.read']);
  return presentClaim(readableClaim(actor, await repo.getClaim(deps.db, id)), locale);
}

import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import { servicePolicy as P } from '../service.policy.js';
import type { ServiceDeps } from '../deps.js';
import { RECTIFICATION_DEFAULT } from '../domain/rules.js';
import { rectificationDays } from './record-rating.js';

/** The configured rectification period and its source. */
export async function getSettings(deps: ServiceDeps, actor: Actor) {
  authorize(actor, P['rating.read']);
  return { rectificationWorkingDays: await rectificationDays(deps), rectificationSource: RECTIFICATION_DEFAULT.source };
}

import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, assertInScope } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { insurancePolicy as P } from '../insurance.policy.js';
import { presentConditions } from '../insurance.presenter.js';
import { failing } from '../domain/triggers.js';
import type { InsuranceDeps } from '../deps.js';
import { checkConditions } from './shared.js';

/** Staff ask by tracking number (in their jurisdiction); a consumer proves access with the code. */
export type EligibilityAsker = { actor: Actor; trackingNo: string } | { access: { trackingNo: string; code: string } };

/** The §H conditions for a complaint, each with pass/fail, and whether a claim may be filed. */
export async function checkEligibility(deps: InsuranceDeps, who: EligibilityAsker, locale: Locale) {
  let c;
  if ('actor' in who) {
    authorize(who.actor, P['claim.read']);
    c = await deps.complaints.findForClaim(who.trackingNo);
    if (!c) throw new AppError('NOT_FOUND');
    assertInScope(who.actor, { regionCode: c.regionCode });
  } else {
    c = await deps.complaints.verifyAccess(who.access.trackingNo, who.access.code);
  }
  const { policy, conditions } = await checkConditions(deps, c);
  return { trackingNo: c.trackingNo, eligible: failing(conditions).length === 0 && !!policy, policyId: policy?.id ?? null, conditions: presentConditions(conditions, locale) };
}

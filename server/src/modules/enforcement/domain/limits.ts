import { getTimeLimit } from '../../../platform/calendar/index.js';
import { NATIONAL_RULE_SET } from './rule-sets.js';
import { LATE_FEE_PERCENT_PER_DAY, yuan } from './procedure.js';

/**
 * The national limits of the module as display values, read from the rule data (TIME_LIMITS and
 * NATIONAL_RULE_SET) — for texts that name them (route descriptions, messages) so that no number
 * is written twice. A province's own values apply to its cases through its rule set.
 */
const verification = getTimeLimit('report.verification');
const decision = getTimeLimit('penalty.decision');
const onTheSpot = NATIONAL_RULE_SET.procedure.onTheSpotMaxFen;

export const NATIONAL_LIMITS = Object.freeze({
  verificationWorkingDays: verification.days,
  verificationExtensionWorkingDays: verification.extension?.days ?? 0,
  decisionDays: decision.days,
  decisionExtensionDays: decision.extension?.days ?? 0,
  publishWithinWorkingDays: getTimeLimit('penalty.publicity').days,
  hearingRequestWorkingDays: getTimeLimit('penalty.hearing-request').days,
  paymentDays: getTimeLimit('penalty.payment').days,
  onTheSpotMaxPerson: yuan(onTheSpot.person),
  onTheSpotMaxOrganisation: yuan(onTheSpot.organisation),
  lateFeePercentPerDay: LATE_FEE_PERCENT_PER_DAY,
});

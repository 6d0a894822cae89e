import { resolveTimeLimit, type TimeLimit, type TimeLimitId } from '../../../platform/calendar/index.js';
import type { RuleSet } from './rule-sets.js';

/**
 * The statutory time limit `id` in force for a case: the national rule of
 * platform/calendar/domain/time-limits.ts, or its province's override carried by the case's rule set
 * (`RuleSet.timeLimits`), checked by `resolveTimeLimit` (a province may only shorten an agency's
 * own limit, never a party's right). Pure.
 */
export function caseTimeLimit(id: TimeLimitId, ruleSet: Pick<RuleSet, 'timeLimits'>): TimeLimit {
  return resolveTimeLimit(id, ruleSet.timeLimits);
}

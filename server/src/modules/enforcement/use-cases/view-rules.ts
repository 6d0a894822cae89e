import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { ruleSetKey } from '../domain/rule-sets.js';
import type { EnforcementDeps } from '../deps.js';
import { compileRuleSet, proposeOutcome, type CaseFacts } from '../domain/discretion.js';
import { fieldError } from '../domain/messages.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';

/** The national region code, whose rule set is the national one. */
const NATIONAL = '000000';

/** The rule set in force for a region (default: the actor's jurisdiction), as the rules page shows it. */
export async function viewRuleSet(deps: EnforcementDeps, actor: Actor, input: { regionCode?: string }) {
  authorize(actor, P['rules.read']);
  const rs = await deps.rulebook.forRegion(deps.db, input.regionCode ?? actor.jurisdiction ?? NATIONAL);
  const compiled = compileRuleSet(rs);
  const levelsOf = (code: string) => {
    const t = compiled.types.get(code);
    if (!t) throw new Error(`enforcement: violation type ${code} missing from its compiled rule set`);
    return t.levels;
  };
  return {
    key: ruleSetKey(rs),
    province: rs.province,
    effectiveFrom: rs.effectiveFrom,
    lighterShare: rs.lighterShare,
    procedure: { hearingFen: rs.procedure.hearingFen, onTheSpotMaxFen: rs.procedure.onTheSpotMaxFen, majorFen: rs.procedure.majorFen, lowFineFen: rs.procedure.lowFineFen },
    violations: rs.violations.map((v) => ({
      code: v.code,
      levels: levelsOf(v.code),
      name: v.name,
      range: v.range,
      firstViolationList: !!v.firstViolationList,
      minorList: !!v.minorList,
      penaltyBasis: v.penaltyBasis,
    })),
  };
}

export interface PreviewInput {
  facts: Omit<CaseFacts, 'partyKind'>;
  partyKind: 'person' | 'organisation';
  regionCode?: string;
}

/** What the discretion engine proposes for some facts, without a case. */
export async function previewOutcome(deps: EnforcementDeps, actor: Actor, input: PreviewInput) {
  authorize(actor, P['rules.read']);
  const rs = await deps.rulebook.forRegion(deps.db, input.regionCode ?? actor.jurisdiction ?? NATIONAL);
  if (!rs.violations.some((v) => v.code === input.facts.violationType)) {
    throw new AppError('VALIDATION_FAILED', { fields: [fieldError('facts.violationType', 'UNKNOWN_VIOLATION_TYPE')] });
  }
  return proposeOutcome({ ...input.facts, partyKind: input.partyKind }, rs);
}

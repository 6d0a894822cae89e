import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { incidentRepository as incidents, insuranceRepository as repo } from '../insurance.repository.js';
import { insurancePolicy as P } from '../insurance.policy.js';
import { approvalLimit, failing, isMassIncident, MASS_INCIDENT_MIN_PEOPLE, perAccidentRemaining, type ClaimBasis, type LiabilityFinding } from '../domain/triggers.js';
import { INSURANCE_ERRORS, SMS_LOCALE, formatYuan, insuranceText } from '../domain/texts.js';
import type { InsuranceDeps } from '../deps.js';
import { checkConditions, conditionsFail, limitExceeded, readableClaim, reviewClaim } from './shared.js';

export interface ApproveInput {
  id: string;
  version: number;
  approvedFen: number;
  /** The reviewer's finding on the business's liability (the last trigger condition). */
  liability: LiabilityFinding;
  claimBasis: ClaimBasis;
  note?: string;
  /** The accident (incident) the claim belongs to; absent: the claim is an incident of its own. */
  incidentId?: string;
  locale: Locale;
}

/**
 * Approves within the claimed amount, what is left of the per-accident limit once the other claims
 * of the same accident are counted, and the remaining aggregate. Both limits hold under concurrency:
 * the payout is added to the incident and to the policy with one conditional update each (and
 * CHECK constraints). The `mass_incident` basis needs an incident with ≥ 5 people (§H condition 4).
 */
export async function approveClaim(deps: InsuranceDeps, actor: Actor, input: ApproveInput, ctx: AuditContext) {
  authorize(actor, P['claim.review']);
  // The trigger conditions, with the reviewer's liability finding, are checked before the
  // transaction (they read the complaint through the complaints module's api).
  const current = readableClaim(actor, await repo.getClaim(deps.db, input.id));
  const c = await deps.complaints.findForClaimById(current.complaint_id);
  if (!c) throw new AppError('NOT_FOUND');
  const { conditions } = await checkConditions(deps, c, input.liability);
  const bad = failing(conditions);
  if (bad.length && current.status === 'submitted') throw conditionsFail(bad);
  return reviewClaim(deps, actor, { id: input.id, version: input.version, from: 'submitted', ctx, action: 'claim.approve', locale: input.locale }, async (tx, row) => {
    const policy = await repo.getPolicy(tx, row.policy_id);
    if (!policy) throw new AppError('NOT_FOUND');
    let incident = input.incidentId ? await incidents.get(tx, input.incidentId) : undefined;
    if (input.incidentId && !incident) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'incidentId', code: 'NOT_FOUND' }] });
    if (incident && incident.policy_id !== policy.id) throw new AppError('RULE_VIOLATION', { text: INSURANCE_ERRORS.incidentPolicy });
    const people = incident?.people_affected ?? 1;
    if (input.claimBasis === 'mass_incident' && !isMassIncident(people)) {
      throw new AppError('RULE_VIOLATION', { text: INSURANCE_ERRORS.notMassIncident, params: { min: MASS_INCIDENT_MIN_PEOPLE, people } });
    }
    const perAccident = incident ? perAccidentRemaining(Number(incident.limit_fen), Number(incident.approved_fen)) : Number(policy.per_accident_limit_fen);
    const lim = approvalLimit(input.approvedFen, Number(row.claimed_fen), perAccident, Number(policy.aggregate_limit_fen) - Number(policy.paid_fen));
    if (!lim.ok) throw limitExceeded(lim.limit, lim.maxFen);
    incident ??= await incidents.insert(tx, { policy_id: policy.id, title: row.claim_no, occurred_on: deps.clock.today(), people_affected: 1, limit_fen: policy.per_accident_limit_fen });
    if (!(await incidents.reserve(tx, incident.id, input.approvedFen))) {
      // Another claim of the same accident was approved since we read it.
      const now = await incidents.get(tx, incident.id);
      throw limitExceeded('per_accident', now ? perAccidentRemaining(Number(now.limit_fen), Number(now.approved_fen)) : 0);
    }
    const reserved = await repo.reserve(tx, policy.id, input.approvedFen);
    if (!reserved) {
      // Another approval used up the aggregate since we read it.
      const now = await repo.getPolicy(tx, policy.id);
      throw limitExceeded('aggregate', now ? Math.max(0, Number(now.aggregate_limit_fen) - Number(now.paid_fen)) : 0);
    }
    return { status: 'approved', incident_id: incident.id, approved_fen: input.approvedFen, liability: input.liability, claim_basis: input.claimBasis, approved_at: deps.clock.now(), conditions };
  }, (row) => [insuranceText('approved.title', SMS_LOCALE), insuranceText('approved.body', SMS_LOCALE, { amount: formatYuan(Number(row.approved_fen)) })]);
}

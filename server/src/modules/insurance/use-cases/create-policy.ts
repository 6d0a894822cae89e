import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { PolicyCreate } from '../../../../../contracts/insurance.js';
import { insuranceRepository as repo } from '../insurance.repository.js';
import { insurancePolicy as P } from '../insurance.policy.js';
import { presentPolicy } from '../insurance.presenter.js';
import type { InsuranceDeps } from '../deps.js';

/** Records a year's policy (limits, covered regions and categories, term). */
export async function createPolicy(deps: InsuranceDeps, actor: Actor, input: PolicyCreate, ctx: AuditContext) {
  authorize(actor, P['policy.manage']);
  if (input.endsOn < input.startsOn) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'endsOn', code: 'too_small' }] });
  if (input.perAccidentLimitFen > input.aggregateLimitFen) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'perAccidentLimitFen', code: 'too_big', params: { maximum: input.aggregateLimitFen } }] });
  }
  return deps.db.transaction().execute(async (tx) => {
    const row = await repo.insertPolicy(tx, {
      year: input.year,
      policy_no: input.policyNo,
      insurer: input.insurer,
      premium_fen: input.premiumFen,
      aggregate_limit_fen: input.aggregateLimitFen,
      per_accident_limit_fen: input.perAccidentLimitFen,
      purchase_cap_fen: input.purchaseCapFen,
      covered_regions: input.coveredRegions,
      categories: input.categories,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
    });
    await deps.audit.record(tx, ctx, { action: 'policy.create', entityType: 'insurance-policy', entityId: row.id, after: input });
    return presentPolicy(row);
  });
}

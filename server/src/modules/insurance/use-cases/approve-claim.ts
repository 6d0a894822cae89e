import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { insuranceRepository as repo } from '../insurance.repository.js';
import { insurancePolicy as P } from '../insurance.policy.js';
import { approvalLimit, failing, type ClaimBasis, type LiabilityFinding } from '../domain/triggers.js';
import { SMS_LOCALE, formatYuan, insuranceText } from '../domain/texts.js';
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
  locale: Locale;
}

/**
 * Approves within the claimed amount, the per-accident limit and the remaining aggregate. The
 * aggregate holds under concurrency: the payout is added with one conditional update.
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
    const lim = approvalLimit(input.approvedFen, Number(row.claimed_fen), Number(policy.per_accident_limit_fen), Number(policy.aggregate_limit_fen) - Number(policy.paid_fen));
    if (!lim.ok) throw limitExceeded(lim.limit, lim.maxFen);
    const reserved = await repo.reserve(tx, policy.id, input.approvedFen);
    if (!reserved) {
      // Another approval used up the aggregate since we read it.
      const now = await repo.getPolicy(tx, policy.id);
      throw limitExceeded('aggregate', now ? Math.max(0, Number(now.aggregate_limit_fen) - Number(now.paid_fen)) : 0);
    }
    return { status: 'approved', approved_fen: input.approvedFen, liability: input.liability, claim_basis: input.claimBasis, approved_at: deps.clock.now(), conditions };
  }, (row) => [insuranceText('approved.title', SMS_LOCALE), insuranceText('approved.body', SMS_LOCALE, { amount: formatYuan(Number(row.approved_fen)) })]);
}

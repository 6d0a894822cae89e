import { randomInt } from 'node:crypto';
import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, assertInScope } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { ComplaintForClaim } from '../../complaints/index.js';
import { insuranceRepository as repo, type ClaimRow } from '../insurance.repository.js';
import { insurancePolicy as P } from '../insurance.policy.js';
import { failing } from '../domain/triggers.js';
import { INSURANCE_ERRORS, SMS_LOCALE, formatYuan, insuranceText } from '../domain/texts.js';
import type { InsuranceDeps } from '../deps.js';
import { checkConditions, conditionsFail, tellClaimant } from './shared.js';

export interface FileClaimInput {
  trackingNo: string;
  claimedFen: number;
  lossDescription: string;
}

/** Online by the consumer (who proves access with the code), or offline by staff for the consumer. */
export type Claimant = { code: string } | { actor: Actor };

/**
 * Files a claim on a failed mediation: every §H trigger must hold against the policy in force; one
 * open claim per complaint. The claimant is told by SMS. Answers the stored claim (the caller presents it).
 */
export async function fileClaim(deps: InsuranceDeps, who: Claimant, input: FileClaimInput, ctx: AuditContext): Promise<ClaimRow> {
  let c: ComplaintForClaim | null;
  if ('actor' in who) {
    authorize(who.actor, P['claim.file-offline']);
    c = await deps.complaints.findForClaim(input.trackingNo);
    if (!c) throw new AppError('NOT_FOUND');
    assertInScope(who.actor, { regionCode: c.regionCode });
  } else {
    c = await deps.complaints.verifyAccess(input.trackingNo, who.code);
  }
  const complaint = c;
  const channel = 'actor' in who ? 'offline' : 'online';
  const { policy, conditions } = await checkConditions(deps, complaint);
  const bad = failing(conditions);
  if (bad.length || !policy) throw conditionsFail(bad);
  return deps.db.transaction().execute(async (tx) => {
    if (await repo.openClaimOf(tx, complaint.id)) throw new AppError('DUPLICATE', { text: INSURANCE_ERRORS.duplicateClaim });
    const row = await repo.insertClaim(tx, {
      claim_no: `BX${deps.clock.today().replace(/-/g, '')}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`,
      policy_id: policy.id,
      complaint_id: complaint.id,
      tracking_no: complaint.trackingNo,
      channel,
      claimant_name: complaint.complainantName,
      claimant_phone_enc: deps.crypto.encrypt(complaint.complainantPhone),
      region_code: complaint.regionCode,
      // Both hold when the conditions pass (category_covered, clear_price).
      category: complaint.category ?? '',
      purchase_fen: complaint.amountFen ?? 0,
      claimed_fen: input.claimedFen,
      loss_description: input.lossDescription,
      conditions,
    });
    await tellClaimant(deps, tx, row, insuranceText('filed.title', SMS_LOCALE), insuranceText('filed.body', SMS_LOCALE, { amount: formatYuan(input.claimedFen) }));
    await deps.audit.record(tx, ctx, { action: 'claim.file', entityType: 'insurance-claim', entityId: row.id, after: { claimNo: row.claim_no, channel, claimedFen: input.claimedFen, complaintId: complaint.id } });
    return row;
  });
}

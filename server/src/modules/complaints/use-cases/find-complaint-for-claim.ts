import type { TypedDbOrTx } from '../../../platform/db/database.js';
import { complaintsRepository as repo, type ComplaintRow } from '../complaints.repository.js';
import { mediationFailed } from '../domain/rules.js';
import type { ComplaintsDeps } from '../deps.js';

/** What the insurance module needs to know about a complaint to check a claim's triggers. */
export interface ComplaintForClaim {
  id: string;
  trackingNo: string;
  kind: 'complaint' | 'report';
  status: ComplaintRow['status'];
  outcome: ComplaintRow['outcome'];
  terminationGround: string | null;
  mediationFailed: boolean;
  regionCode: string | null;
  category: string | null;
  amountFen: number | null;
  occurredOn: string | null;
  receivedOn: string;
  complainantName: string;
  complainantPhone: string;
  respondentName: string;
  respondentCreditCode: string | null;
}

/** How the caller identifies the complaint: staff by number or id; a consumer proves access with the code. */
export type ClaimLookup = { trackingNo: string } | { id: string } | { trackingNo: string; code: string };

/**
 * The complaint as the insurance module sees it (module API), read in the caller's transaction
 * when one is given; null when there is none. A wrong access code answers NOT_FOUND (as tracking).
 */
export async function findComplaintForClaim(deps: Pick<ComplaintsDeps, 'db' | 'crypto' | 'access'>, by: ClaimLookup, tx?: TypedDbOrTx): Promise<ComplaintForClaim | null> {
  const db = tx ?? deps.db;
  let row: ComplaintRow | undefined;
  if ('code' in by) row = await deps.access.verify(by.trackingNo, by.code);
  else if ('id' in by) row = await repo.get(db, by.id);
  else row = await repo.byTrackingNo(db, by.trackingNo.trim().toUpperCase());
  if (!row) return null;
  return {
    id: row.id,
    trackingNo: row.tracking_no,
    kind: row.kind,
    status: row.status,
    outcome: row.outcome,
    terminationGround: row.termination_ground,
    mediationFailed: row.status === 'closed' && mediationFailed(row.outcome, row.termination_ground),
    regionCode: row.region_code,
    category: row.category,
    amountFen: row.amount_fen == null ? null : Number(row.amount_fen),
    occurredOn: row.occurred_on,
    receivedOn: row.received_on,
    complainantName: row.complainant_name,
    complainantPhone: deps.crypto.decrypt(row.complainant_phone_enc),
    respondentName: row.respondent_name,
    respondentCreditCode: row.respondent_credit_code,
  };
}

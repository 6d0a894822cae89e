import type { TypedDbOrTx } from '../../../platform/db/database.js';
import { decisionDocumentValues } from '../domain/decision-documents.js';
import type { PublicityPeriod } from '../domain/publicity.js';
import { enforcementRepository as repo, type CaseRow } from '../enforcement.repository.js';
import { officeValues, penaltyText, violationOf } from './shared.js';

/**
 * The values of the documents a general-procedure decision issues, read from the case: used by the
 * decision itself and again by publication, whose redacted copy must match the served document
 * except for the redactions (Order 45 art. 7).
 */
export async function decisionLetters(
  tx: TypedDbOrTx,
  r: CaseRow,
  f: { address: string; officer: string; today: string; publicityPeriod: PublicityPeriod | null },
) {
  const evidence = (await repo.listSteps(tx, r.id)).flatMap((s) => (s.kind === 'evidence' && typeof s.data?.description === 'string' ? [s.data.description] : []));
  return decisionDocumentValues({
    partyName: r.party_name,
    creditCode: r.credit_code,
    address: f.address,
    facts: r.summary,
    evidence,
    violation: violationOf(r),
    penalty: penaltyText(r),
    outcome: r.decided_outcome,
    proposal: r.proposal,
    office: officeValues(r),
    caseNo: r.case_no,
    officer: f.officer,
    today: f.today,
    publicityPeriod: f.publicityPeriod,
    reasoning: r.reasoning,
  });
}

import type { EventPayload, ENFORCEMENT_PENALTY_PUBLISHED } from '../../../../../contracts/events.js';
import { regionName } from '../../registry/index.js';
import { creditRepository as repo } from '../credit.repository.js';
import { repairableFrom, severityOf } from '../domain/rules.js';
import type { CreditDeps } from '../deps.js';
import { recomputeFor } from './compute-risk-classes.js';

/** The office that issued a record, named from its region ("谁认定、谁修复"). */
export function officeName(regionCode: string): string {
  const name = regionName(regionCode) ?? regionCode;
  return `${name}市场监督管理局`;
}

/**
 * enforcement.penalty-published → a penalty-publicity record (once per case), with its severity
 * class, the first day it may be repaired and its maximum period; the risk class is recomputed.
 */
export async function ingestPenalty(deps: CreditDeps, p: EventPayload<typeof ENFORCEMENT_PENALTY_PUBLISHED>): Promise<void> {
  if (!p.creditCode) return; // a natural person: not an enterprise credit record
  const summary = p.summary;
  const penaltyKind = typeof summary.penaltyKind === 'string' ? summary.penaltyKind : p.period === '3_months' ? 'warning' : 'fine';
  const violationType = p.violationType;
  await deps.db.transaction().execute(async (tx) => {
    await repo.insertRecord(tx, {
      kind: 'penalty',
      source_ref: p.caseId,
      credit_code: p.creditCode!,
      region_code: p.regionCode,
      party_name: p.partyName,
      severity: severityOf({ kind: 'penalty', period: p.period, penaltyKind }),
      case_no: p.caseNo,
      document_no: p.documentNo,
      issuing_office: officeName(p.regionCode),
      legal_basis: typeof summary.legalBasis === 'string' ? summary.legalBasis : '《市场监督管理行政处罚信息公示规定》第二条',
      grounds: typeof summary.violation === 'string' ? summary.violation : (violationType ?? '行政处罚'),
      violation_type: violationType,
      penalty_kind: penaltyKind,
      amount_fen: p.amountFen,
      fine_paid: typeof summary.finePaid === 'boolean' ? summary.finePaid : true,
      decided_on: p.decidedOn,
      published_on: p.publishedOn,
      repairable_from: repairableFrom({ kind: 'penalty', decidedOn: p.decidedOn, violationType, penaltyKind, period: p.period }),
      ends_on: p.endsOn,
    });
    await recomputeFor(deps, tx, p.creditCode!, p.regionCode);
  });
}

import type { CaseDto } from '../../../../contracts/enforcement.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { provisionality, type WorkCalendar } from '../../platform/calendar/index.js';

/** The calendar in force, for whether a stored date rests on a predicted year (absent: official). */
type Official = Pick<WorkCalendar, 'coveredYears'> | undefined;
import { REASON_TEXT, type Proposal } from './domain/discretion.js';
import type { CaseRow, DocumentRow, EngagementRow, PublicityRow, StepRow } from './enforcement.repository.js';

/** Rows → API views (explicit allow-lists). */

function iso(d: Date | string): string {
  return new Date(d).toISOString();
}

export function presentDocument(d: DocumentRow, verifyUrl: (code: string) => string) {
  return {
    id: d.id,
    kind: d.kind,
    docNo: d.doc_no,
    title: d.title,
    issuedAt: iso(d.issued_at),
    verifyCode: d.verify_code,
    verifyUrl: verifyUrl(d.verify_code),
    pdfUrl: `/api/enforcement/documents/${d.id}/pdf`,
    sha256: d.sha256,
  };
}

function overdue(r: CaseRow, today: string, due: string | null): boolean {
  if (r.status === 'lead') return !!r.verification_due && r.verification_due < today;
  if (['investigating', 'proposed', 'notified'].includes(r.status)) return !!due && due < today;
  return false;
}

/** `due` is the case's decision due date as of today (domain/procedure.ts `decisionDueAsOf`). */
export function presentSummary(r: CaseRow, today: string, due: string | null, cal?: Official) {
  const prov = cal ? provisionality(cal, due, r.opened_on) : { provisional: false, dependsOn: [] };
  return {
    id: r.id,
    caseNo: r.case_no,
    procedure: r.procedure,
    status: r.status,
    source: r.source,
    partyName: r.party_name,
    creditCode: r.credit_code,
    regionCode: r.region_code,
    violationType: r.violation_type,
    receivedOn: r.received_on,
    decisionDue: due,
    decisionDueProvisional: prov.provisional,
    decisionDueProvisionalYears: prov.dependsOn,
    overdue: overdue(r, today, due),
    amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
    version: r.version,
  };
}

export function presentProposal(p: Proposal, locale: Locale) {
  return {
    outcome: p.outcome,
    mandatory: p.mandatory,
    amountRange: { ...p.amountRange },
    statutoryRange: { ...p.statutoryRange },
    reasons: p.reasons.map((code) => ({ code, text: REASON_TEXT[code][locale] })),
    citations: p.citations.map((c) => ({ law: c.law, article: c.article, source: c.source, ...(c.note ? { note: c.note } : {}) })),
    ruleSet: p.ruleSet,
  };
}

export function presentCase(
  r: CaseRow,
  extra: { steps: StepRow[]; documents: DocumentRow[]; publicity: PublicityRow | null; engine: Proposal | null; today: string; due: string | null; verifyUrl: (code: string) => string; cal?: Official },
  locale: Locale,
): CaseDto {
  const pub = extra.publicity;
  return {
    ...presentSummary(r, extra.today, extra.due, extra.cal),
    partyKind: r.party_kind,
    summary: r.summary,
    sourceRef: r.source_ref,
    facts: r.facts,
    ruleSet: r.rule_set,
    engine: extra.engine ? presentProposal(extra.engine, locale) : null,
    decidedOutcome: r.decided_outcome,
    penalty: r.penalty,
    outsideProposal: r.outside_proposal,
    deviationReason: r.deviation_reason,
    serious: r.serious,
    complex: r.complex,
    hearingRight: r.hearing_right,
    hearingRequested: r.hearing_requested,
    hearingHeld: r.hearing_held,
    reviewRequired: r.review_required,
    reviewResult: r.review_result,
    collectiveRequired: r.collective_required,
    collectiveDone: r.collective_done,
    officerIds: r.officer_ids,
    verificationDue: r.verification_due,
    openedOn: r.opened_on,
    decisionExtended: r.decision_extended,
    pausedDays: r.paused_days,
    pausedSince: r.paused_since,
    decidedOn: r.decided_on,
    servedOn: r.served_on,
    paymentDue: r.payment_due,
    paidOn: r.paid_on,
    lateFeeFen: r.late_fee_fen === null ? null : Number(r.late_fee_fen),
    closedOn: r.closed_on,
    revokedOn: r.revoked_on,
    filedOn: r.filed_on,
    publicity: pub
      ? {
          status: pub.status,
          publishDue: pub.publish_due,
          publishDueProvisional: extra.cal ? provisionality(extra.cal, pub.publish_due, pub.decided_on).provisional : false,
          period: pub.period,
          publishedOn: pub.published_on,
          endsOn: pub.ends_on,
          withdrawDue: pub.withdraw_due,
          withdrawnOn: pub.withdrawn_on,
          endedOn: pub.ended_on,
          endReason: pub.end_reason,
        }
      : null,
    documents: extra.documents.map((d) => presentDocument(d, extra.verifyUrl)),
    steps: extra.steps.map((s) => ({ kind: s.kind, recordedAt: iso(s.recorded_at), actorName: s.actor_name, data: s.data ?? null })),
    reasoning: r.reasoning,
    evidenceFiles: presentEvidenceFiles(r.id, extra.steps),
  };
}

/** The evidence steps that carry an uploaded file (issue 11), with their download links. */
export function presentEvidenceFiles(caseId: string, steps: StepRow[]) {
  return steps.flatMap((s) => {
    const d = s.data;
    if (s.kind !== 'evidence' || !d || typeof d.fileId !== 'string') return [];
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    return [
      {
        fileId: d.fileId,
        kind: str(d.kind),
        description: str(d.description),
        name: str(d.fileName) || 'evidence',
        mime: str(d.mime),
        size: typeof d.size === 'number' ? d.size : 0,
        recordedAt: iso(s.recorded_at),
        actorName: s.actor_name,
        downloadUrl: `/api/enforcement/cases/${caseId}/evidence/${d.fileId}`,
      },
    ];
  });
}

export function presentEngagement(g: EngagementRow, documents: DocumentRow[], verifyUrl: (code: string) => string) {
  return {
    id: g.id,
    kind: g.kind,
    creditCode: g.credit_code,
    regionCode: g.region_code,
    caseId: g.case_id,
    officerName: g.officer_name,
    occurredOn: g.occurred_on,
    status: g.status,
    data: g.data ?? {},
    version: g.version,
    documents: documents.map((d) => presentDocument(d, verifyUrl)),
  };
}

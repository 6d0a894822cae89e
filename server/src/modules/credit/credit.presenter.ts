import type { Locale } from '../../platform/i18n/i18n.js';
import { localize } from '../../platform/i18n/i18n.js';
import type { CreditApplicationDto, CreditRecordDto } from '../../../../contracts/credit.js';
import type { ApplicationRow, RecordRow, RiskRow, SyncRow } from './credit.rows.js';
import { KIND_TEXT, REFUSAL_TEXT } from './domain/texts.js';

const SYSTEM_NAMES: Record<'gsxt' | 'ccn', Record<Locale, string>> = {
  gsxt: { 'zh-CN': '国家企业信用信息公示系统', 'zh-TW': '國家企業信用資訊公示系統', en: 'National Enterprise Credit Information Publicity System (GSXT)' },
  ccn: { 'zh-CN': '信用中国', 'zh-TW': '信用中國', en: 'Credit China' },
};

/** Each national system's state for a record: the latest sync of each, else what the record says. */
export function presentSystems(record: RecordRow, syncs: SyncRow[], locale: Locale) {
  return (['gsxt', 'ccn'] as const).map((system) => {
    const s = syncs.filter((x) => x.record_id === record.id && x.system === system).sort((a, b) => (a.action === 'expire' ? 1 : 0) - (b.action === 'expire' ? 1 : 0)).at(-1);
    return {
      system,
      name: SYSTEM_NAMES[system][locale],
      state: system === 'gsxt' ? record.gsxt_state : record.ccn_state,
      attempts: s?.attempts ?? 0,
      lastError: s?.last_error ?? null,
      reference: s?.reference ?? null,
    };
  });
}

export function presentRecord(r: RecordRow, syncs: SyncRow[], locale: Locale): CreditRecordDto {
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: localize(KIND_TEXT[r.kind], locale),
    creditCode: r.credit_code,
    partyName: r.party_name,
    severity: r.severity,
    caseNo: r.case_no,
    documentNo: r.document_no,
    issuingOffice: r.issuing_office,
    legalBasis: r.legal_basis,
    grounds: r.grounds,
    violationType: r.violation_type,
    penaltyKind: r.penalty_kind,
    amountFen: r.amount_fen,
    finePaid: r.fine_paid,
    decidedOn: r.decided_on,
    publishedOn: r.published_on,
    repairableFrom: r.repairable_from,
    endsOn: r.ends_on,
    status: r.status,
    statusOn: r.status_on,
    systems: presentSystems(r, syncs, locale),
  };
}

/** The public credit page shows only what is published now, and only public fields. */
export function presentPublicRecord(r: RecordRow, locale: Locale) {
  return {
    kind: r.kind,
    kindLabel: localize(KIND_TEXT[r.kind], locale),
    documentNo: r.document_no,
    issuingOffice: r.issuing_office,
    legalBasis: r.legal_basis,
    grounds: r.grounds,
    decidedOn: r.decided_on,
    publishedOn: r.published_on,
    endsOn: r.ends_on,
  };
}

export function presentApplication(a: ApplicationRow, record: RecordRow, syncs: SyncRow[], locale: Locale): CreditApplicationDto {
  return {
    id: a.id,
    recordId: a.record_id,
    record: presentRecord(record, syncs, locale),
    creditCode: a.credit_code,
    officeRegion: a.office_region,
    status: a.status,
    measures: a.measures,
    commitmentSigner: a.commitment_signer,
    commitmentVersion: a.commitment_version,
    proofs: a.proofs,
    verification: a.verification,
    acceptDue: a.accept_due,
    decideDue: a.decide_due,
    refusalReason: a.refusal_reason,
    refusalReasonLabel: a.refusal_reason ? localize(REFUSAL_TEXT[a.refusal_reason], locale) : null,
    decisionNote: a.decision_note,
    submittedOn: a.submitted_on,
    decidedOn: a.decided_on,
    repairedOn: a.repaired_on,
    timeline: a.timeline,
    systems: presentSystems(record, syncs, locale),
    version: a.version,
  };
}

export function presentRisk(r: RiskRow) {
  return { creditCode: r.credit_code, riskClass: r.risk_class, score: r.score, rulesVersion: r.rules_version, factors: r.factors, computedAt: r.computed_at.toISOString() };
}

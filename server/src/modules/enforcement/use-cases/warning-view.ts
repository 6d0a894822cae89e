import type { EnforcementDeps } from '../deps.js';
import { signalText } from '../domain/texts.js';
import type { WarningRow } from '../warnings.repository.js';

/** A warning as the officer and the business see it (with its letter). */
export async function warningView(deps: EnforcementDeps, row: WarningRow) {
  const [doc] = row.document_id ? await deps.docs.documentsOf(deps.db, 'enforcement.warning', [row.id]) : [];
  return {
    id: row.id,
    creditCode: row.credit_code,
    enterpriseName: row.enterprise_name,
    regionCode: row.region_code,
    status: row.status,
    signals: row.signals.map((s) => ({ rule: s.rule, ruleVersion: s.ruleVersion, text: signalText(s.detail) })),
    content: row.content,
    issuedOn: row.issued_on,
    issuedAt: new Date(row.issued_at).toISOString(),
    issuedByName: row.issued_by_name,
    acknowledgeDue: row.acknowledge_due,
    acknowledgedAt: row.acknowledged_at ? new Date(row.acknowledged_at).toISOString() : null,
    acknowledgedByName: row.acknowledged_by_name,
    acknowledgementNote: row.acknowledgement_note,
    document: doc ? { id: doc.id, docNo: doc.doc_no, title: doc.title, verifyUrl: deps.docs.verifyUrl(doc.verify_code), pdfUrl: `/api/enforcement/warnings/${row.id}/letter.pdf` } : null,
    version: row.version,
  };
}

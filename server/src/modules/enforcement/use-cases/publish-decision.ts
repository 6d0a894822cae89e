import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { ENFORCEMENT_PENALTY_PUBLISHED } from '../../../../../contracts/events.js';
import { authorize } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { canStep } from '../domain/procedure.js';
import { maskPersonName, publicityEnds, publicitySummary, redact, redactDecisionValues } from '../domain/publicity.js';
import { PUBLICITY_TEXT } from '../domain/texts.js';
import { decisionLetters } from './decision-letters.js';
import { enforcementRepository as repo } from '../enforcement.repository.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import { officeOf } from '../enforcement.documents.js';
import type { EnforcementDeps } from '../deps.js';
import { caseView } from './case-view.js';
import { actorName, partyAddress, penaltyText, readable, violationOf } from './shared.js';

/** Publishes a decision (summary + redacted document) and starts its publicity period. */
export async function publishDecision(deps: EnforcementDeps, actor: Actor, input: { id: string }, ctx: AuditContext, locale: Locale) {
  authorize(actor, P['case.publish']);
  // The party's address comes from the register, read before the transaction (the embedded engine has one connection).
  const pre = await repo.getCase(deps.db, input.id);
  const address = await partyAddress(deps, pre?.credit_code ?? null);
  const row = await deps.db.transaction().execute(async (tx) => {
    const r = readable(actor, await repo.getCaseForUpdate(tx, input.id));
    if (!canStep(r.status, 'publish')) throw new AppError('INVALID_STATE');
    const pub = await repo.getPublicity(tx, r.id);
    if (!pub || pub.status !== 'pending') throw new AppError('INVALID_STATE');
    const today = deps.clock.today();
    const doc = pub.document_id ? await deps.docs.get(tx, pub.document_id) : undefined;
    const partyName = r.party_kind === 'person' ? maskPersonName(r.party_name) : redact(r.party_name);
    const summary = publicitySummary({
      docNo: doc?.doc_no ?? '',
      partyName,
      creditCode: r.credit_code,
      violation: violationOf(r)?.name ?? redact(r.summary),
      penalty: penaltyText(r),
      office: officeOf(r.region_code).office,
      decidedOn: pub.decided_on,
    });
    const endsOn = publicityEnds(today, pub.period);
    // The published copy (Order 45 art. 6–7): the served decision with personal information redacted.
    let publicFileId: string | null = null;
    if (doc) {
      const letters = await decisionLetters(tx, r, { address, officer: '', today: pub.decided_on, publicityPeriod: pub.period });
      const values = redactDecisionValues(letters.decision.values, r.party_kind, PUBLICITY_TEXT.redacted);
      const pdf = await deps.docs.renderCopy(tx, { kind: doc.kind, regionCode: r.region_code, values, signer: '', issuedOn: pub.decided_on, docNo: doc.doc_no, verifyCode: doc.verify_code });
      const file = await deps.files.saveTrusted(tx, { data: pdf, originalName: `${doc.doc_no}（公示）.pdf`, mime: 'application/pdf', ownerAccountId: actor.id });
      publicFileId = file.id;
    }
    await repo.updatePublicity(tx, r.id, {
      status: 'published',
      published_on: today,
      ends_on: endsOn,
      summary,
      party_name: partyName,
      credit_code: r.party_kind === 'person' ? null : r.credit_code,
      doc_no: doc?.doc_no ?? null,
      public_file_id: publicFileId,
    });
    await repo.insertStep(tx, { case_id: r.id, kind: 'publish', recorded_at: deps.clock.now(), actor_id: actor.id, actor_name: actorName(actor), data: { endsOn } });
    await deps.outbox.append(
      tx,
      ENFORCEMENT_PENALTY_PUBLISHED,
      {
        caseId: r.id,
        caseNo: r.case_no,
        creditCode: r.credit_code,
        regionCode: r.region_code,
        partyName: r.party_name,
        violationType: r.violation_type,
        amountFen: Number(r.amount_fen ?? 0),
        documentNo: doc?.doc_no ?? null,
        decidedOn: pub.decided_on,
        publishedOn: today,
        period: pub.period,
        endsOn,
        onTime: !pub.publish_due || today <= pub.publish_due,
        summary,
      },
      { orderingKey: r.credit_code ?? r.id },
    );
    await deps.audit.record(tx, ctx, { action: 'enforcement.case.publish', entityType: 'enforcement_case', entityId: r.id, after: { publishedOn: today, endsOn, period: pub.period } });
    return r;
  });
  return caseView(deps, row, locale);
}

import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import type { TypedTx } from '../../../platform/db/database.js';
import { renderPdf } from '../../../platform/documents/pdf.js';
import { renderOfficialDocument } from '../../../platform/documents/templates.js';
import { COMPLAINTS_MEDIATION_CONCLUDED } from '../../../../../contracts/events.js';
import { regionName } from '../../registry/index.js';
import { routingRepository as routing, type ComplaintRow } from '../complaints.repository.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import { groundLabel } from '../complaints.presenter.js';
import { TERMINATION_GROUNDS } from '../domain/rules.js';
import { MEDIATION_AGREEMENT, agreementDocNo, agreementOffice } from '../domain/documents.js';
import { terminationNoticeLimit } from '../domain/deadlines.js';
import { SMS_LOCALE, complaintText } from '../domain/texts.js';
import type { ComplaintsDeps } from '../deps.js';
import { addTimelineEntry, assertMediator, changeComplaint, requireNotPaused, requireStatus, tellConsumer, workingDaysAfter } from './shared.js';
import { trackMediationFollowUp } from './track-follow-up.js';
import { trackRespondentNotice } from './notify-respondent.js';

export interface ConcludeInput {
  id: string;
  version: number;
  outcome: 'agreement' | 'no_agreement' | 'terminated';
  /** Required for `terminated`: one of TERMINATION_GROUNDS (art. 21). */
  terminationGround?: string | null;
  note: string;
  /** Required for `agreement`: the terms written into the agreement. */
  agreementTerms?: string | null;
  /** The language of the ground in the consumer's message. */
  locale: Locale;
}

/** Renders and stores the mediation agreement PDF; answers the stored file's id. */
async function issueAgreement(deps: ComplaintsDeps, tx: TypedTx, row: ComplaintRow, terms: string): Promise<string> {
  const today = deps.clock.today();
  const doc = renderOfficialDocument({
    template: MEDIATION_AGREEMENT,
    values: {
      trackingNo: row.tracking_no,
      complainant: row.complainant_name,
      respondent: row.respondent_name,
      respondentAddress: row.respondent_address,
      facts: row.facts,
      mediator: row.mediator_name ?? '',
      terms,
    },
    docNo: agreementDocNo(today, row.tracking_no),
    issuer: { name: '', office: agreementOffice(regionName(row.region_code) ?? null) },
    issuedAt: today,
    verifyUrl: `${deps.baseUrl()}/m/track?no=${row.tracking_no}`,
  });
  const pdf = await renderPdf(doc, { creationDate: deps.clock.now() });
  const fileId = (await deps.files.saveTrusted(tx, { data: pdf, originalName: `调解协议书-${row.tracking_no}.pdf`, mime: 'application/pdf' })).id;
  // Every issued document stays on file, whatever happens to the case later (issue 11).
  await routing.addDocument(tx, { complaint_id: row.id, kind: 'mediation_agreement', file_id: fileId, issued_at: deps.clock.now() });
  return fileId;
}

/**
 * Ends the mediation: agreement (a mediation agreement PDF), no agreement, or termination on an
 * art. 21 ground. Both parties are told (the consumer by SMS, the respondent by `notify-respondent.ts`
 * consuming the outbox event, tracked as an obligation);
 * the follow-up visit is scheduled as an obligation of the mediator.
 */
export async function concludeMediation(deps: ComplaintsDeps, actor: Actor, input: ConcludeInput, ctx: AuditContext) {
  authorize(actor, P['complaint.mediate']);
  if (input.outcome === 'terminated' && !TERMINATION_GROUNDS.some((g) => g.id === input.terminationGround)) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'terminationGround', code: 'required' }] });
  }
  const terms = input.agreementTerms?.trim() ?? '';
  if (input.outcome === 'agreement' && !terms) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'agreementTerms', code: 'required' }] });
  }
  return changeComplaint(deps, actor, { id: input.id, version: input.version, ctx, action: 'complaint.conclude' }, async (tx, row) => {
    assertMediator(actor, row);
    requireStatus(row, 'mediating');
    requireNotPaused(row);
    const today = deps.clock.today();
    return {
      status: 'closed',
      outcome: input.outcome,
      termination_ground: input.outcome === 'terminated' ? input.terminationGround : null,
      outcome_note: input.note,
      agreement_terms: input.agreementTerms ?? null,
      agreement_file_id: input.outcome === 'agreement' ? await issueAgreement(deps, tx, row, terms) : null,
      concluded_on: today,
      concluded_at: deps.clock.now(),
      termination_notice_due: input.outcome === 'agreement' ? null : workingDaysAfter(deps, today, terminationNoticeLimit(deps.timeLimits).days),
    };
  }, async (tx, row) => {
    await addTimelineEntry(deps, tx, row.id, 'concluded', actor, input.note, { data: { outcome: input.outcome, terminationGround: row.termination_ground } });
    const text =
      input.outcome === 'terminated'
        ? complaintText('conclude.terminated', SMS_LOCALE, { ground: groundLabel('termination', row.termination_ground, input.locale) ?? '' })
        : complaintText(input.outcome === 'agreement' ? 'conclude.agreement' : 'conclude.no_agreement', SMS_LOCALE);
    await tellConsumer(deps, tx, row, complaintText('conclude.title', SMS_LOCALE), text);
    await addTimelineEntry(deps, tx, row.id, 'consumer-notified', actor, text);
    // The respondent is told by the outbox consumer of the event below (portal notice or SMS);
    // until then it is the mediator's obligation (art. 21: both parties within 7 working days).
    await trackRespondentNotice(deps, tx, row);
    await trackMediationFollowUp(deps, tx, row);
    await deps.outbox.append(tx, COMPLAINTS_MEDIATION_CONCLUDED, {
      complaintId: row.id,
      trackingNo: row.tracking_no,
      outcome: row.outcome,
      terminationGround: row.termination_ground,
      respondentCreditCode: row.respondent_credit_code,
      respondentName: row.respondent_name,
      regionCode: row.region_code,
      concludedOn: row.concluded_on,
    }, { orderingKey: row.id });
  });
}

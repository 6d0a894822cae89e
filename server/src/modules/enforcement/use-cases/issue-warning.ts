import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Crypto } from '../../../platform/crypto/crypto.js';
import { ruleViolation } from '../../../platform/errors/app-error.js';
import { ACKNOWLEDGE_WORKING_DAYS } from '../domain/signals.js';
import { signalText, WARNING_TEXT, warningAcknowledgementTitle, warningNotice } from '../domain/texts.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import { warningsRepository as repo } from '../warnings.repository.js';
import type { EnforcementDeps } from '../deps.js';
import { actorName, enterpriseInScope } from './shared.js';
import { warningView } from './warning-view.js';

/** The warnings' deps: the module's, plus the crypto that opens the business accounts' phones for the SMS. */
export type WarningDeps = EnforcementDeps & { crypto: Pick<Crypto, 'decrypt'> };

/** The obligation kind of an issued warning: the business's acknowledgement. */
export const WARNING_ACKNOWLEDGEMENT = 'enforcement.warning-acknowledgement';

export interface IssueWarningInput {
  creditCode: string;
  /** What the bureau asks of the business; the default wording when absent. */
  content?: string;
}

/**
 * Issues a 风险提示函 from the enterprise's open signals: the warning row, the numbered PDF with its
 * QR code (documents platform), the portal notice and SMS to each business account bound to the
 * enterprise (through the outbox), the acknowledgement deadline as an obligation (alerted before it
 * falls due), the signals marked `warned`, and the audit entry — in one transaction.
 */
export async function issueWarning(deps: WarningDeps, actor: Actor, input: IssueWarningInput, ctx: AuditContext) {
  authorize(actor, P['warning.issue']);
  const e = await enterpriseInScope(deps, actor, input.creditCode);
  const today = deps.clock.today();
  const due = deps.calendar.get().addWorkingDays(today, ACKNOWLEDGE_WORKING_DAYS);
  const row = await deps.db.transaction().execute(async (tx) => {
    const open = (await repo.signalsOf(tx, e.creditCode)).filter((s) => s.status === 'open');
    if (!open.length) throw ruleViolation(WARNING_TEXT.noOpenSignal);
    const content = input.content?.trim() || WARNING_TEXT.defaultContent['zh-CN'];
    const created = await repo.insertWarning(tx, {
      credit_code: e.creditCode,
      region_code: e.regionCode,
      enterprise_name: e.name,
      signals: open.map((s) => ({ rule: s.rule, ruleVersion: s.rule_version, detail: s.detail })),
      content,
      status: 'issued',
      issued_by: actor.id,
      issued_by_name: actorName(actor),
      issued_on: today,
      issued_at: deps.clock.now(),
      acknowledge_due: due,
    });
    const doc = await deps.docs.issue(tx, {
      kind: 'risk_warning_letter',
      subjectType: 'enforcement.warning',
      subjectId: created.id,
      regionCode: e.regionCode,
      signer: actorName(actor) ?? '',
      issuedOn: today,
      actorId: actor.id,
      values: {
        partyName: e.name,
        creditCode: e.creditCode,
        signals: open.map((s, i) => `（${i + 1}）${signalText(s.detail)['zh-CN']}`).join(''),
        content,
        acknowledgeBy: due,
      },
    });
    await repo.setWarningDocument(tx, created.id, doc.id);
    for (const s of open) await repo.setSignalStatus(tx, s.id, 'warned', created.id);
    const notice = warningNotice(e.name, doc.doc_no, due);
    for (const a of await repo.businessAccounts(tx, e.creditCode)) {
      await deps.notifier.notify(tx, {
        accountId: a.id,
        phone: a.phone_enc ? deps.crypto.decrypt(a.phone_enc) : null,
        title: notice.title,
        body: notice.body,
        link: '/business/warnings',
        data: { warningId: created.id },
      });
    }
    await deps.obligations.track(tx, {
      kind: WARNING_ACKNOWLEDGEMENT,
      subjectType: 'enforcement.warning',
      subjectId: created.id,
      title: warningAcknowledgementTitle(e.name, doc.doc_no),
      link: '/staff/enforcement/warnings',
      ownerId: actor.id,
      regionCode: e.regionCode,
      dueOn: due,
    });
    await deps.audit.record(tx, ctx, {
      action: 'enforcement.warning.issue',
      entityType: 'enforcement_warning',
      entityId: created.id,
      after: { creditCode: e.creditCode, docNo: doc.doc_no, signals: open.map((s) => s.rule), acknowledgeDue: due },
    });
    return { ...created, document_id: doc.id };
  });
  return warningView(deps, row);
}

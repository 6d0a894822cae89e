import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { noticeRequired } from '../domain/procedure.js';
import { TEXT } from '../domain/texts.js';
import { penaltyNoticeValues } from '../domain/decision-documents.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps, StepInput } from '../deps.js';
import { caseView } from './case-view.js';
import { penaltyText, runStep, violationOf } from './shared.js';

/** Serves the notice of intended penalty (行政处罚告知书, 第四十四条). */
export async function servePenaltyNotice(deps: EnforcementDeps, actor: Actor, input: StepInput, ctx: AuditContext, locale: Locale) {
  const row = await runStep(deps, actor, ctx, input, 'notice', { rule: P['case.step'], officerOnly: true }, async (r, tx) => {
    if (!noticeRequired(r.decided_outcome)) throw new AppError('INVALID_STATE', { text: TEXT.noNoticeForNoPenalty });
    const doc = await deps.docs.issue(tx, {
      kind: 'penalty_notice',
      subjectType: 'enforcement.case',
      subjectId: r.id,
      regionCode: r.region_code,
      signer: '',
      issuedOn: deps.clock.today(),
      actorId: actor.id,
      values: penaltyNoticeValues({ partyName: r.party_name, facts: r.summary, violation: violationOf(r), penalty: penaltyText(r), hearingRight: r.hearing_right }),
    });
    return { values: { status: 'notified' }, data: { documentNo: doc.doc_no } };
  });
  return caseView(deps, row, locale);
}

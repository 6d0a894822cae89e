import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { ruleViolation } from '../../../platform/errors/app-error.js';
import { fieldError } from '../domain/messages.js';
import { hearingTooEarly, TEXT } from '../domain/texts.js';
import { caseTimeLimit } from '../domain/time-limits.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps, StepInput } from '../deps.js';
import { caseView } from './case-view.js';
import { ruleSetOf, runStep } from './shared.js';

/**
 * Records the party's hearing request and issues the hearing notice; the hearing must be at least
 * the notice period after today (第六十四条) and the time limit pauses until it is held.
 */
export async function requestHearing(deps: EnforcementDeps, actor: Actor, input: StepInput & { hearingOn: string }, ctx: AuditContext, locale: Locale) {
  const row = await runStep(deps, actor, ctx, input, 'hearing-request', { rule: P['case.step'], officerOnly: true }, async (r, tx) => {
    if (!r.hearing_right) throw ruleViolation(TEXT.belowHearingThreshold);
    const today = deps.clock.today();
    const limit = caseTimeLimit('penalty.hearing-notice', ruleSetOf(r));
    const earliest = deps.calendar.get().deadline(today, limit);
    if (earliest && input.hearingOn < earliest) {
      throw ruleViolation(hearingTooEarly(earliest, limit.days), { earliest }, [fieldError('hearingOn', 'TOO_EARLY')]);
    }
    const doc = await deps.docs.issue(tx, {
      kind: 'hearing_notice',
      subjectType: 'enforcement.case',
      subjectId: r.id,
      regionCode: r.region_code,
      signer: '',
      issuedOn: today,
      actorId: actor.id,
      values: { partyName: r.party_name, hearingOn: input.hearingOn, caseNo: r.case_no },
    });
    // The hearing period is not counted in the time limit: the case is paused until it is held.
    return {
      values: { hearing_requested: true, ...(r.paused_since ? {} : { paused_since: today, pause_reason: 'hearing' }) },
      data: { hearingOn: input.hearingOn, documentNo: doc.doc_no },
    };
  });
  return caseView(deps, row, locale);
}

import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { AppError, ruleViolation } from '../../../platform/errors/app-error.js';
import { ruleSetKey } from '../domain/rule-sets.js';
import { decisionDue } from '../domain/procedure.js';
import { fieldError } from '../domain/messages.js';
import { coOfficerNotice, TEXT } from '../domain/texts.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps, StepInput } from '../deps.js';
import { caseView } from './case-view.js';
import { officerAccounts, runStep } from './shared.js';

export interface OpenCaseInput extends StepInput {
  officerIds: string[];
  violationType?: string;
}

/** 立案: at least two officers (第四十二条), the opener among them; the decision time limit starts. */
export async function openCase(deps: EnforcementDeps, actor: Actor, input: OpenCaseInput, ctx: AuditContext, locale: Locale) {
  const row = await runStep(deps, actor, ctx, input, 'open', { rule: P['case.step'] }, async (r, tx) => {
    const ids = [...new Set(input.officerIds)];
    if (ids.length < 2) throw ruleViolation(TEXT.twoOfficers, {}, [fieldError('officerIds', 'AT_LEAST_TWO')]);
    if (!actor.id || !ids.includes(actor.id)) throw ruleViolation(TEXT.openerMustBeOfficer, {}, [fieldError('officerIds', 'MUST_INCLUDE_SELF')]);
    await officerAccounts(deps, tx, ids, r.region_code);
    // The rulebook version active for the region when the case opens; the case keeps it (issue 11).
    const ruleSet = await deps.rulebook.ofCase(tx, { rule_set: null, region_code: r.region_code });
    if (input.violationType && !ruleSet.violations.some((v) => v.code === input.violationType)) {
      throw new AppError('VALIDATION_FAILED', { fields: [fieldError('violationType', 'UNKNOWN_VIOLATION_TYPE')] });
    }
    const today = deps.clock.today();
    for (const o of ids.filter((x) => x !== actor.id)) {
      await deps.notifier.notify(tx, { accountId: o, ...coOfficerNotice(actor.displayName ?? '', r.case_no, r.party_name), link: `/staff/enforcement/cases/${r.id}`, data: { caseId: r.id } });
    }
    return {
      values: {
        status: 'investigating',
        officer_ids: ids,
        opened_on: today,
        violation_type: input.violationType ?? r.violation_type,
        rule_set: ruleSetKey(ruleSet),
        decision_due: decisionDue(deps.calendar.get(), today, 0, false, ruleSet),
      },
      data: { officerIds: ids },
    };
  });
  return caseView(deps, row, locale);
}

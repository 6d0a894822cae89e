import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { localize } from '../../../platform/i18n/i18n.js';
import { REPAIR_TIME_LIMITS } from '../domain/rules.js';
import { NOTICE } from '../domain/texts.js';
import type { CreditDeps } from '../deps.js';
import { changeApplication, tellApplicant } from './shared.js';

/** The issuing office accepts: the acceptance obligation is fulfilled and the decision clock starts (working days). */
export async function acceptApplication(deps: CreditDeps, actor: Actor, input: { id: string; version: number }, ctx: AuditContext, locale: Locale) {
  return changeApplication(deps, actor, { ...input, from: ['submitted'], action: 'accept', ctx, locale }, async (tx, a, record) => {
    const due = deps.calendar().addWorkingDays(deps.clock.today(), REPAIR_TIME_LIMITS.decide[record.kind]);
    await deps.obligations.fulfilFor(tx, 'credit.repair-accept', 'credit-application', a.id, actor.id, 'accepted');
    await deps.obligations.track(tx, {
      kind: 'credit.repair-decide',
      subjectType: 'credit-application',
      subjectId: a.id,
      title: `信用修复决定 ${record.party_name}`,
      link: `/staff/credit/applications?application=${a.id}`,
      ownerId: actor.id,
      regionCode: a.office_region,
      dueOn: due,
    });
    const text = localize(NOTICE.accepted, locale, { due });
    await tellApplicant(deps, tx, a, text, text);
    return { patch: { status: 'accepted', decide_due: due } };
  });
}

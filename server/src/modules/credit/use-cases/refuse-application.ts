import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { localize } from '../../../platform/i18n/i18n.js';
import type { RefusalReason } from '../domain/rules.js';
import { NOTICE, REFUSAL_TEXT } from '../domain/texts.js';
import type { CreditDeps } from '../deps.js';
import { changeApplication, tellApplicant } from './shared.js';

/** Refuse with a reason from the closed list and a note; the decision obligation is fulfilled. */
export async function refuseApplication(deps: CreditDeps, actor: Actor, input: { id: string; version: number; reason: RefusalReason; note: string }, ctx: AuditContext, locale: Locale) {
  return changeApplication(deps, actor, { id: input.id, version: input.version, from: ['submitted', 'accepted', 'verifying'], action: 'refuse', ctx, locale }, async (tx, a) => {
    await deps.obligations.fulfilFor(tx, 'credit.repair-accept', 'credit-application', a.id, actor.id, 'refused');
    await deps.obligations.fulfilFor(tx, 'credit.repair-decide', 'credit-application', a.id, actor.id, 'refused');
    const text = localize(NOTICE.refused, locale, { reason: `${localize(REFUSAL_TEXT[input.reason], locale)}：${input.note}` });
    await tellApplicant(deps, tx, a, text, text);
    return { patch: { status: 'refused', refusal_reason: input.reason, decision_note: input.note, decided_on: deps.clock.today() }, note: input.note };
  });
}

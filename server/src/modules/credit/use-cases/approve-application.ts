import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { ruleViolation } from '../../../platform/errors/app-error.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { localize } from '../../../platform/i18n/i18n.js';
import { NOTICE } from '../domain/texts.js';
import type { CreditDeps } from '../deps.js';
import { eligibilityOf } from './check-eligibility.js';
import { queueSyncs } from './queue-syncs.js';
import { changeApplication, tellApplicant } from './shared.js';

/**
 * Approve: eligibility is checked again (a record may have changed since), then the repair is
 * queued to both national systems through the outbox. The record stays published — and is shown
 * so — until BOTH systems confirm (use-cases/push-to-system.ts finishes the repair).
 */
export async function approveApplication(deps: CreditDeps, actor: Actor, input: { id: string; version: number; note?: string }, ctx: AuditContext, locale: Locale) {
  return changeApplication(deps, actor, { id: input.id, version: input.version, from: ['accepted', 'verifying'], action: 'approve', ctx, locale }, async (tx, a, record) => {
    const elig = await eligibilityOf(deps, tx, record, locale);
    if (!elig.eligible) throw ruleViolation({ 'zh-CN': '{reasons}', 'zh-TW': '{reasons}', en: '{reasons}' }, { reasons: elig.reasons.map((r) => `${r.message}（${r.rule}）`).join('；') });
    await deps.obligations.fulfilFor(tx, 'credit.repair-decide', 'credit-application', a.id, actor.id, 'approved');
    await queueSyncs(deps, tx, record, a.id, 'repair');
    const text = localize(NOTICE.approved, locale);
    await tellApplicant(deps, tx, a, text, text);
    return { patch: { status: 'approved', decided_on: deps.clock.today(), decision_note: input.note ?? null }, note: input.note ?? null };
  });
}

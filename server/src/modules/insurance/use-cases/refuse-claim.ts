import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { SMS_LOCALE, insuranceText } from '../domain/texts.js';
import type { InsuranceDeps } from '../deps.js';
import { reviewClaim } from './shared.js';

/** Refuses a claim under review with a reason the claimant is told. */
export async function refuseClaim(deps: InsuranceDeps, actor: Actor, input: { id: string; version: number; reason: string; locale: Locale }, ctx: AuditContext) {
  return reviewClaim(
    deps,
    actor,
    { id: input.id, version: input.version, from: 'submitted', ctx, action: 'claim.refuse', locale: input.locale },
    async () => ({ status: 'refused', refusal_reason: input.reason, refused_at: deps.clock.now() }),
    () => [insuranceText('refused.title', SMS_LOCALE), insuranceText('refused.body', SMS_LOCALE, { reason: input.reason })],
  );
}

import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { SMS_LOCALE, formatYuan, insuranceText } from '../domain/texts.js';
import type { InsuranceDeps } from '../deps.js';
import { reviewClaim } from './shared.js';

/** Records the payout made directly to the consumer. */
export async function payClaim(deps: InsuranceDeps, actor: Actor, input: { id: string; version: number; payoutRef: string; locale: Locale }, ctx: AuditContext) {
  return reviewClaim(
    deps,
    actor,
    { id: input.id, version: input.version, from: 'approved', ctx, action: 'claim.pay', locale: input.locale },
    async () => ({ status: 'paid', payout_ref: input.payoutRef, paid_at: deps.clock.now() }),
    (row) => [insuranceText('paid.title', SMS_LOCALE), insuranceText('paid.body', SMS_LOCALE, { amount: formatYuan(Number(row.approved_fen)) })],
  );
}

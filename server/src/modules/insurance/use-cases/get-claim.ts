import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { insuranceRepository as repo } from '../insurance.repository.js';
import { insurancePolicy as P } from '../insurance.policy.js';
import { presentClaim } from '../insurance.presenter.js';
import type { InsuranceDeps } from '../deps.js';
import { readableClaim } from './shared.js';

/** The full claim (the claimant's data included): every view is an audited read. */
export async function getClaim(deps: InsuranceDeps, actor: Actor, id: string, locale: Locale, ctx?: AuditContext) {
  authorize(actor, P['claim.read']);
  const dto = presentClaim(readableClaim(actor, await repo.getClaim(deps.db, id)), locale);
  if (ctx) await deps.db.transaction().execute((tx) => deps.audit.record(tx, ctx, { action: 'claim.view', entityType: 'insurance_claim', entityId: id }));
  return dto;
}

import type { Locale } from '../../../platform/i18n/i18n.js';
import { insuranceRepository as repo } from '../insurance.repository.js';
import { presentPublicClaim } from '../insurance.presenter.js';
import type { InsuranceDeps } from '../deps.js';

/** The consumer's claims on their complaint (tracking number and access code). */
export async function listPublicClaims(deps: InsuranceDeps, input: { trackingNo: string; code: string }, locale: Locale) {
  const c = await deps.complaints.verifyAccess(input.trackingNo, input.code);
  return { items: (await repo.claimsOfComplaint(deps.db, c.id)).map((r) => presentPublicClaim(r, locale)) };
}

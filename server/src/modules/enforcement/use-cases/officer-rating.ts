import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { qrPngDataUrl } from '../../../platform/documents/qr.js';
import { enforcementRepository as repo } from '../enforcement.repository.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps } from '../deps.js';

/** The officer's service card: contact, the public rating link as a QR code, and the ratings so far. */
export async function serviceCard(deps: EnforcementDeps, actor: Actor) {
  authorize(actor, P['service-card.read']);
  const officerId = actor.id;
  if (!officerId) throw new AppError('FORBIDDEN');
  const [acc] = await repo.accounts(deps.db, [officerId]);
  const rateUrl = `${deps.publicBaseUrl}/rate/${officerId}`;
  return {
    officerId,
    officerName: acc?.display_name ?? actor.displayName,
    contact: acc?.email ?? null,
    rateUrl,
    qrPng: await qrPngDataUrl(rateUrl, 256),
    ratings: await repo.ratingStats(deps.db, officerId),
  };
}

/** A public rating of an officer (from the service card's QR code). */
export async function rateOfficer(deps: EnforcementDeps, input: { officerId: string; score: number; comment?: string }) {
  const [acc] = await repo.accounts(deps.db, [input.officerId]);
  if (!acc || !acc.roles.includes('enforcement_officer')) throw new AppError('NOT_FOUND');
  await repo.insertRating(deps.db, { officer_id: input.officerId, score: input.score, comment: input.comment ?? null });
  return { ok: true as const };
}

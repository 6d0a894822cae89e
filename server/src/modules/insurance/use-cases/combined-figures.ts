import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import { insurancePolicy as P } from '../insurance.policy.js';
import type { InsuranceDeps } from '../deps.js';
import { claimFigures } from './claim-figures.js';

/** The hour of the day (China time) at which station coverage is measured: 10:00, i.e. 02:00 UTC. */
const COVERAGE_AT_UTC = 'T02:00:00.000Z';

/**
 * The figures of the consumer-protection practice in one place: mediation success rate, time in
 * each fast stage, station coverage (community points within 5 minutes' walk of a station open
 * today at 10:00 China time) and claims paid.
 */
export async function combinedFigures(deps: InsuranceDeps, actor: Actor) {
  authorize(actor, P['figures.read']);
  const mediation = await deps.complaints.figures(actor);
  const cov = await deps.complaints.coverage(actor, { at: `${deps.clock.today()}${COVERAGE_AT_UTC}` });
  const claims = await claimFigures(deps, actor);
  return {
    ...mediation,
    coverage: { share: cov.share, covered: cov.covered, total: cov.total, minutes: cov.minutes, openStations: cov.openStations },
    claims: { count: claims.claims, paidCount: claims.paidCount, paidFen: claims.paidFen, approvedUnpaidFen: claims.approvedUnpaidFen, refused: claims.refused },
  };
}

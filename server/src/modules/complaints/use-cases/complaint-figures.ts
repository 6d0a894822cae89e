import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import { complaintsRepository as repo } from '../complaints.repository.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import type { ComplaintsDeps } from '../deps.js';
import { mediationSuccessRate, SUCCESS_RATE_DEFINITION } from '../domain/success-rate.js';

/** Hours and scores are shown to two decimals (the rate to four). */
const round2 = (v: number | string | null) => (v == null ? null : Math.round(Number(v) * 100) / 100);

/** Counts, the mediation success rate, average stage times and satisfaction of the actor's jurisdiction. */
export async function complaintFigures(deps: ComplaintsDeps, actor: Actor) {
  authorize(actor, P['complaint.figures']);
  const own = jurisdictionPrefix(actor);
  const f = await repo.figures(deps.db, own);
  const stations = await repo.countStations(deps.db, own);
  const concluded = Number(f.concluded);
  const agreements = Number(f.agreements);
  const settled = Number(f.settled);
  const excluded = Number(f.excluded);
  return {
    complaints: Number(f.complaints),
    concludedMediations: concluded,
    agreements,
    settled,
    excluded,
    mediationSuccessRate: mediationSuccessRate({ concluded, agreements, settled, excluded }),
    successRateDefinition: { ...SUCCESS_RATE_DEFINITION },
    stages: { acceptHours: round2(f.accept_hours), handleHours: round2(f.handle_hours), feedbackHours: round2(f.feedback_hours) },
    averageSatisfaction: round2(f.satisfaction),
    stations,
  };
}

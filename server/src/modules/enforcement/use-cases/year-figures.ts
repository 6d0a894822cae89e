import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import { enforcementRepository as repo } from '../enforcement.repository.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps } from '../deps.js';

/** A year's figure against the previous year's, with the change in percent (one decimal). */
function yoy(cur: number, prev: number) {
  return { year: cur, previous: prev, change: prev ? Math.round(((cur - prev) / prev) * 1000) / 10 : null };
}

/** The jurisdiction's enforcement figures of a year, year on year. */
export async function yearFigures(deps: EnforcementDeps, actor: Actor, input: { year: number }) {
  authorize(actor, P['figures.read']);
  const prefix = jurisdictionPrefix(actor);
  const { year } = input;
  const range = (y: number) => [`${y}-01-01`, `${y}-12-31`] as const;
  const [a, b] = await Promise.all([repo.caseFigures(deps.db, prefix, ...range(year)), repo.caseFigures(deps.db, prefix, ...range(year - 1))]);
  const [ea, eb] = await Promise.all([repo.engagementFigures(deps.db, prefix, ...range(year)), repo.engagementFigures(deps.db, prefix, ...range(year - 1))]);
  return {
    year,
    cases: yoy(a.cases, b.cases),
    notPenalised: yoy(a.notPenalised, b.notPenalised),
    mitigatedOrLighter: yoy(a.mitigated, b.mitigated),
    onTheSpot: yoy(a.onTheSpot, b.onTheSpot),
    interviews: yoy(ea.interviews, eb.interviews),
    followUps: yoy(ea.followUps, eb.followUps),
    fineTotalFen: yoy(a.fines, b.fines),
  };
}

import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import { SPEED_UP_FORMULA, actualSpeedUp, committedSpeedUp, percent } from '../domain/speed-up.js';

/** The figures of cases 5 and 6, all computed from records. */
export async function serviceFigures(deps: ServiceDeps, actor: Actor) {
  authorize(actor, P['figures.read']);
  const [c, items, stats] = await Promise.all([repo.figureCounts(deps.db), repo.listItems(deps.db, null), repo.caseStats(deps.db)]);
  const handled = items.filter((i) => stats.has(i.id)).map((i) => ({ statutoryDays: i.statutory_days * (stats.get(i.id)?.cases ?? 0), daysTaken: stats.get(i.id)?.daysTaken ?? 0 }));
  return {
    teams: c.teams,
    experiencers: c.experiencers,
    findings: c.findings,
    problemKinds: c.kinds,
    measures: c.measures,
    measuresClosed: c.closed,
    suggestions: c.suggestions,
    oneThingCases: c.cases,
    committedSpeedUp: committedSpeedUp(items.map((i) => ({ statutoryDays: i.statutory_days, committedDays: i.committed_days }))),
    actualSpeedUp: actualSpeedUp(handled),
    speedUpFormula: { ...SPEED_UP_FORMULA },
    ratings: c.ratings,
    badReviews: c.bad,
    satisfactionRate: percent(c.satisfied, c.ratings),
    clinicSessions: c.sessions,
    businessesReceived: c.received,
    problemsSolved: c.solved,
    reportsDue: c.reportsDue,
    reportsOnTime: c.reportsOnTime,
  };
}

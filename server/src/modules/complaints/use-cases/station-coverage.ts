import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import { complaintsRepository as repo, communityRepository } from '../complaints.repository.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import { chinaWeekdayTime, coverage, isOpenAt, CIRCLE_MINUTES } from '../domain/geo.js';
import type { ComplaintsDeps } from '../deps.js';

export interface CoverageInput {
  /** Points to check; default the community points of the actor's jurisdiction. */
  points?: { name: string; lat: number; lng: number }[];
  /** Walking minutes of the circle; default CIRCLE_MINUTES. */
  minutes?: number;
  /** ISO instant at which stations must be open; default now. */
  at?: string;
}

/** Share of community points within N minutes' walk of a station open at `at` (default now). */
export async function stationCoverage(deps: ComplaintsDeps, actor: Actor, input: CoverageInput) {
  authorize(actor, P['station.read']);
  const when = chinaWeekdayTime(input.at ? new Date(input.at) : deps.clock.now());
  const points = input.points ?? (await communityRepository.list(deps.db, jurisdictionPrefix(actor))).map((r) => ({ name: r.name, lat: Number(r.lat), lng: Number(r.lng) }));
  const open = (await repo.activeStations(deps.db))
    .filter((s) => isOpenAt(s.opening_hours ?? [], when.isoWeekday, when.hhmm))
    .map((s) => ({ id: s.id, lat: Number(s.lat), lng: Number(s.lng) }));
  const minutes = input.minutes ?? CIRCLE_MINUTES;
  return { ...coverage(points, open, minutes), minutes, openStations: open.length };
}

import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import { presentSession } from '../service.presenter.js';
import { regionOf } from './shared.js';

/** The clinic sessions with their booked slots (businesses see all, to book; staff their region). */
export async function listClinicSessions(deps: ServiceDeps, actor: Actor) {
  authorize(actor, P['clinic.read']);
  return (await repo.listSessions(deps.db, regionOf(actor))).map((s) => presentSession(s, Number(s.booked ?? 0)));
}

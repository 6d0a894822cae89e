import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import { presentBooking } from '../service.presenter.js';
import { found, regionOf } from './shared.js';
import type { BookingRow } from '../service.rows.js';

async function present(deps: ServiceDeps, rows: BookingRow[]) {
  const sessions = await repo.listSessions(deps.db, null);
  const cal = deps.calendar.get();
  return rows.map((b) => presentBooking(b, found(sessions.find((s) => s.id === b.session_id)), cal));
}

/** Bookings: a business sees its own enterprises'; staff those of their region's sessions. */
export async function listBookings(deps: ServiceDeps, actor: Actor, q: { sessionId?: string }, _locale: Locale) {
  authorize(actor, P['clinic.read']);
  const rows = actor.kind === 'business' ? await repo.listBookings(deps.db, { creditCodes: actor.enterprises, sessionId: q.sessionId }) : await repo.listBookings(deps.db, { regionPrefix: regionOf(actor), sessionId: q.sessionId });
  return present(deps, rows);
}

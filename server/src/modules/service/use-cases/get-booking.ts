import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { presentBooking } from '../service.presenter.js';
import { found } from './shared.js';
import { inScope } from '../../../platform/auth/policy.js';

/** One booking, if the actor may see it. */
export async function getBooking(deps: ServiceDeps, actor: Actor, id: string, _locale: Locale) {
  authorize(actor, P['clinic.read']);
  const b = found(await repo.getBooking(deps.db, id));
  const s = found(await repo.getSession(deps.db, b.session_id));
  if (!inScope(actor, { creditCode: b.credit_code, regionCode: s.region_code })) throw new AppError('NOT_FOUND');
  return presentBooking(b, s, deps.calendar.get());
}

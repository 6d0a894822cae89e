import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { z } from 'zod';
import type { BookingRateSchema } from '../../../../../contracts/service.js';
import { assertInScope } from '../../../platform/auth/policy.js';
import { presentBooking } from '../service.presenter.js';
import { found, requireVersion, updated } from './shared.js';

/** The business rates the outcome of its clinic visit (five levels). */
export async function rateOutcome(deps: ServiceDeps, actor: Actor, input: { id: string } & z.infer<typeof BookingRateSchema>, ctx: AuditContext, _locale: Locale) {
  authorize(actor, P['clinic.book']);
  return deps.db.transaction().execute(async (tx) => {
    const b = found(await repo.getBooking(tx, input.id, true));
    assertInScope(actor, { creditCode: b.credit_code });
    requireVersion(b, input.version);
    if (b.status !== 'reported') throw new AppError('INVALID_STATE');
    const next = updated(await repo.updateBooking(tx, b.id, b.version, { status: 'rated', rating: input.level }));
    await deps.audit.record(tx, ctx, { action: 'service.clinic.rate', entityType: 'service.clinic_booking', entityId: b.id, before: { status: b.status }, after: { status: 'rated', level: input.level } });
    return presentBooking(next, found(await repo.getSession(tx, b.session_id)), deps.calendar.get());
  });
}

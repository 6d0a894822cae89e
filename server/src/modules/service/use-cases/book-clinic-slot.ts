import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { z } from 'zod';
import type { BookingCreateSchema } from '../../../../../contracts/service.js';
import { assertInScope } from '../../../platform/auth/policy.js';
import { presentBooking } from '../service.presenter.js';
import { found, ruleError } from './shared.js';

/** A business books a slot (挂号) and describes its problem ("symptoms"); slots are counted under the session's lock. */
export async function bookClinicSlot(deps: ServiceDeps, actor: Actor, input: { sessionId: string } & z.infer<typeof BookingCreateSchema>, ctx: AuditContext, _locale: Locale) {
  authorize(actor, P['clinic.book']);
  assertInScope(actor, { creditCode: input.creditCode });
  const today = deps.clock.today();
  return deps.db.transaction().execute(async (tx) => {
    const s = found(await repo.getSession(tx, input.sessionId, true));
    if (s.held_on < today) throw ruleError('sessionPast', 'INVALID_STATE');
    if ((await repo.countBookings(tx, s.id)) >= s.slots) throw ruleError('slotsFull', 'LIMIT_EXCEEDED');
    const b = await repo.insertBooking(tx, { session_id: s.id, credit_code: input.creditCode, enterprise_name: input.enterpriseName, account_id: actor.id, problem: input.problem, booked_on: today });
    if (!b) throw new AppError('DUPLICATE');
    await deps.audit.record(tx, ctx, { action: 'service.clinic.book', entityType: 'service.clinic_booking', entityId: b.id, before: null, after: input });
    return presentBooking(b, s, deps.calendar.get());
  });
}

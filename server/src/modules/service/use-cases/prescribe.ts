import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { z } from 'zod';
import type { PrescribeSchema } from '../../../../../contracts/service.js';
import { formatDue } from '../../../platform/calendar/index.js';
import { CLINIC_REPORT, OBLIGATION_KINDS } from '../domain/rules.js';
import { NOTICE_LOCALE, serviceText } from '../domain/texts.js';
import { presentBooking } from '../service.presenter.js';
import { dueAfter, found, requireVersion, ruleError, updated } from './shared.js';

/**
 * At the session the director writes the prescription: actions assigned to departments and the
 * person who reports the outcome. The report is due CLINIC_REPORT.workingDays (15) working days
 * after the prescription on the services' calendar — a tracked obligation with alert and escalation.
 */
export async function prescribe(deps: ServiceDeps, actor: Actor, input: { id: string } & z.infer<typeof PrescribeSchema>, ctx: AuditContext, _locale: Locale) {
  authorize(actor, P['clinic.hold']);
  const today = deps.clock.today();
  const cal = deps.calendar.get();
  return deps.db.transaction().execute(async (tx) => {
    const b = found(await repo.getBooking(tx, input.id, true));
    const s = found(await repo.getSession(tx, b.session_id));
    if (s.director_id !== actor.id) throw ruleError('notYourSession', 'FORBIDDEN');
    requireVersion(b, input.version);
    if (b.status !== 'booked') throw new AppError('INVALID_STATE');
    if (today < s.held_on) throw ruleError('prescribeBeforeSession', 'INVALID_STATE');
    const due = dueAfter(deps, today, CLINIC_REPORT.workingDays);
    const next = updated(
      await repo.updateBooking(tx, b.id, b.version, { status: 'prescribed', prescription: input.prescription, actions: input.actions, report_owner_id: input.reportOwnerId, prescribed_on: today, report_due_on: due }),
    );
    await deps.obligations.track(tx, {
      kind: OBLIGATION_KINDS.clinicReport,
      subjectType: 'service.clinic_booking',
      subjectId: b.id,
      title: serviceText('clinic.obligation', NOTICE_LOCALE, { enterprise: b.enterprise_name }),
      link: '/staff/service/clinic',
      ownerId: input.reportOwnerId,
      regionCode: s.region_code,
      dueOn: due,
    });
    const body = serviceText('clinic.prescribed.body', NOTICE_LOCALE, { enterprise: b.enterprise_name, prescription: input.prescription, due: formatDue(cal, due, today) });
    await deps.notifier.notify(tx, { accountId: input.reportOwnerId, title: serviceText('clinic.assigned.title', NOTICE_LOCALE), body, link: '/staff/service/clinic' });
    if (b.account_id) await deps.notifier.notify(tx, { accountId: b.account_id, title: serviceText('clinic.prescribed.title', NOTICE_LOCALE), body, link: '/business/service/clinic' });
    await deps.audit.record(tx, ctx, { action: 'service.clinic.prescribe', entityType: 'service.clinic_booking', entityId: b.id, before: { status: b.status }, after: { status: 'prescribed', reportDueOn: due, actions: input.actions } });
    return presentBooking(next, s, cal);
  });
}

import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { z } from 'zod';
import type { ReportSchema } from '../../../../../contracts/service.js';
import { OBLIGATION_KINDS } from '../domain/rules.js';
import { NOTICE_LOCALE, serviceText } from '../domain/texts.js';
import { presentBooking } from '../service.presenter.js';
import { found, inRegion, requireVersion, ruleError, updated } from './shared.js';

/** The responsible department reports the outcome ("treatment effect"); the obligation is fulfilled and the business asked to rate. */
export async function reportOutcome(deps: ServiceDeps, actor: Actor, input: { id: string } & z.infer<typeof ReportSchema>, ctx: AuditContext, _locale: Locale) {
  authorize(actor, P['clinic.report']);
  const today = deps.clock.today();
  return deps.db.transaction().execute(async (tx) => {
    const b = found(await repo.getBooking(tx, input.id, true));
    const s = found(await repo.getSession(tx, b.session_id));
    if (!inRegion(actor, s.region_code)) throw new AppError('NOT_FOUND');
    if (b.report_owner_id !== actor.id && s.director_id !== actor.id) throw ruleError('notReportOwner', 'FORBIDDEN');
    requireVersion(b, input.version);
    if (b.status !== 'prescribed') throw new AppError('INVALID_STATE');
    const next = updated(await repo.updateBooking(tx, b.id, b.version, { status: 'reported', report: input.report, solved: input.solved, reported_on: today }));
    await deps.obligations.fulfilFor(tx, OBLIGATION_KINDS.clinicReport, 'service.clinic_booking', b.id, actor.id, input.report);
    if (b.account_id) await deps.notifier.notify(tx, { accountId: b.account_id, title: serviceText('clinic.reported.title', NOTICE_LOCALE), body: input.report, link: '/business/service/clinic' });
    await deps.audit.record(tx, ctx, { action: 'service.clinic.report', entityType: 'service.clinic_booking', entityId: b.id, before: { status: b.status }, after: { status: 'reported', solved: input.solved } });
    return presentBooking(next, s, deps.calendar.get());
  });
}

import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { z } from 'zod';
import type { MeasureCreateSchema } from '../../../../../contracts/service.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { formatDue } from '../../../platform/calendar/index.js';
import { OBLIGATION_KINDS } from '../domain/rules.js';
import { NOTICE_LOCALE, serviceText } from '../domain/texts.js';
import { presentMeasure } from '../service.presenter.js';
import { found, inRegion, ruleError } from './shared.js';

/**
 * Turns a finding into a measure with an owner department, an owner and a due date. The due date
 * is a tracked obligation (alerted before, escalated when overdue); the owner is told.
 */
export async function assignMeasure(deps: ServiceDeps, actor: Actor, input: { findingId: string } & z.infer<typeof MeasureCreateSchema>, ctx: AuditContext, _locale: Locale) {
  authorize(actor, P['measure.assign']);
  const today = deps.clock.today();
  if (input.dueOn < today) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'dueOn', code: 'past', text: ruleError('dueBeforeToday').text }] });
  const cal = deps.calendar.get();
  return deps.db.transaction().execute(async (tx) => {
    const f = found(await repo.getFinding(tx, input.findingId));
    const item = found(await repo.getItem(tx, f.item_id));
    if (!inRegion(actor, item.region_code)) throw new AppError('NOT_FOUND');
    // A due date is a date on the working-day calendar: a holiday moves to the next working day.
    const dueOn = cal.isWorkday(input.dueOn) ? input.dueOn : cal.addWorkingDays(input.dueOn, 1);
    const m = await repo.insertMeasure(tx, { finding_id: f.id, item_id: item.id, description: input.description, department: input.department, owner_id: input.ownerId, region_code: item.region_code, due_on: dueOn });
    await deps.obligations.track(tx, {
      kind: OBLIGATION_KINDS.measure,
      subjectType: 'service.measure',
      subjectId: m.id,
      title: serviceText('measure.obligation', NOTICE_LOCALE, { measure: m.description, item: item.name }),
      link: '/staff/service/measures',
      ownerId: m.owner_id,
      regionCode: m.region_code,
      dueOn,
    });
    await deps.notifier.notify(tx, {
      accountId: m.owner_id,
      title: serviceText('measure.assigned.title', NOTICE_LOCALE),
      body: serviceText('measure.assigned.body', NOTICE_LOCALE, { item: item.name, measure: m.description, due: formatDue(cal, dueOn) }),
      link: '/staff/service/measures',
    });
    await deps.audit.record(tx, ctx, { action: 'service.measure.assign', entityType: 'service.measure', entityId: m.id, before: null, after: { ...input, dueOn } });
    return presentMeasure(m, item.name, cal, today);
  });
}

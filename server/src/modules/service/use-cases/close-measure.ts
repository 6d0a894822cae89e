import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { z } from 'zod';
import type { MeasureDoneSchema } from '../../../../../contracts/service.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { hasRole } from '../../../platform/auth/policy.js';
import { OBLIGATION_KINDS } from '../domain/rules.js';
import { NOTICE_LOCALE, serviceText } from '../domain/texts.js';
import { presentMeasure } from '../service.presenter.js';
import { found, requireVersion, ruleError, updated } from './shared.js';

/** The owner department records the measure done; the obligation is fulfilled and the experiencer asked to evaluate. */
export async function closeMeasure(deps: ServiceDeps, actor: Actor, input: { id: string } & z.infer<typeof MeasureDoneSchema>, ctx: AuditContext, _locale: Locale) {
  authorize(actor, P['measure.close']);
  const today = deps.clock.today();
  return deps.db.transaction().execute(async (tx) => {
    const m = found(await repo.getMeasure(tx, input.id, true));
    if (m.owner_id !== actor.id && !hasRole(actor, 'service_supervisor', 'director')) throw ruleError('notYourMeasure', 'FORBIDDEN');
    requireVersion(m, input.version);
    if (m.status !== 'open') throw new AppError('INVALID_STATE');
    const next = updated(await repo.updateMeasure(tx, m.id, m.version, { status: 'done', done_on: today, done_note: input.note }));
    await deps.obligations.fulfilFor(tx, OBLIGATION_KINDS.measure, 'service.measure', m.id, actor.id, input.note);
    const item = found(await repo.getItem(tx, m.item_id));
    const f = found(await repo.getFinding(tx, m.finding_id));
    const who = await repo.getExperiencer(tx, f.experiencer_id);
    if (who?.account_id) {
      await deps.notifier.notify(tx, {
        accountId: who.account_id,
        title: serviceText('measure.done.title', NOTICE_LOCALE),
        body: serviceText('measure.done.body', NOTICE_LOCALE, { item: item.name, measure: m.description, note: input.note }),
        link: '/citizen/service/experience',
      });
    }
    await deps.audit.record(tx, ctx, { action: 'service.measure.close', entityType: 'service.measure', entityId: m.id, before: { status: m.status }, after: { status: 'done', note: input.note } });
    return presentMeasure(next, item.name, deps.calendar.get(), today);
  });
}

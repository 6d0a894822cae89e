import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { z } from 'zod';
import type { MeasureEvaluateSchema } from '../../../../../contracts/service.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { presentMeasure } from '../service.presenter.js';
import { experiencerOf, found, requireVersion, ruleError, updated } from './shared.js';

/** The experiencer who filed the finding says whether the measure fixed it (closing or reopening the loop). */
export async function evaluateMeasure(deps: ServiceDeps, actor: Actor, input: { id: string } & z.infer<typeof MeasureEvaluateSchema>, ctx: AuditContext, _locale: Locale) {
  authorize(actor, P['experience.take-part']);
  const today = deps.clock.today();
  return deps.db.transaction().execute(async (tx) => {
    const me = await experiencerOf(tx, actor);
    const m = found(await repo.getMeasure(tx, input.id, true));
    const f = found(await repo.getFinding(tx, m.finding_id));
    if (f.experiencer_id !== me.id) throw ruleError('notYourFinding', 'FORBIDDEN');
    requireVersion(m, input.version);
    if (m.status !== 'done') throw new AppError('INVALID_STATE');
    const next = updated(await repo.updateMeasure(tx, m.id, m.version, { status: 'evaluated', evaluation: input.evaluation, evaluation_note: input.note, evaluated_on: today }));
    await deps.audit.record(tx, ctx, { action: 'service.measure.evaluate', entityType: 'service.measure', entityId: m.id, before: { status: m.status }, after: { status: 'evaluated', evaluation: input.evaluation } });
    const item = found(await repo.getItem(tx, m.item_id));
    return presentMeasure(next, item.name, deps.calendar.get(), today);
  });
}

import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { z } from 'zod';
import type { RectifySchema } from '../../../../../contracts/service.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { hasRole } from '../../../platform/auth/policy.js';
import { OBLIGATION_KINDS } from '../domain/rules.js';
import { NOTICE_LOCALE, serviceText } from '../domain/texts.js';
import { presentRating } from '../service.presenter.js';
import { found, inRegion, requireVersion, updated } from './shared.js';

/** The handler records the rectification and follow-up; the obligation is fulfilled and the reviewer asked to rate again. */
export async function rectifyRating(deps: ServiceDeps, actor: Actor, input: { id: string } & z.infer<typeof RectifySchema>, ctx: AuditContext, locale: Locale) {
  authorize(actor, P['rating.rectify']);
  return deps.db.transaction().execute(async (tx) => {
    const r = found(await repo.getRating(tx, input.id, true));
    if (!inRegion(actor, r.region_code)) throw new AppError('NOT_FOUND');
    if (r.handler_id !== actor.id && !hasRole(actor, 'service_supervisor', 'director')) throw new AppError('FORBIDDEN');
    requireVersion(r, input.version);
    if (r.status !== 'rectifying') throw new AppError('INVALID_STATE');
    const next = updated(await repo.updateRating(tx, r.id, r.version, { status: 'rectified', rectification_note: input.note, rectified_on: deps.clock.today() }));
    await deps.obligations.fulfilFor(tx, OBLIGATION_KINDS.rectification, 'service.rating', r.id, actor.id, input.note);
    if (r.rater_account_id) {
      await deps.notifier.notify(tx, { accountId: r.rater_account_id, title: serviceText('rating.rectified.title', NOTICE_LOCALE), body: input.note, link: '/business/service/ratings' });
    }
    await deps.audit.record(tx, ctx, { action: 'service.rating.rectify', entityType: 'service.rating', entityId: r.id, before: { status: r.status }, after: { status: 'rectified', note: input.note } });
    return presentRating(next, locale);
  });
}

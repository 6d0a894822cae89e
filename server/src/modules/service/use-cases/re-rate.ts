import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { z } from 'zod';
import type { ReRateSchema } from '../../../../../contracts/service.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { presentRating } from '../service.presenter.js';
import { found, requireVersion, ruleError, updated } from './shared.js';

/** The reviewer rates again after the rectification. */
export async function reRate(deps: ServiceDeps, actor: Actor, input: { id: string } & z.infer<typeof ReRateSchema>, ctx: AuditContext, locale: Locale) {
  authorize(actor, P['rating.online']);
  return deps.db.transaction().execute(async (tx) => {
    const r = found(await repo.getRating(tx, input.id, true));
    if (!actor.id || r.rater_account_id !== actor.id) throw ruleError('notYourRating', 'FORBIDDEN');
    requireVersion(r, input.version);
    if (r.status !== 'rectified') throw new AppError('INVALID_STATE');
    const next = updated(await repo.updateRating(tx, r.id, r.version, { status: 're_rated', re_rating: input.level }));
    await deps.audit.record(tx, ctx, { action: 'service.rating.re-rate', entityType: 'service.rating', entityId: r.id, before: { status: r.status }, after: { status: 're_rated', level: input.level } });
    return presentRating(next, locale);
  });
}

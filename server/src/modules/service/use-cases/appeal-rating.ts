import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { z } from 'zod';
import type { AppealSchema } from '../../../../../contracts/service.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { hasRole } from '../../../platform/auth/policy.js';
import { presentRating } from '../service.presenter.js';
import { found, inRegion, requireVersion, updated } from './shared.js';

/** The handler appeals a bad review as mistaken or malicious; the rectification clock keeps running until decided. */
export async function appealRating(deps: ServiceDeps, actor: Actor, input: { id: string } & z.infer<typeof AppealSchema>, ctx: AuditContext, locale: Locale) {
  authorize(actor, P['rating.rectify']);
  return deps.db.transaction().execute(async (tx) => {
    const r = found(await repo.getRating(tx, input.id, true));
    if (!inRegion(actor, r.region_code)) throw new AppError('NOT_FOUND');
    if (r.handler_id !== actor.id && !hasRole(actor, 'service_supervisor', 'director')) throw new AppError('FORBIDDEN');
    requireVersion(r, input.version);
    if (r.status !== 'rectifying') throw new AppError('INVALID_STATE');
    const next = updated(await repo.updateRating(tx, r.id, r.version, { status: 'appealed', appeal_reason: input.reason }));
    await deps.audit.record(tx, ctx, { action: 'service.rating.appeal', entityType: 'service.rating', entityId: r.id, before: { status: r.status }, after: { status: 'appealed', reason: input.reason } });
    return presentRating(next, locale);
  });
}

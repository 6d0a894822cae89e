import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { z } from 'zod';
import type { AppealDecisionSchema } from '../../../../../contracts/service.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { OBLIGATION_KINDS } from '../domain/rules.js';
import { presentRating } from '../service.presenter.js';
import { found, inRegion, requireVersion, updated } from './shared.js';

/**
 * A supervisor decides an appeal: upheld, the review is voided (out of the figures) and the
 * rectification obligation closed; refused, the review goes back to rectification.
 */
export async function decideAppeal(deps: ServiceDeps, actor: Actor, input: { id: string } & z.infer<typeof AppealDecisionSchema>, ctx: AuditContext, locale: Locale) {
  authorize(actor, P['rating.decide-appeal']);
  return deps.db.transaction().execute(async (tx) => {
    const r = found(await repo.getRating(tx, input.id, true));
    if (!inRegion(actor, r.region_code)) throw new AppError('NOT_FOUND');
    requireVersion(r, input.version);
    if (r.status !== 'appealed') throw new AppError('INVALID_STATE');
    const status = input.upheld ? 'voided' : 'rectifying';
    const next = updated(await repo.updateRating(tx, r.id, r.version, { status, appeal_note: input.note }));
    if (input.upheld) await deps.obligations.fulfilFor(tx, OBLIGATION_KINDS.rectification, 'service.rating', r.id, actor.id, input.note);
    await deps.audit.record(tx, ctx, { action: 'service.rating.appeal-decide', entityType: 'service.rating', entityId: r.id, before: { status: r.status }, after: { status, note: input.note } });
    return presentRating(next, locale);
  });
}

import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { servicePolicy as P } from '../service.policy.js';
import type { ServiceDeps } from '../deps.js';
import type { z } from 'zod';
import type { CounterRatingSchema } from '../../../../../contracts/service.js';
import { recordRating } from './record-rating.js';

/** 一次一评 on the counter tablet: the handling staff member's tablet records the citizen's rating. */
export async function rateAtCounter(deps: ServiceDeps, actor: Actor, input: z.infer<typeof CounterRatingSchema>, ctx: AuditContext, locale: Locale) {
  authorize(actor, P['rating.counter']);
  return recordRating(deps, actor, { ...input, channel: 'counter', handlerId: actor.id, raterAccountId: null }, ctx, locale);
}

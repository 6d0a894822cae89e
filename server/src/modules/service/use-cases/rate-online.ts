import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { servicePolicy as P } from '../service.policy.js';
import type { ServiceDeps } from '../deps.js';
import type { z } from 'zod';
import type { OnlineRatingSchema } from '../../../../../contracts/service.js';
import { recordRating } from './record-rating.js';

/** 一事一评 online: a business or citizen rates a matter handled for them (e.g. an exchange registration change). */
export async function rateOnline(deps: ServiceDeps, actor: Actor, input: z.infer<typeof OnlineRatingSchema>, ctx: AuditContext, locale: Locale) {
  authorize(actor, P['rating.online']);
  const { handlerId, ...rest } = input;
  return recordRating(deps, actor, { ...rest, channel: 'online', handlerId: handlerId ?? null, raterAccountId: actor.id }, ctx, locale);
}

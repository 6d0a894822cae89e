/**
 * The one way a 好差评 rating is recorded (counter tablet or online): one per handled matter; a bad
 * review (不满意, 非常不满意) starts the rectification clock — the configured working days on the
 * services' calendar, tracked as an obligation of the handler with alert and escalation.
 */
import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { formatDue } from '../../../platform/calendar/index.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import { OBLIGATION_KINDS, RECTIFICATION_DEFAULT, isBadReview } from '../domain/rules.js';
import { NOTICE_LOCALE, serviceText } from '../domain/texts.js';
import { levelLabel, presentRating } from '../service.presenter.js';
import { dueAfter, found, ruleError } from './shared.js';

export interface RatingInput {
  matterModule: string;
  matterId: string;
  itemId?: string;
  level: number;
  comment: string;
  regionCode: string;
  channel: 'counter' | 'online';
  /** The staff member who handled the matter (谁办理、谁负责): owner of any rectification. */
  handlerId: string | null;
  raterAccountId: string | null;
}

/** The configured rectification period in working days (default: Sichuan's 15). */
export async function rectificationDays(deps: Pick<ServiceDeps, 'db'>): Promise<number> {
  return (await repo.getSetting(deps.db, 'rectification_working_days')) ?? RECTIFICATION_DEFAULT.workingDays;
}

export async function recordRating(deps: ServiceDeps, _actor: Actor, input: RatingInput, ctx: AuditContext, locale: Locale) {
  const today = deps.clock.today();
  const days = await rectificationDays(deps);
  return deps.db.transaction().execute(async (tx) => {
    if (input.itemId) found(await repo.getItem(tx, input.itemId));
    const bad = isBadReview(input.level);
    const due = bad ? dueAfter(deps, today, days) : null;
    const r = await repo.insertRating(tx, {
      matter_module: input.matterModule,
      matter_id: input.matterId,
      item_id: input.itemId ?? null,
      channel: input.channel,
      level: input.level,
      comment: input.comment,
      rater_account_id: input.raterAccountId,
      handler_id: input.handlerId,
      region_code: input.regionCode,
      rated_on: today,
      status: bad ? 'rectifying' : 'closed',
      rectify_due_on: due,
    });
    if (!r) throw ruleError('alreadyRated', 'DUPLICATE');
    if (bad && due) {
      const matter = `${input.matterModule}/${input.matterId}`;
      await deps.obligations.track(tx, {
        kind: OBLIGATION_KINDS.rectification,
        subjectType: 'service.rating',
        subjectId: r.id,
        title: serviceText('rating.obligation', NOTICE_LOCALE, { matter }),
        link: '/staff/service/ratings',
        ownerId: input.handlerId,
        regionCode: input.regionCode,
        dueOn: due,
      });
      if (input.handlerId) {
        await deps.notifier.notify(tx, {
          accountId: input.handlerId,
          title: serviceText('rating.bad.title', NOTICE_LOCALE),
          body: serviceText('rating.bad.body', NOTICE_LOCALE, { matter, level: levelLabel(input.level, NOTICE_LOCALE), due: formatDue(deps.calendar.get(), due), days }),
          link: '/staff/service/ratings',
        });
      }
    }
    await deps.audit.record(tx, ctx, { action: 'service.rating.record', entityType: 'service.rating', entityId: r.id, before: null, after: { ...input, rectifyDueOn: due } });
    return presentRating(r, locale);
  });
}

import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import { groundLabel } from '../complaints.presenter.js';
import { REFUSAL_GROUNDS } from '../domain/rules.js';
import { SMS_LOCALE, complaintText } from '../domain/texts.js';
import type { ComplaintsDeps } from '../deps.js';
import { addTimelineEntry, changeComplaint, requireStatus, tellConsumer } from './shared.js';

export interface RefuseInput {
  id: string;
  version: number;
  /** One of REFUSAL_GROUNDS (art. 15). */
  ground: string;
  note: string;
  /** The language of the ground in the consumer's SMS. */
  locale: Locale;
}

/** Refuse on a statutory ground (art. 15), telling the consumer why. */
export async function refuseComplaint(deps: ComplaintsDeps, actor: Actor, input: RefuseInput, ctx: AuditContext) {
  authorize(actor, P['complaint.decide']);
  if (!REFUSAL_GROUNDS.some((g) => g.id === input.ground)) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'ground', code: 'invalid_value' }] });
  return changeComplaint(deps, actor, { id: input.id, version: input.version, ctx, action: 'complaint.refuse' }, async (_tx, row) => {
    requireStatus(row, 'received');
    return { status: 'refused', refusal_ground: input.ground, refusal_note: input.note, concluded_on: deps.clock.today() };
  }, async (tx, row) => {
    await addTimelineEntry(deps, tx, row.id, 'refused', actor, input.note, { data: { ground: input.ground } });
    await tellConsumer(deps, tx, row, complaintText('refuse.title', SMS_LOCALE), complaintText('refuse.body', SMS_LOCALE, { ground: groundLabel('refusal', input.ground, input.locale) ?? input.ground }));
  });
}

import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { coversRegion } from '../../registry/index.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import { COMPLAINT_ERRORS, complaintText } from '../domain/texts.js';
import { mediationDueText } from '../domain/deadlines.js';
import type { ComplaintsDeps } from '../deps.js';
import { addTimelineEntry, changeComplaint, requireStatus } from './shared.js';

export interface AssignInput {
  id: string;
  version: number;
  /** An account with the mediator role whose jurisdiction covers the case. */
  mediatorId: string;
  mode: 'on_site' | 'remote';
}

/** Assigns a mediator (an account with the mediator role, covering the case's region, who has not recused). */
export async function assignMediator(deps: ComplaintsDeps, actor: Actor, input: AssignInput, ctx: AuditContext) {
  authorize(actor, P['complaint.assign']);
  // Read only: accounts belong to the platform (auth); the complaint stores the name it had.
  const acc = await deps.db
    .selectFrom('platform.account')
    .select(['id', 'display_name', 'roles', 'jurisdiction', 'disabled'])
    .where('id', '=', input.mediatorId)
    .executeTakeFirst();
  const roles: unknown = acc?.roles;
  if (!acc || acc.disabled || !Array.isArray(roles) || !roles.includes('mediator')) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'mediatorId', code: 'NOT_A_MEDIATOR', text: COMPLAINT_ERRORS.notAMediator }] });
  }
  return changeComplaint(deps, actor, { id: input.id, version: input.version, ctx, action: 'complaint.assign' }, async (_tx, row) => {
    requireStatus(row, 'accepted', 'mediating');
    // A mediator who could not see the complaint cannot mediate it (issue 9, finding 7).
    if (!coversRegion(acc.jurisdiction, row.region_code)) {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'mediatorId', code: 'OUTSIDE_JURISDICTION', text: COMPLAINT_ERRORS.outsideJurisdiction }] });
    }
    if (row.recused.includes(acc.id)) throw new AppError('RULE_VIOLATION', { text: COMPLAINT_ERRORS.recused });
    return { status: 'mediating', mediator_id: acc.id, mediator_name: acc.display_name, mediation_mode: input.mode };
  }, async (tx, row) => {
    await addTimelineEntry(deps, tx, row.id, 'assigned', actor, acc.display_name, { mode: input.mode });
    await deps.notifier.notify(tx, {
      accountId: acc.id,
      localized: (locale) => ({
        title: complaintText('assign.title', locale),
        body: complaintText('assign.body', locale, { trackingNo: row.tracking_no, respondent: row.respondent_name, due: mediationDueText(deps.calendar(), row, locale, deps.timeLimits) }),
      }),
      link: `/staff/complaints/${row.id}`,
    });
  });
}

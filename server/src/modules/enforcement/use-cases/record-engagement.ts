import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, assertInScope } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { fieldError } from '../domain/messages.js';
import { enforcementRepository as repo, type EngagementData, type EngagementRow } from '../enforcement.repository.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps } from '../deps.js';
import { actorName, engagementDto, enterpriseInScope, refuseBackdating } from './shared.js';

export interface RecordEngagementInput {
  kind: EngagementRow['kind'];
  creditCode: string;
  caseId?: string;
  satisfaction?: number;
  content?: string;
  signals?: string[];
  scheduledOn?: string;
  reason?: string;
  occurredAt?: string;
}

/** The fields each kind of engagement requires. */
function missingFields(input: RecordEngagementInput) {
  const need = (cond: boolean, path: string) => (cond ? [] : [fieldError(path, 'required')]);
  return [
    ...(input.kind === 'follow_up' ? need(input.satisfaction !== undefined, 'satisfaction') : []),
    ...(['guidance', 'assistance', 'warning'].includes(input.kind) ? need(!!input.content, 'content') : []),
    ...(input.kind === 'warning' ? need(!!input.signals?.length, 'signals') : []),
    ...(input.kind === 'interview' ? [...need(!!input.scheduledOn, 'scheduledOn'), ...need(!!input.reason, 'reason')] : []),
  ];
}

/**
 * Records a service or supervision engagement with an enterprise: a follow-up visit, guidance,
 * assistance, an early warning, or an interview (行政约谈) — scheduled, with its notice issued.
 */
export async function recordEngagement(deps: EnforcementDeps, actor: Actor, input: RecordEngagementInput, ctx: AuditContext) {
  authorize(actor, P['engagement.create']);
  await refuseBackdating(deps, actor, ctx, input.caseId ?? null, `engagement.${input.kind}`, input.occurredAt);
  const e = await enterpriseInScope(deps, actor, input.creditCode);
  const today = deps.clock.today();
  const fields = missingFields(input);
  if (input.kind === 'interview' && input.scheduledOn && input.scheduledOn < today) fields.push(fieldError('scheduledOn', 'IN_THE_PAST'));
  if (fields.length) throw new AppError('VALIDATION_FAILED', { fields });
  if (input.caseId) {
    const c = await repo.getCase(deps.db, input.caseId);
    if (!c || c.credit_code !== e.creditCode) throw new AppError('VALIDATION_FAILED', { fields: [fieldError('caseId', 'NOT_THIS_ENTERPRISE')] });
  }
  const interview = input.kind === 'interview' && input.scheduledOn && input.reason ? { scheduledOn: input.scheduledOn, reason: input.reason } : null;
  const row = await deps.db.transaction().execute(async (tx) => {
    const data: EngagementData = {};
    if (input.satisfaction !== undefined) data.satisfaction = input.satisfaction;
    if (input.content) data.content = input.content;
    if (input.signals) data.signals = input.signals;
    if (input.scheduledOn) data.scheduledOn = input.scheduledOn;
    if (input.reason) data.reason = input.reason;
    const created = await repo.insertEngagement(tx, {
      kind: input.kind,
      credit_code: e.creditCode,
      region_code: e.regionCode,
      case_id: input.caseId ?? null,
      officer_id: actor.id,
      officer_name: actorName(actor),
      occurred_on: interview ? interview.scheduledOn : today,
      status: interview ? 'scheduled' : 'done',
      data,
    });
    if (interview) {
      await deps.docs.issue(tx, {
        kind: 'interview_notice',
        subjectType: 'enforcement.engagement',
        subjectId: created.id,
        regionCode: e.regionCode,
        signer: '',
        issuedOn: today,
        actorId: actor.id,
        values: { partyName: e.name, reason: interview.reason, scheduledOn: interview.scheduledOn },
      });
    }
    await deps.audit.record(tx, ctx, { action: `enforcement.engagement.${input.kind}`, entityType: 'enforcement_engagement', entityId: created.id, after: { creditCode: e.creditCode, ...data } });
    return created;
  });
  return engagementDto(deps, row);
}

export async function getEngagement(deps: EnforcementDeps, actor: Actor, input: { id: string }) {
  authorize(actor, P['engagement.read']);
  const row = await repo.getEngagement(deps.db, input.id);
  if (!row) throw new AppError('NOT_FOUND');
  assertInScope(actor, { regionCode: row.region_code });
  return engagementDto(deps, row);
}

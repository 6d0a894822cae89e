import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, assertInScope } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { assertCheckDue, assertHeldOnOrAfterSchedule } from '../domain/interview-dates.js';
import { fieldError } from '../domain/messages.js';
import { enforcementRepository as repo, type EngagementData } from '../enforcement.repository.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps } from '../deps.js';
import { engagementDto, refuseBackdating } from './shared.js';

/** Moves an interview from one status to the next, changing its data, with the version check. */
async function advanceInterview(
  deps: EnforcementDeps,
  actor: Actor,
  input: { id: string; version: number; occurredAt?: string },
  ctx: AuditContext,
  from: string,
  to: string,
  change: (data: EngagementData) => EngagementData,
) {
  authorize(actor, P['engagement.create']);
  const existing = await repo.getEngagement(deps.db, input.id);
  if (!existing || existing.kind !== 'interview') throw new AppError('NOT_FOUND');
  assertInScope(actor, { regionCode: existing.region_code });
  await refuseBackdating(deps, actor, ctx, existing.case_id, `interview.${to}`, input.occurredAt);
  const row = await deps.db.transaction().execute(async (tx) => {
    const cur = await repo.getEngagement(tx, input.id);
    if (!cur || cur.version !== input.version) throw new AppError('VERSION_CONFLICT');
    if (cur.status !== from) throw new AppError('INVALID_STATE', { params: { status: cur.status } });
    const updated = await repo.updateEngagement(tx, input.id, input.version, { status: to, data: change({ ...cur.data }) });
    if (!updated) throw new AppError('VERSION_CONFLICT');
    await deps.audit.record(tx, ctx, { action: `enforcement.interview.${to}`, entityType: 'enforcement_engagement', entityId: input.id, before: { status: cur.status }, after: { status: to } });
    return updated;
  });
  return engagementDto(deps, row);
}

export interface InterviewMinutesInput {
  id: string;
  version: number;
  minutes: string;
  commitments: { item: string; dueOn: string }[];
  occurredAt?: string;
}

/** Records a held interview: its minutes and the enterprise's dated commitments. */
export async function recordInterviewMinutes(deps: EnforcementDeps, actor: Actor, input: InterviewMinutesInput, ctx: AuditContext) {
  const today = deps.clock.today();
  const bad = input.commitments.findIndex((c) => c.dueOn < today);
  if (bad >= 0) throw new AppError('VALIDATION_FAILED', { fields: [fieldError(`commitments.${bad}.dueOn`, 'IN_THE_PAST')] });
  return advanceInterview(deps, actor, input, ctx, 'scheduled', 'held', (d) => {
    assertHeldOnOrAfterSchedule(today, d.scheduledOn);
    return {
      ...d,
      heldOn: today,
      minutes: input.minutes,
      commitments: input.commitments.map((c) => ({ ...c, fulfilled: null })),
      followUpDue: input.commitments.map((c) => c.dueOn).sort().at(-1),
    };
  });
}

export interface InterviewCheckInput {
  id: string;
  version: number;
  result: string;
  fulfilled: number[];
  early?: boolean;
  occurredAt?: string;
}

/** Checks the commitments of a held interview (early only when asked to). */
export async function checkInterviewCommitments(deps: EnforcementDeps, actor: Actor, input: InterviewCheckInput, ctx: AuditContext) {
  const today = deps.clock.today();
  return advanceInterview(deps, actor, input, ctx, 'held', 'checked', (d) => {
    assertCheckDue(today, d.followUpDue, !!input.early);
    return {
      ...d,
      ...(input.early ? { earlyCheck: true } : {}),
      checkedOn: today,
      checkResult: input.result,
      commitments: (d.commitments ?? []).map((c, i) => ({ ...c, fulfilled: input.fulfilled.includes(i) })),
    };
  });
}

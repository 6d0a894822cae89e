import type { Enterprise } from '../../registry/index.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { assertInScope } from '../../../platform/auth/policy.js';
import { inspectionsRepository as repo } from '../inspections.repository.js';
import { samplingRuleFor } from '../domain/sampling-rules.js';
import { TEXT } from '../domain/texts.js';
import type { Actor, AuditContext, InspectionsDeps } from '../deps.js';
import { can, refuse } from './shared.js';
import { insertTask } from './create-task.js';
import { taskView } from './task-view.js';

/**
 * The most supported open proposal (or the one named) becomes a surprise inspection task: a target
 * directory of the named enterprises (from the register), every one inspected (ratio 1 in every
 * stratum), teams still drawn with commitments, recusal and balanced load. The proposal is
 * answered with the task number and its outcome tracked.
 */
export async function adoptProposal(
  deps: InspectionsDeps,
  actor: Actor,
  input: { proposalId?: string; fieldId: string; departments: string[]; creditCodes: string[]; periodStart: string; periodEnd: string },
  ctx: AuditContext,
) {
  can(actor, 'task.manage');
  const top = input.proposalId ? await repo.proposal(deps.db, input.proposalId) : (await repo.proposals(deps.db, { statuses: ['open'], regionPrefix: actor.jurisdiction, limit: 1 }))[0];
  if (!top) throw refuse(TEXT.noOpenProposal);
  assertInScope(actor, { regionCode: top.region_code });
  if (top.status !== 'open') throw new AppError('INVALID_STATE');
  const enterprises: Enterprise[] = [];
  for (const code of input.creditCodes) {
    const e = await deps.registry.findByCode(code);
    if (!e) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'creditCodes', code: 'NOT_FOUND', params: { code } }] });
    enterprises.push(e);
  }
  const rule = samplingRuleFor(top.region_code);
  const task = await deps.db.transaction().execute(async (tx) => {
    const locked = await repo.proposal(tx, top.id, true);
    if (!locked || locked.status !== 'open') throw new AppError('INVALID_STATE');
    const dir = await repo.insertDirectory(tx, { field_id: input.fieldId, department_code: null, name: `点单 ${top.proposal_no}`, region_code: top.region_code });
    await repo.insertTargets(tx, enterprises.map((e) => ({ directory_id: dir.id, credit_code: e.creditCode, name: e.name, region_code: e.regionCode, industry_code: e.industryCode })));
    const t = await insertTask(
      deps,
      tx,
      actor,
      {
        title: `点单突击检查：${top.title}`.slice(0, 100),
        fieldId: input.fieldId,
        regionCode: top.region_code,
        departments: input.departments,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        kind: 'surprise',
        ratios: Object.fromEntries(rule.classes.map((c) => [c.riskClass, 1])),
        ratioRule: `${rule.id}:surprise`,
        directoryIds: [dir.id],
        proposalId: top.id,
      },
      ctx,
    );
    await repo.updateProposal(tx, top.id, { status: 'adopted', task_id: t.id, answer: top.answer ?? `已采纳，立项为突击检查任务 ${t.task_no}`, answered_at: deps.clock.now() });
    await deps.audit.record(tx, ctx, { action: 'inspections.proposal.adopt', entityType: 'inspection_proposal', entityId: top.id, after: { taskId: t.id, taskNo: t.task_no, supports: top.supports } });
    return t;
  });
  return taskView(deps, task);
}

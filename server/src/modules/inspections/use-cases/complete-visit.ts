import { AppError } from '../../../platform/errors/app-error.js';
import { localize } from '../../../platform/i18n/i18n.js';
import { INSPECTIONS_FINDING_RECORDED } from '../../../../../contracts/events.js';
import { inspectionsRepository as repo } from '../inspections.repository.js';
import { checklistState, PUBLISH_WITHIN_WORKING_DAYS } from '../domain/visits.js';
import { PUBLISH_OBLIGATION, TEXT } from '../domain/texts.js';
import type { Actor, AuditContext, InspectionsDeps } from '../deps.js';
import { can, refuse } from './shared.js';
import { myCodes, visitFor, visitView } from './visit-access.js';

/**
 * Ends a visit once every item has a result. A failed item is a finding: the event
 * `inspections.finding-recorded` opens an enforcement lead. The results are due on the public
 * site within 20 working days (a tracked obligation per visit, fulfilled by publish-results).
 */
export async function completeVisit(deps: InspectionsDeps, actor: Actor, input: { visitId: string; version: number; summary?: string }, ctx: AuditContext) {
  can(actor, 'visit.record');
  const codes = await myCodes(deps, actor);
  const v = await deps.db.transaction().execute(async (tx) => {
    const visit = await visitFor(deps, actor, input.visitId, tx, true);
    if (!visit.team.some((c) => codes.includes(c))) throw refuse(TEXT.notOnTeam);
    if (visit.version !== input.version) throw new AppError('VERSION_CONFLICT');
    if (visit.status !== 'open') throw new AppError('INVALID_STATE');
    const state = checklistState(visit.checklist);
    if (!state.complete) throw refuse(TEXT.checklistIncomplete, { missing: visit.checklist.filter((i) => i.result === null).length });
    const today = deps.clock.today();
    const due = deps.calendar().addWorkingDays(today, PUBLISH_WITHIN_WORKING_DAYS);
    const updated = await repo.updateVisit(tx, visit.id, { status: 'done', finding: state.finding, summary: input.summary?.trim() || null, completed_on: today, publish_due: due });
    const links = await repo.tasksOfVisits(tx, [visit.id]);
    for (const l of links) {
      const task = await repo.task(tx, l.task_id, true);
      if (!task) continue;
      await deps.obligations.track(tx, {
        kind: 'inspections.publish-results',
        subjectType: 'inspection_visit',
        subjectId: visit.id,
        title: localize(PUBLISH_OBLIGATION, 'zh-CN', { taskNo: task.task_no }),
        // The planner screens are not built yet: the alert opens the list of tracked obligations.
        link: `/staff/obligations?subject=${visit.id}`,
        ownerId: task.created_by,
        regionCode: visit.region_code,
        dueOn: due,
      });
      const all = await repo.visitsOfTask(tx, task.id);
      if (task.status === 'drawn' && all.every((x) => x.id === visit.id || x.status === 'done')) await repo.updateTask(tx, task.id, { status: 'completed' });
    }
    if (state.finding) {
      await deps.outbox.append(
        tx,
        INSPECTIONS_FINDING_RECORDED,
        {
          visitId: visit.id,
          taskNos: links.map((l) => l.task_no),
          creditCode: visit.credit_code,
          regionCode: visit.region_code,
          partyName: visit.name,
          items: visit.checklist.filter((i) => i.result === 'fail').map((i) => ({ name: i.name, department: i.department, legalBasis: i.legalBasis, note: i.note })),
          completedOn: today,
        },
        { orderingKey: visit.credit_code },
      );
    }
    await deps.audit.record(tx, ctx, { action: 'inspections.visit.complete', entityType: 'inspection_visit', entityId: visit.id, after: { finding: state.finding, failed: state.failed, publishDue: due } });
    return updated;
  });
  return visitView(deps, v);
}

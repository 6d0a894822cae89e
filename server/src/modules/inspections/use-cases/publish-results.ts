import { AppError } from '../../../platform/errors/app-error.js';
import { inspectionsRepository as repo } from '../inspections.repository.js';
import { TEXT } from '../domain/texts.js';
import type { Actor, AuditContext, InspectionsDeps } from '../deps.js';
import { can, refuse, taskInScope } from './shared.js';
import { taskView } from './task-view.js';

/**
 * Publishes a task's results on the public site with its draw's verification data (谁检查、谁录入、
 * 谁公开), fulfilling each visit's 20-working-day obligation.
 */
export async function publishResults(deps: InspectionsDeps, actor: Actor, input: { taskId: string }, ctx: AuditContext) {
  can(actor, 'task.manage');
  await taskInScope(deps, actor, input.taskId);
  const today = deps.clock.today();
  await deps.db.transaction().execute(async (tx) => {
    const task = await repo.task(tx, input.taskId, true);
    if (!task) throw new AppError('NOT_FOUND');
    if (task.status === 'published') throw new AppError('INVALID_STATE');
    const visits = await repo.visitsOfTask(tx, task.id);
    if (task.status !== 'completed' && !(task.status === 'drawn' && visits.length > 0 && visits.every((v) => v.status === 'done'))) throw refuse(TEXT.notCompleted);
    for (const v of visits) {
      if (!v.published_on) await repo.updateVisit(tx, v.id, { published_on: today });
      await deps.obligations.fulfilFor(tx, 'inspections.publish-results', 'inspection_visit', v.id, actor.id, task.task_no);
    }
    await repo.updateTask(tx, task.id, { status: 'published', published_on: today });
    await deps.audit.record(tx, ctx, { action: 'inspections.task.publish', entityType: 'inspection_task', entityId: task.id, after: { publishedOn: today, visits: visits.length } });
  });
  return taskView(deps, (await repo.task(deps.db, input.taskId))!);
}

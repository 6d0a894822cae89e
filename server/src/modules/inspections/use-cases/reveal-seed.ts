import { AppError } from '../../../platform/errors/app-error.js';
import { inspectionsRepository as repo } from '../inspections.repository.js';
import { commitmentOf } from '../domain/draw.js';
import { TEXT } from '../domain/texts.js';
import type { Actor, AuditContext, InspectionsDeps } from '../deps.js';
import { can, partiesOf, refuse, taskInScope } from './shared.js';
import { taskView } from './task-view.js';

/** A party reveals its secret once every party has committed; it must hash to its commitment. */
export async function revealSeed(deps: InspectionsDeps, actor: Actor, input: { taskId: string; party: string; reveal: string }, ctx: AuditContext) {
  can(actor, 'task.manage');
  const task = await taskInScope(deps, actor, input.taskId);
  if (task.status !== 'committing') throw new AppError('INVALID_STATE');
  const commitments = await repo.commitments(deps.db, task.id);
  if (commitments.length < partiesOf(task).length) throw refuse(TEXT.revealBeforeAllCommitted);
  const mine = commitments.find((c) => c.party === input.party);
  if (!mine) throw refuse(TEXT.notAParty, { party: input.party });
  if (mine.reveal !== null) throw new AppError('INVALID_STATE');
  if (commitmentOf(task.id, input.party, input.reveal) !== mine.commitment) throw refuse(TEXT.revealMismatch);
  await deps.db.transaction().execute(async (tx) => {
    await repo.reveal(tx, task.id, input.party, input.reveal, deps.clock.now());
    await deps.audit.record(tx, ctx, { action: 'inspections.draw.reveal', entityType: 'inspection_task', entityId: task.id, after: { party: input.party } });
  });
  return taskView(deps, (await repo.task(deps.db, task.id))!);
}

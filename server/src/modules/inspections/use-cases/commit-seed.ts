import { AppError } from '../../../platform/errors/app-error.js';
import { inspectionsRepository as repo } from '../inspections.repository.js';
import { TEXT } from '../domain/texts.js';
import type { Actor, AuditContext, InspectionsDeps } from '../deps.js';
import { can, drawInputs, partiesOf, refuse, taskInScope } from './shared.js';
import { taskView } from './task-view.js';

/**
 * A party's commitment (the SHA-256 of its secret, see domain/draw.ts `commitmentOf`), recorded
 * before any secret is revealed. The last commitment freezes both directories: their hashes are
 * stored, and a draw over anything else is refused.
 */
export async function commitSeed(deps: InspectionsDeps, actor: Actor, input: { taskId: string; party: string; commitment: string }, ctx: AuditContext) {
  can(actor, 'task.manage');
  const task = await taskInScope(deps, actor, input.taskId);
  if (task.status !== 'committing') throw new AppError('INVALID_STATE');
  if (!partiesOf(task).includes(input.party)) throw refuse(TEXT.notAParty, { party: input.party });
  const existing = await repo.commitments(deps.db, task.id);
  if (existing.some((c) => c.party === input.party)) throw refuse(TEXT.alreadyCommitted, { party: input.party });
  const last = existing.length + 1 === partiesOf(task).length;
  const frozen = last ? await drawInputs(deps, task) : null;
  if (frozen && frozen.entries.length === 0) throw refuse(TEXT.emptyDirectory);
  await deps.db.transaction().execute(async (tx) => {
    const locked = await repo.task(tx, task.id, true);
    if (!locked || locked.status !== 'committing') throw new AppError('INVALID_STATE');
    await repo.insertCommitment(tx, { task_id: task.id, party: input.party, commitment: input.commitment, committed_at: deps.clock.now() });
    if (frozen) await repo.updateTask(tx, task.id, { snapshot_hash: frozen.snapshotHash, inspectors_hash: frozen.inspectorsHash });
    await deps.audit.record(tx, ctx, { action: 'inspections.draw.commit', entityType: 'inspection_task', entityId: task.id, after: { party: input.party, commitment: input.commitment, ...(frozen ? { snapshotHash: frozen.snapshotHash } : {}) } });
  });
  return taskView(deps, (await repo.task(deps.db, task.id))!);
}

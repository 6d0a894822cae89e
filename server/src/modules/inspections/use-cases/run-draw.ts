import { AppError } from '../../../platform/errors/app-error.js';
import { inspectionsRepository as repo } from '../inspections.repository.js';
import { DRAW_ALGORITHM, seedOf, type DrawnTarget } from '../domain/draw.js';
import { computeDraw, type DrawBundle } from '../domain/bundle.js';
import { combineChecklist, combineTeam, type ItemDef } from '../domain/visits.js';
import { MIN_TEAM_SIZE, type Team } from '../domain/teams.js';
import { TEXT } from '../domain/texts.js';
import type { Actor, AuditContext, InspectionsDeps } from '../deps.js';
import type { TypedDbOrTx } from '../../../platform/db/database.js';
import type { TaskRow } from '../inspections.repository.js';
import { can, drawInputs, labelledRatios, partiesOf, refuse, taskInScope } from './shared.js';
import { taskView } from './task-view.js';

/**
 * The draw (xf-draw/1): once every party has revealed, the seed is their hash; the directories
 * must still match the hashes frozen at the last commitment. Targets and teams are computed
 * outside the transaction with progress stored on the task (GET …/progress), then the draw, its
 * published bundle and the visits — merged with open visits to the same enterprise in an
 * overlapping period (进一次门、查多项事) — are written in one transaction.
 */
export async function runDraw(deps: InspectionsDeps, actor: Actor, input: { taskId: string }, ctx: AuditContext) {
  can(actor, 'task.manage');
  const task = await taskInScope(deps, actor, input.taskId);
  if (task.status !== 'committing') throw new AppError('INVALID_STATE');
  const commitments = await repo.commitments(deps.db, task.id);
  if (commitments.length < partiesOf(task).length || commitments.some((c) => c.reveal === null)) throw refuse(TEXT.notAllRevealed);
  // Claim the draw (a second concurrent draw finds 'drawing').
  const claimed = await deps.db.transaction().execute(async (tx) => {
    const t = await repo.task(tx, task.id, true);
    if (!t || t.status !== 'committing') return false;
    await repo.updateTask(tx, task.id, { status: 'drawing' });
    return true;
  });
  if (!claimed) throw new AppError('INVALID_STATE');
  try {
    let last = 0;
    const progress = async (phase: string, done: number, total: number) => {
      if (done !== total && done - last < 5000) return;
      last = done;
      await repo.setProgress(deps.db, task.id, { phase, done, total });
    };
    const inputs = await drawInputs(deps, task, (n) => void progress('directory', n, 0));
    if (inputs.snapshotHash !== task.snapshot_hash || inputs.inspectorsHash !== task.inspectors_hash) throw refuse(TEXT.directoryChanged);
    const parties = commitments.map((c) => ({ party: c.party, commitment: c.commitment, reveal: c.reveal! }));
    const seed = seedOf(parties);
    const ratios = labelledRatios(task);
    const run = computeDraw({ seed, entries: inputs.entries, ratios, inspectors: inputs.inspectors, departments: task.departments, teamSize: task.team_size });
    await progress('teams', run.teams.length, run.teams.length);
    const bundle: DrawBundle = {
      algorithm: DRAW_ALGORITHM,
      taskId: task.id,
      taskNo: task.task_no,
      parties,
      seed,
      ratios,
      departments: task.departments,
      teamSize: task.team_size,
      directory: { hash: inputs.snapshotHash, entries: inputs.entries.map((e) => [e.creditCode, e.regionCode, e.stratum]) },
      inspectors: { hash: inputs.inspectorsHash, entries: inputs.inspectors },
      result: { targets: run.targets.map((t) => ({ creditCode: t.creditCode, stratum: t.stratum })), strata: run.strata, teams: run.teams, shortfalls: run.shortfalls },
    };
    await deps.db.transaction().execute(async (tx) => {
      await repo.insertDraw(tx, { task_id: task.id, algorithm: DRAW_ALGORITHM, seed, snapshot_hash: inputs.snapshotHash, inspectors_hash: inputs.inspectorsHash, drawn_at: deps.clock.now(), bundle });
      const merged = await createVisits(deps, tx, task, run.targets, run.teams);
      await repo.updateTask(tx, task.id, { status: 'drawn' });
      await deps.audit.record(tx, ctx, {
        action: 'inspections.draw.run',
        entityType: 'inspection_task',
        entityId: task.id,
        after: { seed, snapshotHash: inputs.snapshotHash, targets: run.targets.length, shortfalls: run.shortfalls.length, merged },
      });
    });
  } catch (err) {
    await repo.updateTask(deps.db, task.id, { status: 'committing' });
    throw err;
  }
  return taskView(deps, (await repo.task(deps.db, task.id))!);
}

/** One visit per drawn target with a full team; joins an open visit to the same enterprise when periods overlap. */
async function createVisits(deps: InspectionsDeps, tx: TypedDbOrTx, task: TaskRow, targets: DrawnTarget[], teams: Team[]): Promise<number> {
  const items: ItemDef[] = (await repo.itemsByIds(tx, task.item_ids)).map((i) => ({ id: i.id, department: i.department_code, name: i.name, legalBasis: i.legal_basis }));
  const names = new Map((await repo.targetNames(tx, targets.map((t) => t.creditCode))).map((r) => [r.credit_code, r.name]));
  let merged = 0;
  for (const t of targets) {
    const team = teams.find((x) => x.creditCode === t.creditCode)!;
    if (team.inspectors.length < MIN_TEAM_SIZE) continue;
    const open = await repo.openVisitFor(tx, t.creditCode, task.period_start, task.period_end);
    if (open) {
      merged++;
      await repo.updateVisit(tx, open.id, {
        team: combineTeam(open.team, team.inspectors),
        checklist: combineChecklist(open.checklist, task.id, items),
        period_start: open.period_start > task.period_start ? open.period_start : task.period_start,
        period_end: open.period_end < task.period_end ? open.period_end : task.period_end,
      });
      await repo.linkVisit(tx, open.id, task.id);
    } else {
      const v = await repo.insertVisit(tx, {
        credit_code: t.creditCode,
        name: names.get(t.creditCode) ?? t.creditCode,
        region_code: t.regionCode,
        period_start: task.period_start,
        period_end: task.period_end,
        team: team.inspectors,
        checklist: combineChecklist([], task.id, items),
      });
      await repo.linkVisit(tx, v.id, task.id);
    }
  }
  return merged;
}

export async function drawProgress(deps: InspectionsDeps, actor: Actor, taskId: string) {
  can(actor, 'task.read');
  const t = await taskInScope(deps, actor, taskId);
  return { status: t.status, progress: t.draw_progress };
}

import { AppError } from '../../../platform/errors/app-error.js';
import { inspectionsRepository as repo, type TaskRow } from '../inspections.repository.js';
import { presentVerification } from '../inspections.presenter.js';
import type { InspectionsDeps } from '../deps.js';

/** A published task as the public sees it: no risk class, no inspector names, the verification data. */
export async function publicTaskView(deps: InspectionsDeps, task: TaskRow) {
  const [commitments, draw, visits] = await Promise.all([repo.commitments(deps.db, task.id), repo.draw(deps.db, task.id), repo.visitsOfTask(deps.db, task.id)]);
  return {
    id: task.id,
    taskNo: task.task_no,
    kind: task.kind,
    title: task.title,
    regionCode: task.region_code,
    departments: task.departments,
    periodStart: task.period_start,
    periodEnd: task.period_end,
    publishedOn: task.published_on,
    visitsAvoided: await repo.visitsAvoided(deps.db, task.id),
    verification: presentVerification(task, draw, commitments, deps.publicBaseUrl),
    visits: visits
      .filter((v) => v.published_on)
      .map((v) => ({
        creditCode: v.credit_code,
        name: v.name,
        finding: v.finding,
        summary: v.summary,
        completedOn: v.completed_on,
        items: v.checklist.filter((i) => i.taskId === task.id).map((i) => ({ name: i.name, department: i.department, result: i.result })),
      })),
  };
}

export async function listPublishedTasks(deps: InspectionsDeps) {
  const rows = await deps.db.transaction().execute((tx) => repo.tasks(tx, { regionPrefix: null, status: ['published'], limit: 100 }));
  return {
    items: rows.map((t) => ({ id: t.id, taskNo: t.task_no, kind: t.kind, title: t.title, regionCode: t.region_code, departments: t.departments, periodStart: t.period_start, periodEnd: t.period_end, status: t.status, publishedOn: t.published_on })),
  };
}

export async function publicTask(deps: InspectionsDeps, id: string) {
  const t = await repo.task(deps.db, id);
  if (!t || t.status !== 'published') throw new AppError('NOT_FOUND');
  return publicTaskView(deps, t);
}

/** The draw's verification bundle (what `npm run draw:verify` re-runs), once the results are published. */
export async function publicDrawBundle(deps: InspectionsDeps, id: string) {
  const t = await repo.task(deps.db, id);
  if (!t || t.status !== 'published') throw new AppError('NOT_FOUND');
  const d = await repo.draw(deps.db, id);
  if (!d) throw new AppError('NOT_FOUND');
  return d.bundle;
}

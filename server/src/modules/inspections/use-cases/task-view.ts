import { inspectionsRepository as repo, type TaskRow } from '../inspections.repository.js';
import { presentVerification, presentVisit } from '../inspections.presenter.js';
import type { InspectionsDeps } from '../deps.js';
import { partiesOf } from './shared.js';

/** The task as staff see it: parties, progress, verification data, visits and visits avoided. */
export async function taskView(deps: InspectionsDeps, task: TaskRow) {
  const [commitments, draw, visits, fieldRow] = await Promise.all([
    repo.commitments(deps.db, task.id),
    repo.draw(deps.db, task.id),
    repo.visitsOfTask(deps.db, task.id),
    task.field_id ? repo.field(deps.db, task.field_id) : Promise.resolve(undefined),
  ]);
  const links = await repo.tasksOfVisits(deps.db, visits.map((v) => v.id));
  const inspectors = await repo.inspectors(deps.db, { departments: task.departments });
  const names = new Map(inspectors.map((i) => [i.code, { name: i.name, department: i.department_code }]));
  return {
    id: task.id,
    taskNo: task.task_no,
    kind: task.kind,
    title: task.title,
    fieldId: task.field_id,
    fieldName: fieldRow?.name ?? null,
    regionCode: task.region_code,
    departments: task.departments,
    itemIds: task.item_ids,
    periodStart: task.period_start,
    periodEnd: task.period_end,
    ratios: task.ratios,
    ratioRule: task.ratio_rule,
    teamSize: task.team_size,
    status: task.status,
    proposalId: task.proposal_id,
    parties: partiesOf(task).map((party) => {
      const c = commitments.find((x) => x.party === party);
      return { party, committed: !!c, revealed: !!c?.reveal };
    }),
    progress: task.draw_progress,
    verification: presentVerification(task, draw, commitments, deps.publicBaseUrl),
    visits: visits.map((v) => presentVisit(v, links.filter((l) => l.visit_id === v.id).map((l) => l.task_no), names)),
    visitsAvoided: await repo.visitsAvoided(deps.db, task.id),
    shortfalls: draw?.bundle.result.shortfalls.length ?? 0,
    publishedOn: task.published_on,
    version: task.version,
  };
}

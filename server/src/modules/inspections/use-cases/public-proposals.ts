import { AppError } from '../../../platform/errors/app-error.js';
import { inspectionsRepository as repo } from '../inspections.repository.js';
import { presentProposal, presentVideo } from '../inspections.presenter.js';
import { PUBLIC_STATES } from '../domain/proposals.js';
import type { InspectionsDeps } from '../deps.js';
import { publicTaskView } from './public-results.js';

/** The public list: visible proposals, most supported first. */
export async function listPublicProposals(deps: InspectionsDeps) {
  const rows = await repo.proposals(deps.db, { statuses: [...PUBLIC_STATES], limit: 200 });
  return { items: rows.map((p) => presentProposal(p, [])) };
}

/** A proposal's page: its answer, the task's published result and its videos. */
export async function publicProposal(deps: InspectionsDeps, id: string) {
  const p = await repo.proposal(deps.db, id);
  if (!p || p.status === 'hidden') throw new AppError('NOT_FOUND');
  const task = p.task_id ? await repo.task(deps.db, p.task_id) : undefined;
  const videos = await repo.videos(deps.db, { proposalId: p.id, taskId: p.task_id ?? undefined, limit: 50 });
  const views = await repo.viewsOf(deps.db, videos.map((v) => v.id));
  const { version: _version, ...dto } = presentProposal(p, (await repo.mergedFrom(deps.db, p.id)).map((m) => m.proposal_no));
  void _version;
  return {
    ...dto,
    task: task && task.status === 'published' ? await publicTaskView(deps, task) : null,
    videos: videos.map((v) => presentVideo(v, views.get(v.id) ?? 0)),
  };
}

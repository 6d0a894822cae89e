import type { CommitmentRow, DrawRow, FieldRow, InspectorRow, ItemRow, ProposalRow, TaskRow, VideoRow, VisitRow } from './inspections.repository.js';
import { DRAW_ALGORITHM } from './domain/draw.js';

/** Row → DTO allow-lists. */
export function presentItem(i: ItemRow) {
  return { id: i.id, fieldId: i.field_id, departmentCode: i.department_code, name: i.name, legalBasis: i.legal_basis, method: i.method };
}

export function presentField(f: FieldRow, items: ItemRow[]) {
  const mine = items.filter((i) => i.field_id === f.id);
  return { id: f.id, code: f.code, name: f.name, industryCodes: f.industry_codes, departments: [...new Set(mine.map((i) => i.department_code))].sort(), items: mine.map(presentItem) };
}

export function presentInspector(i: InspectorRow) {
  return {
    id: i.id,
    code: i.code,
    name: i.name,
    accountId: i.account_id,
    departmentCode: i.department_code,
    regionCode: i.region_code,
    residenceRegionCode: i.residence_region_code,
    qualifications: i.qualifications,
    available: i.available,
    conflicts: i.conflicts,
  };
}

export function presentVisit(v: VisitRow, taskNos: string[], names: Map<string, { name: string; department: string }>) {
  return {
    id: v.id,
    creditCode: v.credit_code,
    name: v.name,
    regionCode: v.region_code,
    periodStart: v.period_start,
    periodEnd: v.period_end,
    team: v.team.map((code) => ({ code, name: names.get(code)?.name ?? null, department: names.get(code)?.department ?? null })),
    taskNos,
    checklist: v.checklist,
    status: v.status,
    finding: v.finding,
    summary: v.summary,
    completedOn: v.completed_on,
    publishDue: v.publish_due,
    publishedOn: v.published_on,
    version: v.version,
  };
}

export function presentVerification(task: TaskRow, draw: DrawRow | undefined, commitments: CommitmentRow[], baseUrl: string) {
  if (!draw) return null;
  const bundleUrl = `${baseUrl}/api/public/inspections/tasks/${task.id}/draw.json`;
  return {
    algorithm: draw.algorithm ?? DRAW_ALGORITHM,
    seed: draw.seed,
    snapshotHash: draw.snapshot_hash,
    inspectorsHash: draw.inspectors_hash,
    parties: commitments.map((c) => ({ party: c.party, commitment: c.commitment, reveal: c.reveal })),
    strata: draw.bundle.result.strata,
    command: `npm run draw:verify -- ${bundleUrl}`,
    bundleUrl,
  };
}

export function presentProposal(p: ProposalRow, mergedFrom: string[]) {
  return {
    id: p.id,
    proposalNo: p.proposal_no,
    title: p.title,
    body: p.body,
    regionCode: p.region_code,
    status: p.status,
    supports: p.supports,
    mergedInto: p.merged_into,
    mergedFrom,
    answer: p.answer,
    answeredAt: p.answered_at?.toISOString() ?? null,
    taskId: p.task_id,
    problemSolved: p.problem_solved,
    outcome: p.outcome,
    createdAt: p.created_at.toISOString(),
    version: p.version,
  };
}

export function presentVideo(v: VideoRow, views: number) {
  return {
    id: v.id,
    title: v.title,
    mime: v.mime,
    size: v.size,
    proposalId: v.proposal_id,
    taskId: v.task_id,
    views,
    streamUrl: `/api/public/inspections/videos/${v.id}/stream`,
    posterUrl: `/api/public/inspections/videos/${v.id}/poster`,
    createdAt: v.created_at.toISOString(),
  };
}

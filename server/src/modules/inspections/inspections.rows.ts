import { z } from 'zod';
import type { Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.generated.js';
import { PROPOSAL_STATUSES, TASK_STATUSES, ChecklistItemSchema, DrawBundleSchema } from '../../../../contracts/inspections.js';
import type { ChecklistItem } from './domain/visits.js';
import type { DrawBundle } from './domain/bundle.js';

/**
 * The rows of the inspections schema as the module uses them: derived from the generated schema,
 * text enums narrowed and jsonb parsed by one mapping function per table.
 */
function oneOf<T extends string>(allowed: readonly T[], value: string, column: string): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new Error(`inspections: unexpected ${column} '${value}'`);
  return found;
}
const Strings = z.array(z.string());
const Progress = z.object({ phase: z.string(), done: z.number(), total: z.number() });

export type FieldRow = Omit<Selectable<DB['inspections.industry_field']>, 'industry_codes'> & { industry_codes: string[] };
export function toField(r: Selectable<DB['inspections.industry_field']>): FieldRow {
  return { ...r, industry_codes: Strings.parse(r.industry_codes) };
}

export type ItemRow = Selectable<DB['inspections.item']>;
export type DirectoryRow = Selectable<DB['inspections.directory']>;

export type InspectorRow = Omit<Selectable<DB['inspections.inspector']>, 'qualifications' | 'conflicts'> & { qualifications: string[]; conflicts: string[] };
export function toInspector(r: Selectable<DB['inspections.inspector']>): InspectorRow {
  return { ...r, qualifications: Strings.parse(r.qualifications), conflicts: Strings.parse(r.conflicts) };
}

export type PlanRow = Selectable<DB['inspections.plan']>;

export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskRow = Omit<Selectable<DB['inspections.task']>, 'kind' | 'status' | 'departments' | 'item_ids' | 'directory_ids' | 'ratios' | 'draw_progress'> & {
  kind: 'random' | 'surprise';
  status: TaskStatus;
  departments: string[];
  item_ids: string[];
  directory_ids: string[];
  ratios: Record<string, number>;
  draw_progress: z.infer<typeof Progress> | null;
};
export function toTask(r: Selectable<DB['inspections.task']>): TaskRow {
  return {
    ...r,
    kind: oneOf(['random', 'surprise'] as const, r.kind, 'task.kind'),
    status: oneOf(TASK_STATUSES, r.status, 'task.status'),
    departments: Strings.parse(r.departments),
    item_ids: Strings.parse(r.item_ids),
    directory_ids: Strings.parse(r.directory_ids),
    ratios: z.record(z.string(), z.number()).parse(r.ratios),
    draw_progress: r.draw_progress === null ? null : Progress.parse(r.draw_progress),
  };
}

export type CommitmentRow = Selectable<DB['inspections.commitment']>;

export type DrawRow = Omit<Selectable<DB['inspections.draw']>, 'bundle'> & { bundle: DrawBundle };
export function toDraw(r: Selectable<DB['inspections.draw']>): DrawRow {
  return { ...r, bundle: DrawBundleSchema.parse(r.bundle) };
}

export type VisitRow = Omit<Selectable<DB['inspections.visit']>, 'team' | 'checklist' | 'status'> & { team: string[]; checklist: ChecklistItem[]; status: 'open' | 'done' };
export function toVisit(r: Selectable<DB['inspections.visit']>): VisitRow {
  return { ...r, team: Strings.parse(r.team), checklist: z.array(ChecklistItemSchema).parse(r.checklist), status: oneOf(['open', 'done'] as const, r.status, 'visit.status') };
}

export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export type ProposalRow = Omit<Selectable<DB['inspections.proposal']>, 'status'> & { status: ProposalStatus };
export function toProposal(r: Selectable<DB['inspections.proposal']>): ProposalRow {
  return { ...r, status: oneOf(PROPOSAL_STATUSES, r.status, 'proposal.status') };
}

export type VideoRow = Selectable<DB['inspections.video']>;

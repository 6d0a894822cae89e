/**
 * The closed loop of a service item (体验 → 反馈 → 优化 → 评价), derived from its findings and
 * measures (pure).
 */
export type LoopState = 'no_findings' | 'awaiting_measures' | 'in_progress' | 'overdue' | 'awaiting_evaluation' | 'closed' | 'reopened';

export interface LoopMeasure {
  status: 'open' | 'done' | 'evaluated';
  dueOn: string;
  evaluation: 'fixed' | 'not_fixed' | null;
}

/** A measure is overdue when open after its due date. */
export function measureOverdue(m: Pick<LoopMeasure, 'status' | 'dueOn'>, today: string): boolean {
  return m.status === 'open' && m.dueOn < today;
}

/**
 * The loop's state: findings without a measure wait for measures; open measures are in progress
 * (overdue when any is past due); done ones wait for the experiencer's evaluation; a measure
 * evaluated as not fixed reopens the loop; otherwise it is closed.
 */
export function loopState(findings: number, findingsWithMeasure: number, measures: readonly LoopMeasure[], today: string): LoopState {
  if (findings === 0) return 'no_findings';
  if (measures.some((m) => measureOverdue(m, today))) return 'overdue';
  if (measures.some((m) => m.status === 'open')) return 'in_progress';
  if (findingsWithMeasure < findings) return 'awaiting_measures';
  if (measures.some((m) => m.status === 'done')) return 'awaiting_evaluation';
  if (measures.some((m) => m.evaluation === 'not_fixed')) return 'reopened';
  return 'closed';
}

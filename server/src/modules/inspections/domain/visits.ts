/**
 * 进一次门、查多项事 (one visit, many checks): tasks of different departments that draw the same
 * enterprise in overlapping periods share one visit with one combined checklist; every task-target
 * pair served by an existing visit is a visit avoided.
 */
export interface ChecklistItem {
  itemId: string;
  taskId: string;
  department: string;
  name: string;
  legalBasis: string;
  result: 'pass' | 'fail' | 'na' | null;
  note: string | null;
  photoFileIds: string[];
}

export interface ItemDef {
  id: string;
  department: string;
  name: string;
  legalBasis: string;
}

export function periodsOverlap(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The checklist after a task joins a visit: its items appended, one per item (an item already on the list is not repeated). */
export function combineChecklist(existing: readonly ChecklistItem[], taskId: string, items: readonly ItemDef[]): ChecklistItem[] {
  const have = new Set(existing.map((i) => i.itemId));
  const added = items
    .filter((i) => !have.has(i.id))
    .map((i): ChecklistItem => ({ itemId: i.id, taskId, department: i.department, name: i.name, legalBasis: i.legalBasis, result: null, note: null, photoFileIds: [] }));
  return [...existing, ...added];
}

/** The team of a merged visit: the union, in order of arrival. */
export function combineTeam(existing: readonly string[], more: readonly string[]): string[] {
  return [...existing, ...more.filter((c) => !existing.includes(c))];
}

/** A visit can be completed when every item has a result; a failed item is a finding. */
export function checklistState(items: readonly ChecklistItem[]): { complete: boolean; finding: boolean; failed: number } {
  const failed = items.filter((i) => i.result === 'fail').length;
  return { complete: items.every((i) => i.result !== null), finding: failed > 0, failed };
}

/** Visits avoided: task-target pairs minus the visits that served them. */
export function visitsAvoided(pairs: number, visits: number): number {
  return Math.max(0, pairs - visits);
}

/** Results are published within 20 working days of the end of the inspection (rules.md §D; 企业信息公示暂行条例). */
export const PUBLISH_WITHIN_WORKING_DAYS = 20;
export const PUBLISH_CITATION = '检查结束之日起20个工作日内公示检查结果（国发〔2019〕5号；《企业信息公示暂行条例》）';

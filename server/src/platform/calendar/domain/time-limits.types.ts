import type { Citation, DeadlineRule } from './work-calendar.js';

export type TimeLimitId =
  | 'complaint.acceptance'
  | 'complaint.mediation'
  | 'complaint.mediation-termination-notice'
  | 'complaint.lead-verification'
  | 'complaint.jurisdiction-dispute'
  | 'report.verification'
  | 'report.reporter-notice'
  | 'penalty.decision'
  | 'penalty.service'
  | 'penalty.payment'
  | 'penalty.hearing-request'
  | 'penalty.hearing-notice'
  | 'penalty.publicity'
  | 'penalty.publicity-push'
  | 'penalty.publicity-withdrawal'
  | 'inspection.result-publicity'
  | 'credit-repair.acceptance'
  | 'credit-repair.abnormal-list-removal'
  | 'credit-repair.serious-list-and-penalty'
  | 'service.clinic-report'
  | 'service.review-rectification';

export interface TimeLimitLabel {
  'zh-CN': string;
  en: string;
}

/** An extension the head of the agency may approve, counted from the original deadline. */
export interface TimeLimitExtension {
  days: number;
  unit: 'working' | 'calendar';
  citation: Citation;
}

export interface TimeLimit extends DeadlineRule {
  id: TimeLimitId;
  /** Data version of this rule; a case keeps the version it was computed under. */
  version: number;
  /** The dated text the citation refers to, e.g. "2022-03-24 修改". */
  lawVersion: string;
  label: TimeLimitLabel;
  /** What the start date passed to `deadline()` is. */
  startsFrom: TimeLimitLabel;
  extension?: TimeLimitExtension;
  /**
   * What a province may do: `shorten` (an agency's own limit, which local rules often tighten),
   * `set` (a local default with no national number) or `none` (a party's right or a statutory
   * trigger that local rules cannot change).
   */
  provinceMay: 'shorten' | 'set' | 'none';
  /** Who set the rule: `national`, or the province of an override. */
  scope: string;
}

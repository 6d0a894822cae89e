/**
 * The one place complaints deadlines are computed (pure). Limits come from the cited rule data in
 * `platform/calendar/domain/time-limits.ts` through `resolveTimeLimit`, so a province's override
 * (a shorter acceptance or mediation limit, with its own citation) applies everywhere at once:
 * use cases store the dates, the presenter shows them, the alert job and the calendar-change
 * recompute move them — all through these functions.
 */
import { formatDue } from '../../../platform/calendar/domain/deadline.js';
import { resolveTimeLimit, type TimeLimit, type TimeLimitOverrides } from '../../../platform/calendar/domain/time-limits.js';
import type { WorkCalendar } from '../../../platform/calendar/domain/work-calendar.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { complaintText } from './texts.js';
import type { WorkingDays } from './rules.js';

/** The acceptance limit (complaint: art. 14, 7 working days; report: verification) in force. */
export function acceptanceLimit(kind: 'complaint' | 'report', overrides?: TimeLimitOverrides): TimeLimit {
  return resolveTimeLimit(kind === 'complaint' ? 'complaint.acceptance' : 'report.verification', overrides);
}

/** The mediation limit (art. 21(5), 45 working days from acceptance) in force. */
export function mediationLimit(overrides?: TimeLimitOverrides): TimeLimit {
  return resolveTimeLimit('complaint.mediation', overrides);
}

/** The limit for telling both parties that a mediation ended without agreement (art. 21 §2). */
export function terminationNoticeLimit(overrides?: TimeLimitOverrides): TimeLimit {
  return resolveTimeLimit('complaint.mediation-termination-notice', overrides);
}

/**
 * The stored mediation deadline: the limit from acceptance plus the working days spent paused for
 * testing or appraisal (art. 20: not counted).
 */
export function mediationDueFrom(cal: WorkingDays, acceptedOn: string, pausedWorkingDays: number, overrides?: TimeLimitOverrides): string {
  return cal.addWorkingDays(acceptedOn, mediationLimit(overrides).days + pausedWorkingDays);
}

/** The fields of a case the deadline functions read. */
export interface DeadlineFacts {
  status: string;
  received_on: string;
  acceptance_due: string | null;
  accepted_on: string | null;
  mediation_due: string | null;
  paused_since: string | null;
}

/**
 * The mediation deadline as it stands today: the stored one, moved on by a pause still open
 * (counted up to `today`). Null when the calendar does not cover the date yet.
 */
export function effectiveMediationDue(r: DeadlineFacts, cal: WorkingDays, today: string): string | null {
  if (!r.accepted_on || !r.mediation_due || !r.paused_since) return r.mediation_due;
  try {
    const open = Math.max(0, cal.countWorkingDays(r.paused_since, today));
    return cal.addWorkingDays(r.mediation_due, open);
  } catch {
    return null; // the calendar does not cover the date yet
  }
}

/** The current deadline of a case: acceptance while received, the mediation limit while mediating. */
export function currentDue(r: DeadlineFacts, cal: WorkingDays, today: string): string | null {
  if (r.status === 'received') return r.acceptance_due;
  if ((r.status === 'accepted' || r.status === 'mediating') && r.accepted_on && r.mediation_due) return effectiveMediationDue(r, cal, today);
  return null;
}

/**
 * The mediation deadline as a person reads it: the date (marked when it rests on a predicted
 * holiday year), or the rule itself ("受理之日起 45 个工作日") when the calendar cannot place it yet.
 */
export function mediationDueText(cal: Pick<WorkCalendar, 'coveredYears'>, r: Pick<DeadlineFacts, 'mediation_due' | 'accepted_on'>, locale: Locale, overrides?: TimeLimitOverrides): string {
  if (r.mediation_due) return formatDue(cal, r.mediation_due, r.accepted_on);
  return complaintText('due.unknown.mediation', locale, { days: mediationLimit(overrides).days });
}

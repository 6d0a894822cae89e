import { addCalendarDays, type IsoDate } from '../../../platform/calendar/index.js';
import type { RuleCitation } from './rule-sets.js';

/**
 * Early-warning signals (体检式监管, issue 11) computed from the records, as a pure, cited and
 * versioned rule set. Thresholds are data: a province (or a later version) changes the numbers
 * here, never the code. Windows are calendar days ending today (inclusive).
 *
 * Sources: none of these thresholds is set by a national rule; they are the project's defaults
 * (tagged UNVERIFIED) for a bureau to confirm. The permit window follows the renewal lead time of
 * 《食品经营许可和备案管理办法》 (renewal is applied for before expiry).
 */

export type SignalRule = 'complaints_rising' | 'permit_expiring' | 'repeat_findings';
export const SIGNAL_RULE_NAMES: readonly SignalRule[] = ['complaints_rising', 'permit_expiring', 'repeat_findings'];

export interface SignalRuleSet {
  id: string;
  version: number;
  effectiveFrom: IsoDate;
  complaintsRising: {
    /** Length of the current window and of the previous one it is compared with (days). */
    windowDays: number;
    /** At least this many complaints and reports in the current window… */
    minCount: number;
    /** …and at least this multiple of the previous window's count. */
    ratio: number;
    citation: RuleCitation;
  };
  permitExpiring: {
    /** A permit expiring within this many days (or expired within as many days) is a signal. */
    withinDays: number;
    citation: RuleCitation;
  };
  repeatFindings: {
    /** Findings (cases decided, or on-the-spot decisions) counted over this many days. */
    windowDays: number;
    minFindings: number;
    citation: RuleCitation;
  };
}

export const SIGNAL_RULES: SignalRuleSet = Object.freeze({
  id: 'health-check-signals',
  version: 1,
  effectiveFrom: '2026-01-01',
  complaintsRising: {
    windowDays: 90,
    minCount: 3,
    ratio: 2,
    citation: {
      law: '《市场监督管理投诉举报处理暂行办法》',
      article: '第三十二条（投诉举报数据分析，发现风险线索）',
      source: 'UNVERIFIED',
      note: '≥3 complaints in 90 days and ≥2× the previous 90 days: project default for the bureau to confirm.',
    },
  },
  permitExpiring: {
    withinDays: 30,
    citation: {
      law: '《食品经营许可和备案管理办法》',
      article: '许可延续（有效期届满前申请延续）',
      source: 'UNVERIFIED',
      note: '30 days: project default; the renewal lead time is set by each permit type.',
    },
  },
  repeatFindings: {
    windowDays: 365,
    minFindings: 2,
    citation: {
      law: '《关于规范市场监督管理行政处罚裁量权的指导意见》（国市监法规〔2022〕2号）',
      article: '多次违法（从重情节）',
      source: 'UNVERIFIED',
      note: '≥2 findings in 12 months: project default.',
    },
  },
} satisfies SignalRuleSet);

export function signalRuleKey(rs: Pick<SignalRuleSet, 'id' | 'version'> = SIGNAL_RULES): string {
  return `${rs.id}@${rs.version}`;
}

export interface PermitFact {
  permitType: string;
  permitNo: string;
  expiresOn: IsoDate;
}

export interface FindingFact {
  caseNo: string;
  decidedOn: IsoDate;
  violationType: string | null;
}

/** What is known of one enterprise on the day of computation. */
export interface EnterpriseFacts {
  /** Filing dates of the complaints and reports against it. */
  complaintDates: readonly IsoDate[];
  permits: readonly PermitFact[];
  findings: readonly FindingFact[];
}

export type SignalDetail =
  | { rule: 'complaints_rising'; current: number; previous: number; windowDays: number; minCount: number; ratio: number }
  | { rule: 'permit_expiring'; permits: { permitType: string; permitNo: string; expiresOn: IsoDate; daysLeft: number }[]; withinDays: number }
  | { rule: 'repeat_findings'; findings: FindingFact[]; windowDays: number; minFindings: number };

export interface Signal {
  rule: SignalRule;
  ruleVersion: string;
  detail: SignalDetail;
  citation: RuleCitation;
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Complaints rising: the current window against the previous one of the same length. */
export function complaintsRising(dates: readonly IsoDate[], today: IsoDate, rs: SignalRuleSet = SIGNAL_RULES): Signal | null {
  const r = rs.complaintsRising;
  const currentFrom = addCalendarDays(today, -(r.windowDays - 1));
  const previousFrom = addCalendarDays(currentFrom, -r.windowDays);
  let current = 0;
  let previous = 0;
  for (const d of dates) {
    if (d > today) continue;
    if (d >= currentFrom) current++;
    else if (d >= previousFrom) previous++;
  }
  if (current < r.minCount || current < r.ratio * previous) return null;
  return {
    rule: 'complaints_rising',
    ruleVersion: signalRuleKey(rs),
    detail: { rule: 'complaints_rising', current, previous, windowDays: r.windowDays, minCount: r.minCount, ratio: r.ratio },
    citation: r.citation,
  };
}

/** Permits expiring within the window (or expired within as many days and not renewed). */
export function permitsExpiring(permits: readonly PermitFact[], today: IsoDate, rs: SignalRuleSet = SIGNAL_RULES): Signal | null {
  const r = rs.permitExpiring;
  // A renewed permit of the same type expiring later than the window supersedes an expiring one.
  const renewed = new Set(permits.filter((p) => daysBetween(today, p.expiresOn) > r.withinDays).map((p) => p.permitType));
  const hits = permits
    .map((p) => ({ ...p, daysLeft: daysBetween(today, p.expiresOn) }))
    .filter((p) => p.daysLeft <= r.withinDays && p.daysLeft >= -r.withinDays && !renewed.has(p.permitType))
    .sort((a, b) => a.daysLeft - b.daysLeft);
  if (!hits.length) return null;
  return {
    rule: 'permit_expiring',
    ruleVersion: signalRuleKey(rs),
    detail: { rule: 'permit_expiring', permits: hits, withinDays: r.withinDays },
    citation: r.citation,
  };
}

/** Repeated findings: at least `minFindings` decided cases within the window. */
export function repeatFindings(findings: readonly FindingFact[], today: IsoDate, rs: SignalRuleSet = SIGNAL_RULES): Signal | null {
  const r = rs.repeatFindings;
  const from = addCalendarDays(today, -(r.windowDays - 1));
  const hits = findings.filter((f) => f.decidedOn >= from && f.decidedOn <= today).sort((a, b) => a.decidedOn.localeCompare(b.decidedOn));
  if (hits.length < r.minFindings) return null;
  return {
    rule: 'repeat_findings',
    ruleVersion: signalRuleKey(rs),
    detail: { rule: 'repeat_findings', findings: hits, windowDays: r.windowDays, minFindings: r.minFindings },
    citation: r.citation,
  };
}

/** Every signal that fires for one enterprise today. */
export function computeSignals(facts: EnterpriseFacts, today: IsoDate, rs: SignalRuleSet = SIGNAL_RULES): Signal[] {
  return [complaintsRising(facts.complaintDates, today, rs), permitsExpiring(facts.permits, today, rs), repeatFindings(facts.findings, today, rs)].filter(
    (s): s is Signal => s !== null,
  );
}

/** The earliest complaint date that can still count (the start of the previous window). */
export function complaintHorizon(today: IsoDate, rs: SignalRuleSet = SIGNAL_RULES): IsoDate {
  return addCalendarDays(today, -(2 * rs.complaintsRising.windowDays - 1));
}

export function findingHorizon(today: IsoDate, rs: SignalRuleSet = SIGNAL_RULES): IsoDate {
  return addCalendarDays(today, -(rs.repeatFindings.windowDays - 1));
}

/** Working days the business has to acknowledge a warning (project default, UNVERIFIED). */
export const ACKNOWLEDGE_WORKING_DAYS = 5;

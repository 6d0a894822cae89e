import type { WorkCalendar, IsoDate } from '../../../platform/calendar/index.js';
import type { PartyKind, ProcedureSettings, RuleCitation, RuleSet } from './rule-sets.js';
import { NATIONAL_RULE_SET, PENALTY_LAW } from './rule-sets.js';
import { caseTimeLimit } from './time-limits.js';
import type { Outcome } from './discretion.js';

/**
 * The general-procedure state machine and its time limits (pure).
 *
 * lead → investigating (立案) → proposed (拟处理意见) → notified (告知) → decided → served → paid →
 * closed. A lead may be dismissed. Hearing, legal review and collective discussion are recorded on
 * the case and checked as preconditions of the decision rather than states of their own, because
 * which of them a case needs depends on its facts.
 */

export const CASE_STATUSES = ['lead', 'dismissed', 'investigating', 'proposed', 'notified', 'decided', 'served', 'paid', 'closed', 'revoked'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export type StepKind =
  | 'lead'
  | 'dismiss'
  | 'open'
  | 'facts'
  | 'evidence'
  | 'proposal'
  | 'notice'
  | 'statement'
  | 'hearing-request'
  | 'hearing'
  | 'review'
  | 'collective'
  | 'pause'
  | 'resume'
  | 'extension'
  | 'decision'
  | 'service'
  | 'payment'
  | 'close'
  | 'revoke'
  | 'on-the-spot'
  | 'filing'
  | 'publish'
  /** The reasoning of the decision (说理式执法, issue 11). */
  | 'reasoning';

/** Which statuses each step may be taken from. */
export const STEP_FROM: Record<StepKind, readonly CaseStatus[]> = {
  lead: [],
  dismiss: ['lead'],
  open: ['lead'],
  facts: ['investigating', 'proposed'],
  evidence: ['investigating', 'proposed', 'notified'],
  proposal: ['investigating', 'proposed', 'notified'],
  notice: ['proposed'],
  statement: ['notified'],
  'hearing-request': ['notified'],
  hearing: ['notified'],
  review: ['proposed', 'notified'],
  collective: ['proposed', 'notified'],
  pause: ['investigating', 'proposed', 'notified'],
  resume: ['investigating', 'proposed', 'notified'],
  extension: ['lead', 'investigating', 'proposed', 'notified'],
  decision: ['proposed', 'notified'],
  service: ['decided'],
  payment: ['served'],
  close: ['served', 'paid'],
  revoke: ['decided', 'served', 'paid', 'closed'],
  'on-the-spot': [],
  filing: ['served', 'paid', 'closed'],
  publish: ['decided', 'served', 'paid', 'closed'],
  reasoning: ['proposed', 'notified'],
};

/** Canonical order of the main steps (for the supervision's "steps out of order"). */
export const STEP_ORDER: Partial<Record<StepKind, number>> = {
  lead: 0,
  open: 1,
  proposal: 2,
  notice: 3,
  review: 4,
  collective: 4,
  decision: 6,
  service: 7,
  payment: 8,
  close: 9,
};

/** Steps out of canonical order in a recorded sequence (re-proposals reset the later steps). */
export function stepsOutOfOrder(steps: readonly StepKind[]): StepKind[] {
  const bad: StepKind[] = [];
  let max = -1;
  for (const s of steps) {
    const i = STEP_ORDER[s];
    if (i === undefined) continue;
    if (s === 'proposal') {
      // A re-proposal before the decision starts the later steps again.
      if (max >= STEP_ORDER.decision! || max < STEP_ORDER.open!) bad.push(s);
      else max = i;
      continue;
    }
    if (s === 'review' || s === 'collective') {
      // Anywhere between the proposal and the decision.
      if (max < STEP_ORDER.proposal! || max >= STEP_ORDER.decision!) bad.push(s);
      continue;
    }
    if (i < max) bad.push(s);
    else max = i;
  }
  return bad;
}

/** Whether a recorded step kind is one of this state machine's. */
export function isStepKind(kind: string): kind is StepKind {
  return kind in STEP_FROM;
}

export function canStep(status: CaseStatus, step: StepKind): boolean {
  return STEP_FROM[step].includes(status);
}

export const PROCEDURE_CITATIONS = Object.freeze({
  officers: { law: PENALTY_LAW, article: '第四十二条', source: 'LAW-TEXT', note: '执法人员不得少于两人' } as RuleCitation,
  review: { law: PENALTY_LAW, article: '第五十八条', source: 'LAW-TEXT', note: '未经法制审核或者审核未通过的，不得作出决定' } as RuleCitation,
  collective: { law: PENALTY_LAW, article: '第五十七条第二款', source: 'LAW-TEXT', note: '情节复杂或者重大违法行为给予行政处罚，应当集体讨论决定' } as RuleCitation,
  notice: { law: PENALTY_LAW, article: '第四十四条', source: 'LAW-TEXT', note: '作出决定之前，应当告知拟作出的行政处罚内容及事实、理由、依据，并告知陈述、申辩、要求听证等权利' } as RuleCitation,
  hearing: { law: PENALTY_LAW, article: '第六十三条', source: 'LAW-TEXT' } as RuleCitation,
  realTime: { law: '宁夏"行政处罚信息化实时操作规范"', article: '实时录入，不得补录倒签', source: 'UNVERIFIED', note: 'rules.md J: the Ningxia text was not found; the rule is the practice as described in the issue.' } as RuleCitation,
  lateFee: { law: PENALTY_LAW, article: '第七十二条第一款第（一）项', source: 'LAW-TEXT', note: '每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额' } as RuleCitation,
});

/** What the decision needs on top of the state machine (art. 57, 58). */
export interface DecisionFlags {
  outcome: Outcome;
  amountFen: number;
  partyKind: PartyKind;
  /** The officer decided outside the engine's proposal. */
  outsideProposal: boolean;
  /** Marked serious or complex by the officers (art. 57 ¶2 / art. 58 (3)). */
  serious: boolean;
  complex: boolean;
  publicInterest: boolean;
  hearingHeld: boolean;
}

export function isMajor(f: Pick<DecisionFlags, 'serious' | 'amountFen' | 'partyKind'>, s: ProcedureSettings): boolean {
  return f.serious || f.amountFen >= s.majorFen[f.partyKind];
}

/** Legal review is required (art. 58) for major cases, hearings, complex cases, public interest, and deviations from the proposal. */
export function reviewRequired(f: DecisionFlags, s: ProcedureSettings): boolean {
  return isMajor(f, s) || f.complex || f.publicInterest || f.hearingHeld || f.outsideProposal;
}

export function collectiveRequired(f: DecisionFlags, s: ProcedureSettings): boolean {
  return isMajor(f, s) || f.complex;
}

export function hearingRight(amountFen: number, partyKind: PartyKind, s: ProcedureSettings): boolean {
  return amountFen >= s.hearingFen[partyKind];
}

/** A notice of intended penalty is needed unless the proposal is no penalty. */
export function noticeRequired(outcome: Outcome | null): boolean {
  return outcome !== 'no_penalty';
}

// ---- time limits ----
// The numbers are the cited rules of platform/calendar/domain/time-limits.ts, with the province's
// overrides carried by the case's rule set (caseTimeLimit): nothing here repeats a day count.

/**
 * Last day to decide whether to open a case: 15 working days from receipt, +15 with approval
 * (《市场监督管理行政处罚程序规定》第十八条, TIME_LIMITS 'report.verification').
 */
export function verificationDue(cal: WorkCalendar, receivedOn: IsoDate, extended: boolean, ruleSet: Pick<RuleSet, 'timeLimits'> = NATIONAL_RULE_SET): IsoDate {
  const limit = caseTimeLimit('report.verification', ruleSet);
  return cal.addWorkingDays(receivedOn, limit.days + (extended ? (limit.extension?.days ?? 0) : 0));
}

/**
 * Last day to decide: 90 calendar days from opening (第六十条), +30 with approval, plus the days
 * the case was paused (testing, hearing, public notice), rolled to a working day.
 */
export function decisionDue(cal: WorkCalendar, openedOn: IsoDate, pausedDays: number, extended: boolean, ruleSet: Pick<RuleSet, 'timeLimits'> = NATIONAL_RULE_SET): IsoDate {
  const limit = caseTimeLimit('penalty.decision', ruleSet);
  return cal.deadline(openedOn, { ...limit, days: limit.days + (extended ? (limit.extension?.days ?? 0) : 0) + pausedDays });
}

/** What the decision time limit of a case depends on (the columns of enforcement.case). */
export interface DecisionClock {
  opened_on: IsoDate | null;
  decision_due: IsoDate | null;
  decision_extended: boolean;
  paused_days: number;
  paused_since: IsoDate | null;
}

/** The paused days of a case if its current pause ended `today`: past pauses plus the current one. */
export function pausedDaysAsOf(c: Pick<DecisionClock, 'paused_days' | 'paused_since'>, today: IsoDate): number {
  return c.paused_days + (c.paused_since ? Math.max(0, daysBetween(c.paused_since, today)) : 0);
}

/**
 * THE decision due date of a case as of `today` — used by the use cases, the presenter and the
 * supervision alerts alike. A running case has its stored date (kept current by resume, extension
 * and calendar recomputation); a paused case's clock is stopped, so its date moves on by each
 * paused day until it resumes.
 */
export function decisionDueAsOf(cal: WorkCalendar, c: DecisionClock, today: IsoDate, ruleSet: Pick<RuleSet, 'timeLimits'> = NATIONAL_RULE_SET): IsoDate | null {
  if (!c.paused_since || !c.opened_on) return c.decision_due;
  return decisionDue(cal, c.opened_on, pausedDaysAsOf(c, today), c.decision_extended, ruleSet);
}

/** Calendar days between two dates (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** 加处罚款 (第七十二条第一款第（一）项): this percent of the fine per day late, capped at the fine. */
export const LATE_FEE_PERCENT_PER_DAY = 3;

/** Late fee (art. 72): LATE_FEE_PERCENT_PER_DAY of the fine per day after the due date, capped at the fine. */
export function lateFee(fineFen: number, dueOn: IsoDate, paidOn: IsoDate): number {
  const late = daysBetween(dueOn, paidOn);
  if (late <= 0 || fineFen <= 0) return 0;
  return Math.min(fineFen, Math.round((fineFen * LATE_FEE_PERCENT_PER_DAY * late) / 100));
}

/** On-the-spot procedure limit (art. 51): returns the limit when the fine exceeds it, else null. */
export function onTheSpotExcess(penalty: 'warning' | 'fine', amountFen: number, partyKind: PartyKind, s: ProcedureSettings): number | null {
  if (penalty === 'warning') return null;
  const limit = s.onTheSpotMaxFen[partyKind];
  return amountFen > limit ? limit : null;
}

/** `¥3,000` style text of an amount in fen. */
export function yuan(fen: number): string {
  const y = fen / 100;
  return `¥${y.toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(y) ? 0 : 2, maximumFractionDigits: 2 })}`;
}

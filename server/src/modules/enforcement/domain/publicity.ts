import { getTimeLimit, type IsoDate, type WorkCalendar } from '../../../platform/calendar/index.js';
import type { PartyKind, ProcedureSettings, RuleCitation } from './rule-sets.js';

/**
 * Publicity of penalty decisions (《市场监督管理行政处罚信息公示规定》, SAMR Order 45) (pure).
 * General-procedure decisions are published within 20 working days (art. 9); warning-only and
 * on-the-spot decisions are not (art. 2); no-penalty decisions are not penalties. The period is 3
 * months for a low fine (threshold set by the province) and 3 years otherwise (art. 13). A changed
 * or revoked decision is withdrawn within 3 working days (art. 11).
 */

const ORDER_45 = '《市场监督管理行政处罚信息公示规定》';

export const PUBLICITY_CITATIONS = Object.freeze({
  scope: { law: ORDER_45, article: '第二条', source: 'LAW-TEXT', note: '普通程序作出的行政处罚决定；仅警告的不公示' } as RuleCitation,
  deadline: { law: ORDER_45, article: '第九条', source: 'LAW-TEXT', note: '作出决定之日起20个工作日内公示' } as RuleCitation,
  period: { law: ORDER_45, article: '第十三条', source: 'LAW-TEXT', note: '较低数额罚款公示期3个月，其他3年' } as RuleCitation,
  withdrawal: { law: ORDER_45, article: '第十一条', source: 'LAW-TEXT', note: '决定被变更、撤销、确认违法或者无效的，3个工作日内撤下' } as RuleCitation,
});

/** Publish within this many working days of the decision (TIME_LIMITS 'penalty.publicity', art. 9). */
export const PUBLISH_WITHIN_WORKING_DAYS = getTimeLimit('penalty.publicity').days;
/** Withdraw within this many working days of a revocation (TIME_LIMITS 'penalty.publicity-withdrawal', art. 11). */
export const WITHDRAW_WITHIN_WORKING_DAYS = getTimeLimit('penalty.publicity-withdrawal').days;

export type PublicityPeriod = '3_months' | '3_years';

export interface PublicityInput {
  procedure: 'general' | 'on_the_spot';
  /** none = not penalised; warning = warning only; fine = a fine (with or without a warning). */
  penalty: 'none' | 'warning' | 'fine';
  amountFen: number;
  partyKind: PartyKind;
  decidedOn: IsoDate;
}

export type PublicityPlan =
  | { publish: false; reason: 'ON_THE_SPOT' | 'WARNING_ONLY' | 'NOT_PENALISED'; citation: RuleCitation }
  | { publish: true; publishDue: IsoDate; period: PublicityPeriod; citations: readonly RuleCitation[] };

export function publicityPlan(input: PublicityInput, cal: WorkCalendar, s: ProcedureSettings): PublicityPlan {
  if (input.procedure === 'on_the_spot') return { publish: false, reason: 'ON_THE_SPOT', citation: PUBLICITY_CITATIONS.scope };
  if (input.penalty === 'none') return { publish: false, reason: 'NOT_PENALISED', citation: PUBLICITY_CITATIONS.scope };
  if (input.penalty === 'warning') return { publish: false, reason: 'WARNING_ONLY', citation: PUBLICITY_CITATIONS.scope };
  return {
    publish: true,
    publishDue: cal.addWorkingDays(input.decidedOn, PUBLISH_WITHIN_WORKING_DAYS),
    period: publicityPeriod(input.amountFen, input.partyKind, s),
    citations: [PUBLICITY_CITATIONS.deadline, PUBLICITY_CITATIONS.period],
  };
}

export function publicityPeriod(amountFen: number, partyKind: PartyKind, s: ProcedureSettings): PublicityPeriod {
  return amountFen < s.lowFineFen[partyKind] ? '3_months' : '3_years';
}

/** The last day of publicity: 3 months or 3 years after the publication date (end of month clamped). */
export function publicityEnds(publishedOn: IsoDate, period: PublicityPeriod): IsoDate {
  const [y, m, d] = publishedOn.split('-').map(Number);
  const months = period === '3_months' ? 3 : 36;
  const total = (y * 12 + (m - 1)) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function withdrawalDue(cal: WorkCalendar, revokedOn: IsoDate): IsoDate {
  return cal.addWorkingDays(revokedOn, WITHDRAW_WITHIN_WORKING_DAYS);
}

/** The published summary (art. 4): document number, party, violation, penalty, agency and date. */
export function publicitySummary(input: { docNo: string; partyName: string; creditCode: string | null; violation: string; penalty: string; office: string; decidedOn: IsoDate }) {
  return {
    docNo: input.docNo,
    party: input.partyName,
    creditCode: input.creditCode,
    violation: input.violation,
    penalty: input.penalty,
    office: input.office,
    decidedOn: input.decidedOn,
  };
}

/** Redacts personal data (ID numbers, mobile and fixed phones) from a published text (art. 6). */
export function redact(text: string): string {
  return text
    .replace(/(?<![\dA-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![\dA-Za-z])/g, '$1********$2')
    .replace(/(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g, '$1****$2')
    .replace(/(?<!\d)(0\d{2,3})-?\d{7,8}(?!\d)/g, '$1-********');
}

/** A natural person's name as published: the surname and a mask (Order 45 art. 6). */
export function maskPersonName(name: string): string {
  const chars = Array.from(name.trim());
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 3))}`;
}

/**
 * The values of the published copy of a decision (Order 45 art. 6–7): identical to the served
 * document except personal information — ID numbers and phones everywhere, and for a natural
 * person the name (surname kept) and the address.
 */
export function redactDecisionValues(values: Readonly<Record<string, string>>, partyKind: PartyKind, redactedMark: string): Record<string, string> {
  const out: Record<string, string> = {};
  const name = values.partyName ?? '';
  const masked = partyKind === 'person' ? maskPersonName(name) : name;
  for (const [k, v] of Object.entries(values)) {
    let text = redact(v);
    if (partyKind === 'person' && name) text = text.split(name).join(masked);
    out[k] = text;
  }
  if (partyKind === 'person' && 'address' in out) out.address = redactedMark;
  return out;
}

import { addCalendarDays, getTimeLimit, type IsoDate } from '../../../platform/calendar/index.js';
import { REASONING_TEXT, zhNumber } from './texts.js';
import type { Reasoning } from '../../../../../contracts/enforcement.js';
import type { Outcome, Proposal } from './discretion.js';
import type { ViolationType } from './rule-sets.js';
import type { PublicityPeriod } from './publicity.js';

/**
 * The placeholder values of the documents a general-procedure decision issues (pure): the decision
 * (行政处罚决定书 or 不予行政处罚决定书), the credit-repair notice (信用修复告知书), the compliance
 * guidance letter (合规指导书) and the follow-up letter (回访函) — the "三书一函". The documents'
 * wording is in their templates (enforcement.documents.ts); only the values are chosen here.
 */

/** The follow-up letter promises a visit within this many calendar days of the decision [UNVERIFIED local practice]. */
export const FOLLOW_UP_VISIT_AFTER_DAYS = 90;

/** 第三十三条第二款: no penalty when the party proves it was not at fault. */
const NO_FAULT_ARTICLE = '第三十三条第二款';
const DEFAULT_LENIENT_BASIS = '《中华人民共和国行政处罚法》第三十三条';
const LENIENT_REASON = {
  noFault: '当事人有证据足以证明没有主观过错',
  firstMinor: '当事人违法行为轻微（初次违法）、危害后果轻微并及时改正',
};
const DEFAULT_EVIDENCE = '现场检查笔录、询问笔录';
const UNSPECIFIED_PROVISION = '有关规定';
/** 第六十四条第（一）项: the party asks for a hearing within this many working days of the notice. */
const HEARING_REQUEST_DAYS = getTimeLimit('penalty.hearing-request').days;
const DEFAULT_GUIDANCE = '建立健全进货查验、许可管理等内部制度，定期自查，及时整改。';
const PERIOD_TEXT: Record<PublicityPeriod, string> = { '3_months': '三个月', '3_years': '三年' };

/** The reasoning as one paragraph value: each section on its own indented line (说理式执法). */
export function reasoningText(r: Reasoning | null): string {
  if (!r) return '';
  const h = REASONING_TEXT.headings;
  return ['', `${h.facts}${r.facts}`, `${h.evidence}${r.evidence}`, `${h.provisions}${r.provisions}`, `${h.discretion}${r.discretion}`].join('\n\u3000\u3000');
}

export interface DecisionFacts {
  reasoning: Reasoning | null;
  partyName: string;
  creditCode: string | null;
  address: string;
  facts: string;
  evidence: readonly string[];
  violation: ViolationType | undefined;
  penalty: string;
  outcome: Outcome | null;
  proposal: Pick<Proposal, 'citations'> | null;
  office: { reviewOrgan: string; court: string };
  caseNo: string;
  officer: string;
  today: IsoDate;
  publicityPeriod: PublicityPeriod | null;
}

export function decisionDocumentValues(f: DecisionFacts) {
  const t = f.violation;
  const lenient = f.proposal?.citations?.[0];
  const noPenalty = f.outcome === 'no_penalty';
  return {
    decision: {
      kind: noPenalty ? 'no_penalty_decision' : 'penalty_decision',
      values: {
        partyName: f.partyName,
        creditCode: f.creditCode ?? '—',
        address: f.address,
        facts: f.facts,
        evidence: f.evidence.length ? f.evidence.join('、') : DEFAULT_EVIDENCE,
        violatedProvision: t ? `${t.violated.law}${t.violated.article}` : UNSPECIFIED_PROVISION,
        penaltyBasis: t ? `${t.penaltyBasis.law}${t.penaltyBasis.article}` : UNSPECIFIED_PROVISION,
        penalty: f.penalty,
        lenientReason: noPenalty ? (lenient?.article === NO_FAULT_ARTICLE ? LENIENT_REASON.noFault : LENIENT_REASON.firstMinor) : '',
        lenientBasis: lenient ? `${lenient.law}${lenient.article}` : DEFAULT_LENIENT_BASIS,
        reasoning: reasoningText(f.reasoning),
        ...f.office,
      },
    },
    /** Without the decision number, which is known once the decision is issued. */
    creditRepair: f.publicityPeriod ? { partyName: f.partyName, period: PERIOD_TEXT[f.publicityPeriod] } : null,
    guidance: { partyName: f.partyName, violation: t?.name ?? f.facts, guidance: DEFAULT_GUIDANCE, officer: f.officer },
    followUp: { partyName: f.partyName, caseNo: f.caseNo, visitOn: addCalendarDays(f.today, FOLLOW_UP_VISIT_AFTER_DAYS) },
  };
}

/** The values of the notice of intended penalty (行政处罚告知书, 第四十四条). */
export function penaltyNoticeValues(f: { partyName: string; facts: string; violation: ViolationType | undefined; penalty: string; hearingRight: boolean }) {
  const t = f.violation;
  return {
    partyName: f.partyName,
    facts: f.facts,
    violatedProvision: t ? `${t.violated.law}${t.violated.article}` : UNSPECIFIED_PROVISION,
    penaltyBasis: t ? `${t.penaltyBasis.law}${t.penaltyBasis.article}` : UNSPECIFIED_PROVISION,
    penalty: f.penalty,
    hearingRight: f.hearingRight ? `你（单位）有权要求举行听证，应当在收到本告知书之日起${zhNumber(HEARING_REQUEST_DAYS)}个工作日内提出。` : '',
  };
}

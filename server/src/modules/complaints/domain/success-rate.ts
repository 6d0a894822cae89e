/**
 * The mediation success rate (调解成功率) as SAMR Order No. 20 art. 21 and the notice's case 2
 * (Tongcheng, "85% → 99.8%") use it: a dispute resolved is a success whether the mediator's
 * agreement resolved it or the parties settled themselves / the complainant withdrew (art. 21(1),
 * 投诉人撤回投诉或者双方自行和解). Cases terminated because they should not have been mediated at
 * all (art. 21(6) an art. 15 ground found after acceptance; 21(7) other grounds set by law) are
 * neither: they leave the denominator. Every other termination (21(2)–(5)) and "no agreement" fails.
 */
import type { LocalizedText } from '../../../platform/i18n/i18n.js';

/** Termination grounds (art. 21) that count as resolved. */
export const RESOLVED_GROUNDS = ['withdrawn_or_settled'] as const;
/** Termination grounds (art. 21) that are not a mediation result: left out of the rate. */
export const EXCLUDED_GROUNDS = ['refusal_ground_found', 'other_law'] as const;

export interface OutcomeCounts {
  /** Mediations concluded (with a mediator), whatever the outcome. */
  concluded: number;
  agreements: number;
  /** Terminated on a RESOLVED_GROUNDS ground. */
  settled: number;
  /** Terminated on an EXCLUDED_GROUNDS ground. */
  excluded: number;
}

/** (agreements + settled or withdrawn) ÷ (concluded − excluded), to four decimals; null when nothing counts. */
export function mediationSuccessRate(c: OutcomeCounts): number | null {
  const denominator = c.concluded - c.excluded;
  if (denominator <= 0) return null;
  return Math.round(((c.agreements + c.settled) / denominator) * 10_000) / 10_000;
}

export const SUCCESS_RATE_DEFINITION: LocalizedText = {
  'zh-CN':
    '调解成功率 =（达成调解协议件数 + 投诉人撤回投诉或双方自行和解件数）÷（调解终结件数 − 因发现不予受理情形或法律规定其他情形终止的件数）。依据《市场监督管理投诉举报处理暂行办法》第二十一条。',
  'zh-TW':
    '調解成功率 =（達成調解協議件數 + 投訴人撤回投訴或雙方自行和解件數）÷（調解終結件數 − 因發現不予受理情形或法律規定其他情形終止的件數）。依據《市場監督管理投訴舉報處理暫行辦法》第二十一條。',
  en: 'Mediation success rate = (agreements + complaints withdrawn or settled by the parties) ÷ (mediations concluded − those terminated because a ground for not accepting was found or on other grounds set by law). SAMR Order No. 20, art. 21.',
};

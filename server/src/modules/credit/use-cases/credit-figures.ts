import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { localize } from '../../../platform/i18n/i18n.js';
import { creditRepository as repo } from '../credit.repository.js';
import { creditPolicy as P } from '../credit.policy.js';
import { REFUSAL_REASONS } from '../domain/rules.js';
import { REFUSAL_TEXT } from '../domain/texts.js';
import type { CreditDeps } from '../deps.js';

/** Median of a list of numbers (null when empty). */
export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Figures for the statistics: applications, repairs completed (= confirmed in both systems), median days, refusals by reason. */
export async function creditFigures(deps: CreditDeps, actor: Actor, locale: Locale) {
  authorize(actor, P['figures.read']);
  const rows = await repo.figureRows(deps.db, jurisdictionPrefix(actor));
  const repaired = rows.filter((r) => r.status === 'repaired' && r.repaired_on);
  const days = repaired.map((r) => Math.round((Date.parse(r.repaired_on!) - Date.parse(r.submitted_on)) / 86_400_000));
  return {
    applications: rows.length,
    repairsCompleted: repaired.length,
    medianDaysToRepair: median(days),
    confirmedInBoth: repaired.length,
    refusalsByReason: REFUSAL_REASONS.map((reason) => ({ reason, label: localize(REFUSAL_TEXT[reason], locale), count: rows.filter((r) => r.status === 'refused' && r.refusal_reason === reason).length })).filter((x) => x.count > 0),
  };
}

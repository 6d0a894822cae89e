import type { TypedDbOrTx } from '../../../platform/db/database.js';
import { CREDIT_RISK_CLASS_CHANGED } from '../../../../../contracts/events.js';
import { creditRepository as repo } from '../credit.repository.js';
import { classify } from '../domain/risk.js';
import { addMonths } from '../domain/rules.js';
import { overdueYear } from '../domain/annual-report.js';
import type { CreditDeps } from '../deps.js';

export interface EnterpriseForRisk {
  creditCode: string;
  regionCode: string;
  status: string;
  establishedOn: string;
}

/**
 * Classifies the given enterprises from their records, the register and the enforcement history
 * (penalties received), stores each class, and publishes CREDIT_RISK_CLASS_CHANGED for every class
 * computed anew that differs from the last one (including the first computation). Returns how many changed.
 */
export async function computeRiskClasses(deps: CreditDeps, db: TypedDbOrTx, enterprises: EnterpriseForRisk[]): Promise<number> {
  if (!enterprises.length) return 0;
  const today = deps.clock.today();
  const now = deps.clock.now();
  const codes = enterprises.map((e) => e.creditCode);
  const inputs = new Map((await repo.riskInputsRange(db, codes, addMonths(today, -36), addMonths(today, -12))).map((r) => [r.credit_code, r]));
  const year = overdueYear(today);
  const filed = year == null ? null : await repo.reportsFiled(db, codes, year);
  const previous = await repo.risksOf(db, codes);
  const rows = [];
  let changed = 0;
  for (const e of enterprises) {
    const i = inputs.get(e.creditCode);
    const n = (v: string | number | bigint | undefined) => Number(v ?? 0);
    const result = classify(
      {
        penalties: { minor: n(i?.minor), general: n(i?.general), serious: n(i?.serious) },
        penaltiesLast3Years: n(i?.history),
        onAbnormalList: n(i?.abnormal) > 0,
        onSeriousList: n(i?.serious_list) > 0,
        reportMissing: filed != null && e.establishedOn < `${year}-12-31` && !filed.has(e.creditCode),
        repairsLastYear: n(i?.repaired),
        status: e.status,
        ageYears: (Date.parse(today) - Date.parse(e.establishedOn)) / (365.25 * 86_400_000),
      },
      deps.riskRules,
    );
    rows.push({ credit_code: e.creditCode, region_code: e.regionCode, risk_class: result.riskClass, score: result.score, rules_version: result.rulesVersion, factors: JSON.stringify(result.factors), computed_at: now });
    const before = previous.get(e.creditCode) ?? null;
    if (before !== result.riskClass) {
      changed++;
      await deps.outbox.append(
        db,
        CREDIT_RISK_CLASS_CHANGED,
        { creditCode: e.creditCode, regionCode: e.regionCode, riskClass: result.riskClass, previousClass: before, rulesVersion: result.rulesVersion, computedAt: now.toISOString() },
        { orderingKey: e.creditCode },
      );
    }
  }
  await repo.upsertRisks(db, rows);
  return changed;
}

/** Recomputes one enterprise's class after one of its inputs changed (a record published, repaired, expired…). */
export async function recomputeFor(deps: CreditDeps, db: TypedDbOrTx, creditCode: string, fallbackRegion: string): Promise<void> {
  const [e] = await deps.registry.scanForCredit(null, 1, [creditCode], db);
  await computeRiskClasses(deps, db, [e ? { creditCode, regionCode: e.regionCode, status: e.status, establishedOn: e.establishedOn } : { creditCode, regionCode: fallbackRegion, status: 'active', establishedOn: '2000-01-01' }]);
}

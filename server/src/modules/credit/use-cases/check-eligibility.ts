import type { Actor } from '../../../platform/auth/roles.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { localize } from '../../../platform/i18n/i18n.js';
import type { TypedDbOrTx } from '../../../platform/db/database.js';
import { creditRepository as repo } from '../credit.repository.js';
import type { RecordRow } from '../credit.rows.js';
import { checkEligibility } from '../domain/eligibility.js';
import { REPAIR_RULES_VERSION } from '../domain/rules.js';
import { INELIGIBLE_TEXT } from '../domain/texts.js';
import type { CreditDeps } from '../deps.js';
import { readableRecord } from './shared.js';

/** The eligibility of one record now, every reason with its rule (reads in the caller's transaction when given one). */
export async function eligibilityOf(deps: CreditDeps, db: TypedDbOrTx, r: RecordRow, locale: Locale) {
  const [otherListKinds, repeatPenalties, reports] = await Promise.all([
    repo.activeListKinds(db, r.credit_code, r.id),
    repo.countRepeats(db, r.credit_code, r.violation_type, r.decided_on, r.id),
    r.kind === 'abnormal' ? repo.reportsOf(db, [r.credit_code]) : Promise.resolve([]),
  ]);
  const missingYear = r.kind === 'abnormal' && /^annual-report:/.test(r.source_ref) ? Number(r.source_ref.split(':')[2]) : null;
  const result = checkEligibility({
    kind: r.kind,
    status: r.status,
    severity: r.severity,
    penaltyKind: r.penalty_kind,
    violationType: r.violation_type,
    finePaid: r.fine_paid,
    repairableFrom: r.repairable_from,
    today: deps.clock.today(),
    otherListKinds,
    repeatPenalties,
    groundCured: missingYear == null ? undefined : reports.some((x) => x.year === missingYear),
  });
  return {
    recordId: r.id,
    eligible: result.eligible,
    reasons: result.reasons.map((x) => ({ code: x.code, message: localize(INELIGIBLE_TEXT[x.code], locale, x.params), rule: `${x.rule.source} ${x.rule.article}` })),
    rulesVersion: REPAIR_RULES_VERSION,
  };
}

/** GET eligibility: the business (its own records) or staff, before submission. */
export async function checkRecordEligibility(deps: CreditDeps, actor: Actor, input: { recordId: string }, locale: Locale) {
  const r = readableRecord(actor, await repo.getRecord(deps.db, input.recordId));
  return eligibilityOf(deps, deps.db, r, locale);
}

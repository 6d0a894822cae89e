import type { CREDIT_RISK_CLASS_CHANGED, EventPayload } from '../../../../../contracts/events.js';
import { inspectionsRepository as repo } from '../inspections.repository.js';
import type { InspectionsDeps } from '../deps.js';

/**
 * The outbox handler of `credit.risk-class-changed`: the enterprise's class in the target directory
 * (an older computation never overwrites a newer one). Internal only: never on a public page.
 */
export async function recordRiskClass(deps: InspectionsDeps, payload: EventPayload<typeof CREDIT_RISK_CLASS_CHANGED>): Promise<void> {
  await repo.upsertRiskClass(deps.db, { credit_code: payload.creditCode, risk_class: payload.riskClass, rules_version: payload.rulesVersion, computed_at: new Date(payload.computedAt) });
}

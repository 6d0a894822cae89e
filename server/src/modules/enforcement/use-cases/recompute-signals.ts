import { addCalendarDays } from '../../../platform/calendar/index.js';
import { complaintHorizon, computeSignals, findingHorizon, SIGNAL_RULES, type SignalRule } from '../domain/signals.js';
import { warningsRepository as repo, type SignalStatus } from '../warnings.repository.js';
import type { EnforcementDeps } from '../deps.js';

export interface RecomputeSignalsInput {
  /** Only these enterprises (an event's respondent); all candidates when absent (the daily job). */
  creditCodes?: string[];
}

/**
 * Recomputes the early-warning signals (domain/signals.ts) of the enterprises that may carry one:
 * a signal that fires is opened (or kept `warned` while a warning about it stands); one that no
 * longer fires is cleared. Run daily by the job `enforcement.recompute-signals` and for the
 * respondent of each consumed `complaints.complaint-filed` event.
 */
export async function recomputeSignals(deps: EnforcementDeps, input: RecomputeSignalsInput = {}): Promise<{ enterprises: number; open: number }> {
  const today = deps.clock.today();
  const rs = SIGNAL_RULES;
  const codes =
    input.creditCodes ??
    (await repo.candidates(deps.db, {
      complaintsFrom: complaintHorizon(today, rs),
      permitsFrom: addCalendarDays(today, -rs.permitExpiring.withinDays),
      permitsTo: addCalendarDays(today, rs.permitExpiring.withinDays),
      findingsFrom: findingHorizon(today, rs),
    }));
  let open = 0;
  for (const code of codes) {
    const e = await deps.registry.findByCode(code);
    if (!e) continue;
    const [complaintDates, permits, findings] = await Promise.all([
      repo.complaintDates(deps.db, code, complaintHorizon(today, rs)),
      repo.permitsOf(deps.db, code),
      repo.findingsOf(deps.db, code, findingHorizon(today, rs)),
    ]);
    const fired = computeSignals({ complaintDates, permits: permits.map((p) => ({ permitType: p.permit_type, permitNo: p.permit_no, expiresOn: p.expires_on })), findings }, today, rs);
    await deps.db.transaction().execute(async (tx) => {
      const existing = new Map((await repo.signalsOf(tx, code)).map((s) => [s.rule, s]));
      const firedRules = new Set<SignalRule>();
      for (const s of fired) {
        firedRules.add(s.rule);
        const before = existing.get(s.rule);
        const status: SignalStatus = before?.status === 'warned' ? 'warned' : 'open';
        if (status === 'open') open++;
        await repo.upsertSignal(tx, { credit_code: code, region_code: e.regionCode, enterprise_name: e.name, rule: s.rule, rule_version: s.ruleVersion, detail: s.detail, computed_on: today, status });
      }
      for (const [rule, s] of existing) if (!firedRules.has(rule) && s.status !== 'cleared') await repo.setSignalStatus(tx, s.id, 'cleared');
    });
  }
  return { enterprises: codes.length, open };
}

import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import { isStepKind, stepsOutOfOrder } from '../domain/procedure.js';
import { enforcementRepository as repo, type CaseRow } from '../enforcement.repository.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps } from '../deps.js';
import { dueOf } from './shared.js';
import { superviseDeadlines } from './supervise-deadlines.js';

/** An officer is listed for deviations from the engine's proposal from this many cases on. */
const DEVIATIONS_LISTED_FROM = 2;
const SUPERVISED_STATUSES = ['lead', 'investigating', 'proposed', 'notified', 'decided', 'served', 'paid', 'closed'];
const DECISION_PENDING = ['investigating', 'proposed', 'notified'];

type OfficerTally = Map<string, { overdue: number; deviations: number }>;

function tally(perOfficer: OfficerTally, ids: readonly string[], k: 'overdue' | 'deviations') {
  for (const o of ids) {
    const v = perOfficer.get(o) ?? { overdue: 0, deviations: 0 };
    v[k]++;
    perOfficer.set(o, v);
  }
}

/** The decisions a general-procedure case lacks (legal review, collective discussion). */
function lackingSteps(c: CaseRow): string[] {
  return [...(c.review_required && c.review_result !== 'approved' ? ['legal_review'] : []), ...(c.collective_required && !c.collective_done ? ['collective_discussion'] : [])];
}

/**
 * Supervision of the actor's jurisdiction: overdue verifications and decisions, steps out of order,
 * decisions lacking review, overdue publication, officers with anomalies, and the deadlines to watch.
 */
export async function superviseCases(deps: EnforcementDeps, actor: Actor) {
  authorize(actor, P['supervision.read']);
  const prefix = jurisdictionPrefix(actor);
  const today = deps.clock.today();
  const due = dueOf(deps);
  const active = await repo.casesInRegion(deps.db, prefix, SUPERVISED_STATUSES);
  const overdueCases: { id: string; caseNo: string; stage: string; due: string }[] = [];
  const lacking: { id: string; caseNo: string; missing: string[] }[] = [];
  const perOfficer: OfficerTally = new Map();
  for (const c of active) {
    if (c.status === 'lead' && c.verification_due && c.verification_due < today) overdueCases.push({ id: c.id, caseNo: c.case_no, stage: 'verification', due: c.verification_due });
    if (DECISION_PENDING.includes(c.status) && c.decision_due) {
      const d = due(c);
      if (d && d < today) {
        overdueCases.push({ id: c.id, caseNo: c.case_no, stage: 'decision', due: d });
        tally(perOfficer, c.officer_ids, 'overdue');
      }
    }
    if (c.procedure === 'general' && c.decided_on) {
      const missing = lackingSteps(c);
      if (missing.length) lacking.push({ id: c.id, caseNo: c.case_no, missing });
    }
    if (c.outside_proposal) tally(perOfficer, c.officer_ids, 'deviations');
  }
  const general = active.filter((c) => c.procedure === 'general');
  const kinds = await repo.stepKindsByCase(deps.db, general.map((c) => c.id));
  const outOfOrder = general
    .map((c) => ({ id: c.id, caseNo: c.case_no, steps: stepsOutOfOrder((kinds.get(c.id) ?? []).filter(isStepKind)) }))
    .filter((x) => x.steps.length);
  const pubs = await repo.overduePublicity(deps.db, prefix, today);
  const caseNo = new Map(active.map((c) => [c.id, c.case_no]));
  const anomalies = await repo.anomalyCounts(deps.db);
  const officerIds = [...new Set([...perOfficer.keys(), ...anomalies.keys()])];
  const accounts = await repo.accounts(deps.db, officerIds);
  const names = new Map(accounts.map((a) => [a.id, a.display_name]));
  // Officers of this jurisdiction (theirs overlaps the viewer's).
  const visible = new Set(accounts.filter((a) => !prefix || !a.jurisdiction || a.jurisdiction.startsWith(prefix) || prefix.startsWith(a.jurisdiction)).map((a) => a.id));
  const officerAnomalies = officerIds
    .map((id) => ({
      officerId: id,
      officerName: names.get(id) ?? anomalies.get(id)?.name ?? null,
      backdatingAttempts: anomalies.get(id)?.count ?? 0,
      overdueCases: perOfficer.get(id)?.overdue ?? 0,
      deviations: perOfficer.get(id)?.deviations ?? 0,
    }))
    .filter((o) => o.backdatingAttempts > 0 || o.overdueCases > 0 || o.deviations >= DEVIATIONS_LISTED_FROM)
    .filter((o) => perOfficer.has(o.officerId) || visible.has(o.officerId));
  return {
    asOf: today,
    overdueCases,
    stepsOutOfOrder: outOfOrder,
    decisionsLackingReview: lacking,
    publicationOverdue: pubs.map((x) => ({ id: x.case_id, caseNo: caseNo.get(x.case_id) ?? '', due: x.publish_due ?? '' })),
    officerAnomalies,
    deadlines: superviseDeadlines(active, deps.calendar.get(), today, due),
  };
}

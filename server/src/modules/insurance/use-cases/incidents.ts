/**
 * Incidents (事故, issue 11): the claims of several consumers hurt by one accident are grouped under
 * one incident, whose per-accident limit they share (§H: ¥3,000,000 per accident). The people
 * affected decide whether the `mass_incident` basis (≥ 5 people, claim condition 4) may be used.
 */
import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { incidentRepository as incidents, insuranceRepository as repo, type IncidentRow } from '../insurance.repository.js';
import { insurancePolicy as P } from '../insurance.policy.js';
import { isMassIncident, perAccidentRemaining } from '../domain/triggers.js';
import type { InsuranceDeps } from '../deps.js';

export function presentIncident(r: IncidentRow & { claims?: number }) {
  return {
    id: r.id,
    policyId: r.policy_id,
    title: r.title,
    occurredOn: r.occurred_on,
    peopleAffected: r.people_affected,
    massIncident: isMassIncident(r.people_affected),
    limitFen: Number(r.limit_fen),
    approvedFen: Number(r.approved_fen),
    remainingFen: perAccidentRemaining(Number(r.limit_fen), Number(r.approved_fen)),
    claims: r.claims ?? 0,
  };
}

export async function createIncident(deps: InsuranceDeps, actor: Actor, input: { policyId: string; title: string; occurredOn: string; peopleAffected: number }, ctx: AuditContext) {
  authorize(actor, P['claim.review']);
  const policy = await repo.getPolicy(deps.db, input.policyId);
  if (!policy) throw new AppError('NOT_FOUND');
  return deps.db.transaction().execute(async (tx) => {
    const r = await incidents.insert(tx, { policy_id: policy.id, title: input.title, occurred_on: input.occurredOn, people_affected: input.peopleAffected, limit_fen: policy.per_accident_limit_fen });
    await deps.audit.record(tx, ctx, { action: 'insurance.incident.create', entityType: 'incident', entityId: r.id, after: input });
    return presentIncident(r);
  });
}

export async function listIncidents(deps: InsuranceDeps, actor: Actor, q: { policyId?: string }) {
  authorize(actor, P['claim.read']);
  return { items: (await incidents.list(deps.db, q.policyId)).map(presentIncident) };
}

import type { ClaimDto } from '../../../../contracts/insurance.js';
import { localize, type Locale } from '../../platform/i18n/i18n.js';
import type { Condition } from './domain/triggers.js';
import type { ClaimRow, PolicyRow } from './insurance.repository.js';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function presentConditions(cs: Condition[], locale: Locale) {
  return cs.map((c) => ({ id: c.id, passed: c.passed, label: localize(c.label, locale) }));
}

export function presentPolicy(r: PolicyRow) {
  return {
    id: r.id,
    year: r.year,
    policyNo: r.policy_no,
    insurer: r.insurer,
    premiumFen: Number(r.premium_fen),
    aggregateLimitFen: Number(r.aggregate_limit_fen),
    perAccidentLimitFen: Number(r.per_accident_limit_fen),
    purchaseCapFen: Number(r.purchase_cap_fen),
    coveredRegions: r.covered_regions,
    categories: r.categories,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    paidFen: Number(r.paid_fen),
    remainingFen: Number(r.aggregate_limit_fen) - Number(r.paid_fen),
    version: r.version,
  };
}

export function presentClaim(r: ClaimRow, locale: Locale): ClaimDto {
  return {
    id: r.id,
    claimNo: r.claim_no,
    policyId: r.policy_id,
    complaintId: r.complaint_id,
    trackingNo: r.tracking_no,
    channel: r.channel,
    claimantName: r.claimant_name,
    regionCode: r.region_code,
    category: r.category,
    purchaseFen: Number(r.purchase_fen),
    claimedFen: Number(r.claimed_fen),
    lossDescription: r.loss_description,
    status: r.status,
    conditions: presentConditions(r.conditions ?? [], locale),
    evidence: r.evidence ?? [],
    liability: r.liability,
    claimBasis: r.claim_basis,
    incidentId: r.incident_id ?? null,
    approvedFen: r.approved_fen == null ? null : Number(r.approved_fen),
    refusalReason: r.refusal_reason,
    payoutRef: r.payout_ref,
    createdAt: iso(r.created_at)!,
    approvedAt: iso(r.approved_at),
    paidAt: iso(r.paid_at),
    version: r.version,
  };
}

export function presentPublicClaim(r: ClaimRow, locale: Locale) {
  const c = presentClaim(r, locale);
  return { id: c.id, claimNo: c.claimNo, trackingNo: c.trackingNo, status: c.status, claimedFen: c.claimedFen, approvedFen: c.approvedFen, refusalReason: c.refusalReason, createdAt: c.createdAt, paidAt: c.paidAt, conditions: c.conditions, evidence: c.evidence };
}

/**
 * The insurance service: a thin map from the names routes and the demo call to the use cases in
 * `use-cases/` (one file each, `(deps, actor, input)`). No rule lives here.
 */
import type { Actor } from '../../platform/auth/roles.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { PolicyCreate } from '../../../../contracts/insurance.js';
import type { ClaimBasis, LiabilityFinding } from './domain/triggers.js';
import type { InsuranceDeps } from './deps.js';
import { presentClaim, presentPublicClaim } from './insurance.presenter.js';
import { createPolicy } from './use-cases/create-policy.js';
import { listPolicies } from './use-cases/list-policies.js';
import { checkEligibility } from './use-cases/check-eligibility.js';
import { fileClaim } from './use-cases/file-claim.js';
import { listPublicClaims } from './use-cases/list-public-claims.js';
import { listClaims } from './use-cases/list-claims.js';
import { getClaim } from './use-cases/get-claim.js';
import { addEvidence } from './use-cases/add-evidence.js';
import { approveClaim } from './use-cases/approve-claim.js';
import { refuseClaim } from './use-cases/refuse-claim.js';
import { payClaim } from './use-cases/pay-claim.js';
import { claimFigures } from './use-cases/claim-figures.js';
import { combinedFigures } from './use-cases/combined-figures.js';
import { createIncident, listIncidents } from './use-cases/incidents.js';

export type { InsuranceDeps };

/** Policies, claims and payouts of the assured-consumption insurance. */
export function createInsuranceService(deps: InsuranceDeps) {
  return {
    // ---- policies
    createPolicy: (actor: Actor, input: PolicyCreate, ctx: AuditContext) => createPolicy(deps, actor, input, ctx),
    listPolicies: (actor: Actor) => listPolicies(deps, actor),

    // ---- eligibility
    /** The §H conditions for a complaint, each with pass/fail (consumer: tracking number + code). */
    publicEligibility: (trackingNo: string, code: string, locale: Locale) => checkEligibility(deps, { access: { trackingNo, code } }, locale),
    eligibility: (actor: Actor, trackingNo: string, locale: Locale) => checkEligibility(deps, { actor, trackingNo }, locale),

    // ---- claims
    /** Online claim by the consumer, who proves access with the tracking number and code. */
    fileOnline: (input: { trackingNo: string; code: string; claimedFen: number; lossDescription: string }, ctx: AuditContext, locale: Locale) =>
      fileClaim(deps, { code: input.code }, input, ctx).then((c) => presentPublicClaim(c, locale)),
    /** Offline claim entered by staff for the consumer. */
    fileOffline: (actor: Actor, input: { trackingNo: string; claimedFen: number; lossDescription: string }, ctx: AuditContext, locale: Locale) =>
      fileClaim(deps, { actor }, input, ctx).then((c) => presentClaim(c, locale)),
    publicClaims: (trackingNo: string, code: string, locale: Locale) => listPublicClaims(deps, { trackingNo, code }, locale),
    list: (actor: Actor, q: { status?: string; cursor?: string; limit: number }, locale: Locale) => listClaims(deps, actor, q, locale),
    get: (actor: Actor, id: string, locale: Locale, ctx?: AuditContext) => getClaim(deps, actor, id, locale, ctx),
    /** Evidence for a claim under review: staff (`actor`) or the consumer (`access`, with actor null). */
    addEvidence: (actor: Actor | null, id: string, file: { data: Buffer; originalName: string }, ctx: AuditContext, locale: Locale, access?: { trackingNo: string; code: string }) =>
      addEvidence(deps, access ? { access } : { actor: actor! }, { id, file }, ctx, locale),
    createIncident: (actor: Actor, input: { policyId: string; title: string; occurredOn: string; peopleAffected: number }, ctx: AuditContext) => createIncident(deps, actor, input, ctx),
    listIncidents: (actor: Actor, q: { policyId?: string }) => listIncidents(deps, actor, q),
    approve: (actor: Actor, id: string, input: { version: number; approvedFen: number; liability: LiabilityFinding; claimBasis: ClaimBasis; note?: string; incidentId?: string }, ctx: AuditContext, locale: Locale) =>
      approveClaim(deps, actor, { ...input, id, locale }, ctx),
    refuse: (actor: Actor, id: string, input: { version: number; reason: string }, ctx: AuditContext, locale: Locale) => refuseClaim(deps, actor, { ...input, id, locale }, ctx),
    pay: (actor: Actor, id: string, input: { version: number; payoutRef: string }, ctx: AuditContext, locale: Locale) => payClaim(deps, actor, { ...input, id, locale }, ctx),

    // ---- figures
    combinedFigures: (actor: Actor) => combinedFigures(deps, actor),
    figures: (actor: Actor) => claimFigures(deps, actor),
  };
}

export type InsuranceService = ReturnType<typeof createInsuranceService>;

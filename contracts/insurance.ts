import { z } from 'zod';
import { queryInt } from './common.js';
import { CATEGORIES, FiguresSchema } from './complaints.js';

/** Assured-consumption insurance (放心消费险): the city's policies and the consumers' claims. */

export const CLAIM_STATUSES = ['submitted', 'approved', 'paid', 'refused'] as const;
export const CLAIM_BASES = ['partly_liable_insufficient', 'fully_liable_over_capacity', 'no_evidence_of_non_liability', 'mass_incident'] as const;
export const LIABILITY_FINDINGS = ['non_intentional_liable', 'insufficient_evidence_of_non_liability', 'not_liable', 'intentional'] as const;

const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Fen = z.number().int().min(1).max(100_000_000_000);

export const PolicyCreateSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    policyNo: z.string().trim().min(3).max(50),
    insurer: z.string().trim().min(2).max(100),
    premiumFen: z.number().int().min(0).max(100_000_000_000),
    aggregateLimitFen: Fen,
    perAccidentLimitFen: Fen,
    /** Property-loss purchases above this are not covered (default ¥10,000). */
    purchaseCapFen: Fen.default(1_000_000),
    coveredRegions: z.array(z.string().regex(/^\d{2,6}$/)).min(1).max(100),
    categories: z.array(z.enum(CATEGORIES)).min(1).max(6).default([...CATEGORIES]),
    startsOn: DateString,
    endsOn: DateString,
  })
  .strict();
export type PolicyCreate = z.infer<typeof PolicyCreateSchema>;

export const PolicySchema = PolicyCreateSchema.extend({
  id: z.string(),
  paidFen: z.number(),
  remainingFen: z.number(),
  version: z.number(),
});

export const ConditionSchema = z.object({ id: z.string(), passed: z.boolean().nullable(), label: z.string() });
export const EligibilitySchema = z.object({
  trackingNo: z.string(),
  eligible: z.boolean(),
  policyId: z.string().nullable(),
  conditions: z.array(ConditionSchema),
});

export const EvidenceSchema = z.object({ fileId: z.string(), name: z.string(), mime: z.string(), size: z.number() });

export const ClaimSchema = z.object({
  id: z.string(),
  claimNo: z.string(),
  policyId: z.string(),
  complaintId: z.string(),
  trackingNo: z.string(),
  channel: z.enum(['online', 'offline']),
  claimantName: z.string(),
  regionCode: z.string().nullable(),
  category: z.string(),
  purchaseFen: z.number(),
  claimedFen: z.number(),
  lossDescription: z.string(),
  status: z.enum(CLAIM_STATUSES),
  conditions: z.array(ConditionSchema),
  evidence: z.array(EvidenceSchema),
  liability: z.string().nullable(),
  claimBasis: z.string().nullable(),
  /** The accident whose per-accident limit the approval counted against. */
  incidentId: z.string().nullable(),
  approvedFen: z.number().nullable(),
  refusalReason: z.string().nullable(),
  payoutRef: z.string().nullable(),
  createdAt: z.string(),
  approvedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  version: z.number(),
});
export type ClaimDto = z.infer<typeof ClaimSchema>;

/** What the consumer sees of a claim. */
export const PublicClaimSchema = ClaimSchema.pick({ id: true, claimNo: true, trackingNo: true, status: true, claimedFen: true, approvedFen: true, refusalReason: true, createdAt: true, paidAt: true, conditions: true, evidence: true });

export const AccessSchema = z.object({ trackingNo: z.string().trim().min(4).max(40), code: z.string().trim().min(4).max(24) }).strict();
export const OnlineClaimSchema = AccessSchema.extend({ claimedFen: Fen, lossDescription: z.string().trim().min(1).max(2000) }).strict();
export const OfflineClaimSchema = z.object({ trackingNo: z.string().trim().min(4).max(40), claimedFen: Fen, lossDescription: z.string().trim().min(1).max(2000) }).strict();

const Version = z.number().int().min(1);
export const ApproveSchema = z
  .object({
    version: Version,
    approvedFen: Fen,
    liability: z.enum(LIABILITY_FINDINGS),
    claimBasis: z.enum(CLAIM_BASES),
    note: z.string().max(1000).default(''),
    /** The accident the claim belongs to (several consumers of one incident share its per-accident limit); absent: an incident of its own. */
    incidentId: z.uuid().optional(),
  })
  .strict();

/** One accident (事故): its claims share the per-accident limit; ≥ 5 people affected makes it a mass incident. */
export const IncidentCreateSchema = z
  .object({ policyId: z.uuid(), title: z.string().trim().min(2).max(200), occurredOn: DateString, peopleAffected: z.number().int().min(1).max(100_000) })
  .strict();
export const IncidentSchema = z.object({
  id: z.string(),
  policyId: z.string(),
  title: z.string(),
  occurredOn: z.string(),
  peopleAffected: z.number(),
  massIncident: z.boolean(),
  limitFen: z.number(),
  approvedFen: z.number(),
  remainingFen: z.number(),
  claims: z.number(),
});
export const RefuseClaimSchema = z.object({ version: Version, reason: z.string().trim().min(1).max(1000) }).strict();
export const PaySchema = z.object({ version: Version, payoutRef: z.string().trim().min(1).max(100) }).strict();

export const ClaimQuerySchema = z.object({
  status: z.enum(CLAIM_STATUSES).optional(),
  cursor: z.string().max(500).optional(),
  limit: queryInt(1, 200).default(50),
});

export const InsuranceFiguresSchema = z.object({
  claims: z.number(),
  paidCount: z.number(),
  paidFen: z.number(),
  approvedUnpaidFen: z.number(),
  refused: z.number(),
  policies: z.array(z.object({ id: z.string(), year: z.number(), aggregateLimitFen: z.number(), paidFen: z.number(), remainingFen: z.number() })),
});

/** Mediation, coverage and claims figures together (for the statistics). */
export const CombinedFiguresSchema = FiguresSchema.extend({
  coverage: z.object({ share: z.number(), covered: z.number(), total: z.number(), minutes: z.number(), openStations: z.number() }),
  claims: z.object({ count: z.number(), paidCount: z.number(), paidFen: z.number(), approvedUnpaidFen: z.number(), refused: z.number() }),
});

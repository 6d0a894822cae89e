import { z } from 'zod';
import { queryInt } from './common.js';

/** Shared request/response schemas of the enforcement module (server and web). */

const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Fen = z.number().int().min(0).max(100_000_000_000);

export const LEAD_SOURCES = ['complaint_report', 'inspection', 'transfer', 'public_proposal', 'staff'] as const;
export const CASE_STATUSES = ['lead', 'dismissed', 'investigating', 'proposed', 'notified', 'decided', 'served', 'paid', 'closed', 'revoked'] as const;
export const OUTCOMES = ['no_penalty', 'lighter', 'mitigated', 'standard', 'heavier'] as const;
export const PARTY_KINDS = ['person', 'organisation'] as const;
export const DOCUMENT_KINDS = [
  'penalty_decision',
  'no_penalty_decision',
  'on_the_spot_decision',
  'penalty_notice',
  'hearing_notice',
  'credit_repair_notice',
  'compliance_guidance_letter',
  'follow_up_letter',
  'interview_notice',
] as const;
export const ENGAGEMENT_KINDS = ['follow_up', 'guidance', 'assistance', 'warning', 'interview'] as const;
export const RISK_SIGNALS = ['complaints_rising', 'licence_expiring', 'inspection_failed', 'other'] as const;

/**
 * Any step may carry the time the client believes it happened. It is never stored: the server's
 * clock is. A value earlier than now is refused as back-dating (and the attempt is audited).
 */
const StepBase = z.object({
  version: z.number().int().min(1),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
});

export const CaseFactsSchema = z
  .object({
    violationType: z.string().min(1).max(80),
    firstViolation: z.boolean(),
    harm: z.enum(['none', 'minor', 'significant', 'serious']),
    corrected: z.boolean(),
    noFault: z.boolean().optional(),
    mitigating: z.array(z.enum(['eliminated_harm', 'coerced', 'confessed', 'meritorious', 'other_law'])).max(5).optional(),
    minorAge: z.boolean().optional(),
    impairedCapacity: z.boolean().optional(),
    aggravating: z.array(z.enum(['repeat', 'refused_correction', 'obstruction', 'vulnerable_victims'])).max(4).optional(),
  })
  .strict();
export type CaseFactsInput = z.infer<typeof CaseFactsSchema>;

// Issue 11: reasoning (说理式执法) and evidence files, used by CaseSchema below.
/** The reasoning of a decision: facts found → evidence relied on → provisions applied → the discretion and why. */
export const ReasoningSchema = z
  .object({
    facts: z.string().trim().min(1).max(4000),
    evidence: z.string().trim().min(1).max(4000),
    provisions: z.string().trim().min(1).max(4000),
    discretion: z.string().trim().min(1).max(4000),
  })
  .strict();
export type Reasoning = z.infer<typeof ReasoningSchema>;
export const ReasoningStepSchema = StepBase.extend({ reasoning: ReasoningSchema }).strict();

export const EvidenceFileSchema = z.object({
  fileId: z.string(),
  kind: z.string(),
  description: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  recordedAt: z.string(),
  actorName: z.string().nullable(),
  downloadUrl: z.string(),
});


export const LeadCreateSchema = z
  .object({
    source: z.enum(LEAD_SOURCES),
    sourceRef: z.string().max(100).optional(),
    creditCode: z.string().min(1).max(30).optional(),
    partyName: z.string().trim().min(1).max(200).optional(),
    partyKind: z.enum(PARTY_KINDS).default('organisation'),
    regionCode: z.string().regex(/^\d{6}$/).optional(),
    summary: z.string().trim().min(1).max(4000),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export const OpenCaseSchema = StepBase.extend({
  /** At least two officers (art. 42), the caller included. */
  officerIds: z.array(z.uuid()).min(2).max(10),
  violationType: z.string().min(1).max(80).optional(),
}).strict();
export const DismissSchema = StepBase.extend({ reason: z.string().trim().min(1).max(2000) }).strict();
export const FactsSchema = StepBase.extend({ facts: CaseFactsSchema }).strict();
export const EvidenceSchema = StepBase.extend({
  kind: z.enum(['evidence', 'inquiry_record', 'attachment']),
  description: z.string().trim().min(1).max(4000),
  fileId: z.uuid().optional(),
}).strict();
export const ProposalSchema = StepBase.extend({
  outcome: z.enum(OUTCOMES),
  amountFen: Fen,
  /** Required when the outcome or amount is outside the engine's proposal. */
  deviationReason: z.string().trim().min(1).max(2000).optional(),
  serious: z.boolean().default(false),
  complex: z.boolean().default(false),
  publicInterest: z.boolean().default(false),
}).strict();
export const HearingRequestSchema = StepBase.extend({ hearingOn: DateString }).strict();
export const HearingSchema = StepBase.extend({ minutes: z.string().trim().min(1).max(8000) }).strict();
export const StatementSchema = StepBase.extend({ statement: z.string().trim().max(8000), waived: z.boolean().default(false) }).strict();
export const ReviewSchema = StepBase.extend({ result: z.enum(['approved', 'rejected']), opinion: z.string().trim().min(1).max(4000) }).strict();
export const CollectiveSchema = StepBase.extend({
  conclusion: z.string().trim().min(1).max(4000),
  participants: z.array(z.string().trim().min(1).max(100)).min(3).max(30),
}).strict();
export const PauseSchema = StepBase.extend({ reason: z.enum(['testing', 'hearing', 'public_notice', 'suspension']) }).strict();
export const ExtensionSchema = StepBase.extend({ kind: z.enum(['verification', 'decision']), reason: z.string().trim().min(1).max(2000) }).strict();
export const PaymentSchema = StepBase.extend({ amountFen: Fen }).strict();
export const RevokeSchema = StepBase.extend({ reason: z.string().trim().min(1).max(2000) }).strict();
export const VersionOnlySchema = StepBase.strict();

export const OnTheSpotSchema = z
  .object({
    partyKind: z.enum(PARTY_KINDS),
    partyName: z.string().trim().min(1).max(200),
    creditCode: z.string().min(1).max(30).optional(),
    regionCode: z.string().regex(/^\d{6}$/).optional(),
    /** The violation type of the discretion benchmark: its statutory range and lenient lists apply (art. 51: 有法定依据). */
    violationType: z.string().min(1).max(80),
    facts: z.string().trim().min(1).max(4000),
    /** The circumstances the discretion engine reads (as in the general procedure's facts, without the type). */
    circumstances: CaseFactsSchema.omit({ violationType: true }),
    penalty: z.enum(['warning', 'fine']),
    amountFen: Fen.default(0),
    /** Required when the penalty is outside the engine's proposal. */
    deviationReason: z.string().trim().min(1).max(2000).optional(),
    coOfficerId: z.uuid(),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export const CaseListQuerySchema = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  procedure: z.enum(['general', 'on_the_spot']).optional(),
  creditCode: z.string().max(30).optional(),
  /** Only cases whose decision is due on or before this date. */
  dueBefore: DateString.optional(),
  cursor: z.string().max(500).optional(),
  limit: queryInt(1, 200).default(50),
});

const Citation = z.object({ law: z.string(), article: z.string(), source: z.string(), note: z.string().optional() });
const Range = z.object({ minFen: z.number(), maxFen: z.number() });

export const ProposalResultSchema = z.object({
  outcome: z.enum(OUTCOMES),
  mandatory: z.boolean(),
  amountRange: Range,
  statutoryRange: Range,
  reasons: z.array(z.object({ code: z.string(), text: z.string() })),
  citations: z.array(Citation),
  ruleSet: z.string(),
});

export const CaseSummarySchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  procedure: z.enum(['general', 'on_the_spot']),
  status: z.enum(CASE_STATUSES),
  source: z.string(),
  partyName: z.string(),
  creditCode: z.string().nullable(),
  regionCode: z.string(),
  violationType: z.string().nullable(),
  receivedOn: z.string(),
  decisionDue: z.string().nullable(),
  /** The decision due date was computed over a year whose holiday notice is not out yet (predicted). */
  decisionDueProvisional: z.boolean(),
  decisionDueProvisionalYears: z.array(z.number()),
  overdue: z.boolean(),
  amountFen: z.number().nullable(),
  version: z.number(),
});

export const DocumentRefSchema = z.object({
  id: z.string(),
  kind: z.string(),
  docNo: z.string(),
  title: z.string(),
  issuedAt: z.string(),
  verifyCode: z.string(),
  verifyUrl: z.string(),
  pdfUrl: z.string(),
  sha256: z.string(),
});

export const StepSchema = z.object({ kind: z.string(), recordedAt: z.string(), actorName: z.string().nullable(), data: z.unknown() });

export const CaseSchema = CaseSummarySchema.extend({
  partyKind: z.enum(PARTY_KINDS),
  summary: z.string(),
  sourceRef: z.string().nullable(),
  facts: CaseFactsSchema.nullable(),
  ruleSet: z.string().nullable(),
  /** The engine's current proposal for the facts (null without facts). */
  engine: ProposalResultSchema.nullable(),
  decidedOutcome: z.enum(OUTCOMES).nullable(),
  penalty: z.enum(['none', 'warning', 'fine']).nullable(),
  outsideProposal: z.boolean(),
  deviationReason: z.string().nullable(),
  serious: z.boolean(),
  complex: z.boolean(),
  hearingRight: z.boolean(),
  hearingRequested: z.boolean(),
  hearingHeld: z.boolean(),
  reviewRequired: z.boolean(),
  reviewResult: z.enum(['approved', 'rejected']).nullable(),
  collectiveRequired: z.boolean(),
  collectiveDone: z.boolean(),
  officerIds: z.array(z.string()),
  verificationDue: z.string().nullable(),
  openedOn: z.string().nullable(),
  decisionExtended: z.boolean(),
  pausedDays: z.number(),
  pausedSince: z.string().nullable(),
  decidedOn: z.string().nullable(),
  servedOn: z.string().nullable(),
  paymentDue: z.string().nullable(),
  paidOn: z.string().nullable(),
  lateFeeFen: z.number().nullable(),
  closedOn: z.string().nullable(),
  revokedOn: z.string().nullable(),
  filedOn: z.string().nullable(),
  publicity: z
    .object({
      status: z.enum(['pending', 'published', 'withdrawn', 'ended']),
      endedOn: z.string().nullable(),
      endReason: z.enum(['expired', 'repaired']).nullable(),
      publishDue: z.string().nullable(),
      publishDueProvisional: z.boolean(),
      period: z.enum(['3_months', '3_years']),
      publishedOn: z.string().nullable(),
      endsOn: z.string().nullable(),
      withdrawDue: z.string().nullable(),
      withdrawnOn: z.string().nullable(),
    })
    .nullable(),
  documents: z.array(DocumentRefSchema),
  steps: z.array(StepSchema),
  /** The reasoning of the decision (说理式执法); required before the decision. */
  reasoning: ReasoningSchema.nullable(),
  /** Evidence files uploaded to the case, each with its download link. */
  evidenceFiles: z.array(EvidenceFileSchema),
});
export type CaseDto = z.infer<typeof CaseSchema>;

export const ViolationTypeSchema = z.object({
  code: z.string(),
  name: z.string(),
  range: Range,
  firstViolationList: z.boolean(),
  minorList: z.boolean(),
  levels: z.record(z.string(), Range),
  penaltyBasis: Citation,
});
export const RuleSetSchema = z.object({
  key: z.string(),
  province: z.string().nullable(),
  effectiveFrom: z.string(),
  lighterShare: z.number(),
  procedure: z.object({
    hearingFen: z.record(z.string(), z.number()),
    onTheSpotMaxFen: z.record(z.string(), z.number()),
    majorFen: z.record(z.string(), z.number()),
    lowFineFen: z.record(z.string(), z.number()),
  }),
  violations: z.array(ViolationTypeSchema),
});

export const TemplateSchema = z.object({ kind: z.string(), title: z.string(), bodyTemplate: z.string(), footer: z.string(), version: z.number() });
export const TemplateUpdateSchema = z
  .object({ title: z.string().trim().min(1).max(100), bodyTemplate: z.string().min(1).max(20_000), footer: z.string().max(500), version: z.number().int().min(1) })
  .strict();

export const PublicDocumentSchema = z.object({
  genuine: z.boolean(),
  docNo: z.string(),
  title: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  sha256: z.string(),
  revoked: z.boolean(),
});

export const EngagementCreateSchema = z
  .object({
    kind: z.enum(ENGAGEMENT_KINDS),
    creditCode: z.string().min(1).max(30),
    caseId: z.uuid().optional(),
    /** follow_up: satisfaction 1–5; guidance/assistance/warning: content; interview: scheduledOn and reason. */
    satisfaction: z.number().int().min(1).max(5).optional(),
    content: z.string().trim().min(1).max(8000).optional(),
    signals: z.array(z.enum(RISK_SIGNALS)).max(4).optional(),
    scheduledOn: DateString.optional(),
    reason: z.string().trim().min(1).max(2000).optional(),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export const InterviewMinutesSchema = z
  .object({
    version: z.number().int().min(1),
    minutes: z.string().trim().min(1).max(8000),
    commitments: z.array(z.object({ item: z.string().trim().min(1).max(500), dueOn: DateString })).min(1).max(30),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export const InterviewCheckSchema = z
  .object({
    version: z.number().int().min(1),
    result: z.string().trim().min(1).max(4000),
    /** Indexes of the commitments found fulfilled. */
    fulfilled: z.array(z.number().int().min(0)).max(30),
    /** Records a check before the commitments' due date explicitly. */
    early: z.boolean().optional(),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export const EngagementSchema = z.object({
  id: z.string(),
  kind: z.enum(ENGAGEMENT_KINDS),
  creditCode: z.string(),
  regionCode: z.string(),
  caseId: z.string().nullable(),
  officerName: z.string().nullable(),
  occurredOn: z.string(),
  status: z.string(),
  data: z.record(z.string(), z.unknown()),
  version: z.number(),
  documents: z.array(DocumentRefSchema),
});

export const TimelineItemSchema = z.object({
  date: z.string(),
  type: z.string(),
  id: z.string(),
  title: z.string(),
  status: z.string(),
});

export const SupervisionSchema = z.object({
  asOf: z.string(),
  overdueCases: z.array(z.object({ id: z.string(), caseNo: z.string(), stage: z.string(), due: z.string() })),
  stepsOutOfOrder: z.array(z.object({ id: z.string(), caseNo: z.string(), steps: z.array(z.string()) })),
  decisionsLackingReview: z.array(z.object({ id: z.string(), caseNo: z.string(), missing: z.array(z.string()) })),
  publicationOverdue: z.array(z.object({ id: z.string(), caseNo: z.string(), due: z.string() })),
  /** Open decision deadlines that are overdue, due within 5 working days, or provisional (predicted year), per office and officers. */
  deadlines: z.array(
    z.object({
      id: z.string(),
      caseNo: z.string(),
      regionCode: z.string(),
      officerIds: z.array(z.string()),
      due: z.string(),
      overdue: z.boolean(),
      dueSoon: z.boolean(),
      provisional: z.boolean(),
      provisionalYears: z.array(z.number()),
    }),
  ),
  officerAnomalies: z.array(
    z.object({ officerId: z.string(), officerName: z.string().nullable(), backdatingAttempts: z.number(), overdueCases: z.number(), deviations: z.number() }),
  ),
});

const YoY = z.object({ year: z.number(), previous: z.number(), change: z.number().nullable() });
export const FiguresSchema = z.object({
  year: z.number(),
  cases: YoY,
  notPenalised: YoY,
  mitigatedOrLighter: YoY,
  onTheSpot: YoY,
  interviews: YoY,
  followUps: YoY,
  fineTotalFen: YoY,
});

export const ServiceCardSchema = z.object({
  officerId: z.string(),
  officerName: z.string().nullable(),
  contact: z.string().nullable(),
  rateUrl: z.string(),
  qrPng: z.string(),
  ratings: z.object({ count: z.number(), average: z.number().nullable() }),
});
export const RatingCreateSchema = z.object({ score: z.number().int().min(1).max(5), comment: z.string().trim().max(500).optional() }).strict();

// ---- Issue 11: reasoning (说理式执法), evidence files, public penalty publicity ----

export const PublicPenaltyQuerySchema = z.object({
  /** Matches the party's published name, its credit code or the document number. */
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(500).optional(),
  limit: queryInt(1, 50).default(20),
});

export const PublicPenaltySchema = z.object({
  id: z.string(),
  docNo: z.string(),
  partyName: z.string(),
  creditCode: z.string().nullable(),
  violation: z.string(),
  penalty: z.string(),
  office: z.string(),
  decidedOn: z.string(),
  publishedOn: z.string(),
  endsOn: z.string(),
  pdfUrl: z.string(),
});

import { z } from 'zod';

/** Credit supervision (信用监管): records, repair applications, national systems, risk classes, annual reports. */

export const RECORD_KINDS = ['penalty', 'abnormal', 'serious'] as const;
export const RECORD_STATUSES = ['published', 'repaired', 'expired', 'withdrawn', 'removed'] as const;
export const SEVERITIES = ['minor', 'general', 'serious'] as const;
export const APPLICATION_STATUSES = ['submitted', 'accepted', 'verifying', 'approved', 'refused', 'repaired'] as const;
export const SYSTEMS = ['gsxt', 'ccn'] as const;
export const SYNC_STATES = ['pending', 'confirmed', 'failed'] as const;
export const REFUSAL_REASONS = ['obligations_not_performed', 'harm_not_removed', 'proof_insufficient', 'repeat_violation', 'false_commitment', 'other'] as const;

const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const CreditCode = z.string().regex(/^[0-9A-Z]{18}$/);

export const SystemStateSchema = z.object({
  system: z.enum(SYSTEMS),
  name: z.string(),
  /** published (nothing sent), pending, confirmed, failed. */
  state: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  reference: z.string().nullable(),
});

export const RecordSchema = z.object({
  id: z.string(),
  kind: z.enum(RECORD_KINDS),
  kindLabel: z.string(),
  creditCode: z.string(),
  partyName: z.string(),
  severity: z.enum(SEVERITIES),
  caseNo: z.string().nullable(),
  documentNo: z.string().nullable(),
  issuingOffice: z.string(),
  legalBasis: z.string(),
  grounds: z.string(),
  violationType: z.string().nullable(),
  penaltyKind: z.string(),
  amountFen: z.number(),
  finePaid: z.boolean(),
  decidedOn: z.string(),
  publishedOn: z.string(),
  repairableFrom: z.string().nullable(),
  endsOn: z.string(),
  status: z.enum(RECORD_STATUSES),
  statusOn: z.string().nullable(),
  systems: z.array(SystemStateSchema),
});
export type CreditRecordDto = z.infer<typeof RecordSchema>;

export const PublicRecordSchema = z.object({
  kind: z.enum(RECORD_KINDS),
  kindLabel: z.string(),
  documentNo: z.string().nullable(),
  issuingOffice: z.string(),
  legalBasis: z.string(),
  grounds: z.string(),
  decidedOn: z.string(),
  publishedOn: z.string(),
  endsOn: z.string(),
});
export const PublicCreditPageSchema = z.object({ creditCode: z.string(), name: z.string(), records: z.array(PublicRecordSchema) });

export const ReasonSchema = z.object({ code: z.string(), message: z.string(), rule: z.string() });
export const EligibilitySchema = z.object({ recordId: z.string(), eligible: z.boolean(), reasons: z.array(ReasonSchema), rulesVersion: z.string() });

export const ProofSchema = z.object({ fileId: z.string(), name: z.string(), mime: z.string(), size: z.number() });
export const TimelineEntrySchema = z.object({ at: z.string(), step: z.string(), by: z.string().nullable(), note: z.string().nullable() });

export const ApplicationSchema = z.object({
  id: z.string(),
  recordId: z.string(),
  record: RecordSchema,
  creditCode: z.string(),
  officeRegion: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  measures: z.string(),
  commitmentSigner: z.string(),
  commitmentVersion: z.string(),
  proofs: z.array(ProofSchema),
  verification: z.object({ onSite: z.boolean(), result: z.string(), by: z.string().nullable(), on: z.string() }).nullable(),
  acceptDue: z.string(),
  decideDue: z.string().nullable(),
  refusalReason: z.enum(REFUSAL_REASONS).nullable(),
  refusalReasonLabel: z.string().nullable(),
  decisionNote: z.string().nullable(),
  submittedOn: z.string(),
  decidedOn: z.string().nullable(),
  repairedOn: z.string().nullable(),
  timeline: z.array(TimelineEntrySchema),
  systems: z.array(SystemStateSchema),
  version: z.number(),
});
export type CreditApplicationDto = z.infer<typeof ApplicationSchema>;

export const ApplySchema = z
  .object({
    recordId: z.uuid(),
    /** What was done to correct the violation (履行义务、消除影响的情况). */
    measures: z.string().trim().min(4).max(2000),
    /** The name signing the credit commitment (守信承诺书). */
    commitmentSigner: z.string().trim().min(2).max(50),
    commitmentAccepted: z.literal(true),
    proofFileIds: z.array(z.uuid()).min(1).max(10),
    /** A client-made key: the same submission sent twice makes one application. */
    idempotencyKey: z.string().trim().min(8).max(80),
  })
  .strict();

export const VersionSchema = z.object({ version: z.number().int() }).strict();
export const VerifySchema = z.object({ version: z.number().int(), onSite: z.boolean(), result: z.string().trim().min(2).max(2000) }).strict();
export const ApproveSchema = z.object({ version: z.number().int(), note: z.string().trim().max(2000).optional() }).strict();
export const RefuseSchema = z.object({ version: z.number().int(), reason: z.enum(REFUSAL_REASONS), note: z.string().trim().min(2).max(2000) }).strict();

export const ApplicationQuerySchema = z.object({ status: z.enum(APPLICATION_STATUSES).optional() });

export const FiguresSchema = z.object({
  applications: z.number(),
  repairsCompleted: z.number(),
  medianDaysToRepair: z.number().nullable(),
  confirmedInBoth: z.number(),
  refusalsByReason: z.array(z.object({ reason: z.string(), label: z.string(), count: z.number() })),
});

export const RiskClassSchema = z.object({
  creditCode: z.string(),
  riskClass: z.string(),
  score: z.number(),
  rulesVersion: z.string(),
  factors: z.array(z.object({ factor: z.string(), points: z.number() })),
  computedAt: z.string(),
});
export const BatchSchema = z.object({ id: z.string(), period: z.string(), status: z.string(), total: z.number(), done: z.number(), changed: z.number(), startedAt: z.string(), finishedAt: z.string().nullable() });

export const AnnualReportCreateSchema = z
  .object({
    creditCode: CreditCode,
    year: z.number().int().min(2000).max(2100),
    public: z.object({
      address: z.string().trim().min(2).max(200),
      phone: z.string().trim().min(5).max(30),
      email: z.string().trim().max(100).optional(),
      employees: z.number().int().min(0).max(10_000_000),
      website: z.string().trim().max(200).optional(),
      investors: z.array(z.object({ name: z.string().trim().min(1).max(100), amountFen: z.number().int().min(0) })).max(50),
    }),
    private: z.object({
      assetsFen: z.number().int().min(0),
      liabilitiesFen: z.number().int().min(0),
      revenueFen: z.number().int().min(0),
      profitFen: z.number().int(),
      taxFen: z.number().int().min(0),
    }),
  })
  .strict();
export const AnnualReportSchema = z.object({ id: z.string(), creditCode: z.string(), year: z.number(), filedOn: z.string(), late: z.boolean(), public: z.record(z.string(), z.unknown()) });

export const SystemConfigSchema = z.object({ code: z.enum(SYSTEMS), name: z.string(), endpointUrl: z.string().nullable() });
export const SystemUpdateSchema = z.object({ endpointUrl: z.url().nullable(), secret: z.string().min(16).max(200).optional() }).strict();

/** The signed mutual-recognition notice from 信用中国: a repair decided there for a record of ours. */
export const InboundNoticeSchema = z
  .object({
    noticeId: z.string().min(4).max(80),
    creditCode: CreditCode,
    documentNo: z.string().min(2).max(100),
    repairedOn: DateString,
  })
  .strict();

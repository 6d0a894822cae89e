import { z } from 'zod';

/** Shared request/response schemas of the inspections module (server, web and the draw verifier). */

const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Region = z.string().regex(/^\d{2,6}$/);
const Code = z.string().regex(/^[a-z0-9_-]{2,32}$/);
const Text = (max: number) => z.string().trim().min(1).max(max);

export const TASK_STATUSES = ['committing', 'drawing', 'drawn', 'completed', 'published'] as const;
export const PROPOSAL_STATUSES = ['open', 'hidden', 'merged', 'rejected', 'adopted', 'answered'] as const;
export const ITEM_RESULTS = ['pass', 'fail', 'na'] as const;
export const MODERATIONS = ['hide', 'merge', 'reject', 'answer', 'solve'] as const;

// ---- the list and the directories

export const DepartmentSchema = z.object({ code: Code, name: Text(60) });
export const FieldCreateSchema = z.object({ code: Code, name: Text(60), industryCodes: z.array(z.string().regex(/^[A-T]?\d{0,4}$/).min(1)).max(40).default([]) });
export const ItemCreateSchema = z.object({ fieldId: z.uuid(), departmentCode: Code, name: Text(200), legalBasis: Text(300), method: z.string().max(60).optional() });
export const ItemSchema = z.object({ id: z.string(), fieldId: z.string(), departmentCode: z.string(), name: z.string(), legalBasis: z.string(), method: z.string() });
export const FieldSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), industryCodes: z.array(z.string()), departments: z.array(z.string()), items: z.array(ItemSchema) });
export const SamplingRuleSchema = z.object({
  id: z.string(),
  province: z.string(),
  citation: z.string(),
  classes: z.array(z.object({ riskClass: z.string(), min: z.number(), max: z.number(), default: z.number() })),
});
export const CatalogueSchema = z.object({ departments: z.array(DepartmentSchema), fields: z.array(FieldSchema), samplingRule: SamplingRuleSchema });

export const DirectoryCreateSchema = z.object({ fieldId: z.uuid(), departmentCode: Code.optional(), name: Text(100), regionCode: Region });
export const DirectorySchema = z.object({ id: z.string(), fieldId: z.string(), departmentCode: z.string().nullable(), name: z.string(), regionCode: z.string(), targets: z.number() });
export const AddTargetsSchema = z.object({
  creditCodes: z.array(z.string().regex(/^[0-9A-Z]{18}$/)).max(5000).optional(),
  /** Add the register's active enterprises of the field's industries within the directory's region. */
  fromRegister: z.boolean().optional(),
});
export const AddTargetsResultSchema = z.object({ added: z.number(), notFound: z.array(z.string()), total: z.number() });

export const InspectorCreateSchema = z.object({
  name: Text(40),
  accountId: z.uuid().optional(),
  departmentCode: Code,
  regionCode: Region,
  residenceRegionCode: z.string().regex(/^\d{6}$/),
  qualifications: z.array(Text(40)).max(20).default([]),
  available: z.boolean().default(true),
  conflicts: z.array(z.string().regex(/^[0-9A-Z]{18}$/)).max(200).default([]),
});
export const InspectorUpdateSchema = z.object({ available: z.boolean().optional(), conflicts: z.array(z.string().regex(/^[0-9A-Z]{18}$/)).max(200).optional() });
export const InspectorSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  accountId: z.string().nullable(),
  departmentCode: z.string(),
  regionCode: z.string(),
  residenceRegionCode: z.string(),
  qualifications: z.array(z.string()),
  available: z.boolean(),
  conflicts: z.array(z.string()),
});

// ---- plans and tasks

export const PlanCreateSchema = z.object({ year: z.number().int().min(2000).max(2100), title: Text(100), departmentCode: Code.optional(), fieldId: z.uuid().optional(), regionCode: Region });
export const PlanSchema = z.object({ id: z.string(), year: z.number(), title: z.string(), departmentCode: z.string().nullable(), fieldId: z.string().nullable(), regionCode: z.string(), tasks: z.number() });

export const Ratios = z.record(z.string().regex(/^[A-E-]$/), z.number().min(0).max(1));
export const TaskCreateSchema = z.object({
  planId: z.uuid().optional(),
  title: Text(100),
  fieldId: z.uuid(),
  regionCode: Region,
  departments: z.array(Code).min(1).max(10),
  /** Items to check (default: every item of the field for the departments taking part). */
  itemIds: z.array(z.uuid()).max(200).optional(),
  periodStart: DateString,
  periodEnd: DateString,
  ratios: Ratios.optional(),
  teamSize: z.number().int().min(2).max(10).optional(),
});
export const CommitSchema = z.object({ party: Code, commitment: z.string().regex(/^[0-9a-f]{64}$/) });
export const RevealSchema = z.object({ party: Code, reveal: z.string().min(8).max(200) });

export const ChecklistItemSchema = z.object({
  itemId: z.string(),
  taskId: z.string(),
  department: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  result: z.enum(ITEM_RESULTS).nullable(),
  note: z.string().nullable(),
  photoFileIds: z.array(z.string()),
});
export const VisitSchema = z.object({
  id: z.string(),
  creditCode: z.string(),
  name: z.string(),
  regionCode: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  team: z.array(z.object({ code: z.string(), name: z.string().nullable(), department: z.string().nullable() })),
  taskNos: z.array(z.string()),
  checklist: z.array(ChecklistItemSchema),
  status: z.enum(['open', 'done']),
  finding: z.boolean(),
  summary: z.string().nullable(),
  completedOn: z.string().nullable(),
  publishDue: z.string().nullable(),
  publishedOn: z.string().nullable(),
  version: z.number(),
});

export const VerificationSchema = z.object({
  algorithm: z.string(),
  seed: z.string(),
  snapshotHash: z.string(),
  inspectorsHash: z.string(),
  parties: z.array(z.object({ party: z.string(), commitment: z.string(), reveal: z.string().nullable() })),
  strata: z.array(z.object({ stratum: z.string(), size: z.number(), ratio: z.number(), drawn: z.number() })),
  command: z.string(),
  bundleUrl: z.string(),
});

export const TaskSchema = z.object({
  id: z.string(),
  taskNo: z.string(),
  kind: z.enum(['random', 'surprise']),
  title: z.string(),
  fieldId: z.string().nullable(),
  fieldName: z.string().nullable(),
  regionCode: z.string(),
  departments: z.array(z.string()),
  itemIds: z.array(z.string()),
  periodStart: z.string(),
  periodEnd: z.string(),
  ratios: z.record(z.string(), z.number()),
  ratioRule: z.string(),
  teamSize: z.number(),
  status: z.enum(TASK_STATUSES),
  proposalId: z.string().nullable(),
  parties: z.array(z.object({ party: z.string(), committed: z.boolean(), revealed: z.boolean() })),
  progress: z.object({ phase: z.string(), done: z.number(), total: z.number() }).nullable(),
  verification: VerificationSchema.nullable(),
  visits: z.array(VisitSchema),
  visitsAvoided: z.number(),
  shortfalls: z.number(),
  publishedOn: z.string().nullable(),
  version: z.number(),
});
export const TaskSummarySchema = TaskSchema.pick({ id: true, taskNo: true, kind: true, title: true, regionCode: true, departments: true, periodStart: true, periodEnd: true, status: true, publishedOn: true });

export const ItemResultSchema = z.object({ result: z.enum(ITEM_RESULTS), note: z.string().max(1000).optional() });
export const CompleteVisitSchema = z.object({ version: z.number().int(), summary: z.string().max(2000).optional() });

// ---- the public's order (点单)

export const PhoneCodeRequestSchema = z.object({ phone: z.string().max(20) });
export const PhoneSessionRequestSchema = z.object({ phone: z.string().max(20), code: z.string().max(10) });
export const PhoneSessionSchema = z.object({ token: z.string(), expiresAt: z.string() });
export const ProposalCreateSchema = z.object({ token: z.string().max(100), title: Text(80), body: Text(2000), regionCode: z.string().regex(/^\d{6}$/) });
export const SupportSchema = z.object({ token: z.string().max(100) });
export const ModerateSchema = z.object({
  action: z.enum(MODERATIONS),
  version: z.number().int(),
  /** merge: the proposal this one joins. */
  targetId: z.uuid().optional(),
  /** reject and answer: the official answer; solve: the outcome. */
  answer: z.string().trim().max(2000).optional(),
});
export const AdoptSchema = z.object({
  fieldId: z.uuid(),
  departments: z.array(Code).min(1).max(10),
  creditCodes: z.array(z.string().regex(/^[0-9A-Z]{18}$/)).min(1).max(50),
  periodStart: DateString,
  periodEnd: DateString,
  /** The proposal to adopt (default: the open proposal with the most supports). */
  proposalId: z.uuid().optional(),
});
export const VideoSchema = z.object({
  id: z.string(),
  title: z.string(),
  mime: z.string(),
  size: z.number(),
  proposalId: z.string().nullable(),
  taskId: z.string().nullable(),
  views: z.number(),
  streamUrl: z.string(),
  posterUrl: z.string(),
  createdAt: z.string(),
});
export const ProposalSchema = z.object({
  id: z.string(),
  proposalNo: z.string(),
  title: z.string(),
  body: z.string(),
  regionCode: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  supports: z.number(),
  mergedInto: z.string().nullable(),
  mergedFrom: z.array(z.string()),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  taskId: z.string().nullable(),
  problemSolved: z.boolean(),
  outcome: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export const PublicVisitSchema = z.object({ creditCode: z.string(), name: z.string(), finding: z.boolean(), summary: z.string().nullable(), completedOn: z.string().nullable(), items: z.array(z.object({ name: z.string(), department: z.string(), result: z.enum(ITEM_RESULTS).nullable() })) });
export const PublicTaskSchema = z.object({
  id: z.string(),
  taskNo: z.string(),
  kind: z.enum(['random', 'surprise']),
  title: z.string(),
  regionCode: z.string(),
  departments: z.array(z.string()),
  periodStart: z.string(),
  periodEnd: z.string(),
  publishedOn: z.string().nullable(),
  visitsAvoided: z.number(),
  verification: VerificationSchema.nullable(),
  visits: z.array(PublicVisitSchema),
});
export const PublicProposalSchema = ProposalSchema.omit({ version: true }).extend({ task: PublicTaskSchema.nullable(), videos: z.array(VideoSchema) });
export const ViewSchema = z.object({ visitor: z.string().min(8).max(100) });

export const FiguresSchema = z.object({
  industryFields: z.number(),
  targetDirectories: z.number(),
  targets: z.number(),
  inspectors: z.number(),
  tasks: z.number(),
  jointTasks: z.number(),
  enterprisesChecked: z.number(),
  visits: z.number(),
  visitsAvoided: z.number(),
  drawsByClass: z.array(z.object({ riskClass: z.string(), drawn: z.number() })),
  participants: z.number(),
  proposals: z.number(),
  proposalsAnswered: z.number(),
  videos: z.number(),
  views: z.number(),
  problemsSolved: z.number(),
});

// ---- the published draw (what `npm run draw:verify` reads)

export const DrawBundleSchema = z.object({
  algorithm: z.string(),
  taskId: z.string(),
  taskNo: z.string(),
  parties: z.array(z.object({ party: z.string(), commitment: z.string(), reveal: z.string() })),
  seed: z.string(),
  ratios: z.record(z.string(), z.number()),
  departments: z.array(z.string()),
  teamSize: z.number(),
  directory: z.object({ hash: z.string(), entries: z.array(z.tuple([z.string(), z.string(), z.string()])) }),
  inspectors: z.object({
    hash: z.string(),
    entries: z.array(z.object({ code: z.string(), department: z.string(), residenceRegionCode: z.string(), available: z.boolean(), excluded: z.array(z.string()), load: z.number() })),
  }),
  result: z.object({
    targets: z.array(z.object({ creditCode: z.string(), stratum: z.string() })),
    strata: z.array(z.object({ stratum: z.string(), size: z.number(), ratio: z.number(), drawn: z.number() })),
    teams: z.array(z.object({ creditCode: z.string(), inspectors: z.array(z.string()) })),
    shortfalls: z.array(z.object({ creditCode: z.string(), department: z.string() })),
  }),
});

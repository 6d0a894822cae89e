import { z } from 'zod';

/**
 * Service experience (换位体验) and the directors' clinic (坐诊接诉): "one thing" service items,
 * experiencers, the closed loop of findings and measures, 好差评 ratings and the clinic.
 */

const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Text = (max: number) => z.string().trim().min(1).max(max);
const Level = z.number().int().min(1).max(5);
const Region = z.string().regex(/^\d{2,6}$/);

export const MEASURE_STATUSES = ['open', 'done', 'evaluated'] as const;
export const RATING_STATUSES = ['closed', 'rectifying', 'rectified', 're_rated', 'appealed', 'voided'] as const;
export const BOOKING_STATUSES = ['booked', 'prescribed', 'reported', 'rated'] as const;
export const LOOP_STATES = ['no_findings', 'awaiting_measures', 'in_progress', 'overdue', 'awaiting_evaluation', 'closed', 'reopened'] as const;

// ---- "one thing" service items -------------------------------------------------------------
export const ItemCreateSchema = z
  .object({
    code: z.string().trim().regex(/^[a-z0-9-]{2,40}$/),
    name: Text(100),
    departments: z.array(Text(60)).min(1).max(20),
    statutoryDays: z.number().int().min(1).max(365),
    committedDays: z.number().int().min(1).max(365),
    regionCode: Region,
  })
  .strict()
  .refine((v) => v.committedDays <= v.statutoryDays, { path: ['committedDays'], message: 'committed_over_statutory' });
export const ItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  departments: z.array(z.string()),
  statutoryDays: z.number(),
  committedDays: z.number(),
  regionCode: z.string(),
  /** (statutory − committed) / statutory × 100, two decimals. */
  committedSpeedUp: z.number().nullable(),
  cases: z.number(),
  actualSpeedUp: z.number().nullable(),
  loopState: z.enum(LOOP_STATES),
  loopStateLabel: z.string(),
});
export const ItemCaseSchema = z.object({ handledOn: DateString, daysTaken: z.number().int().min(0).max(365) }).strict();

// ---- experiencers ---------------------------------------------------------------------------
export const TeamCreateSchema = z.object({ name: Text(60), regionCode: Region }).strict();
export const TeamSchema = z.object({ id: z.string(), name: z.string(), regionCode: z.string(), members: z.number() });
export const ExperiencerCreateSchema = z.object({ name: Text(40), teamId: z.string().uuid(), accountId: z.string().uuid().optional() }).strict();
export const ExperiencerSchema = z.object({ id: z.string(), name: z.string(), teamId: z.string(), teamName: z.string(), accountId: z.string().nullable(), recruitedOn: z.string() });
export const CategorySchema = z.object({ code: z.string(), label: z.string(), active: z.boolean() });
export const CategoryUpsertSchema = z
  .object({ code: z.string().regex(/^[a-z0-9_-]{2,30}$/), labelZhCn: Text(30), labelZhTw: Text(30), labelEn: Text(60), active: z.boolean().default(true) })
  .strict();
export const ExperienceSessionCreateSchema = z
  .object({ itemId: z.string().uuid(), experiencerId: z.string().uuid(), accompaniedBy: Text(60), heldOn: DateString, note: z.string().max(500).default('') })
  .strict();
export const ExperienceSessionSchema = z.object({ id: z.string(), itemId: z.string(), experiencerId: z.string(), accompaniedBy: z.string(), heldOn: z.string(), note: z.string() });
export const FindingCreateSchema = z
  .object({ itemId: z.string().uuid(), sessionId: z.string().uuid().optional(), category: z.string().min(2).max(30), description: Text(1000) })
  .strict();
export const SuggestionCreateSchema = z.object({ itemId: z.string().uuid().optional(), text: Text(1000) }).strict();
export const SuggestionSchema = z.object({ id: z.string(), itemId: z.string().nullable(), text: z.string(), createdOn: z.string() });

export const MeasureSchema = z.object({
  id: z.string(),
  findingId: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  description: z.string(),
  department: z.string(),
  ownerId: z.string(),
  dueOn: z.string(),
  dueProvisional: z.boolean(),
  overdue: z.boolean(),
  status: z.enum(MEASURE_STATUSES),
  doneOn: z.string().nullable(),
  doneNote: z.string().nullable(),
  evaluation: z.enum(['fixed', 'not_fixed']).nullable(),
  evaluationNote: z.string().nullable(),
  version: z.number(),
});
export const FindingSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  experiencerId: z.string(),
  experiencerName: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  description: z.string(),
  createdOn: z.string(),
  measures: z.array(MeasureSchema),
});
export const MeasureCreateSchema = z
  .object({ description: Text(500), department: Text(60), ownerId: z.string().uuid(), dueOn: DateString })
  .strict();
export const MeasureDoneSchema = z.object({ version: z.number().int().min(1), note: Text(1000) }).strict();
export const MeasureEvaluateSchema = z.object({ version: z.number().int().min(1), evaluation: z.enum(['fixed', 'not_fixed']), note: z.string().max(500).default('') }).strict();
export const MeasureQuerySchema = z.object({ scope: z.enum(['mine', 'all']).default('all') });
export const MyExperienceSchema = z.object({ experiencer: ExperiencerSchema, findings: z.array(FindingSchema), suggestions: z.array(SuggestionSchema) });
export const LoopSchema = z.object({ item: ItemSchema, findings: z.array(FindingSchema) });

// ---- 好差评 ---------------------------------------------------------------------------------
const Matter = { matterModule: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/), matterId: z.string().trim().min(1).max(80) };
export const CounterRatingSchema = z
  .object({ ...Matter, itemId: z.string().uuid().optional(), level: Level, comment: z.string().max(500).default(''), regionCode: Region })
  .strict();
export const OnlineRatingSchema = z
  .object({ ...Matter, itemId: z.string().uuid().optional(), level: Level, comment: z.string().max(500).default(''), regionCode: Region, handlerId: z.string().uuid().optional() })
  .strict();
export const RatingSchema = z.object({
  id: z.string(),
  matterModule: z.string(),
  matterId: z.string(),
  itemId: z.string().nullable(),
  channel: z.enum(['counter', 'online']),
  level: z.number(),
  levelLabel: z.string(),
  bad: z.boolean(),
  comment: z.string(),
  regionCode: z.string(),
  ratedOn: z.string(),
  status: z.enum(RATING_STATUSES),
  rectifyDueOn: z.string().nullable(),
  rectificationNote: z.string().nullable(),
  rectifiedOn: z.string().nullable(),
  reRating: z.number().nullable(),
  appealReason: z.string().nullable(),
  appealNote: z.string().nullable(),
  version: z.number(),
});
export const RatingQuerySchema = z.object({ matterModule: z.string().max(30).optional(), status: z.enum(RATING_STATUSES).optional() });
export const RectifySchema = z.object({ version: z.number().int().min(1), note: Text(1000) }).strict();
export const ReRateSchema = z.object({ version: z.number().int().min(1), level: Level }).strict();
export const AppealSchema = z.object({ version: z.number().int().min(1), reason: Text(1000) }).strict();
export const AppealDecisionSchema = z.object({ version: z.number().int().min(1), upheld: z.boolean(), note: Text(1000) }).strict();
export const SettingsSchema = z.object({ rectificationWorkingDays: z.number().int().min(1).max(60), rectificationSource: z.string() });
export const SettingsUpdateSchema = z.object({ rectificationWorkingDays: z.number().int().min(1).max(60) }).strict();

// ---- the directors' clinic ------------------------------------------------------------------
export const ClinicSessionCreateSchema = z
  .object({ theme: Text(100), heldOn: DateString, place: z.string().max(100).default(''), slots: z.number().int().min(1).max(500), regionCode: Region })
  .strict();
export const ClinicSessionSchema = z.object({
  id: z.string(),
  directorId: z.string(),
  directorName: z.string(),
  theme: z.string(),
  heldOn: z.string(),
  place: z.string(),
  slots: z.number(),
  booked: z.number(),
  regionCode: z.string(),
});
export const BookingCreateSchema = z.object({ creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/), enterpriseName: Text(100), problem: Text(2000) }).strict();
export const ClinicActionSchema = z.object({ department: Text(60), action: Text(500) });
export const BookingSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  theme: z.string(),
  heldOn: z.string(),
  directorName: z.string(),
  creditCode: z.string(),
  enterpriseName: z.string(),
  problem: z.string(),
  bookedOn: z.string(),
  status: z.enum(BOOKING_STATUSES),
  prescription: z.string().nullable(),
  actions: z.array(ClinicActionSchema),
  reportOwnerId: z.string().nullable(),
  prescribedOn: z.string().nullable(),
  reportDueOn: z.string().nullable(),
  reportDueProvisional: z.boolean(),
  report: z.string().nullable(),
  solved: z.boolean().nullable(),
  reportedOn: z.string().nullable(),
  reportedOnTime: z.boolean().nullable(),
  rating: z.number().nullable(),
  problemClassId: z.string().nullable(),
  version: z.number(),
});
export const PrescribeSchema = z
  .object({ version: z.number().int().min(1), prescription: Text(2000), actions: z.array(ClinicActionSchema.strict()).min(1).max(20), reportOwnerId: z.string().uuid() })
  .strict();
export const ReportSchema = z.object({ version: z.number().int().min(1), report: Text(2000), solved: z.boolean() }).strict();
export const BookingRateSchema = z.object({ version: z.number().int().min(1), level: Level }).strict();
export const ProblemClassCreateSchema = z.object({ name: Text(100), policyFix: Text(2000), bookingIds: z.array(z.string().uuid()).min(1).max(200) }).strict();
export const ProblemClassSchema = z.object({ id: z.string(), name: z.string(), policyFix: z.string(), bookings: z.number() });

// ---- figures --------------------------------------------------------------------------------
export const ServiceFiguresSchema = z.object({
  teams: z.number(),
  experiencers: z.number(),
  findings: z.number(),
  problemKinds: z.number(),
  measures: z.number(),
  measuresClosed: z.number(),
  suggestions: z.number(),
  oneThingCases: z.number(),
  committedSpeedUp: z.number().nullable(),
  actualSpeedUp: z.number().nullable(),
  speedUpFormula: z.object({ committed: z.string(), actual: z.string(), source: z.string() }),
  ratings: z.number(),
  badReviews: z.number(),
  satisfactionRate: z.number().nullable(),
  clinicSessions: z.number(),
  businessesReceived: z.number(),
  problemsSolved: z.number(),
  reportsDue: z.number(),
  reportsOnTime: z.number(),
});

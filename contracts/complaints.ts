import { z } from 'zod';
import { queryInt, queryNumber } from './common.js';

/** Consumer complaints (投诉), reports (举报), the mediation network and mediation (SAMR Order No. 20). */

export const STATION_TYPES = ['bureau_office', 'department', 'industry_committee', 'warm_heart', 'volunteer_point'] as const;
/** 吃住行游购娱 */
export const CATEGORIES = ['food', 'lodging', 'transport', 'tourism', 'shopping', 'entertainment'] as const;
/** 听辨劝借让和 */
export const MEDIATION_STEPS = ['listen', 'discern', 'persuade', 'borrow', 'yield', 'reconcile'] as const;
export const COMPLAINT_STATUSES = ['received', 'accepted', 'refused', 'mediating', 'closed', 'forwarded'] as const;
export const OUTCOMES = ['agreement', 'no_agreement', 'terminated'] as const;
export const MEDIATION_MODES = ['on_site', 'remote'] as const;
/** How a complaint's region was chosen (issue 11): station QR, register, district given, address, the city's intake queue, a director's re-routing. */
export const ROUTED_BY = ['station', 'respondent', 'district', 'address', 'city_queue', 'manual'] as const;
export const UNIT_KINDS = ['department', 'industry_committee'] as const;

const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);
const Lat = z.number().min(-90).max(90);
const Lng = z.number().min(-180).max(180);

export const OpeningPeriodSchema = z.object({ days: z.array(z.number().int().min(1).max(7)).min(1).max(7), open: Hhmm, close: Hhmm });
export const StationMediatorSchema = z.object({ accountId: z.uuid().nullable().optional(), name: z.string().trim().min(1).max(50) });

export const StationCreateSchema = z
  .object({
    name: z.string().trim().min(2).max(100),
    type: z.enum(STATION_TYPES),
    address: z.string().trim().min(2).max(200),
    regionCode: z.string().regex(/^\d{6}$/),
    lat: Lat,
    lng: Lng,
    openingHours: z.array(OpeningPeriodSchema).max(14).default([]),
    mediators: z.array(StationMediatorSchema).max(50).default([]),
    phone: z.string().max(30).nullable().optional(),
    active: z.boolean().default(true),
  })
  .strict();
export type StationCreate = z.infer<typeof StationCreateSchema>;
export const StationUpdateSchema = StationCreateSchema.partial().extend({ version: z.number().int().min(1) }).strict();

export const StationSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(STATION_TYPES),
  address: z.string(),
  regionCode: z.string(),
  lat: z.number(),
  lng: z.number(),
  openingHours: z.array(OpeningPeriodSchema),
  mediators: z.array(z.object({ accountId: z.string().nullable().optional(), name: z.string() })),
  phone: z.string().nullable(),
  active: z.boolean(),
  intakeUrl: z.string(),
  version: z.number(),
});
export type StationDto = z.infer<typeof StationSchema>;

export const NearestQuerySchema = z.object({
  lat: queryNumber(-90, 90),
  lng: queryNumber(-180, 180),
  limit: queryInt(1, 20).default(5),
  /** Search radius in metres. */
  radius: queryInt(100, 50_000).default(5_000),
});
export const NearestStationSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(STATION_TYPES),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  meters: z.number(),
  walkingMinutes: z.number(),
  openNow: z.boolean(),
  intakeUrl: z.string(),
});

export const CoverageRequestSchema = z
  .object({
    points: z.array(z.object({ name: z.string().trim().min(1).max(100), lat: Lat, lng: Lng })).min(1).max(5000),
    /** Within how many minutes' walk (default 5). */
    minutes: z.number().int().min(1).max(60).default(5),
    /** Count only stations open at this instant (default: now). */
    at: z.iso.datetime().optional(),
  })
  .strict();
const CoveragePointSchema = z.object({
  name: z.string(),
  lat: z.number(),
  lng: z.number(),
  nearestStationId: z.string().nullable(),
  meters: z.number().nullable(),
  walkingMinutes: z.number().nullable(),
});
export const CoverageSchema = z.object({
  total: z.number(),
  covered: z.number(),
  share: z.number(),
  minutes: z.number(),
  openStations: z.number(),
  points: z.array(CoveragePointSchema.extend({ covered: z.boolean() })),
  uncovered: z.array(CoveragePointSchema),
});

/** The intake form (art. 9 materials). The module checks required fields and limits with named errors. */
export const IntakeSchema = z
  .object({
    kind: z.enum(['complaint', 'report']).default('complaint'),
    complainantName: z.string().default(''),
    complainantPhone: z.string().max(30).default(''),
    complainantAddress: z.string().default(''),
    /** Optional 居民身份证号码 (checked: length, region, birth date, check digit). */
    complainantIdNumber: z.string().max(30).nullable().optional(),
    respondentName: z.string().default(''),
    respondentAddress: z.string().default(''),
    /** When known: the respondent's unified social credit code. */
    respondentCreditCode: z.string().max(30).nullable().optional(),
    /** The respondent's mobile, when known: the outcome notice goes by SMS if it has no portal account. */
    respondentPhone: z.string().max(30).nullable().optional(),
    /** The district where the respondent operates, when the respondent is not in the register. */
    regionCode: z.string().regex(/^\d{6}$/).nullable().optional(),
    category: z.enum(CATEGORIES).nullable().optional(),
    request: z.string().default(''),
    facts: z.string().default(''),
    /** Purchase amount in fen (分). */
    amountFen: z.number().nullable().optional(),
    occurredOn: DateString.nullable().optional(),
    stationId: z.uuid().nullable().optional(),
    /** A client-generated key: submitting the same form twice makes one complaint. */
    idempotencyKey: z.string().min(8).max(100).nullable().optional(),
  })
  .strict();
export type Intake = z.infer<typeof IntakeSchema>;

export const IntakeResultSchema = z.object({
  trackingNo: z.string(),
  kind: z.enum(['complaint', 'report']),
  receivedOn: z.string(),
  /** Null when the working-day calendar does not cover the date yet. */
  acceptanceDue: z.string().nullable(),
  /** A likely duplicate (same phone and respondent within 30 days) was found. */
  possibleDuplicate: z.boolean(),
  /** True when this was a repeated submission of an earlier form (nothing new was created). */
  replayed: z.boolean(),
});

export const TrackSchema = z.object({ trackingNo: z.string().trim().min(4).max(40), code: z.string().trim().min(4).max(24) }).strict();
export const ResendCodeSchema = z.object({ trackingNo: z.string().trim().min(4).max(40), phone: z.string().max(30) }).strict();

export const TimelineEntrySchema = z.object({
  kind: z.string(),
  step: z.enum(MEDIATION_STEPS).nullable(),
  mode: z.enum(MEDIATION_MODES).nullable(),
  note: z.string(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const PublicComplaintSchema = z.object({
  trackingNo: z.string(),
  kind: z.enum(['complaint', 'report']),
  status: z.enum(COMPLAINT_STATUSES),
  respondentName: z.string(),
  receivedOn: z.string(),
  acceptanceDue: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  refusalGround: z.string().nullable(),
  mediationDue: z.string().nullable(),
  /** The current deadline was computed over a year whose holiday notice is not out yet (predicted). */
  dueProvisional: z.boolean(),
  dueProvisionalYears: z.array(z.number()),
  paused: z.boolean(),
  outcome: z.enum(OUTCOMES).nullable(),
  outcomeText: z.string().nullable(),
  concludedOn: z.string().nullable(),
  timeline: z.array(TimelineEntrySchema.omit({ actorName: true, note: true })),
});

export const ComplaintSchema = z.object({
  id: z.string(),
  trackingNo: z.string(),
  kind: z.enum(['complaint', 'report']),
  channel: z.enum(['web', 'qr', 'staff', 'import']),
  status: z.enum(COMPLAINT_STATUSES),
  stationId: z.string().nullable(),
  complainantName: z.string(),
  complainantPhoneMasked: z.string(),
  complainantIdMasked: z.string().nullable(),
  complainantAddress: z.string(),
  respondentName: z.string(),
  respondentAddress: z.string(),
  respondentCreditCode: z.string().nullable(),
  regionCode: z.string().nullable(),
  category: z.enum(CATEGORIES).nullable(),
  request: z.string(),
  facts: z.string(),
  amountFen: z.number().nullable(),
  occurredOn: z.string().nullable(),
  duplicateOf: z.string().nullable(),
  receivedOn: z.string(),
  receivedAt: z.string(),
  acceptanceDue: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  refusalGround: z.string().nullable(),
  refusalNote: z.string().nullable(),
  mediatorId: z.string().nullable(),
  mediatorName: z.string().nullable(),
  recused: z.array(z.string()),
  mediationMode: z.enum(MEDIATION_MODES).nullable(),
  mediationDue: z.string().nullable(),
  /** The current deadline (acceptance or mediation) was computed over a predicted year. */
  dueProvisional: z.boolean(),
  dueProvisionalYears: z.array(z.number()),
  pausedSince: z.string().nullable(),
  pausedWorkingDays: z.number(),
  outcome: z.enum(OUTCOMES).nullable(),
  terminationGround: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  agreementFileId: z.string().nullable(),
  concludedOn: z.string().nullable(),
  terminationNoticeDue: z.string().nullable(),
  feedbackAt: z.string().nullable(),
  satisfaction: z.number().nullable(),
  reopenedCount: z.number(),
  routedBy: z.enum(ROUTED_BY).nullable(),
  /** The department or industry mediation committee the routing table chose (or the director set). */
  handlingUnit: z.object({ id: z.string(), name: z.string(), kind: z.enum(UNIT_KINDS) }).nullable(),
  /** When the respondent was told the outcome (art. 21: within 7 working days). */
  respondentNotifiedAt: z.string().nullable(),
  /** Every document issued for the case, kept across reopenings (superseded: issued before a reopening). */
  documents: z.array(z.object({ id: z.string(), kind: z.string(), issuedAt: z.string(), superseded: z.boolean() })),
  /** Colour of the current deadline: red overdue, orange within 2 working days. */
  deadlineColour: z.enum(['red', 'orange', 'green']).nullable(),
  /** Hours spent in the three fast stages (accept, handle, feed back); null until the stage ends. */
  stages: z.object({ acceptHours: z.number().nullable(), handleHours: z.number().nullable(), feedbackHours: z.number().nullable() }),
  stepsDone: z.array(z.enum(MEDIATION_STEPS)),
  version: z.number(),
  timeline: z.array(TimelineEntrySchema),
});
export type ComplaintDto = z.infer<typeof ComplaintSchema>;

export const ComplaintSummarySchema = ComplaintSchema.pick({
  id: true,
  trackingNo: true,
  kind: true,
  status: true,
  complainantName: true,
  respondentName: true,
  regionCode: true,
  receivedOn: true,
  acceptanceDue: true,
  mediationDue: true,
  dueProvisional: true,
  dueProvisionalYears: true,
  mediatorName: true,
  outcome: true,
  duplicateOf: true,
  deadlineColour: true,
  routedBy: true,
});

export const ComplaintQuerySchema = z.object({
  status: z.enum(COMPLAINT_STATUSES).optional(),
  kind: z.enum(['complaint', 'report']).optional(),
  cursor: z.string().max(500).optional(),
  limit: queryInt(1, 200).default(50),
});

const Version = z.number().int().min(1);
export const VersionBodySchema = z.object({ version: Version }).strict();
export const RefuseSchema = z.object({ version: Version, ground: z.string().max(50), note: z.string().max(1000).default('') }).strict();
export const AssignSchema = z.object({ version: Version, mediatorId: z.uuid(), mode: z.enum(MEDIATION_MODES).default('on_site') }).strict();
export const RecuseSchema = z.object({ version: Version, reason: z.string().trim().min(1).max(500) }).strict();
export const StepSchema = z
  .object({ step: z.enum(MEDIATION_STEPS), mode: z.enum(MEDIATION_MODES).default('on_site'), note: z.string().trim().min(1).max(4000), thirdParties: z.array(z.string().max(100)).max(20).optional() })
  .strict();
export const PauseSchema = z.object({ version: Version, reason: z.string().trim().min(1).max(500) }).strict();
export const ConcludeSchema = z
  .object({
    version: Version,
    outcome: z.enum(OUTCOMES),
    terminationGround: z.string().max(50).nullable().optional(),
    note: z.string().max(2000).default(''),
    /** The terms both parties agreed (printed on the mediation agreement). */
    agreementTerms: z.string().max(4000).nullable().optional(),
  })
  .strict();
export const FollowUpSchema = z
  .object({ version: Version, satisfaction: z.number().int().min(1).max(5), note: z.string().max(2000).default(''), reopen: z.boolean().default(false) })
  .strict();
export const ReopenSchema = z.object({ version: Version, reason: z.string().trim().min(1).max(500) }).strict();

export const GroundSchema = z.object({ id: z.string(), article: z.string(), label: z.string() });
export const GroundsSchema = z.object({ refusal: z.array(GroundSchema), termination: z.array(GroundSchema) });

export const FiguresSchema = z.object({
  complaints: z.number(),
  concludedMediations: z.number(),
  agreements: z.number(),
  /** Terminated because the complaint was withdrawn or the parties settled (art. 21(1)): resolved. */
  settled: z.number(),
  /** Terminated on art. 21(6)/(7): not a mediation result, outside the rate. */
  excluded: z.number(),
  /** (agreements + settled) ÷ (concluded − excluded), null when nothing counts (domain/success-rate.ts). */
  mediationSuccessRate: z.number().nullable(),
  /** The definition of the rate, shown next to the figure. */
  successRateDefinition: z.object({ 'zh-CN': z.string(), 'zh-TW': z.string(), en: z.string() }),
  /** Average hours of each fast stage (accept, handle, feed back). */
  stages: z.object({ acceptHours: z.number().nullable(), handleHours: z.number().nullable(), feedbackHours: z.number().nullable() }),
  averageSatisfaction: z.number().nullable(),
  stations: z.object({ total: z.number(), active: z.number() }),
});

export const ImportResultSchema = z.object({
  total: z.number(),
  created: z.number(),
  /** Rows already imported before (same 12315 registration number). */
  replayed: z.number(),
  /** Rows not imported, each with its reasons in `errors` (created + replayed + refused = total). */
  refused: z.number(),
  /** How the file was read: UTF-8, UTF-8 (BOM), UTF-16LE/BE or GB18030 (GBK). */
  encoding: z.string(),
  errors: z.array(z.object({ line: z.number(), path: z.string(), code: z.string(), message: z.string() })),
});

// ---- routing (issue 11) ----

export const HandlingUnitSchema = z.object({ id: z.string(), name: z.string(), kind: z.enum(UNIT_KINDS), regionCode: z.string(), active: z.boolean() });
export const HandlingUnitCreateSchema = z.object({ name: z.string().trim().min(2).max(100), kind: z.enum(UNIT_KINDS), regionCode: z.string().regex(/^\d{6}$/) }).strict();
const IndustryPrefix = z.string().trim().toUpperCase().regex(/^[A-T]?\d{0,4}$/).min(1).max(5);
export const RoutingRuleSchema = z.object({
  id: z.string(),
  category: z.enum(CATEGORIES).nullable(),
  /** A GB/T 4754 code prefix: a section letter (H) or 2–4 digits (62, 621, 6210); null = any industry. */
  industryPrefix: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  priority: z.number(),
  note: z.string(),
  active: z.boolean(),
  version: z.number(),
});
export const RoutingRuleCreateSchema = z
  .object({
    category: z.enum(CATEGORIES).nullable().default(null),
    industryPrefix: IndustryPrefix.nullable().default(null),
    unitId: z.uuid(),
    priority: z.number().int().min(0).max(10_000).default(100),
    note: z.string().max(200).default(''),
    active: z.boolean().default(true),
  })
  .strict();
export const RoutingRuleUpdateSchema = z
  .object({
    category: z.enum(CATEGORIES).nullable().optional(),
    industryPrefix: IndustryPrefix.nullable().optional(),
    unitId: z.uuid().optional(),
    priority: z.number().int().min(0).max(10_000).optional(),
    note: z.string().max(200).optional(),
    active: z.boolean().optional(),
    version: z.number().int().min(1),
  })
  .strict();
export const RoutingTableSchema = z.object({ units: z.array(HandlingUnitSchema), rules: z.array(RoutingRuleSchema) });

/** The director re-routes a complaint: another district (region) and/or another handling unit, with a reason. */
export const RerouteSchema = z
  .object({
    version: z.number().int().min(1),
    regionCode: z.string().regex(/^\d{6}$/).optional(),
    unitId: z.uuid().nullable().optional(),
    reason: z.string().trim().min(2).max(500),
  })
  .strict();

/** The mediators who may take a complaint: jurisdiction covers it, not recused, with their open cases. */
export const EligibleMediatorSchema = z.object({ id: z.string(), name: z.string(), jurisdiction: z.string().nullable(), openCases: z.number() });

/** Nearest stations from a typed address (no geocoder: the district named in it, at its centre). */
export const NearestByAddressQuerySchema = z.object({ address: z.string().trim().min(2).max(200), limit: queryInt(1, 20).default(5) });
export const NearestByAddressSchema = z.object({
  /** The district found in the address (null: none, nothing listed). */
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  /** Distances are from the district's centre: approximate. */
  approximate: z.literal(true),
  items: z.array(NearestStationSchema),
});

import { z } from 'zod';
import { queryInt } from './common.js';
import { InvestorSchema } from './registry.js';

export const DEPARTMENT_KINDS = ['local', 'national'] as const;
export const DELIVERY_MODES = ['push', 'pull', 'both'] as const;
export const DEPARTMENT_FORMATS = ['json', 'xml'] as const;
/** Registered items a business may change (each is an item kind an admin may mark low-risk). */
export const CHANGE_ITEM_KINDS = ['name', 'address', 'regionCode', 'legalRepName', 'registeredCapitalFen', 'businessScope', 'industryCode', 'investors'] as const;
export const CHANGE_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const DELIVERY_STATUSES = ['queued', 'sending', 'awaiting_callback', 'acknowledged', 'failed', 'dead', 'published'] as const;

/** A transform step; its options depend on `type` and are checked when the mapping is saved. */
export const TransformSchema = z.looseObject({ type: z.string().max(40) });

export const FieldMappingSchema = z.object({
  target: z.string().max(64),
  source: z.union([z.string().max(40), z.array(z.string().max(40)).max(10)]),
  transforms: z.array(TransformSchema).max(10).default([]),
});

const DepartmentFields = {
  name: z.string().trim().min(2).max(100),
  kind: z.enum(DEPARTMENT_KINDS),
  deliveryMode: z.enum(DELIVERY_MODES),
  format: z.enum(DEPARTMENT_FORMATS).default('json'),
  endpointUrl: z.url({ protocol: /^https?$/ }).max(500).nullable().default(null),
  timeoutMs: z.number().int().min(100).max(60_000).default(5000),
  enabled: z.boolean().default(true),
  mapping: z.array(FieldMappingSchema).max(100),
};

export const DepartmentCreateSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/),
    ...DepartmentFields,
    /** A shared secret agreed with the department (at least 32 characters); generated when absent. */
    secret: z.string().min(32).max(200).optional(),
  })
  .strict();
export type DepartmentCreate = z.infer<typeof DepartmentCreateSchema>;

export const DepartmentUpdateSchema = z
  .object({
    name: DepartmentFields.name.optional(),
    kind: DepartmentFields.kind.optional(),
    deliveryMode: DepartmentFields.deliveryMode.optional(),
    format: z.enum(DEPARTMENT_FORMATS).optional(),
    endpointUrl: z.url({ protocol: /^https?$/ }).max(500).nullable().optional(),
    timeoutMs: z.number().int().min(100).max(60_000).optional(),
    enabled: z.boolean().optional(),
    mapping: DepartmentFields.mapping.optional(),
    version: z.number().int().min(1),
  })
  .strict();
export type DepartmentUpdate = z.infer<typeof DepartmentUpdateSchema>;

export const DepartmentSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(DEPARTMENT_KINDS),
    deliveryMode: z.enum(DELIVERY_MODES),
    format: z.enum(DEPARTMENT_FORMATS),
    endpointUrl: z.string().nullable(),
    timeoutMs: z.number(),
    keyId: z.string(),
    previousKeyId: z.string().nullable(),
    hasPullAccount: z.boolean(),
    enabled: z.boolean(),
    mapping: z.array(z.object({ target: z.string(), source: z.array(z.string()), transforms: z.array(TransformSchema) })),
    version: z.number(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ExchangeDepartment' });
export type DepartmentDto = z.infer<typeof DepartmentSchema>;

/** Returned once, when created: the secret and the pull token are never shown again. */
export const DepartmentCreatedSchema = DepartmentSchema.extend({ secret: z.string(), apiToken: z.string().nullable() });
export const SecretRotatedSchema = z.object({ keyId: z.string(), secret: z.string(), previousKeyId: z.string().nullable() });
export const ApiTokenIssuedSchema = z.object({ apiToken: z.string() });

export const ChangeItemsSchema = z
  .object({
    name: z.string().trim().min(2).max(200).optional(),
    address: z.string().trim().min(2).max(300).optional(),
    regionCode: z.string().regex(/^\d{6}$/).optional(),
    legalRepName: z.string().trim().min(1).max(100).optional(),
    legalRepIdNumber: z.string().max(30).optional(),
    registeredCapitalFen: z.number().int().min(0).max(10_000_000_000_000).optional(),
    businessScope: z.string().max(4000).optional(),
    industryCode: z.string().max(10).optional(),
    investors: z.array(InvestorSchema).max(200).optional(),
  })
  .strict();
export type ChangeItems = z.infer<typeof ChangeItemsSchema>;

export const ChangeFileSchema = z
  .object({
    creditCode: z.string().min(1).max(30),
    items: ChangeItemsSchema,
    /** The same key sent again returns the change already filed instead of a second one. */
    idempotencyKey: z.string().min(8).max(100).optional(),
    /** Mobile number for the one SMS notice (optional; the in-app notice always goes to the filer). */
    contactPhone: z.string().regex(/^1\d{10}$/).optional(),
  })
  .strict();
export type ChangeFile = z.infer<typeof ChangeFileSchema>;

export const ChangePreviewRequestSchema = z.object({ creditCode: z.string().min(1).max(30), items: ChangeItemsSchema }).strict();

export const ChangePreviewSchema = z.object({
  creditCode: z.string(),
  changedFields: z.array(z.string()),
  departments: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      channel: z.enum(['push', 'pull', 'both']),
      /** `target`: the department's own field code; `source`: the register fields it is read from (show these by name). */
      fields: z.array(z.object({ target: z.string(), source: z.array(z.string()), before: z.unknown(), after: z.unknown() })),
    }),
  ),
});

export const DeliverySchema = z
  .object({
    id: z.string(),
    changeId: z.string(),
    departmentId: z.string(),
    departmentCode: z.string(),
    departmentName: z.string(),
    creditCode: z.string(),
    channel: z.enum(['push', 'pull']),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number(),
    lastError: z.string().nullable(),
    reference: z.string().nullable(),
    queuedAt: z.string(),
    firstAttemptAt: z.string().nullable(),
    lastAttemptAt: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
    durationMs: z.number().nullable(),
  })
  .meta({ id: 'ExchangeDelivery' });

export const ChangeSchema = z
  .object({
    id: z.string(),
    creditCode: z.string(),
    enterpriseName: z.string(),
    regionCode: z.string(),
    status: z.enum(CHANGE_STATUSES),
    items: z.record(z.string(), z.unknown()),
    kinds: z.array(z.string()),
    autoApproved: z.boolean(),
    reason: z.string().nullable(),
    filedAt: z.string(),
    decidedAt: z.string().nullable(),
    feedCursor: z.number().nullable(),
    notifiedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    version: z.number(),
    deliveries: z.array(DeliverySchema).optional(),
    /** Where the change came from: filed by a business, or a registrar's correction, a registration, an import. */
    origin: z.enum(['filed', 'correction', 'registration', 'import']),
    /** Detail only: each register field changed, old → new (approved: as published; pending: the register now → filed). */
    values: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })).optional(),
    /** Detail of a pending change: the departments its approval would reach, with their field codes. */
    concerned: z
      .array(z.object({ code: z.string(), name: z.string(), fields: z.array(z.object({ target: z.string(), source: z.array(z.string()), before: z.unknown(), after: z.unknown() })) }))
      .optional(),
  })
  .meta({ id: 'ExchangeChange' });

export const ChangeListQuerySchema = z.object({
  status: z.enum(CHANGE_STATUSES).optional(),
  cursor: z.string().max(500).optional(),
  limit: queryInt(1, 200).default(50),
});

export const DecisionSchema = z.object({ version: z.number().int().min(1).optional() }).strict();
export const RejectSchema = z.object({ reason: z.string().trim().min(2).max(1000), version: z.number().int().min(1).optional() }).strict();

export const DeliveryListQuerySchema = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  departmentId: z.uuid().optional(),
  cursor: z.string().max(500).optional(),
  limit: queryInt(1, 200).default(50),
});

export const CallbackSchema = z.object({ reference: z.string().min(1).max(200), status: z.enum(['accepted', 'rejected']).default('accepted') });

export const FeedQuerySchema = z.object({
  after: queryInt(0).default(0),
  limit: queryInt(1, 500).default(100),
});

export const FeedPageSchema = z.object({
  items: z.array(
    z.object({
      cursor: z.number(),
      changeId: z.string(),
      creditCode: z.string(),
      at: z.string(),
      changed: z.array(z.string()),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  /** Pass as `after` for the next page; null when the feed is read to its end. */
  nextCursor: z.number().nullable(),
  /** The last cursor scanned (entries not concerning this department are skipped). */
  lastCursor: z.number(),
});

export const ExchangeSettingsSchema = z
  .object({
    lowRiskKinds: z.array(z.enum(CHANGE_ITEM_KINDS)).max(CHANGE_ITEM_KINDS.length),
    notifyDeadlineMinutes: z.number().int().min(1).max(60 * 24 * 30),
  })
  .strict();
export type ExchangeSettings = z.infer<typeof ExchangeSettingsSchema>;

export const DepartmentMonitorSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      enabled: z.boolean(),
      deliveryMode: z.enum(DELIVERY_MODES),
      delivered: z.number(),
      backlog: z.number(),
      lagSeconds: z.number(),
      failed: z.number(),
      attempts: z.number(),
      failureRate: z.number(),
    }),
  ),
});

export const ReconciliationSchema = z.object({
  id: z.string(),
  at: z.string(),
  checked: z.number(),
  drifts: z.array(
    z.object({
      departmentCode: z.string(),
      departmentName: z.string(),
      creditCode: z.string().nullable(),
      /** `unread`: a pull department has not read feed entries that concern it (its cursor is behind). */
      kind: z.enum(['missing', 'different', 'extra', 'unreachable', 'unread']),
      fields: z.array(z.string()),
    }),
  ),
});

export const FiguresSchema = z.object({
  changesHandled: z.number(),
  changesPending: z.number(),
  changesRejected: z.number(),
  departmentsPerChange: z.number(),
  propagationMs: z.object({ median: z.number().nullable(), p95: z.number().nullable(), completed: z.number() }),
  noExtraForm: z.number(),
  failuresByDepartment: z.array(z.object({ code: z.string(), name: z.string(), failures: z.number() })),
});

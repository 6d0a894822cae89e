/**
 * The event catalogue: one declaration per outbox event (topic, payload schema, version), imported
 * by the module that publishes it and by every consumer. The outbox validates a payload against its
 * declaration when it is appended and again before a handler sees it. A declared event has at least
 * one consumer registered in this codebase, or says in `external` who consumes it outside
 * (server/test/events.test.ts fails otherwise).
 *
 * Changing a payload incompatibly means a new declaration with `version` + 1 (and its own topic),
 * published alongside the old one until its consumers have moved.
 */
import { z } from 'zod';

export interface EventDeclaration<T extends string = string, S extends z.ZodType = z.ZodType> {
  topic: T;
  version: number;
  payload: S;
  /** What happened, in one sentence. */
  description: string;
  /** Set when no handler in this codebase consumes the event: who does, and why it is published. */
  external?: string;
}

/** The payload type a producer passes for an event. */
export type EventInput<E extends EventDeclaration> = z.input<E['payload']>;
/** The payload type a consumer receives for an event. */
export type EventPayload<E extends EventDeclaration> = z.output<E['payload']>;

export function defineEvent<T extends string, S extends z.ZodType>(declaration: EventDeclaration<T, S>): EventDeclaration<T, S> {
  return declaration;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const FUTURE_CREDIT_MODULE =
  'the credit-supervision module (信用监管) and the publicity systems of later practices; published now so their history is complete';

// ---------------- registry ----------------

/**
 * The registered items of an enterprise as departments may read them (never the legal
 * representative's ID number): the old and new values a change carries to the exchange pipeline.
 */
export const EnterpriseItemsSnapshot = z.object({
  creditCode: z.string(),
  name: z.string(),
  type: z.string(),
  legalRepName: z.string(),
  registeredCapitalFen: z.number(),
  address: z.string(),
  regionCode: z.string(),
  industryCode: z.string(),
  businessScope: z.string(),
  investors: z.array(z.object({ name: z.string(), kind: z.string(), amountFen: z.number() })),
  status: z.string(),
  establishedOn: z.string(),
});

/** Where a change of the register came from. */
export const REGISTER_CHANGE_ORIGINS = ['correction', 'change-request', 'registration'] as const;

export const ENTERPRISE_REGISTERED = defineEvent({
  topic: 'enterprise.registered',
  version: 1,
  description: 'An enterprise was registered one by one (imports publish registry.enterprises-imported, one per batch); the exchange module shares it with every linked department.',
  payload: z.object({
    creditCode: z.string(),
    regionCode: z.string(),
    /** The registered items (absent in events written before issue 11: the consumer reads the register). */
    after: EnterpriseItemsSnapshot.optional(),
    /** The registrar who registered it. */
    actorId: z.string().nullish(),
  }),
});

export const ENTERPRISE_CHANGED = defineEvent({
  topic: 'enterprise.changed',
  version: 1,
  description:
    'A registered enterprise was changed (a correction, a status change, an approved registration change); `fields` names the changed fields, `version` the new record version, `before`/`after` the items; the exchange module shares it with every linked department.',
  payload: z.object({
    creditCode: z.string(),
    regionCode: z.string(),
    fields: z.array(z.string()),
    version: z.number().int(),
    before: EnterpriseItemsSnapshot.optional(),
    after: EnterpriseItemsSnapshot.optional(),
    /** `change-request`: applied by the exchange workflow, which already shares it (not again). */
    origin: z.enum(REGISTER_CHANGE_ORIGINS).optional(),
    /** Whether the legal representative's ID number was replaced or cleared (the number never travels). */
    legalRepIdChanged: z.boolean().optional(),
    actorId: z.string().nullish(),
  }),
});

export const REGISTRY_ENTERPRISES_IMPORTED = defineEvent({
  topic: 'registry.enterprises-imported',
  version: 1,
  description: 'One batch of an import was inserted (up to the import batch size): one event per batch, not per enterprise.',
  payload: z.object({ jobId: z.string(), creditCodes: z.array(z.string()).max(5000), actorId: z.string().nullish() }),
});

export const REGISTRY_IMPORT_ACCEPTED = defineEvent({
  topic: 'registry.import-accepted',
  version: 1,
  description: 'A CSV import passed its checks; its rows are inserted in the background.',
  payload: z.object({
    jobId: z.string(),
    /** The audit context of the request that accepted the import. */
    ctx: z.object({ actorId: z.string().nullish(), actorName: z.string().nullish(), ip: z.string().nullish(), requestId: z.string().nullish() }),
  }),
});

// ---------------- platform notifications ----------------

export const NOTIFICATION_SMS = defineEvent({
  topic: 'notification.sms',
  version: 1,
  description: 'An SMS to send; `to` is the encrypted phone number; `secrets` (encrypted) fills the body\'s {{placeholders}} at send time only.',
  payload: z.object({ to: z.string(), body: z.string(), secrets: z.string().optional() }),
});

export const NOTIFICATION_EMAIL = defineEvent({
  topic: 'notification.email',
  version: 1,
  description: 'An e-mail to send; `secrets` (encrypted) fills the body\'s {{placeholders}} at send time only.',
  payload: z.object({ to: z.string(), body: z.string(), secrets: z.string().optional() }),
});

// ---------------- exchange ----------------

export const EXCHANGE_DELIVERY_QUEUED = defineEvent({
  topic: 'exchange.delivery-queued',
  version: 1,
  description: 'An approved registration change is to be delivered to one department (ordering key departmentId:creditCode).',
  payload: z.object({ deliveryId: z.string() }),
});

// ---------------- complaints ----------------

export const COMPLAINTS_REPORT_ACCEPTED = defineEvent({
  topic: 'complaints.report-accepted',
  version: 1,
  description: 'A report (举报) was accepted; enforcement turns it into a lead.',
  payload: z.object({
    complaintId: z.string(),
    trackingNo: z.string(),
    regionCode: z.string().nullable(),
    respondentCreditCode: z.string().nullable(),
    respondentName: z.string(),
    respondentAddress: z.string(),
    facts: z.string(),
    receivedOn: isoDate,
    acceptedOn: isoDate,
  }),
});

export const COMPLAINTS_COMPLAINT_FILED = defineEvent({
  topic: 'complaints.complaint-filed',
  version: 1,
  description: 'A complaint or report was filed (any channel); enforcement counts it towards its early-warning signals.',
  payload: z.object({
    complaintId: z.string(),
    kind: z.enum(['complaint', 'report']),
    respondentCreditCode: z.string().nullable(),
    regionCode: z.string().nullable(),
    category: z.string().nullable(),
    filedOn: isoDate,
  }),
});

export const COMPLAINTS_MEDIATION_CONCLUDED = defineEvent({
  topic: 'complaints.mediation-concluded',
  version: 1,
  description: 'A mediation ended: agreement, no agreement or termination.',
  payload: z.object({
    complaintId: z.string(),
    trackingNo: z.string(),
    outcome: z.string().nullable(),
    terminationGround: z.string().nullable(),
    respondentCreditCode: z.string().nullable(),
    respondentName: z.string(),
    regionCode: z.string().nullable(),
    concludedOn: isoDate.nullable(),
  }),
  // Consumed by complaints itself (the respondent's outcome notice, issue 11). The insurance module
  // reads a complaint through the complaints API when a claim is filed, so it needs no copy of it.
});

// ---------------- enforcement ----------------

const penalty = z.enum(['none', 'warning', 'fine']).nullable();

export const ENFORCEMENT_DECISION_MADE = defineEvent({
  topic: 'enforcement.decision-made',
  version: 1,
  description: 'A case was decided (general procedure) or decided on the spot; ordering key the credit code.',
  payload: z.object({
    caseId: z.string(),
    caseNo: z.string(),
    procedure: z.enum(['general', 'on_the_spot']),
    creditCode: z.string().nullable(),
    regionCode: z.string(),
    partyName: z.string(),
    partyKind: z.enum(['person', 'organisation']),
    violationType: z.string().nullable(),
    outcome: z.string().nullable(),
    penalty,
    amountFen: z.number().int(),
    decidedOn: isoDate,
    ruleSet: z.string().nullable(),
    documentNo: z.string(),
    publish: z.boolean(),
    publishDue: isoDate.nullable(),
    publicityPeriod: z.enum(['3_months', '3_years']).nullable(),
  }),
  external: FUTURE_CREDIT_MODULE,
});

export const ENFORCEMENT_PENALTY_PUBLISHED = defineEvent({
  topic: 'enforcement.penalty-published',
  version: 1,
  description: 'A penalty decision was made public; its publicity period runs until `endsOn`.',
  payload: z.object({
    caseId: z.string(),
    caseNo: z.string(),
    creditCode: z.string().nullable(),
    regionCode: z.string(),
    partyName: z.string(),
    violationType: z.string().nullable(),
    amountFen: z.number().int(),
    documentNo: z.string().nullable(),
    decidedOn: isoDate,
    publishedOn: isoDate,
    period: z.enum(['3_months', '3_years']),
    endsOn: isoDate,
    onTime: z.boolean(),
    summary: z.record(z.string(), z.unknown()),
  }),
});

export const ENFORCEMENT_PENALTY_WITHDRAWN = defineEvent({
  topic: 'enforcement.penalty-withdrawn',
  version: 1,
  description: 'A published penalty was withdrawn from publicity because its decision was revoked.',
  payload: z.object({
    caseId: z.string(),
    caseNo: z.string(),
    creditCode: z.string().nullable(),
    regionCode: z.string(),
    revokedOn: isoDate,
    withdrawnOn: isoDate,
    withdrawDue: isoDate.nullable(),
    reason: z.string(),
  }),
});

// ---------------- inspections ----------------

export const INSPECTIONS_FINDING_RECORDED = defineEvent({
  topic: 'inspections.finding-recorded',
  version: 1,
  description: 'An inspection visit was completed with failed items (a finding); enforcement turns it into a lead, once per event id.',
  payload: z.object({
    visitId: z.string(),
    taskNos: z.array(z.string()),
    creditCode: z.string(),
    regionCode: z.string(),
    partyName: z.string(),
    /** The failed items, each with its department and legal basis. */
    items: z.array(z.object({ name: z.string(), department: z.string(), legalBasis: z.string(), note: z.string().nullable() })),
    completedOn: isoDate,
  }),
});

// ---------------- credit ----------------

export const CREDIT_RISK_CLASS_CHANGED = defineEvent({
  topic: 'credit.risk-class-changed',
  version: 1,
  description:
    "An enterprise's credit-risk class (A-D, or A-E where a province uses five) was computed anew and differs from the last one. Internal only: never shown on a public page.",
  payload: z.object({
    creditCode: z.string(),
    regionCode: z.string(),
    riskClass: z.string(),
    previousClass: z.string().nullable(),
    rulesVersion: z.string(),
    computedAt: z.string(),
  }),
});

export const CREDIT_PENALTY_REPAIRED = defineEvent({
  topic: 'credit.penalty-repaired',
  version: 1,
  description:
    'A penalty-publicity record was repaired (credit repair confirmed by both national systems): its public publicity ends early, as Order 45 allows.',
  payload: z.object({
    caseId: z.string(),
    caseNo: z.string(),
    creditCode: z.string().nullable(),
    regionCode: z.string(),
    repairedOn: isoDate,
    applicationId: z.string(),
  }),
});

export const CREDIT_SYNC_QUEUED = defineEvent({
  topic: 'credit.sync-queued',
  version: 1,
  description: "A credit record's repair or expiry is to be pushed to one national publicity system (GSXT or 信用中国); ordering key `system:recordId`.",
  payload: z.object({ syncId: z.string() }),
});

/** Every declared event. */
export const EVENTS: readonly EventDeclaration[] = [
  ENTERPRISE_REGISTERED,
  ENTERPRISE_CHANGED,
  REGISTRY_ENTERPRISES_IMPORTED,
  REGISTRY_IMPORT_ACCEPTED,
  NOTIFICATION_SMS,
  NOTIFICATION_EMAIL,
  EXCHANGE_DELIVERY_QUEUED,
  COMPLAINTS_REPORT_ACCEPTED,
  COMPLAINTS_COMPLAINT_FILED,
  COMPLAINTS_MEDIATION_CONCLUDED,
  ENFORCEMENT_DECISION_MADE,
  ENFORCEMENT_PENALTY_PUBLISHED,
  ENFORCEMENT_PENALTY_WITHDRAWN,
  INSPECTIONS_FINDING_RECORDED,
  CREDIT_RISK_CLASS_CHANGED,
  CREDIT_PENALTY_REPAIRED,
  CREDIT_SYNC_QUEUED,
];

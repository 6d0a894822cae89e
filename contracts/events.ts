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

export const ENTERPRISE_REGISTERED = defineEvent({
  topic: 'enterprise.registered',
  version: 1,
  description: 'An enterprise was registered (one by one or by an import).',
  payload: z.object({ creditCode: z.string(), regionCode: z.string() }),
  external: `department systems and ${FUTURE_CREDIT_MODULE}; the exchange module shares registrations through its own change feed`,
});

export const ENTERPRISE_CHANGED = defineEvent({
  topic: 'enterprise.changed',
  version: 1,
  description: 'A registered enterprise was changed; `fields` names the changed fields, `version` the new record version.',
  payload: z.object({ creditCode: z.string(), regionCode: z.string(), fields: z.array(z.string()), version: z.number().int() }),
  external: `department systems and ${FUTURE_CREDIT_MODULE}; the exchange module shares changes through its own change feed`,
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
  // The insurance module reads a complaint through the complaints API when a claim is filed, so it
  // needs no copy of this event.
  external: FUTURE_CREDIT_MODULE,
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
  external: FUTURE_CREDIT_MODULE,
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
  external: FUTURE_CREDIT_MODULE,
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
  external: 'the inspections module (double-random sampling by risk class)',
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

/** Every declared event. */
export const EVENTS: readonly EventDeclaration[] = [
  ENTERPRISE_REGISTERED,
  ENTERPRISE_CHANGED,
  REGISTRY_IMPORT_ACCEPTED,
  NOTIFICATION_SMS,
  NOTIFICATION_EMAIL,
  EXCHANGE_DELIVERY_QUEUED,
  COMPLAINTS_REPORT_ACCEPTED,
  COMPLAINTS_MEDIATION_CONCLUDED,
  ENFORCEMENT_DECISION_MADE,
  ENFORCEMENT_PENALTY_PUBLISHED,
  ENFORCEMENT_PENALTY_WITHDRAWN,
  CREDIT_RISK_CLASS_CHANGED,
  CREDIT_PENALTY_REPAIRED,
];

import { z } from 'zod';
import type { Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.generated.js';
import { CaseFactsSchema, ENGAGEMENT_KINDS, ReasoningSchema, type CaseFactsInput, type Reasoning } from '../../../../contracts/enforcement.js';
import { CASE_STATUSES, type CaseStatus } from './domain/procedure.js';
import { OUTCOMES, REASON_TEXT, type Outcome, type Proposal, type ReasonCode } from './domain/discretion.js';
import type { PartyKind, SourceTag } from './domain/rule-sets.js';
import type { PublicityPeriod } from './domain/publicity.js';

/**
 * The rows of the enforcement schema as the module uses them: each derived from the generated
 * schema (`Selectable<DB[...]>`), with its text enums narrowed and its jsonb columns parsed into
 * typed values by one mapping function per table (`toCase`, `toStep`, …). A value the module never
 * writes fails loudly here instead of deep inside a use case.
 */

/** The value of `column` if it is one of `allowed`; an unknown value is a corrupt row. */
function oneOf<T extends string>(allowed: readonly T[], value: string, column: string): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new Error(`enforcement: unexpected ${column} '${value}'`);
  return found;
}

function nullableOneOf<T extends string>(allowed: readonly T[], value: string | null, column: string): T | null {
  return value === null ? null : oneOf(allowed, value, column);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---- enforcement.case ----

const PROCEDURES = ['general', 'on_the_spot'] as const;
const PARTY_KINDS: readonly PartyKind[] = ['person', 'organisation'];
const PENALTIES = ['none', 'warning', 'fine'] as const;
const REVIEW_RESULTS = ['approved', 'rejected'] as const;
const SOURCE_TAGS: readonly SourceTag[] = ['LAW-TEXT', 'PAGE', 'CODE', 'UNVERIFIED'];

const AmountRangeSchema = z.object({ minFen: z.number(), maxFen: z.number() });
const ProposalSchema = z.object({
  outcome: z.enum(OUTCOMES),
  mandatory: z.boolean(),
  amountRange: AmountRangeSchema,
  statutoryRange: AmountRangeSchema,
  reasons: z.array(z.custom<ReasonCode>((v) => typeof v === 'string' && v in REASON_TEXT)),
  citations: z.array(
    z.object({ law: z.string(), article: z.string(), source: z.custom<SourceTag>((v) => SOURCE_TAGS.some((s) => s === v)), note: z.string().optional() }),
  ),
  ruleSet: z.string(),
});

/** The facts of a case as recorded (the party kind is the case's own column). */
export type RecordedFacts = CaseFactsInput;

type CaseRecord = Selectable<DB['enforcement.case']>;

export type CaseRow = Omit<CaseRecord, 'procedure' | 'status' | 'party_kind' | 'penalty' | 'review_result' | 'decided_outcome' | 'facts' | 'proposal' | 'reasoning'> & {
  /** The reasoning of the decision (说理式执法), required before the decision. */
  reasoning: Reasoning | null;
  procedure: (typeof PROCEDURES)[number];
  status: CaseStatus;
  party_kind: PartyKind;
  penalty: (typeof PENALTIES)[number] | null;
  review_result: (typeof REVIEW_RESULTS)[number] | null;
  decided_outcome: Outcome | null;
  facts: RecordedFacts | null;
  proposal: Proposal | null;
};

/** The columns a use case may set on a case (the version and timestamps are the repository's). */
export type CaseValues = Partial<Omit<CaseRow, 'id' | 'version' | 'created_at' | 'updated_at'>>;

export function toCase(r: CaseRecord): CaseRow {
  return {
    ...r,
    procedure: oneOf(PROCEDURES, r.procedure, 'procedure'),
    status: oneOf(CASE_STATUSES, r.status, 'status'),
    party_kind: oneOf(PARTY_KINDS, r.party_kind, 'party_kind'),
    penalty: nullableOneOf(PENALTIES, r.penalty, 'penalty'),
    review_result: nullableOneOf(REVIEW_RESULTS, r.review_result, 'review_result'),
    decided_outcome: nullableOneOf(OUTCOMES, r.decided_outcome, 'decided_outcome'),
    facts: r.facts === null ? null : CaseFactsSchema.parse(r.facts),
    proposal: r.proposal === null ? null : ProposalSchema.parse(r.proposal),
    reasoning: r.reasoning === null ? null : ReasoningSchema.parse(r.reasoning),
  };
}

// ---- enforcement.step ----

type StepRecord = Selectable<DB['enforcement.step']>;
export type StepRow = Omit<StepRecord, 'data'> & { data: Record<string, unknown> | null };

export function toStep(r: StepRecord): StepRow {
  return { ...r, data: isRecord(r.data) ? r.data : null };
}

// ---- enforcement.publicity ----

const PUBLICITY_PERIODS: readonly PublicityPeriod[] = ['3_months', '3_years'];
const PUBLICITY_STATUSES = ['pending', 'published', 'withdrawn', 'ended'] as const;
const PUBLICITY_END_REASONS = ['expired', 'repaired'] as const;

type PublicityRecord = Selectable<DB['enforcement.publicity']>;
export type PublicityRow = Omit<PublicityRecord, 'period' | 'status' | 'end_reason'> & {
  period: PublicityPeriod;
  status: (typeof PUBLICITY_STATUSES)[number];
  end_reason: (typeof PUBLICITY_END_REASONS)[number] | null;
};

export function toPublicity(r: PublicityRecord): PublicityRow {
  return {
    ...r,
    period: oneOf(PUBLICITY_PERIODS, r.period, 'period'),
    status: oneOf(PUBLICITY_STATUSES, r.status, 'status'),
    end_reason: nullableOneOf(PUBLICITY_END_REASONS, r.end_reason, 'end_reason'),
  };
}

// ---- enforcement.engagement ----

const EngagementDataSchema = z
  .object({
    satisfaction: z.number().optional(),
    content: z.string().optional(),
    signals: z.array(z.string()).optional(),
    scheduledOn: z.string().optional(),
    reason: z.string().optional(),
    heldOn: z.string().optional(),
    minutes: z.string().optional(),
    commitments: z.array(z.object({ item: z.string(), dueOn: z.string(), fulfilled: z.boolean().nullable() })).optional(),
    followUpDue: z.string().optional(),
    earlyCheck: z.boolean().optional(),
    checkedOn: z.string().optional(),
    checkResult: z.string().optional(),
  })
  .loose();

/** What an engagement records, by kind (an interview gathers its minutes, commitments and check). */
export type EngagementData = z.infer<typeof EngagementDataSchema>;

type EngagementRecord = Selectable<DB['enforcement.engagement']>;
export type EngagementRow = Omit<EngagementRecord, 'kind' | 'data'> & { kind: (typeof ENGAGEMENT_KINDS)[number]; data: EngagementData };

export function toEngagement(r: EngagementRecord): EngagementRow {
  return { ...r, kind: oneOf(ENGAGEMENT_KINDS, r.kind, 'kind'), data: EngagementDataSchema.parse(r.data ?? {}) };
}

// ---- enforcement.template ----

export type TemplateRow = Selectable<DB['enforcement.template']>;

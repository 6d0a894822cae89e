import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.generated.js';
import { APPLICATION_STATUSES, RECORD_KINDS, RECORD_STATUSES, REFUSAL_REASONS, SEVERITIES, SYNC_STATES, SYSTEMS } from '../../../../contracts/credit.js';

/* Row types derived from the generated schema; closed text values and jsonb parsed once per table. */

function oneOf<const T extends readonly string[]>(values: T, v: string, column: string): T[number] {
  if ((values as readonly string[]).includes(v)) return v as T[number];
  throw new Error(`credit: unexpected ${column} '${v}'`);
}

export type RecordRow = Omit<Selectable<DB['credit.record']>, 'kind' | 'status' | 'severity'> & {
  kind: (typeof RECORD_KINDS)[number];
  status: (typeof RECORD_STATUSES)[number];
  severity: (typeof SEVERITIES)[number];
};
export function toRecord(r: Selectable<DB['credit.record']>): RecordRow {
  return { ...r, kind: oneOf(RECORD_KINDS, r.kind, 'kind'), status: oneOf(RECORD_STATUSES, r.status, 'status'), severity: oneOf(SEVERITIES, r.severity, 'severity') };
}

const Proofs = z.array(z.object({ fileId: z.string(), name: z.string(), mime: z.string(), size: z.number() }));
const Timeline = z.array(z.object({ at: z.string(), step: z.string(), by: z.string().nullable(), note: z.string().nullable() }));
const Verification = z.object({ onSite: z.boolean(), result: z.string(), by: z.string().nullable(), on: z.string() }).nullable();
export type Proof = z.infer<typeof Proofs>[number];
export type TimelineEntry = z.infer<typeof Timeline>[number];

export type ApplicationRow = Omit<Selectable<DB['credit.application']>, 'status' | 'proofs' | 'timeline' | 'verification' | 'refusal_reason'> & {
  status: (typeof APPLICATION_STATUSES)[number];
  proofs: Proof[];
  timeline: TimelineEntry[];
  verification: z.infer<typeof Verification>;
  refusal_reason: (typeof REFUSAL_REASONS)[number] | null;
};
export function toApplication(r: Selectable<DB['credit.application']>): ApplicationRow {
  return {
    ...r,
    status: oneOf(APPLICATION_STATUSES, r.status, 'status'),
    proofs: Proofs.parse(r.proofs),
    timeline: Timeline.parse(r.timeline),
    verification: Verification.parse(r.verification ?? null),
    refusal_reason: r.refusal_reason == null ? null : oneOf(REFUSAL_REASONS, r.refusal_reason, 'refusal_reason'),
  };
}

export type SyncRow = Omit<Selectable<DB['credit.sync']>, 'system' | 'state' | 'action'> & {
  system: (typeof SYSTEMS)[number];
  state: (typeof SYNC_STATES)[number];
  action: 'repair' | 'expire';
};
export function toSync(r: Selectable<DB['credit.sync']>): SyncRow {
  return { ...r, system: oneOf(SYSTEMS, r.system, 'system'), state: oneOf(SYNC_STATES, r.state, 'state'), action: oneOf(['repair', 'expire'] as const, r.action, 'action') };
}

const Factors = z.array(z.object({ factor: z.string(), points: z.number() }));
export type RiskRow = Omit<Selectable<DB['credit.risk_class']>, 'factors'> & { factors: z.infer<typeof Factors> };
export function toRisk(r: Selectable<DB['credit.risk_class']>): RiskRow {
  return { ...r, factors: Factors.parse(r.factors) };
}

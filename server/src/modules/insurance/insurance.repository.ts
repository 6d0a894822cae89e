import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import { z } from 'zod';
import type { TypedDbOrTx } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.generated.js';
import { CATEGORIES } from '../../../../contracts/complaints.js';
import { CONDITION_LABELS, type Condition, type ConditionId } from './domain/triggers.js';

/*
 * Row types are derived from the generated schema; text columns with closed values and jsonb
 * columns are narrowed once per table in `toPolicy` / `toClaim` below.
 */
type PolicyTable = DB['insurance.policy'];
type ClaimTable = DB['insurance.claim'];

export type PolicyRow = Omit<Selectable<PolicyTable>, 'covered_regions' | 'categories'> & { covered_regions: string[]; categories: (typeof CATEGORIES)[number][] };
export type PolicyInsert = Omit<Insertable<PolicyTable>, 'covered_regions' | 'categories'> & Pick<PolicyRow, 'covered_regions' | 'categories'>;

export interface Evidence {
  fileId: string;
  name: string;
  mime: string;
  size: number;
}

const CLAIM_STATUSES = ['submitted', 'approved', 'paid', 'refused'] as const;
const CHANNELS = ['online', 'offline'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export type ClaimRow = Omit<Selectable<ClaimTable>, 'channel' | 'status' | 'conditions' | 'evidence'> & {
  channel: (typeof CHANNELS)[number];
  status: ClaimStatus;
  conditions: Condition[];
  evidence: Evidence[];
};
export type ClaimInsert = Omit<Insertable<ClaimTable>, 'conditions' | 'evidence' | 'status'> & { channel: ClaimRow['channel']; conditions: Condition[] };
export type ClaimPatch = Omit<Updateable<ClaimTable>, 'conditions' | 'evidence' | 'status' | 'id' | 'version'> & { status?: ClaimStatus; conditions?: Condition[] };

function oneOf<const T extends readonly string[]>(values: T, v: string, column: string): T[number] {
  if ((values as readonly string[]).includes(v)) return v as T[number];
  throw new Error(`insurance: unexpected ${column} '${v}'`);
}

const Strings = z.array(z.string());
const LocalizedText = z.object({ 'zh-CN': z.string(), 'zh-TW': z.string(), en: z.string() });
const ConditionIdSchema = z.custom<ConditionId>((v) => typeof v === 'string' && Object.hasOwn(CONDITION_LABELS, v));
const Conditions = z.array(z.object({ id: ConditionIdSchema, passed: z.boolean().nullable(), label: LocalizedText }));
const EvidenceList = z.array(z.object({ fileId: z.string(), name: z.string(), mime: z.string(), size: z.number() }));

function toPolicy(r: Selectable<PolicyTable>): PolicyRow {
  return { ...r, covered_regions: Strings.parse(r.covered_regions), categories: z.array(z.enum(CATEGORIES)).parse(r.categories) };
}
const toPolicyOrNone = (r: Selectable<PolicyTable> | undefined) => (r ? toPolicy(r) : undefined);

function toClaim(r: Selectable<ClaimTable>): ClaimRow {
  return {
    ...r,
    channel: oneOf(CHANNELS, r.channel, 'channel'),
    status: oneOf(CLAIM_STATUSES, r.status, 'status'),
    conditions: Conditions.parse(r.conditions),
    evidence: EvidenceList.parse(r.evidence ?? []),
  };
}
const toClaimOrNone = (r: Selectable<ClaimTable> | undefined) => (r ? toClaim(r) : undefined);

const json = (v: unknown) => JSON.stringify(v);

export const insuranceRepository = {
  async insertPolicy(db: TypedDbOrTx, v: PolicyInsert): Promise<PolicyRow> {
    return toPolicy(await db
      .insertInto('insurance.policy')
      .values({ ...v, covered_regions: json(v.covered_regions), categories: json(v.categories) })
      .returningAll()
      .executeTakeFirstOrThrow());
  },
  async listPolicies(db: TypedDbOrTx): Promise<PolicyRow[]> {
    return (await db.selectFrom('insurance.policy').selectAll().orderBy('year', 'desc').orderBy('starts_on', 'desc').execute()).map(toPolicy);
  },
  async getPolicy(db: TypedDbOrTx, id: string): Promise<PolicyRow | undefined> {
    return toPolicyOrNone(await db.selectFrom('insurance.policy').selectAll().where('id', '=', id).executeTakeFirst());
  },
  /** The policy in force on a day (the latest started one). */
  async policyOn(db: TypedDbOrTx, day: string): Promise<PolicyRow | undefined> {
    return toPolicyOrNone(await db
      .selectFrom('insurance.policy')
      .selectAll()
      .where('starts_on', '<=', day)
      .where('ends_on', '>=', day)
      .orderBy('starts_on', 'desc')
      .limit(1)
      .executeTakeFirst());
  },
  /**
   * Adds a payout to the policy only while the aggregate limit holds: one conditional update, so
   * concurrent approvals can never push `paid_fen` past the limit. Returns undefined when it would.
   */
  async reserve(db: TypedDbOrTx, policyId: string, amountFen: number): Promise<PolicyRow | undefined> {
    return toPolicyOrNone(await db
      .updateTable('insurance.policy')
      .set({ paid_fen: sql<number>`paid_fen + ${amountFen}`, version: sql<number>`version + 1` })
      .where('id', '=', policyId)
      .where(sql<boolean>`paid_fen + ${amountFen} <= aggregate_limit_fen`)
      .returningAll()
      .executeTakeFirst());
  },
  async insertClaim(db: TypedDbOrTx, v: ClaimInsert): Promise<ClaimRow> {
    return toClaim(await db.insertInto('insurance.claim').values({ ...v, conditions: json(v.conditions) }).returningAll().executeTakeFirstOrThrow());
  },
  async getClaim(db: TypedDbOrTx, id: string): Promise<ClaimRow | undefined> {
    return toClaimOrNone(await db.selectFrom('insurance.claim').selectAll().where('id', '=', id).executeTakeFirst());
  },
  async claimsOfComplaint(db: TypedDbOrTx, complaintId: string): Promise<ClaimRow[]> {
    return (await db.selectFrom('insurance.claim').selectAll().where('complaint_id', '=', complaintId).orderBy('created_at', 'desc').execute()).map(toClaim);
  },
  async openClaimOf(db: TypedDbOrTx, complaintId: string): Promise<ClaimRow | undefined> {
    return toClaimOrNone(await db.selectFrom('insurance.claim').selectAll().where('complaint_id', '=', complaintId).where('status', '<>', 'refused').executeTakeFirst());
  },
  /** Conditional on the version and the expected status. */
  async updateClaim(db: TypedDbOrTx, id: string, version: number, status: ClaimStatus, patch: ClaimPatch): Promise<ClaimRow | undefined> {
    const { conditions, ...rest } = patch;
    return toClaimOrNone(await db
      .updateTable('insurance.claim')
      .set({ ...rest, ...(conditions ? { conditions: json(conditions) } : {}), version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', status)
      .returningAll()
      .executeTakeFirst());
  },
  async addEvidence(db: TypedDbOrTx, id: string, item: Evidence): Promise<void> {
    await db
      .updateTable('insurance.claim')
      .set({ evidence: sql<string>`evidence || ${json([item])}::jsonb`, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  },
  async listClaims(db: TypedDbOrTx, f: { regionPrefix: string | null; status?: string; after?: [string, string]; limit: number }): Promise<ClaimRow[]> {
    let q = db.selectFrom('insurance.claim').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit);
    if (f.regionPrefix) q = q.where('region_code', 'like', `${f.regionPrefix}%`);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.after) {
      const [afterAt, id] = f.after;
      const at = sql<Date>`${afterAt}::timestamptz`;
      q = q.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]));
    }
    return (await q.execute()).map(toClaim);
  },
  async figures(db: TypedDbOrTx, regionPrefix: string | null) {
    let q = db.selectFrom('insurance.claim').select([
      sql<number>`count(*)::int`.as('claims'),
      sql<number>`count(*) filter (where status = 'paid')::int`.as('paid_count'),
      sql<number>`coalesce(sum(approved_fen) filter (where status = 'paid'), 0)::bigint`.as('paid_fen'),
      sql<number>`coalesce(sum(approved_fen) filter (where status = 'approved'), 0)::bigint`.as('approved_unpaid_fen'),
      sql<number>`count(*) filter (where status = 'refused')::int`.as('refused'),
    ]);
    if (regionPrefix) q = q.where('region_code', 'like', `${regionPrefix}%`);
    return q.executeTakeFirstOrThrow();
  },
};

// ---- incidents (issue 11): the per-accident limit across all the claims of one accident ----

type IncidentTable = DB['insurance.incident'];
export type IncidentRow = Selectable<IncidentTable>;

export const incidentRepository = {
  async insert(db: TypedDbOrTx, v: Insertable<IncidentTable>): Promise<IncidentRow> {
    return db.insertInto('insurance.incident').values(v).returningAll().executeTakeFirstOrThrow();
  },
  async get(db: TypedDbOrTx, id: string): Promise<IncidentRow | undefined> {
    return db.selectFrom('insurance.incident').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async list(db: TypedDbOrTx, policyId?: string): Promise<(IncidentRow & { claims: number })[]> {
    let q = db
      .selectFrom('insurance.incident as i')
      .selectAll('i')
      .select((eb) => eb.selectFrom('insurance.claim as c').select(sql<number>`count(*)::int`.as('n')).whereRef('c.incident_id', '=', 'i.id').as('claims'))
      .orderBy('i.occurred_on', 'desc')
      .orderBy('i.id')
      .limit(500);
    if (policyId) q = q.where('i.policy_id', '=', policyId);
    return (await q.execute()).map((r) => ({ ...r, claims: Number(r.claims ?? 0) }));
  },
  /**
   * Adds an approval to the incident only when it stays within the incident's limit: one
   * conditional update, so two reviewers approving claims of the same accident at once cannot
   * both pass (the CHECK constraint holds the line if a caller skipped this).
   */
  async reserve(db: TypedDbOrTx, id: string, amountFen: number): Promise<IncidentRow | undefined> {
    return db
      .updateTable('insurance.incident')
      .set({ approved_fen: sql<number>`approved_fen + ${amountFen}`, version: sql<number>`version + 1` })
      .where('id', '=', id)
      .where(sql<boolean>`approved_fen + ${amountFen} <= limit_fen`)
      .returningAll()
      .executeTakeFirst();
  },
};

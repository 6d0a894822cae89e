import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database.js';
import type { Condition } from './domain/triggers.js';

export interface PolicyRow {
  id: string;
  year: number;
  policy_no: string;
  insurer: string;
  premium_fen: number;
  aggregate_limit_fen: number;
  per_accident_limit_fen: number;
  purchase_cap_fen: number;
  covered_regions: string[];
  categories: string[];
  starts_on: string;
  ends_on: string;
  paid_fen: number;
  version: number;
  created_at: Date;
}

export interface Evidence {
  fileId: string;
  name: string;
  mime: string;
  size: number;
}

export interface ClaimRow {
  id: string;
  claim_no: string;
  policy_id: string;
  complaint_id: string;
  tracking_no: string;
  channel: 'online' | 'offline';
  claimant_name: string;
  claimant_phone_enc: string;
  region_code: string | null;
  category: string;
  purchase_fen: number;
  claimed_fen: number;
  loss_description: string;
  status: 'submitted' | 'approved' | 'paid' | 'refused';
  conditions: Condition[];
  evidence: Evidence[];
  liability: string | null;
  claim_basis: string | null;
  approved_fen: number | null;
  refusal_reason: string | null;
  payout_ref: string | null;
  reviewed_by: string | null;
  approved_at: Date | null;
  paid_at: Date | null;
  refused_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export type ClaimInsert = Pick<ClaimRow, 'claim_no' | 'policy_id' | 'complaint_id' | 'tracking_no' | 'channel' | 'claimant_name' | 'claimant_phone_enc' | 'region_code' | 'category' | 'purchase_fen' | 'claimed_fen' | 'loss_description' | 'conditions'>;

const json = (v: unknown) => JSON.stringify(v);

export const insuranceRepository = {
  async insertPolicy(db: DbOrTx, v: Omit<PolicyRow, 'id' | 'paid_fen' | 'version' | 'created_at'>): Promise<PolicyRow> {
    return (await db
      .insertInto('insurance.policy')
      .values({ ...v, covered_regions: json(v.covered_regions), categories: json(v.categories) })
      .returningAll()
      .executeTakeFirstOrThrow()) as PolicyRow;
  },
  async listPolicies(db: DbOrTx): Promise<PolicyRow[]> {
    return (await db.selectFrom('insurance.policy').selectAll().orderBy('year', 'desc').orderBy('starts_on', 'desc').execute()) as PolicyRow[];
  },
  async getPolicy(db: DbOrTx, id: string): Promise<PolicyRow | undefined> {
    return (await db.selectFrom('insurance.policy').selectAll().where('id', '=', id).executeTakeFirst()) as PolicyRow | undefined;
  },
  /** The policy in force on a day (the latest started one). */
  async policyOn(db: DbOrTx, day: string): Promise<PolicyRow | undefined> {
    return (await db
      .selectFrom('insurance.policy')
      .selectAll()
      .where('starts_on', '<=', day)
      .where('ends_on', '>=', day)
      .orderBy('starts_on', 'desc')
      .limit(1)
      .executeTakeFirst()) as PolicyRow | undefined;
  },
  /**
   * Adds a payout to the policy only while the aggregate limit holds: one conditional update, so
   * concurrent approvals can never push `paid_fen` past the limit. Returns undefined when it would.
   */
  async reserve(db: DbOrTx, policyId: string, amountFen: number): Promise<PolicyRow | undefined> {
    return (await db
      .updateTable('insurance.policy')
      .set({ paid_fen: sql`paid_fen + ${amountFen}`, version: sql`version + 1` })
      .where('id', '=', policyId)
      .where(sql<boolean>`paid_fen + ${amountFen} <= aggregate_limit_fen`)
      .returningAll()
      .executeTakeFirst()) as PolicyRow | undefined;
  },
  async insertClaim(db: DbOrTx, v: ClaimInsert): Promise<ClaimRow> {
    return (await db.insertInto('insurance.claim').values({ ...v, conditions: json(v.conditions) }).returningAll().executeTakeFirstOrThrow()) as ClaimRow;
  },
  async getClaim(db: DbOrTx, id: string): Promise<ClaimRow | undefined> {
    return (await db.selectFrom('insurance.claim').selectAll().where('id', '=', id).executeTakeFirst()) as ClaimRow | undefined;
  },
  async claimsOfComplaint(db: DbOrTx, complaintId: string): Promise<ClaimRow[]> {
    return (await db.selectFrom('insurance.claim').selectAll().where('complaint_id', '=', complaintId).orderBy('created_at', 'desc').execute()) as ClaimRow[];
  },
  async openClaimOf(db: DbOrTx, complaintId: string): Promise<ClaimRow | undefined> {
    return (await db.selectFrom('insurance.claim').selectAll().where('complaint_id', '=', complaintId).where('status', '<>', 'refused').executeTakeFirst()) as ClaimRow | undefined;
  },
  /** Conditional on the version and the expected status. */
  async updateClaim(db: DbOrTx, id: string, version: number, status: ClaimRow['status'], patch: Record<string, unknown>): Promise<ClaimRow | undefined> {
    const set: Record<string, unknown> = { ...patch, version: sql`version + 1`, updated_at: sql`now()` };
    if (patch.conditions) set.conditions = json(patch.conditions);
    if (patch.evidence) set.evidence = json(patch.evidence);
    return (await db
      .updateTable('insurance.claim')
      .set(set)
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', status)
      .returningAll()
      .executeTakeFirst()) as ClaimRow | undefined;
  },
  async addEvidence(db: DbOrTx, id: string, item: Evidence): Promise<void> {
    await db
      .updateTable('insurance.claim')
      .set({ evidence: sql`evidence || ${json([item])}::jsonb`, updated_at: sql`now()` })
      .where('id', '=', id)
      .execute();
  },
  async listClaims(db: DbOrTx, f: { regionPrefix: string | null; status?: string; after?: [string, string]; limit: number }): Promise<ClaimRow[]> {
    let q = db.selectFrom('insurance.claim').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit);
    if (f.regionPrefix) q = q.where('region_code', 'like', `${f.regionPrefix}%`);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.after) {
      const [at, id] = f.after;
      q = q.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]));
    }
    return (await q.execute()) as ClaimRow[];
  },
  async figures(db: DbOrTx, regionPrefix: string | null) {
    let q = db.selectFrom('insurance.claim').select([
      sql<number>`count(*)::int`.as('claims'),
      sql<number>`count(*) filter (where status = 'paid')::int`.as('paid_count'),
      sql<number>`coalesce(sum(approved_fen) filter (where status = 'paid'), 0)::bigint`.as('paid_fen'),
      sql<number>`coalesce(sum(approved_fen) filter (where status = 'approved'), 0)::bigint`.as('approved_unpaid_fen'),
      sql<number>`count(*) filter (where status = 'refused')::int`.as('refused'),
    ]);
    if (regionPrefix) q = q.where('region_code', 'like', `${regionPrefix}%`);
    return (await q.executeTakeFirstOrThrow()) as Record<string, number>;
  },
};

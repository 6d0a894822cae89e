import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database.js';
import { prefixUpperBound } from './domain/enterprise.js';

/** A row of registry.enterprise. */
export interface EnterpriseRow {
  credit_code: string;
  name: string;
  name_key: string;
  name_grams: string[];
  type: string;
  legal_rep_name: string;
  legal_rep_id_enc: string | null;
  legal_rep_id_masked: string | null;
  registered_capital_fen: number;
  address: string;
  region_code: string;
  industry_code: string;
  business_scope: string;
  investors: unknown;
  phone_enc: string | null;
  status: string;
  established_on: string;
  approved_on: string | null;
  deregistered_on: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export type EnterpriseValues = Omit<EnterpriseRow, 'created_at' | 'updated_at' | 'version'>;

export interface EnterpriseFilter {
  /** Search text: matched against the code (prefix) and the name (Simplified/Traditional folded). */
  q?: { code?: string; nameKey?: string; grams?: string[] };
  /** Region prefix (jurisdiction or a filter). */
  regionPrefixes?: string[];
  status?: string;
  industryPrefix?: string;
  /** Only these codes (a business's bound enterprises). */
  codes?: string[];
  afterCode?: string;
  limit: number;
}

/** Kysely queries of the register, one method per query. */
export const registryRepository = {
  async get(db: DbOrTx, code: string): Promise<EnterpriseRow | undefined> {
    return (await db.selectFrom('registry.enterprise').selectAll().where('credit_code', '=', code).executeTakeFirst()) as EnterpriseRow | undefined;
  },

  async getForUpdate(db: DbOrTx, code: string): Promise<EnterpriseRow | undefined> {
    return (await db.selectFrom('registry.enterprise').selectAll().where('credit_code', '=', code).forUpdate().executeTakeFirst()) as EnterpriseRow | undefined;
  },

  async exists(db: DbOrTx, code: string): Promise<boolean> {
    return !!(await db.selectFrom('registry.enterprise').select('credit_code').where('credit_code', '=', code).executeTakeFirst());
  },

  /** Enterprises whose folded name equals `key` exactly (at most `limit`). */
  async byNameKey(db: DbOrTx, key: string, limit: number): Promise<EnterpriseRow[]> {
    return (await db.selectFrom('registry.enterprise').selectAll().where('name_key', '=', key).limit(limit).execute()) as EnterpriseRow[];
  },

  async existingCodes(db: DbOrTx, codes: string[]): Promise<Set<string>> {
    if (!codes.length) return new Set();
    const rows = await db.selectFrom('registry.enterprise').select('credit_code').where('credit_code', 'in', codes).execute();
    return new Set(rows.map((r: { credit_code: string }) => r.credit_code));
  },

  async insert(db: DbOrTx, values: EnterpriseValues): Promise<void> {
    await db
      .insertInto('registry.enterprise')
      .values({ ...values, investors: JSON.stringify(values.investors ?? []) })
      .execute();
  },

  async insertMany(db: DbOrTx, values: EnterpriseValues[]): Promise<void> {
    if (!values.length) return;
    await db
      .insertInto('registry.enterprise')
      .values(values.map((v) => ({ ...v, investors: JSON.stringify(v.investors ?? []) })))
      .execute();
  },

  /** Updates when the version matches; returns the new row, or undefined on a version conflict. */
  async update(db: DbOrTx, code: string, version: number, values: Partial<EnterpriseValues>): Promise<EnterpriseRow | undefined> {
    const set: Record<string, unknown> = { ...values, version: sql`version + 1`, updated_at: sql`now()` };
    if (values.investors !== undefined) set.investors = JSON.stringify(values.investors);
    return (await db
      .updateTable('registry.enterprise')
      .set(set)
      .where('credit_code', '=', code)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst()) as EnterpriseRow | undefined;
  },

  async search(db: DbOrTx, f: EnterpriseFilter): Promise<EnterpriseRow[]> {
    let q = db.selectFrom('registry.enterprise').selectAll().orderBy('credit_code').limit(f.limit);
    if (f.afterCode) q = q.where('credit_code', '>', f.afterCode);
    if (f.codes) q = f.codes.length ? q.where('credit_code', 'in', f.codes) : q.where(sql<boolean>`false`);
    if (f.regionPrefixes?.length) {
      q = q.where((eb) =>
        eb.or(f.regionPrefixes!.map((p) => eb.and([eb('region_code', '>=', p.padEnd(6, '0')), eb('region_code', '<', prefixUpperBound(p).padEnd(6, '0'))]))),
      );
    }
    if (f.status) q = q.where('status', '=', f.status);
    if (f.industryPrefix) q = q.where('industry_code', 'like', `${f.industryPrefix}%`);
    if (f.q) {
      const { code, nameKey, grams } = f.q;
      q = q.where((eb) => {
        const ors = [];
        if (code) ors.push(eb.and([eb('credit_code', '>=', code), eb('credit_code', '<', `${code}~`)]));
        if (nameKey) {
          const nameMatch = grams?.length
            ? eb.and([eb('name_grams', '@>', sql<string[]>`${sql.val(grams)}::text[]`), eb('name_key', 'like', `%${escapeLike(nameKey)}%`)])
            : eb('name_key', 'like', `%${escapeLike(nameKey)}%`);
          ors.push(nameMatch);
        }
        return eb.or(ors);
      });
    }
    return (await q.execute()) as EnterpriseRow[];
  },

  async countByStatus(db: DbOrTx): Promise<Record<string, number>> {
    const rows = await db.selectFrom('registry.enterprise').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
    return Object.fromEntries(rows.map((r: { status: string; n: number }) => [r.status, Number(r.n)]));
  },

  async count(db: DbOrTx): Promise<number> {
    const r = await db.selectFrom('registry.enterprise').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  },

  // Import jobs
  async createImportJob(db: DbOrTx, v: { file_name: string; skip_errors: boolean; created_by: string | null; jurisdiction: string | null; status: string; total: number; valid: number; refused: number; encoding: string; errors: unknown[]; rows: unknown[] | null }) {
    return db
      .insertInto('registry.import_job')
      .values({ ...v, errors: JSON.stringify(v.errors), rows: v.rows ? JSON.stringify(v.rows) : null })
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  async getImportJob(db: DbOrTx, id: string) {
    return db.selectFrom('registry.import_job').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async updateImportJob(db: DbOrTx, id: string, v: Record<string, unknown>) {
    await db.updateTable('registry.import_job').set(v).where('id', '=', id).execute();
  },
};

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

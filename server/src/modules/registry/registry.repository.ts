import { sql, type Selectable, type Updateable } from 'kysely';
import { z } from 'zod';
import type { TypedDbOrTx } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.generated.js';
import { ImportJobSchema, InvestorSchema } from '../../../../contracts/registry.js';
import { prefixUpperBound, ENTERPRISE_STATUSES, ENTERPRISE_TYPES, type Investor, type EnterpriseInput, type Enterprise } from './domain/enterprise.js';

type EnterpriseRecord = Selectable<DB['registry.enterprise']>;
type ImportJobRecord = Selectable<DB['registry.import_job']>;

const EnterpriseEnums = z.object({ type: z.enum(ENTERPRISE_TYPES), status: z.enum(ENTERPRISE_STATUSES) });
const Investors = z.array(InvestorSchema);

/** A row of registry.enterprise, its enums and investors (jsonb) parsed. */
export type EnterpriseRow = Omit<EnterpriseRecord, 'type' | 'status' | 'investors'> & z.infer<typeof EnterpriseEnums> & { investors: Investor[] };

/** The one mapping of an enterprise row: text enums and jsonb parsed, never cast. */
function toEnterpriseRow(r: EnterpriseRecord): EnterpriseRow {
  return { ...r, ...EnterpriseEnums.parse(r), investors: Investors.parse(r.investors ?? []) };
}

const ImportErrors = z.array(z.object({ row: z.number(), field: z.string(), code: z.string(), message: z.string().optional() }).loose());
/** An import row as staged in the job table (validated before staging; the ID number encrypted apart). */
export interface StagedRow {
  row: number;
  input: Omit<EnterpriseInput, 'legalRepIdNumber'>;
  idEnc: string | null;
}
const StagedInput = z.custom<Omit<EnterpriseInput, 'legalRepIdNumber'>>((v) => typeof v === 'object' && v !== null && typeof (v as { creditCode?: unknown }).creditCode === 'string');
const StagedRows = z.array(z.object({ row: z.number(), input: StagedInput, idEnc: z.string().nullable() }));

/** A row of registry.import_job, its errors and staged rows (jsonb) parsed. */
const ImportStatus = ImportJobSchema.shape.status;
export type ImportJobRow = Omit<ImportJobRecord, 'status' | 'errors' | 'rows'> & { status: z.infer<typeof ImportStatus>; errors: z.infer<typeof ImportErrors>; rows: z.infer<typeof StagedRows> | null };

function toImportJob(r: ImportJobRecord): ImportJobRow {
  return { ...r, status: ImportStatus.parse(r.status), errors: ImportErrors.parse(r.errors ?? []), rows: r.rows === null ? null : StagedRows.parse(r.rows) };
}

/** The register's domain object for an enterprise (what other modules receive): no secrets, no index columns. */
export function toEnterprise(r: EnterpriseRow): Enterprise {
  return {
    creditCode: r.credit_code,
    name: r.name,
    type: r.type,
    legalRepName: r.legal_rep_name,
    legalRepIdMasked: r.legal_rep_id_masked,
    registeredCapitalFen: Number(r.registered_capital_fen),
    address: r.address,
    regionCode: r.region_code,
    industryCode: r.industry_code,
    businessScope: r.business_scope,
    investors: r.investors,
    status: r.status,
    establishedOn: r.established_on,
    approvedOn: r.approved_on,
    deregisteredOn: r.deregistered_on,
    version: r.version,
  };
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
  async get(db: TypedDbOrTx, code: string): Promise<EnterpriseRow | undefined> {
    const r = await db.selectFrom('registry.enterprise').selectAll().where('credit_code', '=', code).executeTakeFirst();
    return r && toEnterpriseRow(r);
  },

  async getMany(db: TypedDbOrTx, codes: string[]): Promise<EnterpriseRow[]> {
    if (!codes.length) return [];
    return (await db.selectFrom('registry.enterprise').selectAll().where('credit_code', 'in', codes).orderBy('credit_code').execute()).map(toEnterpriseRow);
  },

  async getForUpdate(db: TypedDbOrTx, code: string): Promise<EnterpriseRow | undefined> {
    const r = await db.selectFrom('registry.enterprise').selectAll().where('credit_code', '=', code).forUpdate().executeTakeFirst();
    return r && toEnterpriseRow(r);
  },

  async exists(db: TypedDbOrTx, code: string): Promise<boolean> {
    return !!(await db.selectFrom('registry.enterprise').select('credit_code').where('credit_code', '=', code).executeTakeFirst());
  },

  /** Enterprises whose folded name equals `key` exactly (at most `limit`). */
  async byNameKey(db: TypedDbOrTx, key: string, limit: number): Promise<EnterpriseRow[]> {
    return (await db.selectFrom('registry.enterprise').selectAll().where('name_key', '=', key).limit(limit).execute()).map(toEnterpriseRow);
  },

  async existingCodes(db: TypedDbOrTx, codes: string[]): Promise<Set<string>> {
    if (!codes.length) return new Set();
    const rows = await db.selectFrom('registry.enterprise').select('credit_code').where('credit_code', 'in', codes).execute();
    return new Set(rows.map((r) => r.credit_code));
  },

  async insert(db: TypedDbOrTx, values: EnterpriseValues): Promise<void> {
    await db
      .insertInto('registry.enterprise')
      .values({ ...values, investors: JSON.stringify(values.investors ?? []) })
      .execute();
  },

  async insertMany(db: TypedDbOrTx, values: EnterpriseValues[]): Promise<void> {
    if (!values.length) return;
    await db
      .insertInto('registry.enterprise')
      .values(values.map((v) => ({ ...v, investors: JSON.stringify(v.investors ?? []) })))
      .execute();
  },

  /** Updates when the version matches; returns the new row, or undefined on a version conflict. */
  async update(db: TypedDbOrTx, code: string, version: number, values: Partial<EnterpriseValues>): Promise<EnterpriseRow | undefined> {
    const { investors, ...rest } = values;
    const r = await db
      .updateTable('registry.enterprise')
      .set({ ...rest, ...(investors !== undefined ? { investors: JSON.stringify(investors) } : {}), version: sql`version + 1`, updated_at: sql`now()` })
      .where('credit_code', '=', code)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    return r && toEnterpriseRow(r);
  },

  async search(db: TypedDbOrTx, f: EnterpriseFilter): Promise<EnterpriseRow[]> {
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
    return (await q.execute()).map(toEnterpriseRow);
  },

  async countByStatus(db: TypedDbOrTx): Promise<Record<string, number>> {
    const rows = await db.selectFrom('registry.enterprise').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  },

  async count(db: TypedDbOrTx): Promise<number> {
    const r = await db.selectFrom('registry.enterprise').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  },

  // Import jobs
  async createImportJob(db: TypedDbOrTx, v: { file_name: string; skip_errors: boolean; created_by: string | null; jurisdiction: string | null; status: string; total: number; valid: number; refused: number; encoding: string; errors: unknown[]; rows: unknown[] | null }): Promise<ImportJobRow> {
    return toImportJob(
      await db
        .insertInto('registry.import_job')
        .values({ ...v, errors: JSON.stringify(v.errors), rows: v.rows ? JSON.stringify(v.rows) : null })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
  },
  async getImportJob(db: TypedDbOrTx, id: string) {
    const r = await db.selectFrom('registry.import_job').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toImportJob(r);
  },
  async updateImportJob(db: TypedDbOrTx, id: string, v: Updateable<DB['registry.import_job']>) {
    await db.updateTable('registry.import_job').set(v).where('id', '=', id).execute();
  },
};

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

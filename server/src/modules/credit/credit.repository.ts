import { sql, type Insertable, type Updateable } from 'kysely';
import type { TypedDbOrTx } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.generated.js';
import { toApplication, toRecord, toRisk, toSync, type ApplicationRow, type Proof, type TimelineEntry } from './credit.rows.js';

type RecordInsert = Insertable<DB['credit.record']>;
type ApplicationPatch = Omit<Updateable<DB['credit.application']>, 'id' | 'proofs' | 'timeline' | 'verification'> & { verification?: ApplicationRow['verification'] };

export const creditRepository = {
  /** Inserts a record once per (kind, source); returns the existing one on a repeat. */
  async insertRecord(db: TypedDbOrTx, values: RecordInsert) {
    await db.insertInto('credit.record').values(values).onConflict((oc) => oc.columns(['kind', 'source_ref']).doNothing()).execute();
    const row = await db.selectFrom('credit.record').selectAll().where('kind', '=', values.kind).where('source_ref', '=', values.source_ref).executeTakeFirstOrThrow();
    return toRecord(row);
  },
  async getRecord(db: TypedDbOrTx, id: string, lock = false) {
    let q = db.selectFrom('credit.record').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r ? toRecord(r) : null;
  },
  async findRecordBySource(db: TypedDbOrTx, kind: string, sourceRef: string) {
    const r = await db.selectFrom('credit.record').selectAll().where('kind', '=', kind).where('source_ref', '=', sourceRef).executeTakeFirst();
    return r ? toRecord(r) : null;
  },
  async findPenaltyByDocument(db: TypedDbOrTx, creditCode: string, documentNo: string) {
    const r = await db.selectFrom('credit.record').selectAll().where('kind', '=', 'penalty').where('credit_code', '=', creditCode).where('document_no', '=', documentNo).executeTakeFirst();
    return r ? toRecord(r) : null;
  },
  async recordsOf(db: TypedDbOrTx, creditCodes: string[], opts: { publishedOnly?: boolean } = {}) {
    if (!creditCodes.length) return [];
    let q = db.selectFrom('credit.record').selectAll().where('credit_code', 'in', creditCodes);
    if (opts.publishedOnly) q = q.where('status', '=', 'published');
    return (await q.orderBy('published_on', 'desc').execute()).map(toRecord);
  },
  async listRecords(db: TypedDbOrTx, q: { region: string | null; kind?: string; status?: string; limit: number }) {
    let s = db.selectFrom('credit.record').selectAll();
    if (q.region) s = s.where('region_code', 'like', `${q.region}%`);
    if (q.kind) s = s.where('kind', '=', q.kind);
    if (q.status) s = s.where('status', '=', q.status);
    return (await s.orderBy('published_on', 'desc').limit(q.limit).execute()).map(toRecord);
  },
  async updateRecord(db: TypedDbOrTx, id: string, patch: Updateable<DB['credit.record']>) {
    await db
      .updateTable('credit.record')
      .set({ ...patch, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
  },
  /** Published records whose maximum period has ended. */
  async dueForExpiry(db: TypedDbOrTx, today: string, limit: number) {
    return (await db.selectFrom('credit.record').selectAll().where('status', '=', 'published').where('ends_on', '<=', today).orderBy('ends_on').limit(limit).execute()).map(toRecord);
  },
  async countRepeats(db: TypedDbOrTx, creditCode: string, violationType: string | null, after: string, exceptId: string) {
    if (!violationType) return 0;
    const r = await db
      .selectFrom('credit.record')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('credit_code', '=', creditCode)
      .where('kind', '=', 'penalty')
      .where('violation_type', '=', violationType)
      .where('decided_on', '>', after)
      .where('id', '!=', exceptId)
      .where('status', '!=', 'withdrawn')
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  async activeListKinds(db: TypedDbOrTx, creditCode: string, exceptId: string) {
    const rows = await db
      .selectFrom('credit.record')
      .select('kind')
      .where('credit_code', '=', creditCode)
      .where('kind', 'in', ['abnormal', 'serious'])
      .where('status', '=', 'published')
      .where('id', '!=', exceptId)
      .execute();
    return rows.map((r) => r.kind).filter((k): k is 'abnormal' | 'serious' => k === 'abnormal' || k === 'serious');
  },

  // ---- applications ----
  async insertApplication(db: TypedDbOrTx, values: Insertable<DB['credit.application']> & { proofs: Proof[]; timeline: TimelineEntry[] }) {
    const row = await db
      .insertInto('credit.application')
      .values({ ...values, proofs: JSON.stringify(values.proofs), timeline: JSON.stringify(values.timeline) })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toApplication(row);
  },
  async findApplicationByKey(db: TypedDbOrTx, key: string) {
    const r = await db.selectFrom('credit.application').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
    return r ? toApplication(r) : null;
  },
  async openApplicationFor(db: TypedDbOrTx, recordId: string) {
    const r = await db.selectFrom('credit.application').selectAll().where('record_id', '=', recordId).where('status', 'in', ['submitted', 'accepted', 'verifying', 'approved']).executeTakeFirst();
    return r ? toApplication(r) : null;
  },
  async getApplication(db: TypedDbOrTx, id: string, lock = false) {
    let q = db.selectFrom('credit.application').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r ? toApplication(r) : null;
  },
  async listApplications(db: TypedDbOrTx, q: { region?: string | null; creditCodes?: string[]; status?: string; limit: number }) {
    let s = db.selectFrom('credit.application').selectAll();
    if (q.region) s = s.where('office_region', 'like', `${q.region}%`);
    if (q.creditCodes) s = q.creditCodes.length ? s.where('credit_code', 'in', q.creditCodes) : s.where(sql<boolean>`false`);
    if (q.status) s = s.where('status', '=', q.status);
    return (await s.orderBy('created_at', 'desc').limit(q.limit).execute()).map(toApplication);
  },
  async updateApplication(db: TypedDbOrTx, id: string, patch: ApplicationPatch, entry?: TimelineEntry) {
    const { verification, ...rest } = patch;
    await db
      .updateTable('credit.application')
      .set({
        ...rest,
        ...(verification !== undefined ? { verification: JSON.stringify(verification) } : {}),
        ...(entry ? { timeline: sql`timeline || ${JSON.stringify([entry])}::jsonb` } : {}),
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .execute();
  },
  async applicationsOfRecord(db: TypedDbOrTx, recordId: string) {
    return (await db.selectFrom('credit.application').selectAll().where('record_id', '=', recordId).execute()).map(toApplication);
  },

  // ---- national systems and syncs ----
  async systems(db: TypedDbOrTx) {
    return db.selectFrom('credit.national_system').selectAll().orderBy('code').execute();
  },
  async system(db: TypedDbOrTx, code: string) {
    return db.selectFrom('credit.national_system').selectAll().where('code', '=', code).executeTakeFirst();
  },
  async upsertSystem(db: TypedDbOrTx, v: { code: string; name: string; endpoint_url: string | null; secret: string }) {
    await db
      .insertInto('credit.national_system')
      .values(v)
      .onConflict((oc) => oc.column('code').doUpdateSet({ endpoint_url: v.endpoint_url, secret: v.secret, name: v.name }))
      .execute();
  },
  async insertSync(db: TypedDbOrTx, v: { record_id: string; application_id: string | null; system: string; action: string }) {
    const row = await db
      .insertInto('credit.sync')
      .values(v)
      .onConflict((oc) => oc.columns(['record_id', 'system', 'action']).doUpdateSet({ state: 'pending', application_id: v.application_id, last_error: null }))
      .returningAll()
      .executeTakeFirstOrThrow();
    return toSync(row);
  },
  async getSync(db: TypedDbOrTx, id: string, lock = false) {
    let q = db.selectFrom('credit.sync').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r ? toSync(r) : null;
  },
  async syncsOf(db: TypedDbOrTx, recordIds: string[]) {
    if (!recordIds.length) return [];
    return (await db.selectFrom('credit.sync').selectAll().where('record_id', 'in', recordIds).execute()).map(toSync);
  },
  async updateSync(db: TypedDbOrTx, id: string, patch: Updateable<DB['credit.sync']>) {
    await db.updateTable('credit.sync').set(patch).where('id', '=', id).execute();
  },
  async failedSyncs(db: TypedDbOrTx, id?: string) {
    let q = db.selectFrom('credit.sync').select(['id', 'system', 'record_id']).where('state', '=', 'failed');
    if (id) q = q.where('id', '=', id);
    return q.limit(500).execute();
  },
  async noteInbound(db: TypedDbOrTx, noticeId: string, recordId: string | null, at: Date) {
    const r = await db.insertInto('credit.inbound_notice').values({ notice_id: noticeId, record_id: recordId, received_at: at }).onConflict((oc) => oc.column('notice_id').doNothing()).returning('notice_id').executeTakeFirst();
    return !!r;
  },

  // ---- risk classes ----
  async getRisk(db: TypedDbOrTx, creditCode: string) {
    const r = await db.selectFrom('credit.risk_class').selectAll().where('credit_code', '=', creditCode).executeTakeFirst();
    return r ? toRisk(r) : null;
  },
  async risksOf(db: TypedDbOrTx, codes: string[]) {
    if (!codes.length) return new Map<string, string>();
    const rows = await db.selectFrom('credit.risk_class').select(['credit_code', 'risk_class']).where('credit_code', 'in', codes).execute();
    return new Map(rows.map((r) => [r.credit_code, r.risk_class]));
  },
  async upsertRisks(db: TypedDbOrTx, rows: { credit_code: string; region_code: string; risk_class: string; score: number; rules_version: string; factors: string; computed_at: Date }[]) {
    if (!rows.length) return;
    await db
      .insertInto('credit.risk_class')
      .values(rows)
      .onConflict((oc) =>
        oc.column('credit_code').doUpdateSet((eb) => ({
          risk_class: eb.ref('excluded.risk_class'),
          score: eb.ref('excluded.score'),
          rules_version: eb.ref('excluded.rules_version'),
          factors: eb.ref('excluded.factors'),
          computed_at: eb.ref('excluded.computed_at'),
          region_code: eb.ref('excluded.region_code'),
        })),
      )
      .execute();
  },
  /** Per enterprise in a key range: counts of published records by kind/severity and repairs in the last year. */
  async riskInputsRange(db: TypedDbOrTx, codes: string[], since3y: string, since1y: string) {
    if (!codes.length) return [];
    return db
      .selectFrom('credit.record')
      .select((eb) => [
        'credit_code',
        eb.fn.count<string>(sql`case when kind = 'penalty' and status = 'published' and severity = 'minor' then 1 end`).as('minor'),
        eb.fn.count<string>(sql`case when kind = 'penalty' and status = 'published' and severity = 'general' then 1 end`).as('general'),
        eb.fn.count<string>(sql`case when kind = 'penalty' and status = 'published' and severity = 'serious' then 1 end`).as('serious'),
        eb.fn.count<string>(sql`case when kind = 'penalty' and status <> 'withdrawn' and decided_on >= ${since3y} then 1 end`).as('history'),
        eb.fn.count<string>(sql`case when kind = 'abnormal' and status = 'published' then 1 end`).as('abnormal'),
        eb.fn.count<string>(sql`case when kind = 'serious' and status = 'published' then 1 end`).as('serious_list'),
        eb.fn.count<string>(sql`case when status = 'repaired' and status_on >= ${since1y} then 1 end`).as('repaired'),
      ])
      .where('credit_code', 'in', codes)
      .groupBy('credit_code')
      .execute();
  },
  async reportsFiled(db: TypedDbOrTx, codes: string[], year: number) {
    if (!codes.length) return new Set<string>();
    const rows = await db.selectFrom('credit.annual_report').select('credit_code').where('credit_code', 'in', codes).where('year', '=', year).execute();
    return new Set(rows.map((r) => r.credit_code));
  },

  // ---- batch runs ----
  async startBatch(db: TypedDbOrTx, period: string, at: Date) {
    const r = await db.insertInto('credit.batch_run').values({ period, status: 'running', started_at: at }).onConflict((oc) => oc.column('period').doNothing()).returningAll().executeTakeFirst();
    return r ?? null;
  },
  async getBatch(db: TypedDbOrTx, id: string) {
    return db.selectFrom('credit.batch_run').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async batchByPeriod(db: TypedDbOrTx, period: string) {
    return db.selectFrom('credit.batch_run').selectAll().where('period', '=', period).executeTakeFirst();
  },
  async updateBatch(db: TypedDbOrTx, id: string, patch: Updateable<DB['credit.batch_run']>) {
    await db.updateTable('credit.batch_run').set(patch).where('id', '=', id).execute();
  },

  // ---- annual reports ----
  async insertReport(db: TypedDbOrTx, v: { credit_code: string; year: number; filed_on: string; late: boolean; public_data: string; private_data: string }) {
    return db.insertInto('credit.annual_report').values(v).onConflict((oc) => oc.columns(['credit_code', 'year']).doNothing()).returningAll().executeTakeFirst();
  },
  async reportsOf(db: TypedDbOrTx, codes: string[]) {
    if (!codes.length) return [];
    return db.selectFrom('credit.annual_report').selectAll().where('credit_code', 'in', codes).orderBy('year', 'desc').execute();
  },

  // ---- figures ----
  async figureRows(db: TypedDbOrTx, region: string | null) {
    let s = db.selectFrom('credit.application').select(['status', 'refusal_reason', 'submitted_on', 'repaired_on']);
    if (region) s = s.where('office_region', 'like', `${region}%`);
    return s.execute();
  },
};

import { sql, type InsertObject, type UpdateObject } from 'kysely';
import type { TypedDbOrTx } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.generated.js';
import {
  toCase,
  toEngagement,
  toPublicity,
  toStep,
  type CaseRow,
  type CaseValues,
  type EngagementData,
  type EngagementRow,
  type PublicityRow,
  type StepRow,
  type TemplateRow,
} from './enforcement.rows.js';

export type { CaseRow, CaseValues, EngagementData, EngagementRow, PublicityRow, StepRow, TemplateRow } from './enforcement.rows.js';
export type { IssuedDocument as DocumentRow } from '../../platform/documents/register.js';

/** A jsonb value as a parameter (both engines take the JSON text). */
function json(v: unknown): string | null {
  return v === undefined || v === null ? null : JSON.stringify(v);
}

function caseColumns(v: CaseValues): UpdateObject<DB, 'enforcement.case'> {
  const { facts, proposal, officer_ids, reasoning, ...plain } = v;
  return {
    ...plain,
    ...('facts' in v ? { facts: json(facts) } : {}),
    ...('reasoning' in v ? { reasoning: json(reasoning) } : {}),
    ...('proposal' in v ? { proposal: json(proposal) } : {}),
    ...('officer_ids' in v ? { officer_ids: uuidArray(officer_ids ?? []) } : {}),
  };
}

/** A new case: the columns without a default. */
export type NewCase = CaseValues & Required<Pick<CaseValues, 'case_no' | 'procedure' | 'status' | 'source' | 'region_code' | 'party_name' | 'party_kind' | 'received_on'>>;

function uuidArray(ids: readonly string[]) {
  return sql<string[]>`${sql.val(ids)}::uuid[]`;
}

function insertColumns(v: NewCase): InsertObject<DB, 'enforcement.case'> {
  const { facts, proposal, officer_ids, reasoning, ...plain } = v;
  return { ...plain, facts: json(facts), proposal: json(proposal), reasoning: json(reasoning), ...(officer_ids ? { officer_ids: uuidArray(officer_ids) } : {}) };
}

/** Kysely queries of the enforcement schema (cases, steps, publicity, anomalies, templates, engagements, ratings). */
export const enforcementRepository = {
  async nextCaseSeq(db: TypedDbOrTx): Promise<number> {
    const r = await sql<{ n: string | number }>`select nextval('enforcement.case_seq') as n`.execute(db);
    return Number(r.rows[0].n);
  },

  async insertCase(db: TypedDbOrTx, values: NewCase): Promise<CaseRow> {
    return toCase(await db.insertInto('enforcement.case').values(insertColumns(values)).returningAll().executeTakeFirstOrThrow());
  },

  async getCase(db: TypedDbOrTx, id: string): Promise<CaseRow | undefined> {
    const r = await db.selectFrom('enforcement.case').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toCase(r);
  },

  async getCaseForUpdate(db: TypedDbOrTx, id: string): Promise<CaseRow | undefined> {
    const r = await db.selectFrom('enforcement.case').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    return r && toCase(r);
  },

  async caseBySourceEvent(db: TypedDbOrTx, eventId: string): Promise<CaseRow | undefined> {
    const r = await db.selectFrom('enforcement.case').selectAll().where('source_event_id', '=', eventId).executeTakeFirst();
    return r && toCase(r);
  },

  /** Updates a case if its version is still `version`; returns the new row, or undefined on a conflict. */
  async updateCase(db: TypedDbOrTx, id: string, version: number, values: CaseValues, now: Date): Promise<CaseRow | undefined> {
    const r = await db
      .updateTable('enforcement.case')
      .set({ ...caseColumns(values), version: sql<number>`version + 1`, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    return r && toCase(r);
  },

  async listCases(
    db: TypedDbOrTx,
    f: { regionPrefix: string | null; status?: string; procedure?: string; creditCode?: string; dueBefore?: string; after?: [string, string]; limit: number },
  ): Promise<CaseRow[]> {
    let q = db.selectFrom('enforcement.case').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit);
    if (f.regionPrefix) q = q.where('region_code', 'like', `${f.regionPrefix}%`);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.procedure) q = q.where('procedure', '=', f.procedure);
    if (f.creditCode) q = q.where('credit_code', '=', f.creditCode);
    if (f.dueBefore) q = q.where('decision_due', '<=', f.dueBefore);
    if (f.after) {
      const [at, id] = f.after;
      q = q.where((eb) => eb.or([eb('created_at', '<', new Date(at)), eb.and([eb('created_at', '=', new Date(at)), eb('id', '<', id)])]));
    }
    return (await q.execute()).map(toCase);
  },

  async casesInRegion(db: TypedDbOrTx, regionPrefix: string | null, statuses: string[]): Promise<CaseRow[]> {
    let q = db.selectFrom('enforcement.case').selectAll().where('status', 'in', statuses);
    if (regionPrefix) q = q.where('region_code', 'like', `${regionPrefix}%`);
    return (await q.limit(5000).execute()).map(toCase);
  },

  async casesOfEnterprise(db: TypedDbOrTx, creditCode: string): Promise<CaseRow[]> {
    return (await db.selectFrom('enforcement.case').selectAll().where('credit_code', '=', creditCode).orderBy('received_on').execute()).map(toCase);
  },

  /** Adds one entry to a case's timeline. */
  async insertStep(db: TypedDbOrTx, s: { case_id: string; kind: string; recorded_at: Date; actor_id: string | null; actor_name: string | null; data?: Record<string, unknown> | null }) {
    await db.insertInto('enforcement.step').values({ ...s, data: json(s.data) }).execute();
  },

  async listSteps(db: TypedDbOrTx, caseId: string): Promise<StepRow[]> {
    return (await db.selectFrom('enforcement.step').selectAll().where('case_id', '=', caseId).orderBy('seq').execute()).map(toStep);
  },

  async stepKindsByCase(db: TypedDbOrTx, caseIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!caseIds.length) return out;
    const rows = await db.selectFrom('enforcement.step').select(['case_id', 'kind']).where('case_id', 'in', caseIds).orderBy('seq').execute();
    for (const r of rows) out.set(r.case_id, [...(out.get(r.case_id) ?? []), r.kind]);
    return out;
  },

  async insertAnomaly(db: TypedDbOrTx, a: { kind: string; account_id: string | null; actor_name: string | null; case_id: string | null; detail: Record<string, unknown>; at: Date }) {
    await db.insertInto('enforcement.anomaly').values({ ...a, detail: json(a.detail) }).execute();
  },

  async anomalyCounts(db: TypedDbOrTx): Promise<Map<string, { count: number; name: string | null }>> {
    const rows = await db
      .selectFrom('enforcement.anomaly')
      .select(['account_id', (eb) => eb.fn.max('actor_name').as('name'), (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('account_id', 'is not', null)
      .groupBy('account_id')
      .execute();
    return new Map(rows.flatMap((r) => (r.account_id ? [[r.account_id, { count: Number(r.n), name: r.name }] as const] : [])));
  },

  async getPublicity(db: TypedDbOrTx, caseId: string): Promise<PublicityRow | undefined> {
    const r = await db.selectFrom('enforcement.publicity').selectAll().where('case_id', '=', caseId).executeTakeFirst();
    return r && toPublicity(r);
  },

  async insertPublicity(db: TypedDbOrTx, p: Pick<PublicityRow, 'case_id' | 'region_code' | 'decided_on' | 'publish_due' | 'period' | 'status' | 'document_id'>) {
    await db.insertInto('enforcement.publicity').values({ ...p, summary: null }).execute();
  },

  async updatePublicity(db: TypedDbOrTx, caseId: string, values: Partial<Omit<PublicityRow, 'summary'>> & { summary?: object }) {
    const { summary, ...plain } = values;
    await db
      .updateTable('enforcement.publicity')
      .set({ ...plain, ...(summary !== undefined ? { summary: json(summary) } : {}) })
      .where('case_id', '=', caseId)
      .execute();
  },

  async overduePublicity(db: TypedDbOrTx, regionPrefix: string | null, today: string): Promise<PublicityRow[]> {
    let q = db.selectFrom('enforcement.publicity').selectAll().where('status', '=', 'pending').where('publish_due', '<', today);
    if (regionPrefix) q = q.where('region_code', 'like', `${regionPrefix}%`);
    return (await q.execute()).map(toPublicity);
  },

  // ---- public penalty publicity (issue 11) ----

  /**
   * Published decisions still inside their period, newest first (keyset on published_on, case_id),
   * matching the published name, the credit code or the document number.
   */
  async publicPenalties(db: TypedDbOrTx, f: { today: string; q?: string; after?: [string, string]; limit: number }): Promise<PublicityRow[]> {
    let q = db
      .selectFrom('enforcement.publicity')
      .selectAll()
      .where('status', '=', 'published')
      .where('ends_on', '>=', f.today)
      .orderBy('published_on', 'desc')
      .orderBy('case_id', 'desc')
      .limit(f.limit);
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const code = f.q.toUpperCase();
      q = q.where((eb) => eb.or([eb('party_name', 'like', like), eb('credit_code', '=', code), eb('doc_no', 'like', like)]));
    }
    if (f.after) {
      const [on, id] = f.after;
      q = q.where((eb) => eb.or([eb('published_on', '<', on), eb.and([eb('published_on', '=', on), eb('case_id', '<', id)])]));
    }
    return (await q.execute()).map(toPublicity);
  },

  /** Ends the publications whose period ran out before `today`; returns the case ids. */
  async endExpiredPublicity(db: TypedDbOrTx, today: string): Promise<string[]> {
    const rows = await db
      .updateTable('enforcement.publicity')
      .set({ status: 'ended', ended_on: today, end_reason: 'expired' })
      .where('status', '=', 'published')
      .where('ends_on', '<', today)
      .returning('case_id')
      .execute();
    return rows.map((r) => r.case_id);
  },

  // ---- templates ----
  async ensureTemplates(db: TypedDbOrTx, defaults: { kind: string; title: string; bodyTemplate: string; footer: string }[]) {
    await db
      .insertInto('enforcement.template')
      .values(defaults.map((d) => ({ kind: d.kind, title: d.title, body_template: d.bodyTemplate, footer: d.footer })))
      .onConflict((oc) => oc.column('kind').doNothing())
      .execute();
  },

  async listTemplates(db: TypedDbOrTx): Promise<TemplateRow[]> {
    return db.selectFrom('enforcement.template').selectAll().orderBy('kind').execute();
  },

  async getTemplate(db: TypedDbOrTx, kind: string): Promise<TemplateRow | undefined> {
    return db.selectFrom('enforcement.template').selectAll().where('kind', '=', kind).executeTakeFirst();
  },

  async updateTemplate(db: TypedDbOrTx, kind: string, version: number, v: { title: string; body_template: string; footer: string; updated_by: string | null; updated_at: Date }): Promise<TemplateRow | undefined> {
    return db
      .updateTable('enforcement.template')
      .set({ ...v, version: sql<number>`version + 1` })
      .where('kind', '=', kind)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  },

  // ---- accounts (read only; the platform owns them) ----
  async accounts(db: TypedDbOrTx, ids: string[]) {
    if (!ids.length) return [];
    return db.selectFrom('platform.account').select(['id', 'display_name', 'roles', 'jurisdiction', 'kind', 'email', 'disabled']).where('id', 'in', ids).execute();
  },

  /** Active enforcement officers whose jurisdiction covers `region` (null = any). */
  async officers(db: TypedDbOrTx, regionPrefix: string | null) {
    let q = db
      .selectFrom('platform.account')
      .select(['id', 'display_name', 'jurisdiction'])
      .where('kind', '=', 'staff')
      .where('disabled', '=', false)
      .where(sql<boolean>`'enforcement_officer' = any(roles)`)
      .orderBy('display_name')
      .limit(500);
    if (regionPrefix) q = q.where((eb) => eb.or([eb('jurisdiction', 'is', null), eb('jurisdiction', 'like', `${regionPrefix}%`), eb(sql.val(regionPrefix), 'like', sql<string>`jurisdiction || '%'`)]));
    return q.execute();
  },

  // ---- engagements ----
  async insertEngagement(db: TypedDbOrTx, e: Omit<EngagementRow, 'id' | 'version' | 'created_at'>): Promise<EngagementRow> {
    return toEngagement(await db.insertInto('enforcement.engagement').values({ ...e, data: json(e.data) ?? '{}' }).returningAll().executeTakeFirstOrThrow());
  },

  async getEngagement(db: TypedDbOrTx, id: string): Promise<EngagementRow | undefined> {
    const r = await db.selectFrom('enforcement.engagement').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toEngagement(r);
  },

  async updateEngagement(db: TypedDbOrTx, id: string, version: number, v: { status: string; data: EngagementData }): Promise<EngagementRow | undefined> {
    const r = await db
      .updateTable('enforcement.engagement')
      .set({ status: v.status, data: json(v.data) ?? '{}', version: sql<number>`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    return r && toEngagement(r);
  },

  async engagementsOf(db: TypedDbOrTx, creditCode: string): Promise<EngagementRow[]> {
    return (await db.selectFrom('enforcement.engagement').selectAll().where('credit_code', '=', creditCode).orderBy('occurred_on').orderBy('created_at').execute()).map(toEngagement);
  },

  async insertRating(db: TypedDbOrTx, r: { officer_id: string; score: number; comment: string | null }) {
    await db.insertInto('enforcement.rating').values(r).execute();
  },

  async ratingStats(db: TypedDbOrTx, officerId: string): Promise<{ count: number; average: number | null }> {
    const r = await db
      .selectFrom('enforcement.rating')
      .select([(eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.avg<number | string | null>('score').as('avg')])
      .where('officer_id', '=', officerId)
      .executeTakeFirst();
    const count = Number(r?.n ?? 0);
    return { count, average: count && r?.avg != null ? Math.round(Number(r.avg) * 100) / 100 : null };
  },

  // ---- figures ----
  async caseFigures(db: TypedDbOrTx, regionPrefix: string | null, from: string, to: string) {
    let q = db
      .selectFrom('enforcement.case')
      .select([
        (eb) => eb.fn.count<number | string>('id').filterWhere('procedure', '=', 'general').as('cases'),
        (eb) => eb.fn.count<number | string>('id').filterWhere('decided_outcome', '=', 'no_penalty').as('not_penalised'),
        (eb) => eb.fn.count<number | string>('id').filterWhere('decided_outcome', 'in', ['mitigated', 'lighter']).as('mitigated'),
        (eb) => eb.fn.count<number | string>('id').filterWhere('procedure', '=', 'on_the_spot').as('on_the_spot'),
        (eb) => eb.fn.coalesce(eb.fn.sum<number | string>('amount_fen'), sql<number>`0`).as('fines'),
      ])
      .where('decided_on', '>=', from)
      .where('decided_on', '<=', to)
      .where('status', '!=', 'revoked');
    if (regionPrefix) q = q.where('region_code', 'like', `${regionPrefix}%`);
    const r = await q.executeTakeFirstOrThrow();
    return { cases: Number(r.cases), notPenalised: Number(r.not_penalised), mitigated: Number(r.mitigated), onTheSpot: Number(r.on_the_spot), fines: Number(r.fines) };
  },

  async engagementFigures(db: TypedDbOrTx, regionPrefix: string | null, from: string, to: string) {
    let q = db
      .selectFrom('enforcement.engagement')
      .select([
        (eb) => eb.fn.count<number | string>('id').filterWhere('kind', '=', 'interview').as('interviews'),
        (eb) => eb.fn.count<number | string>('id').filterWhere('kind', '=', 'follow_up').as('follow_ups'),
      ])
      .where('occurred_on', '>=', from)
      .where('occurred_on', '<=', to);
    if (regionPrefix) q = q.where('region_code', 'like', `${regionPrefix}%`);
    const r = await q.executeTakeFirstOrThrow();
    return { interviews: Number(r.interviews), followUps: Number(r.follow_ups) };
  },
};

import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database.js';

/** A row of enforcement.case. */
export interface CaseRow {
  id: string;
  case_no: string;
  procedure: 'general' | 'on_the_spot';
  status: string;
  source: string;
  source_ref: string | null;
  source_event_id: string | null;
  region_code: string;
  credit_code: string | null;
  party_name: string;
  party_kind: 'person' | 'organisation';
  violation_type: string | null;
  summary: string;
  facts: unknown;
  rule_set: string | null;
  proposal: unknown;
  decided_outcome: string | null;
  amount_fen: number | null;
  penalty: 'none' | 'warning' | 'fine' | null;
  outside_proposal: boolean;
  deviation_reason: string | null;
  serious: boolean;
  complex: boolean;
  public_interest: boolean;
  hearing_right: boolean;
  hearing_requested: boolean;
  hearing_held: boolean;
  review_required: boolean;
  review_result: 'approved' | 'rejected' | null;
  reviewer_id: string | null;
  collective_required: boolean;
  collective_done: boolean;
  officer_ids: string[];
  received_on: string;
  verification_due: string | null;
  verification_extended: boolean;
  opened_on: string | null;
  decision_due: string | null;
  decision_extended: boolean;
  paused_days: number;
  paused_since: string | null;
  pause_reason: string | null;
  decided_on: string | null;
  served_on: string | null;
  payment_due: string | null;
  paid_on: string | null;
  late_fee_fen: number | null;
  closed_on: string | null;
  revoked_on: string | null;
  filed_on: string | null;
  version: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export type CaseValues = Partial<Omit<CaseRow, 'id' | 'version' | 'created_at' | 'updated_at'>>;

export interface PublicityRow {
  case_id: string;
  region_code: string;
  decided_on: string;
  publish_due: string | null;
  period: '3_months' | '3_years';
  status: 'pending' | 'published' | 'withdrawn';
  published_on: string | null;
  ends_on: string | null;
  summary: unknown;
  document_id: string | null;
  revoked_on: string | null;
  withdraw_due: string | null;
  withdrawn_on: string | null;
  withdraw_reason: string | null;
}

export interface DocumentRow {
  id: string;
  kind: string;
  office: string;
  year: number;
  number: number;
  doc_no: string;
  title: string;
  subject_type: string | null;
  subject_id: string | null;
  file_id: string;
  sha256: string;
  verify_code: string;
  issued_by: string | null;
  issued_at: Date;
  revoked_at: Date | null;
}

export interface TemplateRow {
  kind: string;
  title: string;
  body_template: string;
  footer: string;
  version: number;
}

export interface EngagementRow {
  id: string;
  kind: 'follow_up' | 'guidance' | 'assistance' | 'warning' | 'interview';
  credit_code: string;
  region_code: string;
  case_id: string | null;
  officer_id: string | null;
  officer_name: string | null;
  occurred_on: string;
  status: string;
  data: Record<string, unknown>;
  version: number;
  created_at: Date;
}

export interface StepRow {
  id: string;
  case_id: string;
  kind: string;
  recorded_at: Date;
  actor_id: string | null;
  actor_name: string | null;
  data: unknown;
}

function json(v: unknown) {
  return v === undefined ? undefined : v === null ? null : JSON.stringify(v);
}

function caseColumns(v: CaseValues): Record<string, unknown> {
  const out: Record<string, unknown> = { ...v };
  if ('facts' in v) out.facts = json(v.facts);
  if ('proposal' in v) out.proposal = json(v.proposal);
  if ('officer_ids' in v) out.officer_ids = sql`${sql.val(v.officer_ids ?? [])}::uuid[]`;
  return out;
}

/** Kysely queries of the enforcement schema (and the platform's document tables it numbers into). */
export const enforcementRepository = {
  async nextCaseSeq(db: DbOrTx): Promise<number> {
    const r = await sql<{ n: string | number }>`select nextval('enforcement.case_seq') as n`.execute(db);
    return Number(r.rows[0].n);
  },

  async insertCase(db: DbOrTx, values: CaseValues & { case_no: string }): Promise<CaseRow> {
    return (await db.insertInto('enforcement.case').values(caseColumns(values)).returningAll().executeTakeFirstOrThrow()) as CaseRow;
  },

  async getCase(db: DbOrTx, id: string): Promise<CaseRow | undefined> {
    return (await db.selectFrom('enforcement.case').selectAll().where('id', '=', id).executeTakeFirst()) as CaseRow | undefined;
  },

  async getCaseForUpdate(db: DbOrTx, id: string): Promise<CaseRow | undefined> {
    return (await db.selectFrom('enforcement.case').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()) as CaseRow | undefined;
  },

  async caseBySourceEvent(db: DbOrTx, eventId: string): Promise<CaseRow | undefined> {
    return (await db.selectFrom('enforcement.case').selectAll().where('source_event_id', '=', eventId).executeTakeFirst()) as CaseRow | undefined;
  },

  /** Updates a case if its version is still `version`; returns the new row, or undefined on a conflict. */
  async updateCase(db: DbOrTx, id: string, version: number, values: CaseValues, now: Date): Promise<CaseRow | undefined> {
    return (await db
      .updateTable('enforcement.case')
      .set({ ...caseColumns(values), version: sql`version + 1`, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst()) as CaseRow | undefined;
  },

  async listCases(
    db: DbOrTx,
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
    return (await q.execute()) as CaseRow[];
  },

  async casesInRegion(db: DbOrTx, regionPrefix: string | null, statuses: string[]): Promise<CaseRow[]> {
    let q = db.selectFrom('enforcement.case').selectAll().where('status', 'in', statuses);
    if (regionPrefix) q = q.where('region_code', 'like', `${regionPrefix}%`);
    return (await q.limit(5000).execute()) as CaseRow[];
  },

  async casesOfEnterprise(db: DbOrTx, creditCode: string): Promise<CaseRow[]> {
    return (await db.selectFrom('enforcement.case').selectAll().where('credit_code', '=', creditCode).orderBy('received_on').execute()) as CaseRow[];
  },

  async insertStep(db: DbOrTx, s: { case_id: string; kind: string; recorded_at: Date; actor_id: string | null; actor_name: string | null; data?: unknown }) {
    await db.insertInto('enforcement.step').values({ ...s, data: json(s.data ?? null) }).execute();
  },

  async listSteps(db: DbOrTx, caseId: string): Promise<StepRow[]> {
    return (await db.selectFrom('enforcement.step').selectAll().where('case_id', '=', caseId).orderBy('seq').execute()) as StepRow[];
  },

  async stepKindsByCase(db: DbOrTx, caseIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!caseIds.length) return out;
    const rows = await db.selectFrom('enforcement.step').select(['case_id', 'kind']).where('case_id', 'in', caseIds).orderBy('seq').execute();
    for (const r of rows as { case_id: string; kind: string }[]) out.set(r.case_id, [...(out.get(r.case_id) ?? []), r.kind]);
    return out;
  },

  async insertAnomaly(db: DbOrTx, a: { kind: string; account_id: string | null; actor_name: string | null; case_id: string | null; detail: unknown; at: Date }) {
    await db.insertInto('enforcement.anomaly').values({ ...a, detail: json(a.detail) }).execute();
  },

  async anomalyCounts(db: DbOrTx): Promise<Map<string, { count: number; name: string | null }>> {
    const rows = await db
      .selectFrom('enforcement.anomaly')
      .select(['account_id', (eb) => eb.fn.max('actor_name').as('name'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('account_id', 'is not', null)
      .groupBy('account_id')
      .execute();
    return new Map((rows as { account_id: string; name: string | null; n: number | string }[]).map((r) => [r.account_id, { count: Number(r.n), name: r.name }]));
  },

  async getPublicity(db: DbOrTx, caseId: string): Promise<PublicityRow | undefined> {
    return (await db.selectFrom('enforcement.publicity').selectAll().where('case_id', '=', caseId).executeTakeFirst()) as PublicityRow | undefined;
  },

  async insertPublicity(db: DbOrTx, p: Omit<PublicityRow, 'published_on' | 'ends_on' | 'summary' | 'revoked_on' | 'withdraw_due' | 'withdrawn_on' | 'withdraw_reason'> & { summary?: unknown }) {
    await db.insertInto('enforcement.publicity').values({ ...p, summary: json(p.summary ?? null) }).execute();
  },

  async updatePublicity(db: DbOrTx, caseId: string, values: Partial<PublicityRow>) {
    const v: Record<string, unknown> = { ...values };
    if ('summary' in values) v.summary = json(values.summary);
    await db.updateTable('enforcement.publicity').set(v).where('case_id', '=', caseId).execute();
  },

  async overduePublicity(db: DbOrTx, regionPrefix: string | null, today: string): Promise<PublicityRow[]> {
    let q = db.selectFrom('enforcement.publicity').selectAll().where('status', '=', 'pending').where('publish_due', '<', today);
    if (regionPrefix) q = q.where('region_code', 'like', `${regionPrefix}%`);
    return (await q.execute()) as PublicityRow[];
  },

  // ---- templates ----
  async ensureTemplates(db: DbOrTx, defaults: { kind: string; title: string; bodyTemplate: string; footer: string }[]) {
    await db
      .insertInto('enforcement.template')
      .values(defaults.map((d) => ({ kind: d.kind, title: d.title, body_template: d.bodyTemplate, footer: d.footer })))
      .onConflict((oc) => oc.column('kind').doNothing())
      .execute();
  },

  async listTemplates(db: DbOrTx): Promise<TemplateRow[]> {
    return (await db.selectFrom('enforcement.template').selectAll().orderBy('kind').execute()) as TemplateRow[];
  },

  async getTemplate(db: DbOrTx, kind: string): Promise<TemplateRow | undefined> {
    return (await db.selectFrom('enforcement.template').selectAll().where('kind', '=', kind).executeTakeFirst()) as TemplateRow | undefined;
  },

  async updateTemplate(db: DbOrTx, kind: string, version: number, v: { title: string; body_template: string; footer: string; updated_by: string | null; updated_at: Date }) {
    return (await db
      .updateTable('enforcement.template')
      .set({ ...v, version: sql`version + 1` })
      .where('kind', '=', kind)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst()) as TemplateRow | undefined;
  },

  // ---- documents (platform tables) ----
  /** The next number of (office, kind, year), gapless: the counter row is locked until the caller's transaction ends. */
  async nextDocumentNumber(db: DbOrTx, office: string, kind: string, year: number): Promise<number> {
    const r = await sql<{ last_number: number }>`
      insert into platform.document_counter (office, kind, year, last_number) values (${office}, ${kind}, ${year}, 1)
      on conflict (office, kind, year) do update set last_number = platform.document_counter.last_number + 1
      returning last_number`.execute(db);
    return Number(r.rows[0].last_number);
  },

  async insertDocument(db: DbOrTx, d: Omit<DocumentRow, 'id' | 'revoked_at'>): Promise<DocumentRow> {
    return (await db.insertInto('platform.document').values(d).returningAll().executeTakeFirstOrThrow()) as DocumentRow;
  },

  async documentsOf(db: DbOrTx, subjectType: string, subjectIds: string[]): Promise<DocumentRow[]> {
    if (!subjectIds.length) return [];
    return (await db
      .selectFrom('platform.document')
      .selectAll()
      .where('subject_type', '=', subjectType)
      .where('subject_id', 'in', subjectIds)
      .orderBy('issued_at')
      .orderBy('number')
      .execute()) as DocumentRow[];
  },

  async getDocument(db: DbOrTx, id: string): Promise<DocumentRow | undefined> {
    return (await db.selectFrom('platform.document').selectAll().where('id', '=', id).executeTakeFirst()) as DocumentRow | undefined;
  },

  async documentByVerifyCode(db: DbOrTx, code: string): Promise<DocumentRow | undefined> {
    return (await db.selectFrom('platform.document').selectAll().where('verify_code', '=', code).executeTakeFirst()) as DocumentRow | undefined;
  },

  async revokeDocuments(db: DbOrTx, subjectType: string, subjectId: string, kinds: string[], at: Date) {
    await db
      .updateTable('platform.document')
      .set({ revoked_at: at })
      .where('subject_type', '=', subjectType)
      .where('subject_id', '=', subjectId)
      .where('kind', 'in', kinds)
      .where('revoked_at', 'is', null)
      .execute();
  },

  // ---- accounts (platform) ----
  async accounts(db: DbOrTx, ids: string[]): Promise<{ id: string; display_name: string; roles: string[]; jurisdiction: string | null; kind: string; email: string | null; disabled: boolean }[]> {
    if (!ids.length) return [];
    return (await db
      .selectFrom('platform.account')
      .select(['id', 'display_name', 'roles', 'jurisdiction', 'kind', 'email', 'disabled'])
      .where('id', 'in', ids)
      .execute()) as { id: string; display_name: string; roles: string[]; jurisdiction: string | null; kind: string; email: string | null; disabled: boolean }[];
  },

  /** Active enforcement officers whose jurisdiction covers `region` (null = any). */
  async officers(db: DbOrTx, regionPrefix: string | null): Promise<{ id: string; display_name: string; jurisdiction: string | null }[]> {
    let q = db
      .selectFrom('platform.account')
      .select(['id', 'display_name', 'jurisdiction'])
      .where('kind', '=', 'staff')
      .where('disabled', '=', false)
      .where(sql<boolean>`'enforcement_officer' = any(roles)`)
      .orderBy('display_name')
      .limit(500);
    if (regionPrefix) q = q.where((eb) => eb.or([eb('jurisdiction', 'is', null), eb('jurisdiction', 'like', `${regionPrefix}%`), eb(sql.val(regionPrefix), 'like', sql<string>`jurisdiction || '%'`)]));
    return (await q.execute()) as { id: string; display_name: string; jurisdiction: string | null }[];
  },

  // ---- engagements ----
  async insertEngagement(db: DbOrTx, e: Omit<EngagementRow, 'id' | 'version' | 'created_at'>): Promise<EngagementRow> {
    return (await db.insertInto('enforcement.engagement').values({ ...e, data: json(e.data) }).returningAll().executeTakeFirstOrThrow()) as EngagementRow;
  },

  async getEngagement(db: DbOrTx, id: string): Promise<EngagementRow | undefined> {
    return (await db.selectFrom('enforcement.engagement').selectAll().where('id', '=', id).executeTakeFirst()) as EngagementRow | undefined;
  },

  async updateEngagement(db: DbOrTx, id: string, version: number, v: { status: string; data: Record<string, unknown> }): Promise<EngagementRow | undefined> {
    return (await db
      .updateTable('enforcement.engagement')
      .set({ status: v.status, data: json(v.data), version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst()) as EngagementRow | undefined;
  },

  async engagementsOf(db: DbOrTx, creditCode: string): Promise<EngagementRow[]> {
    return (await db.selectFrom('enforcement.engagement').selectAll().where('credit_code', '=', creditCode).orderBy('occurred_on').orderBy('created_at').execute()) as EngagementRow[];
  },

  async insertRating(db: DbOrTx, r: { officer_id: string; score: number; comment: string | null }) {
    await db.insertInto('enforcement.rating').values(r).execute();
  },

  async ratingStats(db: DbOrTx, officerId: string): Promise<{ count: number; average: number | null }> {
    const r = (await db
      .selectFrom('enforcement.rating')
      .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.avg<number>('score').as('avg')])
      .where('officer_id', '=', officerId)
      .executeTakeFirst()) as { n: number | string; avg: number | string | null } | undefined;
    const count = Number(r?.n ?? 0);
    return { count, average: count && r?.avg != null ? Math.round(Number(r.avg) * 100) / 100 : null };
  },

  // ---- figures ----
  async caseFigures(db: DbOrTx, regionPrefix: string | null, from: string, to: string) {
    let q = db
      .selectFrom('enforcement.case')
      .select([
        (eb) => eb.fn.count<number>('id').filterWhere('procedure', '=', 'general').as('cases'),
        (eb) => eb.fn.count<number>('id').filterWhere('decided_outcome', '=', 'no_penalty').as('not_penalised'),
        (eb) => eb.fn.count<number>('id').filterWhere('decided_outcome', 'in', ['mitigated', 'lighter']).as('mitigated'),
        (eb) => eb.fn.count<number>('id').filterWhere('procedure', '=', 'on_the_spot').as('on_the_spot'),
        (eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), sql<number>`0`).as('fines'),
      ])
      .where('decided_on', '>=', from)
      .where('decided_on', '<=', to)
      .where('status', '!=', 'revoked');
    if (regionPrefix) q = q.where('region_code', 'like', `${regionPrefix}%`);
    const r = (await q.executeTakeFirst()) as Record<string, number | string>;
    return { cases: Number(r.cases), notPenalised: Number(r.not_penalised), mitigated: Number(r.mitigated), onTheSpot: Number(r.on_the_spot), fines: Number(r.fines) };
  },

  async engagementFigures(db: DbOrTx, regionPrefix: string | null, from: string, to: string) {
    let q = db
      .selectFrom('enforcement.engagement')
      .select([
        (eb) => eb.fn.count<number>('id').filterWhere('kind', '=', 'interview').as('interviews'),
        (eb) => eb.fn.count<number>('id').filterWhere('kind', '=', 'follow_up').as('follow_ups'),
      ])
      .where('occurred_on', '>=', from)
      .where('occurred_on', '<=', to);
    if (regionPrefix) q = q.where('region_code', 'like', `${regionPrefix}%`);
    const r = (await q.executeTakeFirst()) as Record<string, number | string>;
    return { interviews: Number(r.interviews), followUps: Number(r.follow_ups) };
  },
};

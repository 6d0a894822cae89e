import { sql } from 'kysely';
import type { TypedDbOrTx } from '../../platform/db/database.js';
import {
  toDraw,
  toField,
  toInspector,
  toProposal,
  toTask,
  toVisit,
  type DrawRow,
  type FieldRow,
  type InspectorRow,
  type ProposalRow,
  type TaskRow,
  type VisitRow,
} from './inspections.rows.js';
import type { ChecklistItem } from './domain/visits.js';

export type * from './inspections.rows.js';

/** A jsonb value as a parameter (both engines take the JSON text). */
function json(v: unknown): string {
  return JSON.stringify(v);
}

/** Kysely queries of the inspections schema: the only place with SQL. */
export const inspectionsRepository = {
  // ---- the list
  departments: (db: TypedDbOrTx) => db.selectFrom('inspections.department').selectAll().orderBy('code').execute(),
  async upsertDepartment(db: TypedDbOrTx, code: string, name: string) {
    await db.insertInto('inspections.department').values({ code, name }).onConflict((oc) => oc.column('code').doUpdateSet({ name })).execute();
  },
  async fields(db: TypedDbOrTx): Promise<FieldRow[]> {
    return (await db.selectFrom('inspections.industry_field').selectAll().orderBy('code').execute()).map(toField);
  },
  async field(db: TypedDbOrTx, id: string): Promise<FieldRow | undefined> {
    const r = await db.selectFrom('inspections.industry_field').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toField(r);
  },
  async insertField(db: TypedDbOrTx, v: { code: string; name: string; industry_codes: string[] }): Promise<FieldRow> {
    return toField(await db.insertInto('inspections.industry_field').values({ ...v, industry_codes: json(v.industry_codes) }).returningAll().executeTakeFirstOrThrow());
  },
  fieldByCode: (db: TypedDbOrTx, code: string) => db.selectFrom('inspections.industry_field').select('id').where('code', '=', code).executeTakeFirst(),
  items: (db: TypedDbOrTx, fieldIds?: string[]) => {
    let q = db.selectFrom('inspections.item').selectAll().orderBy('department_code').orderBy('name');
    if (fieldIds) q = q.where('field_id', 'in', fieldIds.length ? fieldIds : ['00000000-0000-0000-0000-000000000000']);
    return q.execute();
  },
  itemsByIds: (db: TypedDbOrTx, ids: string[]) => (ids.length ? db.selectFrom('inspections.item').selectAll().where('id', 'in', ids).execute() : Promise.resolve([])),
  insertItem: (db: TypedDbOrTx, v: { field_id: string; department_code: string; name: string; legal_basis: string; method?: string }) =>
    db.insertInto('inspections.item').values(v).returningAll().executeTakeFirstOrThrow(),

  // ---- target directories
  insertDirectory: (db: TypedDbOrTx, v: { field_id: string; department_code: string | null; name: string; region_code: string }) =>
    db.insertInto('inspections.directory').values(v).returningAll().executeTakeFirstOrThrow(),
  directory: (db: TypedDbOrTx, id: string) => db.selectFrom('inspections.directory').selectAll().where('id', '=', id).executeTakeFirst(),
  directoriesOf: (db: TypedDbOrTx, fieldId: string, regionPrefix: string) =>
    db
      .selectFrom('inspections.directory as d')
      .select(['d.id', 'd.field_id', 'd.department_code', 'd.name', 'd.region_code'])
      .select((eb) => eb.selectFrom('inspections.target as t').whereRef('t.directory_id', '=', 'd.id').select(eb.fn.countAll<number>().as('n')).as('targets'))
      .where('d.field_id', '=', fieldId)
      .where('d.region_code', 'like', `${regionPrefix}%`)
      .orderBy('d.name')
      .execute(),
  async insertTargets(db: TypedDbOrTx, rows: { directory_id: string; credit_code: string; name: string; region_code: string; industry_code: string }[]): Promise<number> {
    let n = 0;
    for (let i = 0; i < rows.length; i += 1000) {
      const r = await db.insertInto('inspections.target').values(rows.slice(i, i + 1000)).onConflict((oc) => oc.columns(['directory_id', 'credit_code']).doNothing()).returning('credit_code').execute();
      n += r.length;
    }
    return n;
  },
  async countTargets(db: TypedDbOrTx, directoryId: string): Promise<number> {
    const r = await db.selectFrom('inspections.target').select((eb) => eb.fn.countAll<number>().as('n')).where('directory_id', '=', directoryId).executeTakeFirstOrThrow();
    return Number(r.n);
  },
  /**
   * One page of a task's directory in canonical order (credit code), with each enterprise's risk
   * class (null without one); an enterprise in several of the directories appears once.
   */
  async directoryPage(db: TypedDbOrTx, directoryIds: string[], after: string | null, limit: number): Promise<{ creditCode: string; regionCode: string; riskClass: string | null }[]> {
    if (!directoryIds.length) return [];
    let q = db
      .selectFrom('inspections.target as t')
      .leftJoin('inspections.risk_class as r', 'r.credit_code', 't.credit_code')
      .select(['t.credit_code', (eb) => eb.fn.min('t.region_code').as('region_code'), (eb) => eb.fn.max('r.risk_class').as('risk_class')])
      .where('t.directory_id', 'in', directoryIds)
      .groupBy('t.credit_code')
      .orderBy('t.credit_code')
      .limit(limit);
    if (after) q = q.where('t.credit_code', '>', after);
    return (await q.execute()).map((r) => ({ creditCode: r.credit_code, regionCode: r.region_code ?? '', riskClass: r.risk_class ?? null }));
  },
  targetNames: (db: TypedDbOrTx, codes: string[]) =>
    codes.length ? db.selectFrom('inspections.target').select(['credit_code', 'name']).distinctOn('credit_code').where('credit_code', 'in', codes).orderBy('credit_code').execute() : Promise.resolve([]),
  /**
   * The draw's candidates in one pass over a large directory: for each stratum (a risk class, or
   * null, published as `label`), the rows whose key SHA-256(`seed:label:creditCode`) starts below
   * the stratum's bound (first 4 bytes; null = every row). The caller keeps the k smallest keys
   * (domain/draw.ts `candidateBound`, `smallestKeys`), the same targets as the in-memory draw.
   */
  async drawCandidates(
    db: TypedDbOrTx,
    directoryIds: string[],
    seed: string,
    strata: { riskClass: string | null; label: string; bound: number | null }[],
  ): Promise<{ creditCode: string; regionCode: string; label: string; key: string }[]> {
    const label = sql`case ${sql.join(strata.map((s) => (s.riskClass === null ? sql`when r.risk_class is null then ${s.label}` : sql`when r.risk_class = ${s.riskClass} then ${s.label}`)), sql` `)} else 'S0' end`;
    const boundOf = (b: number | null) => (b === null || b >= 2 ** 32 ? Buffer.from('ffffffffff', 'hex') : Buffer.from(b.toString(16).padStart(8, '0'), 'hex'));
    const bound = sql`case x.label ${sql.join(strata.map((s) => sql`when ${s.label} then ${boundOf(s.bound)}::bytea`), sql` `)} else '\\x00'::bytea end`;
    const r = await sql<{ credit_code: string; region_code: string; label: string; key: Buffer }>`
      select x.credit_code, x.region_code, x.label, x.key from (
        select t.credit_code, t.region_code, ${label} as label,
               sha256(convert_to(${`${seed}:`} || (${label}) || ':' || t.credit_code, 'UTF8')) as key
        from inspections.target t left join inspections.risk_class r on r.credit_code = t.credit_code
        where t.directory_id in (${sql.join(directoryIds)})
      ) x where substring(x.key from 1 for 4) < ${bound}`.execute(db);
    const seen = new Set<string>();
    const out: { creditCode: string; regionCode: string; label: string; key: string }[] = [];
    for (const x of r.rows) {
      if (seen.has(x.credit_code)) continue;
      seen.add(x.credit_code);
      out.push({ creditCode: x.credit_code, regionCode: x.region_code, label: x.label, key: Buffer.from(x.key).toString('hex') });
    }
    return out;
  },
  async strataSizes(db: TypedDbOrTx, directoryIds: string[]): Promise<{ riskClass: string | null; size: number }[]> {
    const r = await sql<{ risk_class: string | null; n: string | number }>`
      select r.risk_class, ${directoryIds.length > 1 ? sql`count(distinct t.credit_code)` : sql`count(*)`} as n
      from inspections.target t left join inspections.risk_class r on r.credit_code = t.credit_code
      where t.directory_id in (${sql.join(directoryIds)}) group by r.risk_class`.execute(db);
    return r.rows.map((x) => ({ riskClass: x.risk_class, size: Number(x.n) }));
  },

  // ---- risk classes (from the credit module's event)
  async upsertRiskClass(db: TypedDbOrTx, v: { credit_code: string; risk_class: string; rules_version: string; computed_at: Date }) {
    await db
      .insertInto('inspections.risk_class')
      .values(v)
      .onConflict((oc) =>
        oc.column('credit_code').doUpdateSet({ risk_class: v.risk_class, rules_version: v.rules_version, computed_at: v.computed_at, updated_at: sql`now()` }).where('inspections.risk_class.computed_at', '<', v.computed_at),
      )
      .execute();
  },
  riskClassOf: (db: TypedDbOrTx, code: string) => db.selectFrom('inspections.risk_class').selectAll().where('credit_code', '=', code).executeTakeFirst(),

  // ---- inspectors
  async inspectors(db: TypedDbOrTx, f: { departments?: string[]; regionPrefix?: string | null; accountId?: string } = {}): Promise<InspectorRow[]> {
    let q = db.selectFrom('inspections.inspector').selectAll().orderBy('code');
    if (f.departments) q = q.where('department_code', 'in', f.departments.length ? f.departments : ['']);
    if (f.regionPrefix) q = q.where('region_code', 'like', `${f.regionPrefix}%`);
    if (f.accountId) q = q.where('account_id', '=', f.accountId);
    return (await q.execute()).map(toInspector);
  },
  async inspector(db: TypedDbOrTx, id: string): Promise<InspectorRow | undefined> {
    const r = await db.selectFrom('inspections.inspector').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toInspector(r);
  },
  async nextInspectorCode(db: TypedDbOrTx, department: string): Promise<string> {
    const r = await db.selectFrom('inspections.inspector').select((eb) => eb.fn.countAll<number>().as('n')).where('department_code', '=', department).executeTakeFirstOrThrow();
    return `${department.toUpperCase()}-${String(Number(r.n) + 1).padStart(4, '0')}`;
  },
  async insertInspector(db: TypedDbOrTx, v: { code: string; account_id: string | null; name: string; department_code: string; region_code: string; residence_region_code: string; qualifications: string[]; available: boolean; conflicts: string[] }): Promise<InspectorRow> {
    return toInspector(await db.insertInto('inspections.inspector').values({ ...v, qualifications: json(v.qualifications), conflicts: json(v.conflicts) }).returningAll().executeTakeFirstOrThrow());
  },
  async updateInspector(db: TypedDbOrTx, id: string, v: { available?: boolean; conflicts?: string[] }): Promise<InspectorRow | undefined> {
    const r = await db
      .updateTable('inspections.inspector')
      .set({ ...(v.available !== undefined ? { available: v.available } : {}), ...(v.conflicts ? { conflicts: json(v.conflicts) } : {}) })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return r && toInspector(r);
  },
  /** Teams of the last completed visit of each enterprise of the directories (recusal: "last time"). */
  async lastTeams(db: TypedDbOrTx, directoryIds: string[]): Promise<Map<string, string[]>> {
    const rows = await db
      .selectFrom('inspections.visit as v')
      .select(['v.credit_code', 'v.team'])
      .distinctOn('v.credit_code')
      .where('v.status', '=', 'done')
      .where('v.credit_code', 'in', (eb) => eb.selectFrom('inspections.target').select('credit_code').where('directory_id', 'in', directoryIds.length ? directoryIds : ['00000000-0000-0000-0000-000000000000']))
      .orderBy('v.credit_code')
      .orderBy('v.completed_on', 'desc')
      .execute();
    return new Map(rows.map((r) => [r.credit_code, toVisitTeam(r.team)]));
  },
  /** Open visits per inspector code (the workload before a draw). */
  async openLoads(db: TypedDbOrTx): Promise<Map<string, number>> {
    const rows = await db.selectFrom('inspections.visit').select('team').where('status', '=', 'open').execute();
    const m = new Map<string, number>();
    for (const r of rows) for (const c of toVisitTeam(r.team)) m.set(c, (m.get(c) ?? 0) + 1);
    return m;
  },

  // ---- plans and tasks
  insertPlan: (db: TypedDbOrTx, v: { year: number; title: string; department_code: string | null; field_id: string | null; region_code: string; created_by: string | null }) =>
    db.insertInto('inspections.plan').values(v).returningAll().executeTakeFirstOrThrow(),
  plans: (db: TypedDbOrTx, regionPrefix: string | null) => {
    let q = db
      .selectFrom('inspections.plan as p')
      .selectAll('p')
      .select((eb) => eb.selectFrom('inspections.task as t').whereRef('t.plan_id', '=', 'p.id').select(eb.fn.countAll<number>().as('n')).as('tasks'))
      .orderBy('p.year', 'desc')
      .orderBy('p.created_at', 'desc');
    if (regionPrefix) q = q.where('p.region_code', 'like', `${regionPrefix}%`);
    return q.execute();
  },
  plan: (db: TypedDbOrTx, id: string) => db.selectFrom('inspections.plan').selectAll().where('id', '=', id).executeTakeFirst(),
  async nextTaskNo(db: TypedDbOrTx, year: number): Promise<string> {
    const r = await db.selectFrom('inspections.task').select((eb) => eb.fn.countAll<number>().as('n')).where('task_no', 'like', `SJ${year}%`).executeTakeFirstOrThrow();
    return `SJ${year}${String(Number(r.n) + 1).padStart(5, '0')}`;
  },
  async insertTask(
    db: TypedDbOrTx,
    v: { task_no: string; plan_id: string | null; kind: 'random' | 'surprise'; title: string; field_id: string | null; region_code: string; departments: string[]; item_ids: string[]; directory_ids: string[]; period_start: string; period_end: string; ratios: Record<string, number>; ratio_rule: string; team_size: number; proposal_id: string | null; created_by: string | null },
  ): Promise<TaskRow> {
    return toTask(
      await db
        .insertInto('inspections.task')
        .values({ ...v, departments: json(v.departments), item_ids: json(v.item_ids), directory_ids: json(v.directory_ids), ratios: json(v.ratios), status: 'committing' })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
  },
  async task(db: TypedDbOrTx, id: string, lock = false): Promise<TaskRow | undefined> {
    let q = db.selectFrom('inspections.task').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r && toTask(r);
  },
  async tasks(db: TypedDbOrTx, f: { regionPrefix: string | null; status?: string[]; limit: number }): Promise<TaskRow[]> {
    let q = db.selectFrom('inspections.task').selectAll().orderBy('created_at', 'desc').limit(f.limit);
    if (f.regionPrefix) q = q.where('region_code', 'like', `${f.regionPrefix}%`);
    if (f.status) q = q.where('status', 'in', f.status);
    return (await q.execute()).map(toTask);
  },
  async updateTask(db: TypedDbOrTx, id: string, v: { status?: string; snapshot_hash?: string; inspectors_hash?: string; published_on?: string }) {
    await db.updateTable('inspections.task').set({ ...v, version: sql`version + 1` }).where('id', '=', id).execute();
  },
  async setProgress(db: TypedDbOrTx, id: string, progress: { phase: string; done: number; total: number } | null) {
    await db.updateTable('inspections.task').set({ draw_progress: progress === null ? null : json(progress) }).where('id', '=', id).execute();
  },
  commitments: (db: TypedDbOrTx, taskId: string) => db.selectFrom('inspections.commitment').selectAll().where('task_id', '=', taskId).orderBy('party').execute(),
  async insertCommitment(db: TypedDbOrTx, v: { task_id: string; party: string; commitment: string; committed_at: Date }) {
    await db.insertInto('inspections.commitment').values(v).execute();
  },
  async reveal(db: TypedDbOrTx, taskId: string, party: string, reveal: string, at: Date) {
    await db.updateTable('inspections.commitment').set({ reveal, revealed_at: at }).where('task_id', '=', taskId).where('party', '=', party).execute();
  },
  async insertDraw(db: TypedDbOrTx, v: Omit<DrawRow, 'bundle'> & { bundle: unknown }) {
    await db.insertInto('inspections.draw').values({ ...v, bundle: json(v.bundle) }).execute();
  },
  async draw(db: TypedDbOrTx, taskId: string): Promise<DrawRow | undefined> {
    const r = await db.selectFrom('inspections.draw').selectAll().where('task_id', '=', taskId).executeTakeFirst();
    return r && toDraw(r);
  },
  async drawnByClass(db: TypedDbOrTx): Promise<Map<string, number>> {
    const rows = await db.selectFrom('inspections.draw').select('bundle').execute();
    const m = new Map<string, number>();
    for (const r of rows) for (const t of toDraw({ task_id: '', algorithm: '', seed: '', snapshot_hash: '', inspectors_hash: '', drawn_at: new Date(0), bundle: r.bundle }).bundle.result.targets) m.set(t.stratum, (m.get(t.stratum) ?? 0) + 1);
    return m;
  },

  // ---- visits
  async openVisitFor(db: TypedDbOrTx, creditCode: string, start: string, end: string): Promise<VisitRow | undefined> {
    const r = await db
      .selectFrom('inspections.visit')
      .selectAll()
      .where('credit_code', '=', creditCode)
      .where('status', '=', 'open')
      .where('period_start', '<=', end)
      .where('period_end', '>=', start)
      .orderBy('created_at')
      .forUpdate()
      .executeTakeFirst();
    return r && toVisit(r);
  },
  async insertVisit(db: TypedDbOrTx, v: { credit_code: string; name: string; region_code: string; period_start: string; period_end: string; team: string[]; checklist: ChecklistItem[] }): Promise<VisitRow> {
    return toVisit(await db.insertInto('inspections.visit').values({ ...v, team: json(v.team), checklist: json(v.checklist), status: 'open' }).returningAll().executeTakeFirstOrThrow());
  },
  async updateVisit(
    db: TypedDbOrTx,
    id: string,
    v: { team?: string[]; checklist?: ChecklistItem[]; status?: 'open' | 'done'; finding?: boolean; summary?: string | null; completed_on?: string; publish_due?: string; published_on?: string; period_start?: string; period_end?: string },
  ): Promise<VisitRow> {
    const { team, checklist, ...plain } = v;
    return toVisit(
      await db
        .updateTable('inspections.visit')
        .set({ ...plain, ...(team ? { team: json(team) } : {}), ...(checklist ? { checklist: json(checklist) } : {}), version: sql`version + 1` })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
  },
  async visit(db: TypedDbOrTx, id: string, lock = false): Promise<VisitRow | undefined> {
    let q = db.selectFrom('inspections.visit').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r && toVisit(r);
  },
  async linkVisit(db: TypedDbOrTx, visitId: string, taskId: string) {
    await db.insertInto('inspections.visit_task').values({ visit_id: visitId, task_id: taskId }).onConflict((oc) => oc.columns(['visit_id', 'task_id']).doNothing()).execute();
  },
  async visitsOfTask(db: TypedDbOrTx, taskId: string): Promise<VisitRow[]> {
    const rows = await db.selectFrom('inspections.visit as v').innerJoin('inspections.visit_task as vt', 'vt.visit_id', 'v.id').selectAll('v').where('vt.task_id', '=', taskId).orderBy('v.credit_code').execute();
    return rows.map(toVisit);
  },
  async visitsOfInspector(db: TypedDbOrTx, code: string, limit: number): Promise<VisitRow[]> {
    const rows = await db.selectFrom('inspections.visit').selectAll().where(sql<boolean>`team @> ${json([code])}::jsonb`).orderBy('status', 'desc').orderBy('created_at', 'desc').limit(limit).execute();
    return rows.map(toVisit);
  },
  async tasksOfVisits(db: TypedDbOrTx, visitIds: string[]): Promise<{ visit_id: string; task_id: string; task_no: string }[]> {
    if (!visitIds.length) return [];
    return db.selectFrom('inspections.visit_task as vt').innerJoin('inspections.task as t', 't.id', 'vt.task_id').select(['vt.visit_id', 'vt.task_id', 't.task_no']).where('vt.visit_id', 'in', visitIds).orderBy('t.task_no').execute();
  },
  async visitsAvoided(db: TypedDbOrTx, taskId?: string): Promise<number> {
    const base = db.selectFrom('inspections.visit_task as vt');
    const scoped = taskId ? base.where('vt.visit_id', 'in', (eb) => eb.selectFrom('inspections.visit_task').select('visit_id').where('task_id', '=', taskId)) : base;
    const r = await scoped.select((eb) => [eb.fn.countAll<number>().as('pairs'), eb.fn.count<number>('vt.visit_id').distinct().as('visits')]).executeTakeFirstOrThrow();
    return Number(r.pairs) - Number(r.visits);
  },

  // ---- the public's order
  async insertPhoneCode(db: TypedDbOrTx, v: { phone_index: string; code_hash: string; expires_at: Date }) {
    await db.insertInto('inspections.phone_code').values(v).execute();
  },
  latestPhoneCode: (db: TypedDbOrTx, phoneIndex: string) =>
    db.selectFrom('inspections.phone_code').selectAll().where('phone_index', '=', phoneIndex).orderBy('created_at', 'desc').limit(1).executeTakeFirst(),
  async phoneCodeFailed(db: TypedDbOrTx, id: string) {
    await db.updateTable('inspections.phone_code').set({ failures: sql`failures + 1` }).where('id', '=', id).execute();
  },
  async consumePhoneCode(db: TypedDbOrTx, id: string) {
    await db.deleteFrom('inspections.phone_code').where('id', '=', id).execute();
  },
  async insertSession(db: TypedDbOrTx, v: { token_hash: string; phone_index: string; expires_at: Date }) {
    await db.insertInto('inspections.phone_session').values(v).execute();
  },
  session: (db: TypedDbOrTx, tokenHash: string) => db.selectFrom('inspections.phone_session').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst(),
  async nextProposalNo(db: TypedDbOrTx, year: number): Promise<string> {
    const r = await db.selectFrom('inspections.proposal').select((eb) => eb.fn.countAll<number>().as('n')).where('proposal_no', 'like', `DD${year}%`).executeTakeFirstOrThrow();
    return `DD${year}${String(Number(r.n) + 1).padStart(5, '0')}`;
  },
  async insertProposal(db: TypedDbOrTx, v: { proposal_no: string; title: string; body: string; region_code: string; proposer_index: string; created_at: Date }): Promise<ProposalRow> {
    return toProposal(await db.insertInto('inspections.proposal').values({ ...v, status: 'open' }).returningAll().executeTakeFirstOrThrow());
  },
  async proposal(db: TypedDbOrTx, id: string, lock = false): Promise<ProposalRow | undefined> {
    let q = db.selectFrom('inspections.proposal').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r && toProposal(r);
  },
  async proposals(db: TypedDbOrTx, f: { statuses?: string[]; regionPrefix?: string | null; limit: number }): Promise<ProposalRow[]> {
    let q = db.selectFrom('inspections.proposal').selectAll().orderBy('supports', 'desc').orderBy('created_at').limit(f.limit);
    if (f.statuses) q = q.where('status', 'in', f.statuses);
    if (f.regionPrefix) q = q.where('region_code', 'like', `${f.regionPrefix}%`);
    return (await q.execute()).map(toProposal);
  },
  mergedFrom: (db: TypedDbOrTx, id: string) => db.selectFrom('inspections.proposal').select('proposal_no').where('merged_into', '=', id).orderBy('proposal_no').execute(),
  async updateProposal(
    db: TypedDbOrTx,
    id: string,
    v: { status?: string; merged_into?: string; answer?: string | null; answered_at?: Date; task_id?: string; problem_solved?: boolean; outcome?: string | null },
  ): Promise<ProposalRow> {
    return toProposal(await db.updateTable('inspections.proposal').set({ ...v, version: sql`version + 1` }).where('id', '=', id).returningAll().executeTakeFirstOrThrow());
  },
  /** One support per phone per proposal; true when it was new. */
  async addSupport(db: TypedDbOrTx, proposalId: string, phoneIndex: string, originId: string, at: Date): Promise<boolean> {
    const r = await db.insertInto('inspections.support').values({ proposal_id: proposalId, phone_index: phoneIndex, origin_id: originId, created_at: at }).onConflict((oc) => oc.columns(['proposal_id', 'phone_index']).doNothing()).returning('phone_index').execute();
    return r.length > 0;
  },
  async supportsOf(db: TypedDbOrTx, proposalId: string) {
    return db.selectFrom('inspections.support').select(['phone_index', 'origin_id', 'created_at']).where('proposal_id', '=', proposalId).execute();
  },
  async recountSupports(db: TypedDbOrTx, proposalId: string): Promise<number> {
    const r = await db.selectFrom('inspections.support').select((eb) => eb.fn.countAll<number>().as('n')).where('proposal_id', '=', proposalId).executeTakeFirstOrThrow();
    await db.updateTable('inspections.proposal').set({ supports: Number(r.n) }).where('id', '=', proposalId).execute();
    return Number(r.n);
  },

  // ---- videos
  insertVideo: (db: TypedDbOrTx, v: { title: string; file_id: string; mime: string; size: number; poster_file_id: string | null; poster_mime: string | null; proposal_id: string | null; task_id: string | null; created_by: string | null }) =>
    db.insertInto('inspections.video').values(v).returningAll().executeTakeFirstOrThrow(),
  video: (db: TypedDbOrTx, id: string) => db.selectFrom('inspections.video').selectAll().where('id', '=', id).executeTakeFirst(),
  videos: (db: TypedDbOrTx, f: { proposalId?: string; taskId?: string; limit: number }) => {
    let q = db.selectFrom('inspections.video').selectAll().orderBy('created_at', 'desc').limit(f.limit);
    if (f.proposalId && f.taskId) q = q.where((eb) => eb.or([eb('proposal_id', '=', f.proposalId!), eb('task_id', '=', f.taskId!)]));
    else if (f.proposalId) q = q.where('proposal_id', '=', f.proposalId);
    else if (f.taskId) q = q.where('task_id', '=', f.taskId);
    return q.execute();
  },
  async viewsOf(db: TypedDbOrTx, ids: string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows = await db.selectFrom('inspections.video_views_daily').select(['video_id', (eb) => eb.fn.sum<number>('views').as('n')]).where('video_id', 'in', ids).groupBy('video_id').execute();
    return new Map(rows.map((r) => [r.video_id, Number(r.n)]));
  },
  /** Counts a view once per visitor and day; true when it was counted. */
  async countView(db: TypedDbOrTx, videoId: string, visitorHash: string, day: string): Promise<boolean> {
    const r = await db.insertInto('inspections.video_view').values({ video_id: videoId, visitor_hash: visitorHash, day }).onConflict((oc) => oc.columns(['video_id', 'day', 'visitor_hash']).doNothing()).returning('day').execute();
    if (!r.length) return false;
    await db
      .insertInto('inspections.video_views_daily')
      .values({ video_id: videoId, day, views: 1 })
      .onConflict((oc) => oc.columns(['video_id', 'day']).doUpdateSet({ views: sql`inspections.video_views_daily.views + 1` }))
      .execute();
    return true;
  },
  async addDailyViews(db: TypedDbOrTx, rows: { video_id: string; day: string; views: number }[]) {
    for (let i = 0; i < rows.length; i += 1000) await db.insertInto('inspections.video_views_daily').values(rows.slice(i, i + 1000)).onConflict((oc) => oc.columns(['video_id', 'day']).doNothing()).execute();
  },

  // ---- figures
  async figures(db: TypedDbOrTx) {
    const count = async (table: 'inspections.industry_field' | 'inspections.directory' | 'inspections.inspector' | 'inspections.task' | 'inspections.visit' | 'inspections.video' | 'inspections.proposal') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const one = async (q: ReturnType<typeof sql<{ n: string | number | null }>>) => Number((await q.execute(db)).rows[0]?.n ?? 0);
    return {
      industryFields: await count('inspections.industry_field'),
      targetDirectories: await count('inspections.directory'),
      targets: await one(sql`select count(distinct credit_code) as n from inspections.target`),
      inspectors: await count('inspections.inspector'),
      tasks: await count('inspections.task'),
      jointTasks: await one(sql`select count(*) as n from inspections.task where jsonb_array_length(departments) > 1`),
      enterprisesChecked: await one(sql`select count(distinct credit_code) as n from inspections.visit where status = 'done'`),
      visits: await count('inspections.visit'),
      participants: await one(sql`select count(*) as n from (select phone_index from inspections.support union select proposer_index from inspections.proposal) p`),
      proposals: await count('inspections.proposal'),
      proposalsAnswered: await one(sql`select count(*) as n from inspections.proposal where answer is not null`),
      videos: await count('inspections.video'),
      views: await one(sql`select coalesce(sum(views), 0) as n from inspections.video_views_daily`),
      problemsSolved: await one(sql`select count(*) as n from inspections.proposal where problem_solved`),
    };
  },
};

function toVisitTeam(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

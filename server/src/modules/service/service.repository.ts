import { sql, type Insertable, type Updateable } from 'kysely';
import type { TypedDbOrTx } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.generated.js';
import { toBooking, toItem, toMeasure, toRating, type BookingRow, type ItemRow, type MeasureRow, type RatingRow } from './service.rows.js';

/** Typed Kysely queries of the `service` schema; rows mapped by service.rows.ts. */

type MeasurePatch = Omit<Updateable<DB['service.measure']>, 'id' | 'version'>;
type RatingPatch = Omit<Updateable<DB['service.rating']>, 'id' | 'version'>;
type BookingPatch = Omit<Updateable<DB['service.clinic_booking']>, 'id' | 'version' | 'actions'> & { actions?: { department: string; action: string }[] };

export const serviceRepository = {
  // ---- items and handled cases
  async insertItem(db: TypedDbOrTx, v: Omit<Insertable<DB['service.item']>, 'departments'> & { departments: string[] }): Promise<ItemRow> {
    return toItem(await db.insertInto('service.item').values({ ...v, departments: JSON.stringify(v.departments) }).returningAll().executeTakeFirstOrThrow());
  },
  async listItems(db: TypedDbOrTx, regionPrefix: string | null): Promise<ItemRow[]> {
    let q = db.selectFrom('service.item').selectAll();
    if (regionPrefix) q = q.where('region_code', 'like', `${regionPrefix}%`);
    return (await q.orderBy('code').execute()).map(toItem);
  },
  async getItem(db: TypedDbOrTx, id: string): Promise<ItemRow | undefined> {
    const r = await db.selectFrom('service.item').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toItem(r);
  },
  async insertCase(db: TypedDbOrTx, v: Insertable<DB['service.item_case']>): Promise<void> {
    await db.insertInto('service.item_case').values(v).execute();
  },
  /** Demo: `n` handled cases of an item, their days spread evenly over `days` (cycled). */
  async insertCases(db: TypedDbOrTx, itemId: string, handledOn: string, days: number[], n: number): Promise<void> {
    await sql`insert into service.item_case (item_id, handled_on, days_taken)
      select ${itemId}::uuid, ${handledOn}::date, (${JSON.stringify(days)}::jsonb ->> ((g - 1) % ${days.length}))::int
      from generate_series(1, ${n}) g`.execute(db);
  },
  /** Per item: handled cases and the days they took. */
  async caseStats(db: TypedDbOrTx): Promise<Map<string, { cases: number; daysTaken: number }>> {
    const rows = await db
      .selectFrom('service.item_case')
      .select(['item_id', (e) => e.fn.countAll<string>().as('n'), (e) => e.fn.sum<string>('days_taken').as('days')])
      .groupBy('item_id')
      .execute();
    return new Map(rows.map((r) => [r.item_id, { cases: Number(r.n), daysTaken: Number(r.days ?? 0) }]));
  },

  // ---- experiencers
  async insertTeam(db: TypedDbOrTx, v: Insertable<DB['service.team']>) {
    return db.insertInto('service.team').values(v).onConflict((oc) => oc.column('name').doNothing()).returningAll().executeTakeFirst();
  },
  async listTeams(db: TypedDbOrTx) {
    return db
      .selectFrom('service.team as t')
      .leftJoin('service.experiencer as e', 'e.team_id', 't.id')
      .select(['t.id', 't.name', 't.region_code', (e) => e.fn.count<string>('e.id').as('members')])
      .groupBy(['t.id', 't.name', 't.region_code'])
      .orderBy('t.name')
      .execute();
  },
  async getTeam(db: TypedDbOrTx, id: string) {
    return db.selectFrom('service.team').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insertExperiencer(db: TypedDbOrTx, v: Insertable<DB['service.experiencer']>) {
    return db.insertInto('service.experiencer').values(v).returningAll().executeTakeFirstOrThrow();
  },
  experiencers(db: TypedDbOrTx) {
    return db
      .selectFrom('service.experiencer as e')
      .innerJoin('service.team as t', 't.id', 'e.team_id')
      .select(['e.id', 'e.name', 'e.team_id', 't.name as team_name', 'e.account_id', 'e.recruited_on', 'e.active']);
  },
  async listExperiencers(db: TypedDbOrTx) {
    return this.experiencers(db).orderBy('e.name').limit(1000).execute();
  },
  async experiencerByAccount(db: TypedDbOrTx, accountId: string) {
    return this.experiencers(db).where('e.account_id', '=', accountId).where('e.active', '=', true).executeTakeFirst();
  },
  async getExperiencer(db: TypedDbOrTx, id: string) {
    return this.experiencers(db).where('e.id', '=', id).executeTakeFirst();
  },
  async insertExperienceSession(db: TypedDbOrTx, v: Insertable<DB['service.experience_session']>) {
    return db.insertInto('service.experience_session').values(v).returningAll().executeTakeFirstOrThrow();
  },
  async getExperienceSession(db: TypedDbOrTx, id: string) {
    return db.selectFrom('service.experience_session').selectAll().where('id', '=', id).executeTakeFirst();
  },

  // ---- categories, findings, suggestions
  async listCategories(db: TypedDbOrTx) {
    return db.selectFrom('service.finding_category').selectAll().orderBy('sort').orderBy('code').execute();
  },
  async upsertCategory(db: TypedDbOrTx, v: Insertable<DB['service.finding_category']>) {
    return db
      .insertInto('service.finding_category')
      .values(v)
      .onConflict((oc) => oc.column('code').doUpdateSet({ label_zh_cn: v.label_zh_cn, label_zh_tw: v.label_zh_tw, label_en: v.label_en, active: v.active }))
      .returningAll()
      .executeTakeFirstOrThrow();
  },
  async insertFinding(db: TypedDbOrTx, v: Insertable<DB['service.finding']>) {
    return db.insertInto('service.finding').values(v).returningAll().executeTakeFirstOrThrow();
  },
  async getFinding(db: TypedDbOrTx, id: string) {
    return db.selectFrom('service.finding').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async listFindings(db: TypedDbOrTx, f: { itemId?: string; experiencerId?: string; regionPrefix?: string | null }) {
    let q = db.selectFrom('service.finding as f').innerJoin('service.item as i', 'i.id', 'f.item_id').selectAll('f');
    if (f.itemId) q = q.where('f.item_id', '=', f.itemId);
    if (f.experiencerId) q = q.where('f.experiencer_id', '=', f.experiencerId);
    if (f.regionPrefix) q = q.where('i.region_code', 'like', `${f.regionPrefix}%`);
    return q.orderBy('f.created_at', 'desc').limit(500).execute();
  },
  async insertSuggestion(db: TypedDbOrTx, v: Insertable<DB['service.suggestion']>) {
    return db.insertInto('service.suggestion').values(v).returningAll().executeTakeFirstOrThrow();
  },
  async listSuggestions(db: TypedDbOrTx, experiencerId: string) {
    return db.selectFrom('service.suggestion').selectAll().where('experiencer_id', '=', experiencerId).orderBy('created_on', 'desc').limit(200).execute();
  },

  // ---- measures
  async insertMeasure(db: TypedDbOrTx, v: Insertable<DB['service.measure']>): Promise<MeasureRow> {
    return toMeasure(await db.insertInto('service.measure').values(v).returningAll().executeTakeFirstOrThrow());
  },
  async getMeasure(db: TypedDbOrTx, id: string, lock = false): Promise<MeasureRow | undefined> {
    let q = db.selectFrom('service.measure').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r && toMeasure(r);
  },
  async updateMeasure(db: TypedDbOrTx, id: string, version: number, patch: MeasurePatch): Promise<MeasureRow | undefined> {
    const r = await db.updateTable('service.measure').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).returningAll().executeTakeFirst();
    return r && toMeasure(r);
  },
  async listMeasures(db: TypedDbOrTx, f: { ownerId?: string; findingIds?: string[]; regionPrefix?: string | null }): Promise<MeasureRow[]> {
    let q = db.selectFrom('service.measure').selectAll();
    if (f.ownerId) q = q.where('owner_id', '=', f.ownerId);
    if (f.findingIds) {
      if (!f.findingIds.length) return [];
      q = q.where('finding_id', 'in', f.findingIds);
    }
    if (f.regionPrefix) q = q.where('region_code', 'like', `${f.regionPrefix}%`);
    return (await q.orderBy('due_on').limit(1000).execute()).map(toMeasure);
  },
  /** Per item: findings, findings with a measure, and the measures (for the loop state). */
  async loopFacts(db: TypedDbOrTx) {
    const findings = await db
      .selectFrom('service.finding as f')
      .select(['f.item_id', (e) => e.fn.countAll<string>().as('n'), sql<string>`count(*) filter (where exists (select 1 from service.measure m where m.finding_id = f.id))`.as('with_measure')])
      .groupBy('f.item_id')
      .execute();
    const measures = (await db.selectFrom('service.measure').selectAll().execute()).map(toMeasure);
    return { findings, measures };
  },

  // ---- settings
  async getSetting(db: TypedDbOrTx, key: string): Promise<number | undefined> {
    return (await db.selectFrom('service.setting').select('value').where('key', '=', key).executeTakeFirst())?.value;
  },
  async setSetting(db: TypedDbOrTx, key: string, value: number): Promise<void> {
    await db
      .insertInto('service.setting')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: sql`now()` }))
      .execute();
  },

  // ---- ratings
  async insertRating(db: TypedDbOrTx, v: Insertable<DB['service.rating']>): Promise<RatingRow | undefined> {
    const r = await db.insertInto('service.rating').values(v).onConflict((oc) => oc.columns(['matter_module', 'matter_id']).doNothing()).returningAll().executeTakeFirst();
    return r && toRating(r);
  },
  async getRating(db: TypedDbOrTx, id: string, lock = false): Promise<RatingRow | undefined> {
    let q = db.selectFrom('service.rating').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r && toRating(r);
  },
  async updateRating(db: TypedDbOrTx, id: string, version: number, patch: RatingPatch): Promise<RatingRow | undefined> {
    const r = await db.updateTable('service.rating').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).returningAll().executeTakeFirst();
    return r && toRating(r);
  },
  async listRatings(db: TypedDbOrTx, f: { regionPrefix?: string | null; raterId?: string; matterModule?: string; status?: string }): Promise<RatingRow[]> {
    let q = db.selectFrom('service.rating').selectAll();
    if (f.regionPrefix) q = q.where('region_code', 'like', `${f.regionPrefix}%`);
    if (f.raterId) q = q.where('rater_account_id', '=', f.raterId);
    if (f.matterModule) q = q.where('matter_module', '=', f.matterModule);
    if (f.status) q = q.where('status', '=', f.status);
    return (await q.orderBy('created_at', 'desc').limit(500).execute()).map(toRating);
  },
  /** Demo: `n` ratings at one level for matters `<prefix>-1…n`. */
  async insertRatings(db: TypedDbOrTx, v: { module: string; prefix: string; n: number; level: number; channel: 'counter' | 'online'; regionCode: string; ratedOn: string }): Promise<void> {
    await sql`insert into service.rating (matter_module, matter_id, channel, level, region_code, rated_on)
      select ${v.module}, ${v.prefix} || '-' || g, ${v.channel}, ${v.level}, ${v.regionCode}, ${v.ratedOn}::date from generate_series(1, ${v.n}) g
      on conflict do nothing`.execute(db);
  },

  // ---- the clinic
  async insertSession(db: TypedDbOrTx, v: Insertable<DB['service.clinic_session']>) {
    return db.insertInto('service.clinic_session').values(v).returningAll().executeTakeFirstOrThrow();
  },
  async getSession(db: TypedDbOrTx, id: string, lock = false) {
    let q = db.selectFrom('service.clinic_session').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  },
  async listSessions(db: TypedDbOrTx, regionPrefix: string | null) {
    let q = db
      .selectFrom('service.clinic_session as s')
      .selectAll('s')
      .select((e) => e.selectFrom('service.clinic_booking as b').whereRef('b.session_id', '=', 's.id').select((x) => x.fn.countAll<string>().as('n')).as('booked'));
    if (regionPrefix) q = q.where('s.region_code', 'like', `${regionPrefix}%`);
    return q.orderBy('s.held_on', 'desc').limit(200).execute();
  },
  async countBookings(db: TypedDbOrTx, sessionId: string): Promise<number> {
    const r = await db.selectFrom('service.clinic_booking').select((e) => e.fn.countAll<string>().as('n')).where('session_id', '=', sessionId).executeTakeFirstOrThrow();
    return Number(r.n);
  },
  async insertBooking(db: TypedDbOrTx, v: Omit<Insertable<DB['service.clinic_booking']>, 'actions'>): Promise<BookingRow | undefined> {
    const r = await db.insertInto('service.clinic_booking').values(v).onConflict((oc) => oc.columns(['session_id', 'credit_code']).doNothing()).returningAll().executeTakeFirst();
    return r && toBooking(r);
  },
  async getBooking(db: TypedDbOrTx, id: string, lock = false): Promise<BookingRow | undefined> {
    let q = db.selectFrom('service.clinic_booking').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r && toBooking(r);
  },
  async updateBooking(db: TypedDbOrTx, id: string, version: number, patch: BookingPatch): Promise<BookingRow | undefined> {
    const { actions, ...rest } = patch;
    const r = await db
      .updateTable('service.clinic_booking')
      .set({ ...rest, ...(actions ? { actions: JSON.stringify(actions) } : {}), version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    return r && toBooking(r);
  },
  async listBookings(db: TypedDbOrTx, f: { creditCodes?: string[]; regionPrefix?: string | null; sessionId?: string }): Promise<BookingRow[]> {
    let q = db.selectFrom('service.clinic_booking as b').innerJoin('service.clinic_session as s', 's.id', 'b.session_id').selectAll('b');
    if (f.creditCodes) {
      if (!f.creditCodes.length) return [];
      q = q.where('b.credit_code', 'in', f.creditCodes);
    }
    if (f.regionPrefix) q = q.where('s.region_code', 'like', `${f.regionPrefix}%`);
    if (f.sessionId) q = q.where('b.session_id', '=', f.sessionId);
    return (await q.orderBy('b.created_at', 'desc').limit(500).execute()).map(toBooking);
  },
  async insertProblemClass(db: TypedDbOrTx, v: Insertable<DB['service.problem_class']>) {
    return db.insertInto('service.problem_class').values(v).onConflict((oc) => oc.column('name').doNothing()).returningAll().executeTakeFirst();
  },
  async classifyBookings(db: TypedDbOrTx, classId: string, bookingIds: string[]): Promise<number> {
    const r = await db.updateTable('service.clinic_booking').set({ problem_class_id: classId }).where('id', 'in', bookingIds).executeTakeFirst();
    return Number(r.numUpdatedRows);
  },
  async listProblemClasses(db: TypedDbOrTx) {
    return db
      .selectFrom('service.problem_class as c')
      .selectAll('c')
      .select((e) => e.selectFrom('service.clinic_booking as b').whereRef('b.problem_class_id', '=', 'c.id').select((x) => x.fn.countAll<string>().as('n')).as('bookings'))
      .orderBy('c.created_at')
      .execute();
  },

  // ---- figures
  async figureCounts(db: TypedDbOrTx) {
    const one = async (q: Promise<{ n: string | number | bigint } | undefined>) => Number((await q)?.n ?? 0);
    const count = <T extends keyof DB>(t: T) => db.selectFrom(t as 'service.team').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirst();
    const [teams, experiencers, findings, measures, suggestions, cases, sessions] = await Promise.all([
      one(count('service.team')),
      one(count('service.experiencer')),
      one(count('service.finding')),
      one(count('service.measure')),
      one(count('service.suggestion')),
      one(count('service.item_case')),
      one(count('service.clinic_session')),
    ]);
    const kinds = await one(db.selectFrom('service.finding').select(sql<string>`count(distinct category)`.as('n')).executeTakeFirst());
    const closed = await one(db.selectFrom('service.measure').select((e) => e.fn.countAll<string>().as('n')).where('status', 'in', ['done', 'evaluated']).executeTakeFirst());
    const r = await db
      .selectFrom('service.rating')
      .select([
        sql<string>`count(*)`.as('n'),
        sql<string>`count(*) filter (where coalesce(re_rating, level) >= 3)`.as('satisfied'),
        sql<string>`count(*) filter (where level <= 2)`.as('bad'),
      ])
      .where('status', '!=', 'voided')
      .executeTakeFirstOrThrow();
    const b = await db
      .selectFrom('service.clinic_booking')
      .select([
        sql<string>`count(*) filter (where status <> 'booked')`.as('received'),
        sql<string>`count(*) filter (where solved)`.as('solved'),
        sql<string>`count(*) filter (where report_due_on is not null)`.as('due'),
        sql<string>`count(*) filter (where reported_on is not null and reported_on <= report_due_on)`.as('on_time'),
      ])
      .executeTakeFirstOrThrow();
    return {
      teams, experiencers, findings, measures, suggestions, cases, sessions, kinds, closed,
      ratings: Number(r.n), satisfied: Number(r.satisfied), bad: Number(r.bad),
      received: Number(b.received), solved: Number(b.solved), reportsDue: Number(b.due), reportsOnTime: Number(b.on_time),
    };
  },
};

import { sql, type Selectable, type Updateable } from 'kysely';
import { z } from 'zod';
import type { TypedDbOrTx } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.generated.js';
import { DELIVERY_STATUSES, ExchangeSettingsSchema, ReconciliationSchema, type ExchangeSettings } from '../../../../contracts/exchange.js';
import { validateMapping, registerView, type FieldMapping, type RegisterView } from './domain/mapping.js';

/*
 * Row types are derived from the generated schema (`schema.generated.ts`); each table has one
 * mapping function that turns its text enums and jsonb columns into typed values (parsed, not cast).
 */
type DepartmentRecord = Selectable<DB['exchange.department']>;
type ChangeRecord = Selectable<DB['exchange.change_request']>;
type FeedRecord = Selectable<DB['exchange.change_feed']>;
type DeliveryRecord = Selectable<DB['exchange.delivery']>;
type ReconciliationRecord = Selectable<DB['exchange.reconciliation_run']>;

const DepartmentEnums = z.object({ kind: z.enum(['local', 'national']), delivery_mode: z.enum(['push', 'pull', 'both']), format: z.enum(['json', 'xml']) });
const ChangeStatus = z.enum(['pending', 'approved', 'rejected']);
export const CHANGE_ORIGINS = ['filed', 'correction', 'registration', 'import'] as const;
const ChangeOrigin = z.enum(CHANGE_ORIGINS);
const DeliveryEnums = z.object({ status: z.enum(DELIVERY_STATUSES), channel: z.enum(['push', 'pull']) });
const JsonRecord = z.record(z.string(), z.unknown());
const Drifts = ReconciliationSchema.shape.drifts;

export type DepartmentRow = Omit<DepartmentRecord, 'kind' | 'delivery_mode' | 'format' | 'mapping'> & z.infer<typeof DepartmentEnums> & { mapping: FieldMapping[] };
export type ChangeRow = Omit<ChangeRecord, 'status' | 'items' | 'origin'> & { status: z.infer<typeof ChangeStatus>; origin: z.infer<typeof ChangeOrigin>; items: Record<string, unknown> };
export type FeedRow = Omit<FeedRecord, 'before' | 'snapshot'> & { before: RegisterView; snapshot: RegisterView };
export type DeliveryRow = Omit<DeliveryRecord, 'status' | 'channel'> & z.infer<typeof DeliveryEnums>;
export type DeliveryView = DeliveryRow & { department_code: string; department_name: string };
export type ReconciliationRow = Omit<ReconciliationRecord, 'drifts'> & { drifts: z.infer<typeof Drifts> };
export type Drift = z.infer<typeof Drifts>[number];

/** Stored mappings were validated when written; reading keeps only well-formed entries. */
export function toDepartment(r: DepartmentRecord): DepartmentRow {
  return { ...r, ...DepartmentEnums.parse(r), mapping: validateMapping(r.mapping ?? [], 'mapping').mapping };
}
export function toChange(r: ChangeRecord): ChangeRow {
  return { ...r, status: ChangeStatus.parse(r.status), origin: ChangeOrigin.parse(r.origin), items: JsonRecord.parse(r.items) };
}
export function toFeed(r: FeedRecord): FeedRow {
  return { ...r, before: registerView(JsonRecord.parse(r.before)), snapshot: registerView(JsonRecord.parse(r.snapshot)) };
}
export function toDelivery<R extends DeliveryRecord>(r: R): Omit<R, 'status' | 'channel'> & z.infer<typeof DeliveryEnums> {
  return { ...r, ...DeliveryEnums.parse(r) };
}
function toReconciliation(r: ReconciliationRecord): ReconciliationRow {
  return { ...r, drifts: Drifts.parse(r.drifts) };
}

const json = (v: unknown) => JSON.stringify(v);

/** Columns a department update may set (mapping as a typed array). */
export type DepartmentChanges = Omit<Updateable<DB['exchange.department']>, 'mapping' | 'version' | 'updated_at'> & { mapping?: FieldMapping[] };
type ChangeChanges = Omit<Updateable<DB['exchange.change_request']>, 'version'>;
type DeliveryChanges = Updateable<DB['exchange.delivery']>;
/** A new change: filed by a business, or recorded from a register event (origin, source event). */
export type NewChange = Omit<
  ChangeRow,
  'id' | 'version' | 'pending_deliveries' | 'auto_approved' | 'reason' | 'decided_by' | 'decided_at' | 'feed_cursor' | 'notify_due_at' | 'notified_at' | 'completed_at' | 'origin' | 'source_event_id' | 'closing_notified_at'
> &
  Partial<Pick<ChangeRow, 'origin' | 'source_event_id' | 'decided_by' | 'notified_at' | 'closing_notified_at'>>;

export const exchangeRepository = {
  // Departments
  async listDepartments(db: TypedDbOrTx, onlyEnabled = false): Promise<DepartmentRow[]> {
    let q = db.selectFrom('exchange.department').selectAll().orderBy('code');
    if (onlyEnabled) q = q.where('enabled', '=', true);
    return (await q.execute()).map(toDepartment);
  },
  async getDepartment(db: TypedDbOrTx, id: string, lock = false): Promise<DepartmentRow | undefined> {
    let q = db.selectFrom('exchange.department').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r && toDepartment(r);
  },
  async departmentByAccount(db: TypedDbOrTx, accountId: string): Promise<DepartmentRow | undefined> {
    const r = await db.selectFrom('exchange.department').selectAll().where('account_id', '=', accountId).executeTakeFirst();
    return r && toDepartment(r);
  },
  /** A pull department asked for the feed after `cursor`: it holds the entries up to there. */
  async recordPull(db: TypedDbOrTx, id: string, cursor: number, at: Date): Promise<void> {
    await db.updateTable('exchange.department').set({ pull_cursor: sql`greatest(pull_cursor, ${cursor})`, pull_read_at: at }).where('id', '=', id).execute();
  },
  async codeExists(db: TypedDbOrTx, code: string): Promise<boolean> {
    return !!(await db.selectFrom('exchange.department').select('id').where('code', '=', code).executeTakeFirst());
  },
  async insertDepartment(db: TypedDbOrTx, values: Omit<DepartmentRow, 'id' | 'version' | 'created_at' | 'updated_at' | 'pull_cursor' | 'pull_read_at'>): Promise<DepartmentRow> {
    return toDepartment(await db.insertInto('exchange.department').values({ ...values, mapping: json(values.mapping) }).returningAll().executeTakeFirstOrThrow());
  },
  async updateDepartment(db: TypedDbOrTx, id: string, version: number, changes: DepartmentChanges, now: Date): Promise<DepartmentRow | undefined> {
    const { mapping, ...rest } = changes;
    const r = await db
      .updateTable('exchange.department')
      .set({ ...rest, ...(mapping ? { mapping: json(mapping) } : {}), version: version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    return r && toDepartment(r);
  },

  // Changes
  async insertChange(db: TypedDbOrTx, values: NewChange): Promise<ChangeRow> {
    return toChange(await db.insertInto('exchange.change_request').values({ ...values, items: json(values.items) }).returningAll().executeTakeFirstOrThrow());
  },
  /**
   * Recorded changes (from register events) in one insert; a row whose source event was recorded
   * before is skipped (the consumer is idempotent). Returns the rows inserted.
   */
  async insertRecordedChanges(db: TypedDbOrTx, rows: NewChange[]): Promise<ChangeRow[]> {
    if (!rows.length) return [];
    const out = await db
      .insertInto('exchange.change_request')
      .values(rows.map((v) => ({ ...v, items: json(v.items) })))
      .onConflict((oc) => oc.columns(['source_event_id', 'credit_code']).where('source_event_id', 'is not', null).doNothing())
      .returningAll()
      .execute();
    return out.map(toChange);
  },
  /** The feed entry a change was published as (its old and new values). */
  async feedOfChange(db: TypedDbOrTx, changeId: string): Promise<FeedRow | undefined> {
    const r = await db.selectFrom('exchange.change_feed').selectAll().where('change_id', '=', changeId).orderBy('cursor', 'desc').limit(1).executeTakeFirst();
    return r && toFeed(r);
  },
  /** The last state of each enterprise the feed published (those it ever published). */
  async lastSnapshots(db: TypedDbOrTx, creditCodes: string[]): Promise<Map<string, RegisterView>> {
    if (!creditCodes.length) return new Map();
    const rows = await db
      .selectFrom('exchange.change_feed')
      .selectAll()
      .distinctOn('credit_code')
      .where('credit_code', 'in', creditCodes)
      .orderBy('credit_code')
      .orderBy('cursor', 'desc')
      .execute();
    return new Map(rows.map((r) => [String(r.credit_code).trim(), toFeed(r).snapshot]));
  },
  async changeByKey(db: TypedDbOrTx, filedBy: string, key: string): Promise<ChangeRow | undefined> {
    const r = await db.selectFrom('exchange.change_request').selectAll().where('filed_by', '=', filedBy).where('idempotency_key', '=', key).executeTakeFirst();
    return r && toChange(r);
  },
  async getChange(db: TypedDbOrTx, id: string, lock = false): Promise<ChangeRow | undefined> {
    let q = db.selectFrom('exchange.change_request').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r && toChange(r);
  },
  async updateChange(db: TypedDbOrTx, id: string, changes: ChangeChanges): Promise<ChangeRow> {
    return toChange(
      await db
        .updateTable('exchange.change_request')
        .set({ ...changes, version: sql`version + 1` })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
  },
  async listChanges(db: TypedDbOrTx, o: { status?: string; regionPrefix?: string | null; codes?: string[]; before?: [string, string]; limit: number }): Promise<ChangeRow[]> {
    let q = db.selectFrom('exchange.change_request').selectAll().orderBy('filed_at', 'desc').orderBy('id', 'desc').limit(o.limit);
    if (o.status) q = q.where('status', '=', o.status);
    if (o.regionPrefix) q = q.where('region_code', 'like', `${o.regionPrefix}%`);
    if (o.codes) q = o.codes.length ? q.where('credit_code', 'in', o.codes) : q.where(sql<boolean>`false`);
    if (o.before) {
      const [at, id] = o.before;
      q = q.where((eb) => eb.or([eb('filed_at', '<', new Date(at)), eb.and([eb('filed_at', '=', new Date(at)), eb('id', '<', id)])]));
    }
    return (await q.execute()).map(toChange);
  },
  /** Sets notified_at unless it is set: returns the change only to the first caller. */
  async claimNotification(db: TypedDbOrTx, id: string, now: Date): Promise<ChangeRow | undefined> {
    const r = await db.updateTable('exchange.change_request').set({ notified_at: now }).where('id', '=', id).where('notified_at', 'is', null).returningAll().executeTakeFirst();
    return r && toChange(r);
  },
  /** Sets closing_notified_at unless it is set: returns the change only to the first caller. */
  async claimClosingNotification(db: TypedDbOrTx, id: string, now: Date): Promise<ChangeRow | undefined> {
    const r = await db.updateTable('exchange.change_request').set({ closing_notified_at: now }).where('id', '=', id).where('closing_notified_at', 'is', null).returningAll().executeTakeFirst();
    return r && toChange(r);
  },
  async overdueNotifications(db: TypedDbOrTx, now: Date, limit: number): Promise<ChangeRow[]> {
    return (await db
      .selectFrom('exchange.change_request')
      .selectAll()
      .where('status', '=', 'approved')
      .where('notified_at', 'is', null)
      .where('notify_due_at', '<=', now)
      .orderBy('notify_due_at')
      .limit(limit)
      .execute()).map(toChange);
  },

  // Feed
  async appendFeed(db: TypedDbOrTx, values: { change_id: string; credit_code: string; fields: string[]; before: RegisterView; snapshot: RegisterView; at: Date }): Promise<FeedRow> {
    return toFeed(await db.insertInto('exchange.change_feed').values({ ...values, before: json(values.before), snapshot: json(values.snapshot) }).returningAll().executeTakeFirstOrThrow());
  },
  async getFeed(db: TypedDbOrTx, cursor: number): Promise<FeedRow | undefined> {
    const r = await db.selectFrom('exchange.change_feed').selectAll().where('cursor', '=', cursor).executeTakeFirst();
    return r && toFeed(r);
  },
  async readFeed(db: TypedDbOrTx, o: { after: number; fields: string[]; limit: number }): Promise<FeedRow[]> {
    if (!o.fields.length) return [];
    return (await db
      .selectFrom('exchange.change_feed')
      .selectAll()
      .where('cursor', '>', o.after)
      .where(sql<boolean>`fields && array[${sql.join(o.fields)}]::text[]`)
      .orderBy('cursor')
      .limit(o.limit)
      .execute()).map(toFeed);
  },

  // Deliveries
  async insertDeliveries(db: TypedDbOrTx, rows: Pick<DeliveryRow, 'id' | 'change_id' | 'department_id' | 'feed_cursor' | 'credit_code' | 'channel' | 'status' | 'queued_at'>[]): Promise<void> {
    if (rows.length) await db.insertInto('exchange.delivery').values(rows).execute();
  },
  /** Remembers an accepted callback signature; false when it was seen before (a replay). Old ones are pruned. */
  async rememberCallback(db: TypedDbOrTx, signature: string, at: Date, keepSince: Date): Promise<boolean> {
    await db.deleteFrom('exchange.callback_nonce').where('seen_at', '<', keepSince).execute();
    const row = await db
      .insertInto('exchange.callback_nonce')
      .values({ signature, seen_at: at })
      .onConflict((oc) => oc.column('signature').doNothing())
      .returning('signature')
      .executeTakeFirst();
    return !!row;
  },

  async getDelivery(db: TypedDbOrTx, id: string, lock = false): Promise<DeliveryRow | undefined> {
    let q = db.selectFrom('exchange.delivery').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r && toDelivery(r);
  },
  /** Claims a delivery for one attempt (status sending, attempts + 1) unless it is already settled. */
  async startAttempt(db: TypedDbOrTx, id: string, now: Date): Promise<DeliveryRow | undefined> {
    return (await db
      .updateTable('exchange.delivery')
      .set({ status: 'sending', attempts: sql`attempts + 1`, first_attempt_at: sql`coalesce(first_attempt_at, ${now})`, last_attempt_at: now })
      .where('id', '=', id)
      .where('status', 'not in', ['acknowledged', 'awaiting_callback', 'published'])
      .returningAll()
      .executeTakeFirst()
      .then((r) => r && toDelivery(r)));
  },
  /** Marks a delivery acknowledged once; returns it only the first time. */
  async acknowledgeOnce(db: TypedDbOrTx, id: string, values: { reference: string; acknowledged_at: Date; duration_ms: number | null }): Promise<DeliveryRow | undefined> {
    return (await db
      .updateTable('exchange.delivery')
      .set({
        status: 'acknowledged',
        reference: values.reference,
        last_error: null,
        acknowledged_at: values.acknowledged_at,
        duration_ms: values.duration_ms === null ? sql`greatest(0, (extract(epoch from (${values.acknowledged_at}::timestamptz - queued_at)) * 1000)::int)` : values.duration_ms,
      })
      .where('id', '=', id)
      .where('status', '<>', 'acknowledged')
      .returningAll()
      .executeTakeFirst()
      .then((r) => r && toDelivery(r)));
  },
  /** One acknowledgement fewer to wait for; returns the change with its new count. */
  async decrementPending(db: TypedDbOrTx, changeId: string): Promise<ChangeRow> {
    return (await db
      .updateTable('exchange.change_request')
      .set({ pending_deliveries: sql`greatest(pending_deliveries - 1, 0)` })
      .where('id', '=', changeId)
      .returningAll()
      .executeTakeFirstOrThrow()
      .then(toChange));
  },
  async updateDelivery(db: TypedDbOrTx, id: string, changes: DeliveryChanges): Promise<void> {
    await db.updateTable('exchange.delivery').set(changes).where('id', '=', id).execute();
  },
  async deliveriesOf(db: TypedDbOrTx, changeId: string): Promise<DeliveryView[]> {
    return (await db
      .selectFrom('exchange.delivery as d')
      .innerJoin('exchange.department as p', 'p.id', 'd.department_id')
      .selectAll('d')
      .select(['p.code as department_code', 'p.name as department_name'])
      .where('d.change_id', '=', changeId)
      .orderBy('p.code')
      .execute()).map(toDelivery);
  },
  async listDeliveries(db: TypedDbOrTx, o: { status?: string; departmentId?: string; regionPrefix?: string | null; before?: [string, string]; limit: number }): Promise<(DeliveryView & { region_code: string })[]> {
    let q = db
      .selectFrom('exchange.delivery as d')
      .innerJoin('exchange.department as p', 'p.id', 'd.department_id')
      .innerJoin('exchange.change_request as c', 'c.id', 'd.change_id')
      .selectAll('d')
      .select(['p.code as department_code', 'p.name as department_name', 'c.region_code'])
      .orderBy('d.queued_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(o.limit);
    if (o.status) q = q.where('d.status', '=', o.status);
    if (o.departmentId) q = q.where('d.department_id', '=', o.departmentId);
    if (o.regionPrefix) q = q.where('c.region_code', 'like', `${o.regionPrefix}%`);
    if (o.before) {
      const [at, id] = o.before;
      q = q.where((eb) => eb.or([eb('d.queued_at', '<', new Date(at)), eb.and([eb('d.queued_at', '=', new Date(at)), eb('d.id', '<', id)])]));
    }
    return (await q.execute()).map(toDelivery);
  },
  async deliveryRegion(db: TypedDbOrTx, id: string): Promise<string | undefined> {
    const r = await db
      .selectFrom('exchange.delivery as d')
      .innerJoin('exchange.change_request as c', 'c.id', 'd.change_id')
      .select('c.region_code')
      .where('d.id', '=', id)
      .executeTakeFirst();
    return r?.region_code;
  },
  /** Feed entries after a pull department's cursor touching the fields it maps (what it has not read). */
  async pushedCodes(db: TypedDbOrTx, departmentId: string): Promise<string[]> {
    const rows = await db.selectFrom('exchange.delivery').select('credit_code').distinct().where('department_id', '=', departmentId).where('channel', '=', 'push').execute();
    return rows.map((r) => String(r.credit_code));
  },

  // Settings
  /** The stored settings (absent keys fall back to the defaults in the use case). */
  async getSettings(db: TypedDbOrTx): Promise<Partial<ExchangeSettings> | undefined> {
    const r = await db.selectFrom('exchange.setting').select('value').where('key', '=', 'settings').executeTakeFirst();
    return r && ExchangeSettingsSchema.partial().parse(r.value);
  },
  async putSettings(db: TypedDbOrTx, value: ExchangeSettings, now: Date): Promise<void> {
    const key = 'settings';
    await db
      .insertInto('exchange.setting')
      .values({ key, value: json(value), updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json(value), updated_at: now }))
      .execute();
  },

  // Monitoring
  async departmentStats(db: TypedDbOrTx, regionPrefix: string | null) {
    let q = db
      .selectFrom('exchange.delivery as d')
      .innerJoin('exchange.change_request as c', 'c.id', 'd.change_id')
      .select([
        'd.department_id',
        sql<number>`count(*) filter (where d.status in ('acknowledged', 'published'))`.as('delivered'),
        sql<number>`count(*) filter (where d.status in ('queued', 'sending', 'awaiting_callback', 'failed', 'dead'))`.as('backlog'),
        sql<Date | null>`min(d.queued_at) filter (where d.status in ('queued', 'sending', 'awaiting_callback', 'failed', 'dead'))`.as('oldest'),
        sql<number>`coalesce(sum(d.attempts), 0)`.as('attempts'),
        sql<number>`coalesce(sum(greatest(d.attempts - case when d.status in ('acknowledged', 'awaiting_callback') then 1 else 0 end, 0)), 0)`.as('failed'),
      ])
      .groupBy('d.department_id');
    if (regionPrefix) q = q.where('c.region_code', 'like', `${regionPrefix}%`);
    return q.execute();
  },
  async figures(db: TypedDbOrTx, regionPrefix: string | null) {
    const like = regionPrefix ? `${regionPrefix}%` : '%';
    const counts = await sql<{ status: string; n: number; completed: number }>`
      select status, count(*)::int as n, count(completed_at)::int as completed
        from exchange.change_request where region_code like ${like} group by status`.execute(db);
    const perChange = await sql<{ avg: number | null }>`
      select avg(n)::float as avg from (
        select count(*) as n from exchange.delivery d join exchange.change_request c on c.id = d.change_id
         where c.region_code like ${like} group by d.change_id) x`.execute(db);
    const durations = await sql<{ ms: number }>`
      select extract(epoch from (completed_at - decided_at)) * 1000 as ms from exchange.change_request
       where completed_at is not null and region_code like ${like} order by 1`.execute(db);
    const failures = await sql<{ code: string; name: string; failures: number }>`
      select p.code, p.name, coalesce(sum(greatest(d.attempts - case when d.status in ('acknowledged', 'awaiting_callback') then 1 else 0 end, 0)), 0)::int as failures
        from exchange.department p
        left join exchange.delivery d on d.department_id = p.id
        left join exchange.change_request c on c.id = d.change_id
       where c.id is null or c.region_code like ${like}
       group by p.code, p.name order by p.code`.execute(db);
    return { counts: counts.rows, perChange: perChange.rows[0]?.avg ?? 0, durations: durations.rows.map((r) => Number(r.ms)), failures: failures.rows };
  },
  async insertReconciliation(db: TypedDbOrTx, values: { at: Date; run_by: string | null; checked: number; drifts: Drift[] }): Promise<ReconciliationRow> {
    return toReconciliation(await db.insertInto('exchange.reconciliation_run').values({ ...values, drifts: json(values.drifts) }).returningAll().executeTakeFirstOrThrow());
  },
  async latestReconciliation(db: TypedDbOrTx) {
    const r = await db.selectFrom('exchange.reconciliation_run').selectAll().orderBy('at', 'desc').limit(1).executeTakeFirst();
    return r && toReconciliation(r);
  },
};

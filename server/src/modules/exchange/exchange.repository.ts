import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database.js';

export interface DepartmentRow {
  id: string;
  code: string;
  name: string;
  kind: 'local' | 'national';
  delivery_mode: 'push' | 'pull' | 'both';
  format: 'json' | 'xml';
  endpoint_url: string | null;
  timeout_ms: number;
  key_id: string;
  secret_enc: string;
  previous_key_id: string | null;
  previous_secret_enc: string | null;
  account_id: string | null;
  enabled: boolean;
  mapping: unknown;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

export interface ChangeRow {
  id: string;
  credit_code: string;
  enterprise_name: string;
  region_code: string;
  filed_by: string;
  idempotency_key: string | null;
  contact_phone_enc: string | null;
  items: Record<string, unknown>;
  kinds: string[];
  status: 'pending' | 'approved' | 'rejected';
  auto_approved: boolean;
  reason: string | null;
  decided_by: string | null;
  decided_at: Date | string | null;
  feed_cursor: string | number | null;
  pending_deliveries: number;
  notify_due_at: Date | string | null;
  notified_at: Date | string | null;
  completed_at: Date | string | null;
  filed_at: Date | string;
  version: number;
}

export interface FeedRow {
  cursor: string | number;
  change_id: string;
  credit_code: string;
  fields: string[];
  before: Record<string, unknown>;
  snapshot: Record<string, unknown>;
  at: Date | string;
}

export interface DeliveryRow {
  id: string;
  change_id: string;
  department_id: string;
  feed_cursor: string | number;
  credit_code: string;
  channel: 'push' | 'pull';
  status: 'queued' | 'sending' | 'awaiting_callback' | 'acknowledged' | 'failed' | 'dead' | 'published';
  attempts: number;
  last_error: string | null;
  reference: string | null;
  queued_at: Date | string;
  first_attempt_at: Date | string | null;
  last_attempt_at: Date | string | null;
  acknowledged_at: Date | string | null;
  duration_ms: number | null;
}

export type DeliveryView = DeliveryRow & { department_code: string; department_name: string };

const json = (v: unknown) => JSON.stringify(v);

export const exchangeRepository = {
  // Departments
  async listDepartments(db: DbOrTx, onlyEnabled = false): Promise<DepartmentRow[]> {
    let q = db.selectFrom('exchange.department').selectAll().orderBy('code');
    if (onlyEnabled) q = q.where('enabled', '=', true);
    return (await q.execute()) as DepartmentRow[];
  },
  async getDepartment(db: DbOrTx, id: string, lock = false): Promise<DepartmentRow | undefined> {
    let q = db.selectFrom('exchange.department').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    return (await q.executeTakeFirst()) as DepartmentRow | undefined;
  },
  async departmentByAccount(db: DbOrTx, accountId: string): Promise<DepartmentRow | undefined> {
    return (await db.selectFrom('exchange.department').selectAll().where('account_id', '=', accountId).executeTakeFirst()) as DepartmentRow | undefined;
  },
  async codeExists(db: DbOrTx, code: string): Promise<boolean> {
    return !!(await db.selectFrom('exchange.department').select('id').where('code', '=', code).executeTakeFirst());
  },
  async insertDepartment(db: DbOrTx, values: Omit<DepartmentRow, 'id' | 'version' | 'created_at' | 'updated_at'>): Promise<DepartmentRow> {
    return (await db
      .insertInto('exchange.department')
      .values({ ...values, mapping: json(values.mapping) })
      .returningAll()
      .executeTakeFirstOrThrow()) as DepartmentRow;
  },
  async updateDepartment(db: DbOrTx, id: string, version: number, changes: Partial<DepartmentRow>, now: Date): Promise<DepartmentRow | undefined> {
    const values: Record<string, unknown> = { ...changes, version: version + 1, updated_at: now };
    if ('mapping' in changes) values.mapping = json(changes.mapping);
    return (await db.updateTable('exchange.department').set(values).where('id', '=', id).where('version', '=', version).returningAll().executeTakeFirst()) as DepartmentRow | undefined;
  },

  // Changes
  async insertChange(db: DbOrTx, values: Omit<ChangeRow, 'id' | 'version' | 'pending_deliveries' | 'auto_approved' | 'reason' | 'decided_by' | 'decided_at' | 'feed_cursor' | 'notify_due_at' | 'notified_at' | 'completed_at'>): Promise<ChangeRow> {
    return (await db
      .insertInto('exchange.change_request')
      .values({ ...values, items: json(values.items), kinds: values.kinds })
      .returningAll()
      .executeTakeFirstOrThrow()) as ChangeRow;
  },
  async changeByKey(db: DbOrTx, filedBy: string, key: string): Promise<ChangeRow | undefined> {
    return (await db.selectFrom('exchange.change_request').selectAll().where('filed_by', '=', filedBy).where('idempotency_key', '=', key).executeTakeFirst()) as ChangeRow | undefined;
  },
  async getChange(db: DbOrTx, id: string, lock = false): Promise<ChangeRow | undefined> {
    let q = db.selectFrom('exchange.change_request').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    return (await q.executeTakeFirst()) as ChangeRow | undefined;
  },
  async updateChange(db: DbOrTx, id: string, changes: Partial<ChangeRow>): Promise<ChangeRow> {
    return (await db
      .updateTable('exchange.change_request')
      .set({ ...changes, version: sql`version + 1` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()) as ChangeRow;
  },
  async listChanges(db: DbOrTx, o: { status?: string; regionPrefix?: string | null; codes?: string[]; before?: [string, string]; limit: number }): Promise<ChangeRow[]> {
    let q = db.selectFrom('exchange.change_request').selectAll().orderBy('filed_at', 'desc').orderBy('id', 'desc').limit(o.limit);
    if (o.status) q = q.where('status', '=', o.status);
    if (o.regionPrefix) q = q.where('region_code', 'like', `${o.regionPrefix}%`);
    if (o.codes) q = o.codes.length ? q.where('credit_code', 'in', o.codes) : q.where(sql<boolean>`false`);
    if (o.before) {
      const [at, id] = o.before;
      q = q.where((eb) => eb.or([eb('filed_at', '<', new Date(at)), eb.and([eb('filed_at', '=', new Date(at)), eb('id', '<', id)])]));
    }
    return (await q.execute()) as ChangeRow[];
  },
  async overdueNotifications(db: DbOrTx, now: Date, limit: number): Promise<ChangeRow[]> {
    return (await db
      .selectFrom('exchange.change_request')
      .selectAll()
      .where('status', '=', 'approved')
      .where('notified_at', 'is', null)
      .where('notify_due_at', '<=', now)
      .orderBy('notify_due_at')
      .limit(limit)
      .execute()) as ChangeRow[];
  },

  // Feed
  async appendFeed(db: DbOrTx, values: { change_id: string; credit_code: string; fields: string[]; before: unknown; snapshot: unknown; at: Date }): Promise<FeedRow> {
    return (await db
      .insertInto('exchange.change_feed')
      .values({ ...values, before: json(values.before), snapshot: json(values.snapshot) })
      .returningAll()
      .executeTakeFirstOrThrow()) as FeedRow;
  },
  async getFeed(db: DbOrTx, cursor: number): Promise<FeedRow | undefined> {
    return (await db.selectFrom('exchange.change_feed').selectAll().where('cursor', '=', cursor).executeTakeFirst()) as FeedRow | undefined;
  },
  async readFeed(db: DbOrTx, o: { after: number; fields: string[]; limit: number }): Promise<FeedRow[]> {
    if (!o.fields.length) return [];
    return (await db
      .selectFrom('exchange.change_feed')
      .selectAll()
      .where('cursor', '>', o.after)
      .where(sql<boolean>`fields && array[${sql.join(o.fields)}]::text[]`)
      .orderBy('cursor')
      .limit(o.limit)
      .execute()) as FeedRow[];
  },

  // Deliveries
  async insertDeliveries(db: DbOrTx, rows: Omit<DeliveryRow, 'attempts' | 'last_error' | 'reference' | 'first_attempt_at' | 'last_attempt_at' | 'acknowledged_at' | 'duration_ms'>[]): Promise<void> {
    if (rows.length) await db.insertInto('exchange.delivery').values(rows).execute();
  },
  /** Remembers an accepted callback signature; false when it was seen before (a replay). Old ones are pruned. */
  async rememberCallback(db: DbOrTx, signature: string, at: Date, keepSince: Date): Promise<boolean> {
    await db.deleteFrom('exchange.callback_nonce').where('seen_at', '<', keepSince).execute();
    const row = await db
      .insertInto('exchange.callback_nonce')
      .values({ signature, seen_at: at })
      .onConflict((oc) => oc.column('signature').doNothing())
      .returning('signature')
      .executeTakeFirst();
    return !!row;
  },

  async getDelivery(db: DbOrTx, id: string, lock = false): Promise<DeliveryRow | undefined> {
    let q = db.selectFrom('exchange.delivery').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    return (await q.executeTakeFirst()) as DeliveryRow | undefined;
  },
  /** Claims a delivery for one attempt (status sending, attempts + 1) unless it is already settled. */
  async startAttempt(db: DbOrTx, id: string, now: Date): Promise<DeliveryRow | undefined> {
    return (await db
      .updateTable('exchange.delivery')
      .set({ status: 'sending', attempts: sql`attempts + 1`, first_attempt_at: sql`coalesce(first_attempt_at, ${now})`, last_attempt_at: now })
      .where('id', '=', id)
      .where('status', 'not in', ['acknowledged', 'awaiting_callback', 'published'])
      .returningAll()
      .executeTakeFirst()) as DeliveryRow | undefined;
  },
  /** Marks a delivery acknowledged once; returns it only the first time. */
  async acknowledgeOnce(db: DbOrTx, id: string, values: { reference: string; acknowledged_at: Date; duration_ms: number | null }): Promise<DeliveryRow | undefined> {
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
      .executeTakeFirst()) as DeliveryRow | undefined;
  },
  /** One acknowledgement fewer to wait for; returns the change with its new count. */
  async decrementPending(db: DbOrTx, changeId: string): Promise<ChangeRow> {
    return (await db
      .updateTable('exchange.change_request')
      .set({ pending_deliveries: sql`greatest(pending_deliveries - 1, 0)` })
      .where('id', '=', changeId)
      .returningAll()
      .executeTakeFirstOrThrow()) as ChangeRow;
  },
  async updateDelivery(db: DbOrTx, id: string, changes: Partial<DeliveryRow>): Promise<void> {
    await db.updateTable('exchange.delivery').set(changes).where('id', '=', id).execute();
  },
  async deliveriesOf(db: DbOrTx, changeId: string): Promise<DeliveryView[]> {
    return (await db
      .selectFrom('exchange.delivery as d')
      .innerJoin('exchange.department as p', 'p.id', 'd.department_id')
      .selectAll('d')
      .select(['p.code as department_code', 'p.name as department_name'])
      .where('d.change_id', '=', changeId)
      .orderBy('p.code')
      .execute()) as DeliveryView[];
  },
  async listDeliveries(db: DbOrTx, o: { status?: string; departmentId?: string; regionPrefix?: string | null; before?: [string, string]; limit: number }): Promise<(DeliveryView & { region_code: string })[]> {
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
    return (await q.execute()) as (DeliveryView & { region_code: string })[];
  },
  async deliveryRegion(db: DbOrTx, id: string): Promise<string | undefined> {
    const r = await db
      .selectFrom('exchange.delivery as d')
      .innerJoin('exchange.change_request as c', 'c.id', 'd.change_id')
      .select('c.region_code')
      .where('d.id', '=', id)
      .executeTakeFirst();
    return r?.region_code as string | undefined;
  },
  async pushedCodes(db: DbOrTx, departmentId: string): Promise<string[]> {
    const rows = await db.selectFrom('exchange.delivery').select('credit_code').distinct().where('department_id', '=', departmentId).where('channel', '=', 'push').execute();
    return rows.map((r) => String(r.credit_code));
  },

  // Settings
  async getSetting<T>(db: DbOrTx, key: string): Promise<T | undefined> {
    const r = await db.selectFrom('exchange.setting').select('value').where('key', '=', key).executeTakeFirst();
    return r?.value as T | undefined;
  },
  async putSetting(db: DbOrTx, key: string, value: unknown, now: Date): Promise<void> {
    await db
      .insertInto('exchange.setting')
      .values({ key, value: json(value), updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json(value), updated_at: now }))
      .execute();
  },

  // Monitoring
  async departmentStats(db: DbOrTx, regionPrefix: string | null) {
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
  async figures(db: DbOrTx, regionPrefix: string | null) {
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
  async insertReconciliation(db: DbOrTx, values: { at: Date; run_by: string | null; checked: number; drifts: unknown }) {
    return db.insertInto('exchange.reconciliation_run').values({ ...values, drifts: json(values.drifts) }).returningAll().executeTakeFirstOrThrow();
  },
  async latestReconciliation(db: DbOrTx) {
    return db.selectFrom('exchange.reconciliation_run').selectAll().orderBy('at', 'desc').limit(1).executeTakeFirst();
  },
};

import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import { z } from 'zod';
import type { TypedDbOrTx } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.generated.js';
import { CATEGORIES, COMPLAINT_STATUSES, MEDIATION_MODES, MEDIATION_STEPS, OUTCOMES, STATION_TYPES } from '../../../../contracts/complaints.js';
import type { OpeningPeriod } from './domain/geo.js';

/*
 * Row types are derived from the generated schema (`schema.generated.ts`); the only hand-written
 * part is the narrowing of text columns to their closed values and of jsonb columns to their shapes,
 * done once per table in `toStation` / `toComplaint` / `toEntry` below.
 */
type StationTable = DB['complaints.station'];
type ComplaintTable = DB['complaints.complaint'];
type EntryTable = DB['complaints.entry'];

export type StationRow = Omit<Selectable<StationTable>, 'type' | 'opening_hours' | 'mediators'> & {
  type: (typeof STATION_TYPES)[number];
  opening_hours: OpeningPeriod[];
  mediators: { accountId?: string | null; name: string }[];
};
export type StationInsert = Omit<Insertable<StationTable>, 'opening_hours' | 'mediators'> & Pick<StationRow, 'opening_hours' | 'mediators'>;
export type StationPatch = Omit<Updateable<StationTable>, 'opening_hours' | 'mediators' | 'id' | 'version'> & Partial<Pick<StationRow, 'opening_hours' | 'mediators'>>;

const KINDS = ['complaint', 'report'] as const;
const CHANNELS = ['web', 'qr', 'staff', 'import'] as const;

export type ComplaintRow = Omit<Selectable<ComplaintTable>, 'kind' | 'channel' | 'status' | 'recused' | 'mediation_mode' | 'outcome' | 'category'> & {
  category: (typeof CATEGORIES)[number] | null;
  kind: (typeof KINDS)[number];
  channel: (typeof CHANNELS)[number];
  status: (typeof COMPLAINT_STATUSES)[number];
  /** Account ids of mediators who recused (art. 19); null when a case was recused without one. */
  recused: (string | null)[];
  mediation_mode: (typeof MEDIATION_MODES)[number] | null;
  outcome: (typeof OUTCOMES)[number] | null;
};
export type ComplaintStatus = ComplaintRow['status'];
export type ComplaintInsert = Omit<Insertable<ComplaintTable>, 'recused'>;
export type ComplaintPatch = Omit<Updateable<ComplaintTable>, 'recused' | 'id' | 'version'> & { status?: ComplaintStatus; recused?: (string | null)[] };

export type EntryRow = Omit<Selectable<EntryTable>, 'step' | 'mode'> & { step: (typeof MEDIATION_STEPS)[number] | null; mode: (typeof MEDIATION_MODES)[number] | null };
export type EntryInsert = Omit<Insertable<EntryTable>, 'data'> & { data: unknown };

/** A text column narrowed to its closed list of values (a value outside it is a broken invariant). */
function oneOf<const T extends readonly string[]>(values: T, v: string, column: string): T[number] {
  if ((values as readonly string[]).includes(v)) return v as T[number];
  throw new Error(`complaints: unexpected ${column} '${v}'`);
}
const oneOfOrNull = <const T extends readonly string[]>(values: T, v: string | null, column: string) => (v == null ? null : oneOf(values, v, column));

// The stored shapes (written through OpeningPeriodSchema / StationMediatorSchema, read back leniently).
const OpeningHours = z.array(z.object({ days: z.array(z.number().int()), open: z.string(), close: z.string() }));
const Mediators = z.array(z.object({ accountId: z.string().nullable().optional(), name: z.string() }));
const Recused = z.array(z.string().nullable());

function toStation(r: Selectable<StationTable>): StationRow {
  return { ...r, type: oneOf(STATION_TYPES, r.type, 'type'), opening_hours: OpeningHours.parse(r.opening_hours ?? []), mediators: Mediators.parse(r.mediators ?? []) };
}

function toComplaint(r: Selectable<ComplaintTable>): ComplaintRow {
  return {
    ...r,
    kind: oneOf(KINDS, r.kind, 'kind'),
    channel: oneOf(CHANNELS, r.channel, 'channel'),
    status: oneOf(COMPLAINT_STATUSES, r.status, 'status'),
    recused: Recused.parse(r.recused ?? []),
    mediation_mode: oneOfOrNull(MEDIATION_MODES, r.mediation_mode, 'mediation_mode'),
    outcome: oneOfOrNull(OUTCOMES, r.outcome, 'outcome'),
    category: oneOfOrNull(CATEGORIES, r.category, 'category'),
  };
}

function toEntry(r: Selectable<EntryTable>): EntryRow {
  return { ...r, step: oneOfOrNull(MEDIATION_STEPS, r.step, 'step'), mode: oneOfOrNull(MEDIATION_MODES, r.mode, 'mode') };
}
const toComplaintOrNone = (r: Selectable<ComplaintTable> | undefined) => (r ? toComplaint(r) : undefined);

const json = (v: unknown) => JSON.stringify(v);

function stationSet(patch: StationPatch) {
  const { opening_hours, mediators, ...rest } = patch;
  return {
    ...rest,
    ...(opening_hours ? { opening_hours: json(opening_hours) } : {}),
    ...(mediators ? { mediators: json(mediators) } : {}),
  };
}

/** Kysely queries of the complaints schema. */
export const complaintsRepository = {
  // ---- stations ----
  async insertStation(db: TypedDbOrTx, v: StationInsert): Promise<StationRow> {
    return toStation(await db
      .insertInto('complaints.station')
      .values({ ...v, opening_hours: json(v.opening_hours), mediators: json(v.mediators) })
      .returningAll()
      .executeTakeFirstOrThrow());
  },
  async getStation(db: TypedDbOrTx, id: string): Promise<StationRow | undefined> {
    const r = await db.selectFrom('complaints.station').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toStation(r) : undefined;
  },
  async updateStation(db: TypedDbOrTx, id: string, version: number, patch: StationPatch): Promise<StationRow | undefined> {
    const r = await db
      .updateTable('complaints.station')
      .set({ ...stationSet(patch), version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    return r ? toStation(r) : undefined;
  },
  async listStations(db: TypedDbOrTx, f: { regionPrefix?: string | null; limit: number; afterName?: string; afterId?: string }): Promise<StationRow[]> {
    let q = db.selectFrom('complaints.station').selectAll().orderBy('name').orderBy('id').limit(f.limit);
    if (f.regionPrefix) q = q.where('region_code', 'like', `${f.regionPrefix}%`);
    if (f.afterName !== undefined && f.afterId) {
      const n = f.afterName;
      const i = f.afterId;
      q = q.where((eb) => eb.or([eb('name', '>', n), eb.and([eb('name', '=', n), eb('id', '>', i)])]));
    }
    return (await q.execute()).map(toStation);
  },
  /**
   * The active stations inside a lat/lng box (the (lat, lng) index), nearest first by the
   * equirectangular approximation, at most `limit`: only candidates leave the database, however
   * dense the network. The caller ranks them by exact great-circle distance.
   */
  async stationsNear(
    db: TypedDbOrTx,
    box: { minLat: number; maxLat: number; minLng: number; maxLng: number },
    center: { lat: number; lng: number },
    limit: number,
  ): Promise<StationRow[]> {
    const cos = Math.cos((center.lat * Math.PI) / 180);
    const rows = await db
      .selectFrom('complaints.station')
      .selectAll()
      .where('active', '=', true)
      .where('lat', '>=', box.minLat)
      .where('lat', '<=', box.maxLat)
      .where('lng', '>=', box.minLng)
      .where('lng', '<=', box.maxLng)
      .orderBy(sql`(lat - ${center.lat}) * (lat - ${center.lat}) + ((lng - ${center.lng}) * ${cos}) * ((lng - ${center.lng}) * ${cos})`)
      .limit(limit)
      .execute();
    return rows.map(toStation);
  },
  async activeStations(db: TypedDbOrTx): Promise<StationRow[]> {
    return (await db.selectFrom('complaints.station').selectAll().where('active', '=', true).execute()).map(toStation);
  },
  async countStations(db: TypedDbOrTx, regionPrefix: string | null): Promise<{ total: number; active: number }> {
    let q = db.selectFrom('complaints.station').select([sql<number>`count(*)::int`.as('total'), sql<number>`count(*) filter (where active)::int`.as('active')]);
    if (regionPrefix) q = q.where('region_code', 'like', `${regionPrefix}%`);
    const r = await q.executeTakeFirstOrThrow();
    return { total: Number(r.total), active: Number(r.active) };
  },

  // ---- complaints ----
  async insertComplaint(db: TypedDbOrTx, v: ComplaintInsert): Promise<ComplaintRow | undefined> {
    // ON CONFLICT DO NOTHING (any unique key): undefined means the idempotency key or the tracking
    // number already exists; the caller tells which (an aborted statement would abort the transaction).
    return toComplaintOrNone(await db.insertInto('complaints.complaint').values(v).onConflict((oc) => oc.doNothing()).returningAll().executeTakeFirst());
  },
  async byIdempotencyKey(db: TypedDbOrTx, key: string): Promise<ComplaintRow | undefined> {
    return toComplaintOrNone(await db.selectFrom('complaints.complaint').selectAll().where('idempotency_key', '=', key).executeTakeFirst());
  },
  async get(db: TypedDbOrTx, id: string): Promise<ComplaintRow | undefined> {
    return toComplaintOrNone(await db.selectFrom('complaints.complaint').selectAll().where('id', '=', id).executeTakeFirst());
  },
  async getForUpdate(db: TypedDbOrTx, id: string): Promise<ComplaintRow | undefined> {
    return toComplaintOrNone(await db.selectFrom('complaints.complaint').selectAll().where('id', '=', id).forUpdate().executeTakeFirst());
  },
  async byTrackingNo(db: TypedDbOrTx, trackingNo: string): Promise<ComplaintRow | undefined> {
    return toComplaintOrNone(await db.selectFrom('complaints.complaint').selectAll().where('tracking_no', '=', trackingNo).executeTakeFirst());
  },
  /** A complaint by the same phone against the same respondent received on or after `since`. */
  async findDuplicate(db: TypedDbOrTx, phoneIndex: string, respondentKey: string, since: string): Promise<ComplaintRow | undefined> {
    return toComplaintOrNone(await db
      .selectFrom('complaints.complaint')
      .selectAll()
      .where('complainant_phone_index', '=', phoneIndex)
      .where('respondent_key', '=', respondentKey)
      .where('received_on', '>=', since)
      .orderBy('received_at')
      .limit(1)
      .executeTakeFirst());
  },
  /** Conditional update: only when the version still matches (optimistic concurrency). */
  async update(db: TypedDbOrTx, id: string, version: number, patch: ComplaintPatch): Promise<ComplaintRow | undefined> {
    const { recused, ...rest } = patch;
    return toComplaintOrNone(await db
      .updateTable('complaints.complaint')
      .set({ ...rest, ...(recused ? { recused: json(recused) } : {}), version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst());
  },
  async list(db: TypedDbOrTx, f: { regionPrefix: string | null; status?: string; kind?: string; after?: [string, string]; limit: number }): Promise<ComplaintRow[]> {
    let q = db.selectFrom('complaints.complaint').selectAll().orderBy('received_at', 'desc').orderBy('id', 'desc').limit(f.limit);
    if (f.regionPrefix) q = q.where('region_code', 'like', `${f.regionPrefix}%`);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.after) {
      const [afterAt, id] = f.after;
      const at = sql<Date>`${afterAt}::timestamptz`;
      q = q.where((eb) => eb.or([eb('received_at', '<', at), eb.and([eb('received_at', '=', at), eb('id', '<', id)])]));
    }
    return (await q.execute()).map(toComplaint);
  },
  /** Open complaints with an acceptance date: the ones whose mediation deadline a new calendar can move. */
  async openMediations(db: TypedDbOrTx): Promise<ComplaintRow[]> {
    return (await db.selectFrom('complaints.complaint').selectAll().where('status', 'in', ['accepted', 'mediating']).where('accepted_on', 'is not', null).execute()).map(toComplaint);
  },
  /** Mediations running (not paused) whose limit is near and not yet alerted for that limit. */
  async mediationsToAlert(db: TypedDbOrTx, dueOnOrBefore: string): Promise<ComplaintRow[]> {
    const rows = await db
      .selectFrom('complaints.complaint')
      .selectAll()
      .where('status', '=', 'mediating')
      .where('paused_since', 'is', null)
      .where('mediation_due', '<=', dueOnOrBefore)
      .where((eb) => eb.or([eb('alerted_due', 'is', null), eb('alerted_due', '<>', eb.ref('mediation_due'))]))
      .limit(500)
      .execute();
    return rows.map(toComplaint);
  },
  /** Marks the alert for `due` as sent; false when another run already sent it. */
  async markAlerted(db: TypedDbOrTx, id: string, due: string | null): Promise<boolean> {
    const res = await db
      .updateTable('complaints.complaint')
      .set({ alerted_due: due })
      .where('id', '=', id)
      .where((eb) => (due === null ? eb('alerted_due', 'is', null) : eb.or([eb('alerted_due', 'is', null), eb('alerted_due', '<>', due)])))
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  },
  /** Records that the respondent was told the outcome (no version bump: a delivery, not an edit). */
  async markRespondentNotified(db: TypedDbOrTx, id: string, at: Date): Promise<void> {
    await db.updateTable('complaints.complaint').set({ respondent_notified_at: at }).where('id', '=', id).execute();
  },
  /** Moves the mediation deadline (a changed calendar) and clears its alert. */
  async setMediationDue(db: TypedDbOrTx, id: string, due: string): Promise<void> {
    await db.updateTable('complaints.complaint').set({ mediation_due: due, alerted_due: null }).where('id', '=', id).execute();
  },
  async addEntry(db: TypedDbOrTx, v: EntryInsert): Promise<void> {
    await db.insertInto('complaints.entry').values({ ...v, data: v.data === undefined || v.data === null ? null : json(v.data) }).execute();
  },
  async entries(db: TypedDbOrTx, complaintId: string): Promise<EntryRow[]> {
    return (await db.selectFrom('complaints.entry').selectAll().where('complaint_id', '=', complaintId).orderBy('at').orderBy('id').execute()).map(toEntry);
  },
  async figures(db: TypedDbOrTx, regionPrefix: string | null) {
    let q = db.selectFrom('complaints.complaint').select([
      sql<number>`count(*)::int`.as('complaints'),
      sql<number>`count(*) filter (where outcome is not null and mediator_id is not null)::int`.as('concluded'),
      sql<number>`count(*) filter (where outcome = 'agreement')::int`.as('agreements'),
      sql<number>`count(*) filter (where outcome = 'terminated' and mediator_id is not null and termination_ground in ('withdrawn_or_settled'))::int`.as('settled'),
      sql<number>`count(*) filter (where outcome = 'terminated' and mediator_id is not null and termination_ground in ('refusal_ground_found', 'other_law'))::int`.as('excluded'),
      sql<number | string | null>`avg(extract(epoch from (accepted_at - received_at)) / 3600)`.as('accept_hours'),
      sql<number | string | null>`avg(extract(epoch from (concluded_at - accepted_at)) / 3600)`.as('handle_hours'),
      sql<number | string | null>`avg(extract(epoch from (feedback_at - concluded_at)) / 3600)`.as('feedback_hours'),
      sql<number | string | null>`avg(satisfaction)`.as('satisfaction'),
    ]);
    if (regionPrefix) q = q.where('region_code', 'like', `${regionPrefix}%`);
    return q.executeTakeFirstOrThrow();
  },
};

export const communityRepository = {
  async list(db: TypedDbOrTx, regionPrefix: string | null): Promise<{ name: string; lat: number; lng: number; region_code: string }[]> {
    let q = db.selectFrom('complaints.community_point').select(['name', 'lat', 'lng', 'region_code']).orderBy('name').limit(5000);
    if (regionPrefix) q = q.where('region_code', 'like', `${regionPrefix}%`);
    return q.execute();
  },
  async insertMany(db: TypedDbOrTx, rows: { name: string; region_code: string; lat: number; lng: number }[]): Promise<void> {
    if (rows.length) await db.insertInto('complaints.community_point').values(rows).execute();
  },
};

// ---- routing (issue 11): handling units, the routing table, documents, the staff who handle ----

type UnitTable = DB['complaints.handling_unit'];
type RuleTable = DB['complaints.routing_rule'];
type DocumentTable = DB['complaints.document'];
export type UnitRow = Omit<Selectable<UnitTable>, 'kind'> & { kind: 'department' | 'industry_committee' };
export type RuleRow = Selectable<RuleTable>;
export type DocumentRow = Selectable<DocumentTable>;
const UNIT_KINDS = ['department', 'industry_committee'] as const;
const toUnit = (r: Selectable<UnitTable>): UnitRow => ({ ...r, kind: oneOf(UNIT_KINDS, r.kind, 'kind') });

export const routingRepository = {
  async units(db: TypedDbOrTx): Promise<UnitRow[]> {
    return (await db.selectFrom('complaints.handling_unit').selectAll().orderBy('kind').orderBy('name').execute()).map(toUnit);
  },
  async unit(db: TypedDbOrTx, id: string): Promise<UnitRow | undefined> {
    const r = await db.selectFrom('complaints.handling_unit').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toUnit(r) : undefined;
  },
  async insertUnit(db: TypedDbOrTx, v: Insertable<UnitTable>): Promise<UnitRow> {
    return toUnit(await db.insertInto('complaints.handling_unit').values(v).onConflict((oc) => oc.column('name').doUpdateSet({ kind: v.kind, region_code: v.region_code })).returningAll().executeTakeFirstOrThrow());
  },
  async rules(db: TypedDbOrTx): Promise<RuleRow[]> {
    return db.selectFrom('complaints.routing_rule').selectAll().orderBy('category').orderBy('industry_prefix').orderBy('priority').orderBy('id').execute();
  },
  async rule(db: TypedDbOrTx, id: string): Promise<RuleRow | undefined> {
    return db.selectFrom('complaints.routing_rule').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insertRule(db: TypedDbOrTx, v: Insertable<RuleTable>): Promise<RuleRow> {
    return db.insertInto('complaints.routing_rule').values(v).returningAll().executeTakeFirstOrThrow();
  },
  async updateRule(db: TypedDbOrTx, id: string, version: number, patch: Omit<Updateable<RuleTable>, 'id' | 'version'>): Promise<RuleRow | undefined> {
    return db
      .updateTable('complaints.routing_rule')
      .set({ ...patch, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  },
  async addDocument(db: TypedDbOrTx, v: Insertable<DocumentTable>): Promise<void> {
    await db.insertInto('complaints.document').values(v).execute();
  },
  async documents(db: TypedDbOrTx, complaintId: string): Promise<DocumentRow[]> {
    // Superseded ones first (issued before a reopening), then by issue time.
    return db.selectFrom('complaints.document').selectAll().where('complaint_id', '=', complaintId).orderBy(sql`superseded_at is null`).orderBy('superseded_at').orderBy('issued_at').orderBy('id').execute();
  },
  /** Marks the documents issued so far as superseded (the case was reopened); they stay on file. */
  async supersedeDocuments(db: TypedDbOrTx, complaintId: string, at: Date): Promise<void> {
    await db.updateTable('complaints.document').set({ superseded_at: at }).where('complaint_id', '=', complaintId).where('superseded_at', 'is', null).execute();
  },
  /** Whether a file is one of the complaint's documents. */
  async hasDocumentFile(db: TypedDbOrTx, complaintId: string, fileId: string): Promise<boolean> {
    return !!(await db.selectFrom('complaints.document').select('id').where('complaint_id', '=', complaintId).where('file_id', '=', fileId).executeTakeFirst());
  },
  /**
   * Active staff accounts holding one of `roles` (read only: accounts belong to the platform), with
   * their number of open cases as mediator.
   */
  async staffWithRoles(db: TypedDbOrTx, roles: string[]): Promise<{ id: string; display_name: string; jurisdiction: string | null; roles: string[]; load: number }[]> {
    const rows = await db
      .selectFrom('platform.account as a')
      .select((eb) => [
        'a.id',
        'a.display_name',
        'a.jurisdiction',
        'a.roles',
        eb
          .selectFrom('complaints.complaint as c')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('c.mediator_id', '=', 'a.id')
          .where('c.status', '=', 'mediating')
          .as('load'),
      ])
      .where('a.kind', '=', 'staff')
      .where('a.disabled', '=', false)
      .orderBy('a.display_name')
      .execute();
    return rows
      .map((r) => ({ id: r.id, display_name: r.display_name, jurisdiction: r.jurisdiction, roles: Array.isArray(r.roles) ? r.roles.map(String) : [], load: Number(r.load ?? 0) }))
      .filter((r) => r.roles.some((x) => roles.includes(x)));
  },
  /** The portal accounts bound to an enterprise (read only). */
  async businessAccounts(db: TypedDbOrTx, creditCode: string): Promise<string[]> {
    const rows = await db
      .selectFrom('platform.account_enterprise as ae')
      .innerJoin('platform.account as a', 'a.id', 'ae.account_id')
      .select('a.id')
      .where('ae.credit_code', '=', creditCode)
      .where('a.disabled', '=', false)
      .execute();
    return rows.map((r) => r.id);
  },
};

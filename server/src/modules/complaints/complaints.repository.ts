import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database.js';
import type { OpeningPeriod } from './domain/geo.js';

export interface StationRow {
  id: string;
  name: string;
  type: string;
  address: string;
  region_code: string;
  lat: number;
  lng: number;
  opening_hours: OpeningPeriod[];
  mediators: { accountId?: string | null; name: string }[];
  phone: string | null;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface ComplaintRow {
  id: string;
  tracking_no: string;
  kind: 'complaint' | 'report';
  channel: 'web' | 'qr' | 'staff' | 'import';
  station_id: string | null;
  status: 'received' | 'accepted' | 'refused' | 'mediating' | 'closed' | 'forwarded';
  complainant_name: string;
  complainant_phone_enc: string;
  complainant_phone_masked: string;
  complainant_phone_index: string;
  complainant_address: string;
  complainant_id_enc: string | null;
  complainant_id_masked: string | null;
  respondent_name: string;
  respondent_address: string;
  respondent_credit_code: string | null;
  respondent_key: string;
  region_code: string | null;
  category: string | null;
  request: string;
  facts: string;
  amount_fen: number | null;
  occurred_on: string | null;
  idempotency_key: string | null;
  duplicate_of: string | null;
  access_code_hash: string;
  access_code_next_hash: string | null;
  access_failures: number;
  access_failures_since: Date | null;
  access_code_sent_at: Date | null;
  received_on: string;
  received_at: Date;
  acceptance_due: string | null;
  accepted_on: string | null;
  accepted_at: Date | null;
  refusal_ground: string | null;
  refusal_note: string | null;
  mediator_id: string | null;
  mediator_name: string | null;
  recused: string[];
  mediation_mode: 'on_site' | 'remote' | null;
  mediation_due: string | null;
  paused_since: string | null;
  paused_reason: string | null;
  paused_working_days: number;
  alerted_due: string | null;
  outcome: 'agreement' | 'no_agreement' | 'terminated' | null;
  termination_ground: string | null;
  outcome_note: string | null;
  agreement_terms: string | null;
  agreement_file_id: string | null;
  concluded_on: string | null;
  concluded_at: Date | null;
  termination_notice_due: string | null;
  feedback_at: Date | null;
  satisfaction: number | null;
  follow_up_note: string | null;
  reopened_count: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface EntryRow {
  id: string;
  complaint_id: string;
  kind: string;
  step: string | null;
  mode: string | null;
  note: string;
  data: unknown;
  actor_name: string | null;
  at: Date;
}

type ComplaintInsert = Omit<ComplaintRow, 'id' | 'version' | 'created_at' | 'updated_at' | 'recused' | 'paused_working_days' | 'reopened_count' | 'accepted_on' | 'accepted_at' | 'refusal_ground' | 'refusal_note' | 'mediator_id' | 'mediator_name' | 'mediation_mode' | 'mediation_due' | 'paused_since' | 'paused_reason' | 'alerted_due' | 'outcome' | 'termination_ground' | 'outcome_note' | 'agreement_terms' | 'agreement_file_id' | 'concluded_on' | 'concluded_at' | 'termination_notice_due' | 'feedback_at' | 'satisfaction' | 'follow_up_note' | 'access_code_next_hash' | 'access_failures' | 'access_failures_since' | 'access_code_sent_at'>;

const json = (v: unknown) => JSON.stringify(v);

/** Kysely queries of the complaints schema. */
export const complaintsRepository = {
  // ---- stations ----
  async insertStation(db: DbOrTx, v: Omit<StationRow, 'id' | 'version' | 'created_at' | 'updated_at'>): Promise<StationRow> {
    return (await db
      .insertInto('complaints.station')
      .values({ ...v, opening_hours: json(v.opening_hours), mediators: json(v.mediators) })
      .returningAll()
      .executeTakeFirstOrThrow()) as StationRow;
  },
  async getStation(db: DbOrTx, id: string): Promise<StationRow | undefined> {
    return (await db.selectFrom('complaints.station').selectAll().where('id', '=', id).executeTakeFirst()) as StationRow | undefined;
  },
  async updateStation(db: DbOrTx, id: string, version: number, patch: Record<string, unknown>): Promise<StationRow | undefined> {
    const set: Record<string, unknown> = { ...patch, version: sql`version + 1`, updated_at: sql`now()` };
    if (patch.opening_hours) set.opening_hours = json(patch.opening_hours);
    if (patch.mediators) set.mediators = json(patch.mediators);
    return (await db.updateTable('complaints.station').set(set).where('id', '=', id).where('version', '=', version).returningAll().executeTakeFirst()) as StationRow | undefined;
  },
  async listStations(db: DbOrTx, f: { regionPrefix?: string | null; limit: number; afterName?: string; afterId?: string }): Promise<StationRow[]> {
    let q = db.selectFrom('complaints.station').selectAll().orderBy('name').orderBy('id').limit(f.limit);
    if (f.regionPrefix) q = q.where('region_code', 'like', `${f.regionPrefix}%`);
    if (f.afterName !== undefined && f.afterId) {
      const n = f.afterName;
      const i = f.afterId;
      q = q.where((eb) => eb.or([eb('name', '>', n), eb.and([eb('name', '=', n), eb('id', '>', i)])]));
    }
    return (await q.execute()) as StationRow[];
  },
  /**
   * The active stations inside a lat/lng box (the (lat, lng) index), nearest first by the
   * equirectangular approximation, at most `limit`: only candidates leave the database, however
   * dense the network. The caller ranks them by exact great-circle distance.
   */
  async stationsNear(
    db: DbOrTx,
    box: { minLat: number; maxLat: number; minLng: number; maxLng: number },
    center: { lat: number; lng: number },
    limit: number,
  ): Promise<StationRow[]> {
    const cos = Math.cos((center.lat * Math.PI) / 180);
    return (await db
      .selectFrom('complaints.station')
      .selectAll()
      .where('active', '=', true)
      .where('lat', '>=', box.minLat)
      .where('lat', '<=', box.maxLat)
      .where('lng', '>=', box.minLng)
      .where('lng', '<=', box.maxLng)
      .orderBy(sql`(lat - ${center.lat}) * (lat - ${center.lat}) + ((lng - ${center.lng}) * ${cos}) * ((lng - ${center.lng}) * ${cos})`)
      .limit(limit)
      .execute()) as StationRow[];
  },
  async activeStations(db: DbOrTx): Promise<StationRow[]> {
    return (await db.selectFrom('complaints.station').selectAll().where('active', '=', true).execute()) as StationRow[];
  },
  async countStations(db: DbOrTx, regionPrefix: string | null): Promise<{ total: number; active: number }> {
    let q = db.selectFrom('complaints.station').select([sql<number>`count(*)::int`.as('total'), sql<number>`count(*) filter (where active)::int`.as('active')]);
    if (regionPrefix) q = q.where('region_code', 'like', `${regionPrefix}%`);
    const r = (await q.executeTakeFirstOrThrow()) as { total: number; active: number };
    return { total: Number(r.total), active: Number(r.active) };
  },

  // ---- complaints ----
  async insertComplaint(db: DbOrTx, v: ComplaintInsert): Promise<ComplaintRow | undefined> {
    // ON CONFLICT DO NOTHING (any unique key): undefined means the idempotency key or the tracking
    // number already exists; the caller tells which (an aborted statement would abort the transaction).
    return (await db.insertInto('complaints.complaint').values(v).onConflict((oc) => oc.doNothing()).returningAll().executeTakeFirst()) as ComplaintRow | undefined;
  },
  async byIdempotencyKey(db: DbOrTx, key: string): Promise<ComplaintRow | undefined> {
    return (await db.selectFrom('complaints.complaint').selectAll().where('idempotency_key', '=', key).executeTakeFirst()) as ComplaintRow | undefined;
  },
  async get(db: DbOrTx, id: string): Promise<ComplaintRow | undefined> {
    return (await db.selectFrom('complaints.complaint').selectAll().where('id', '=', id).executeTakeFirst()) as ComplaintRow | undefined;
  },
  async getForUpdate(db: DbOrTx, id: string): Promise<ComplaintRow | undefined> {
    return (await db.selectFrom('complaints.complaint').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()) as ComplaintRow | undefined;
  },
  async byTrackingNo(db: DbOrTx, trackingNo: string): Promise<ComplaintRow | undefined> {
    return (await db.selectFrom('complaints.complaint').selectAll().where('tracking_no', '=', trackingNo).executeTakeFirst()) as ComplaintRow | undefined;
  },
  /** A complaint by the same phone against the same respondent received on or after `since`. */
  async findDuplicate(db: DbOrTx, phoneIndex: string, respondentKey: string, since: string): Promise<ComplaintRow | undefined> {
    return (await db
      .selectFrom('complaints.complaint')
      .selectAll()
      .where('complainant_phone_index', '=', phoneIndex)
      .where('respondent_key', '=', respondentKey)
      .where('received_on', '>=', since)
      .orderBy('received_at')
      .limit(1)
      .executeTakeFirst()) as ComplaintRow | undefined;
  },
  /** Conditional update: only when the version still matches (optimistic concurrency). */
  async update(db: DbOrTx, id: string, version: number, patch: Record<string, unknown>): Promise<ComplaintRow | undefined> {
    const set: Record<string, unknown> = { ...patch, version: sql`version + 1`, updated_at: sql`now()` };
    if (patch.recused) set.recused = json(patch.recused);
    return (await db.updateTable('complaints.complaint').set(set).where('id', '=', id).where('version', '=', version).returningAll().executeTakeFirst()) as ComplaintRow | undefined;
  },
  async list(db: DbOrTx, f: { regionPrefix: string | null; status?: string; kind?: string; after?: [string, string]; limit: number }): Promise<ComplaintRow[]> {
    let q = db.selectFrom('complaints.complaint').selectAll().orderBy('received_at', 'desc').orderBy('id', 'desc').limit(f.limit);
    if (f.regionPrefix) q = q.where('region_code', 'like', `${f.regionPrefix}%`);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.after) {
      const [at, id] = f.after;
      q = q.where((eb) => eb.or([eb('received_at', '<', at), eb.and([eb('received_at', '=', at), eb('id', '<', id)])]));
    }
    return (await q.execute()) as ComplaintRow[];
  },
  /** Mediations running (not paused) whose limit is near and not yet alerted for that limit. */
  async mediationsToAlert(db: DbOrTx, dueOnOrBefore: string): Promise<ComplaintRow[]> {
    return (await db
      .selectFrom('complaints.complaint')
      .selectAll()
      .where('status', '=', 'mediating')
      .where('paused_since', 'is', null)
      .where('mediation_due', '<=', dueOnOrBefore)
      .where((eb) => eb.or([eb('alerted_due', 'is', null), eb('alerted_due', '<>', eb.ref('mediation_due'))]))
      .limit(500)
      .execute()) as ComplaintRow[];
  },
  async addEntry(db: DbOrTx, v: Omit<EntryRow, 'id'>): Promise<void> {
    await db.insertInto('complaints.entry').values({ ...v, data: v.data === undefined || v.data === null ? null : json(v.data) }).execute();
  },
  async entries(db: DbOrTx, complaintId: string): Promise<EntryRow[]> {
    return (await db.selectFrom('complaints.entry').selectAll().where('complaint_id', '=', complaintId).orderBy('at').orderBy('id').execute()) as EntryRow[];
  },
  async figures(db: DbOrTx, regionPrefix: string | null) {
    let q = db.selectFrom('complaints.complaint').select([
      sql<number>`count(*)::int`.as('complaints'),
      sql<number>`count(*) filter (where outcome is not null and mediator_id is not null)::int`.as('concluded'),
      sql<number>`count(*) filter (where outcome = 'agreement')::int`.as('agreements'),
      sql<number>`avg(extract(epoch from (accepted_at - received_at)) / 3600)`.as('accept_hours'),
      sql<number>`avg(extract(epoch from (concluded_at - accepted_at)) / 3600)`.as('handle_hours'),
      sql<number>`avg(extract(epoch from (feedback_at - concluded_at)) / 3600)`.as('feedback_hours'),
      sql<number>`avg(satisfaction)`.as('satisfaction'),
    ]);
    if (regionPrefix) q = q.where('region_code', 'like', `${regionPrefix}%`);
    return (await q.executeTakeFirstOrThrow()) as Record<string, number | string | null>;
  },
};

export const communityRepository = {
  async list(db: DbOrTx, regionPrefix: string | null): Promise<{ name: string; lat: number; lng: number; region_code: string }[]> {
    let q = db.selectFrom('complaints.community_point').select(['name', 'lat', 'lng', 'region_code']).orderBy('name').limit(5000);
    if (regionPrefix) q = q.where('region_code', 'like', `${regionPrefix}%`);
    return (await q.execute()) as { name: string; lat: number; lng: number; region_code: string }[];
  },
  async insertMany(db: DbOrTx, rows: { name: string; region_code: string; lat: number; lng: number }[]): Promise<void> {
    if (rows.length) await db.insertInto('complaints.community_point').values(rows).execute();
  },
};

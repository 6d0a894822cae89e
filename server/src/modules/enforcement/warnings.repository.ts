import { z } from 'zod';
import type { Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.generated.js';
import type { TypedDbOrTx } from '../../platform/db/database.js';
import { SIGNAL_RULE_NAMES, type SignalDetail, type SignalRule } from './domain/signals.js';

/**
 * The early-warning tables (migration 0054): the complaint copies fed by the complaints event, the
 * permit register, the computed signals and the issued warnings. Rows are derived from the
 * generated schema; enums narrowed and jsonb parsed in one mapping function per table.
 */

function json(v: unknown): string {
  return JSON.stringify(v);
}

function oneOf<T extends string>(allowed: readonly T[], value: string, column: string): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new Error(`enforcement: unexpected ${column} '${value}'`);
  return found;
}

const SignalDetailSchema: z.ZodType<SignalDetail> = z.union([
  z.object({ rule: z.literal('complaints_rising'), current: z.number(), previous: z.number(), windowDays: z.number(), minCount: z.number(), ratio: z.number() }),
  z.object({
    rule: z.literal('permit_expiring'),
    permits: z.array(z.object({ permitType: z.string(), permitNo: z.string(), expiresOn: z.string(), daysLeft: z.number() })),
    withinDays: z.number(),
  }),
  z.object({
    rule: z.literal('repeat_findings'),
    findings: z.array(z.object({ caseNo: z.string(), decidedOn: z.string(), violationType: z.string().nullable() })),
    windowDays: z.number(),
    minFindings: z.number(),
  }),
]);

export const SIGNAL_STATUSES = ['open', 'warned', 'cleared'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];
export type RiskSignalRow = Omit<Selectable<DB['enforcement.risk_signal']>, 'rule' | 'status' | 'detail'> & { rule: SignalRule; status: SignalStatus; detail: SignalDetail };

export function toRiskSignal(r: Selectable<DB['enforcement.risk_signal']>): RiskSignalRow {
  return { ...r, rule: oneOf(SIGNAL_RULE_NAMES, r.rule, 'risk_signal.rule'), status: oneOf(SIGNAL_STATUSES, r.status, 'risk_signal.status'), detail: SignalDetailSchema.parse(r.detail) };
}

export const WARNING_STATUSES = ['issued', 'acknowledged'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];
const WarningSignalsSchema = z.array(z.object({ rule: z.enum(['complaints_rising', 'permit_expiring', 'repeat_findings']), ruleVersion: z.string(), detail: SignalDetailSchema }));
export type WarningSignals = z.infer<typeof WarningSignalsSchema>;
export type WarningRow = Omit<Selectable<DB['enforcement.warning']>, 'status' | 'signals'> & { status: WarningStatus; signals: WarningSignals };

export function toWarning(r: Selectable<DB['enforcement.warning']>): WarningRow {
  return { ...r, status: oneOf(WARNING_STATUSES, r.status, 'warning.status'), signals: WarningSignalsSchema.parse(r.signals) };
}

export type PermitRow = Selectable<DB['enforcement.permit']>;

export const warningsRepository = {
  /** Stores one filed complaint (idempotent per complaint). Returns false when it was already there. */
  async insertComplaintSignal(
    db: TypedDbOrTx,
    c: { complaint_id: string; event_id: string; kind: 'complaint' | 'report'; credit_code: string | null; region_code: string | null; category: string | null; filed_on: string },
  ): Promise<boolean> {
    const r = await db.insertInto('enforcement.complaint_signal').values(c).onConflict((oc) => oc.column('complaint_id').doNothing()).returning('complaint_id').executeTakeFirst();
    return !!r;
  },

  async complaintDates(db: TypedDbOrTx, creditCode: string, from: string): Promise<string[]> {
    const rows = await db.selectFrom('enforcement.complaint_signal').select('filed_on').where('credit_code', '=', creditCode).where('filed_on', '>=', from).execute();
    return rows.map((r) => r.filed_on);
  },

  async permitsOf(db: TypedDbOrTx, creditCode: string): Promise<PermitRow[]> {
    return db.selectFrom('enforcement.permit').selectAll().where('credit_code', '=', creditCode).orderBy('expires_on').execute();
  },

  async insertPermit(db: TypedDbOrTx, p: { credit_code: string; region_code: string; permit_type: string; permit_no: string; issued_on: string | null; expires_on: string }): Promise<PermitRow | undefined> {
    return db.insertInto('enforcement.permit').values(p).onConflict((oc) => oc.columns(['permit_type', 'permit_no']).doNothing()).returningAll().executeTakeFirst();
  },

  async findingsOf(db: TypedDbOrTx, creditCode: string, from: string) {
    const rows = await db
      .selectFrom('enforcement.case')
      .select(['case_no', 'decided_on', 'violation_type'])
      .where('credit_code', '=', creditCode)
      .where('decided_on', '>=', from)
      .where('status', 'not in', ['revoked', 'dismissed'])
      .execute();
    return rows.flatMap((r) => (r.decided_on ? [{ caseNo: r.case_no, decidedOn: r.decided_on, violationType: r.violation_type }] : []));
  },

  /** The enterprises that may carry a signal today: recent complaints, permits near expiry, recent findings, or an open signal. */
  async candidates(db: TypedDbOrTx, h: { complaintsFrom: string; permitsTo: string; permitsFrom: string; findingsFrom: string }): Promise<string[]> {
    const [a, b, c, d] = await Promise.all([
      db.selectFrom('enforcement.complaint_signal').select('credit_code').distinct().where('credit_code', 'is not', null).where('filed_on', '>=', h.complaintsFrom).execute(),
      db.selectFrom('enforcement.permit').select('credit_code').distinct().where('expires_on', '<=', h.permitsTo).where('expires_on', '>=', h.permitsFrom).execute(),
      db.selectFrom('enforcement.case').select('credit_code').distinct().where('credit_code', 'is not', null).where('decided_on', '>=', h.findingsFrom).execute(),
      db.selectFrom('enforcement.risk_signal').select('credit_code').distinct().where('status', '!=', 'cleared').execute(),
    ]);
    const codes = new Set<string>();
    for (const r of [...a, ...b, ...c, ...d]) if (r.credit_code) codes.add(r.credit_code);
    return [...codes].sort();
  },

  async signalsOf(db: TypedDbOrTx, creditCode: string): Promise<RiskSignalRow[]> {
    return (await db.selectFrom('enforcement.risk_signal').selectAll().where('credit_code', '=', creditCode).execute()).map(toRiskSignal);
  },

  async upsertSignal(
    db: TypedDbOrTx,
    s: { credit_code: string; region_code: string; enterprise_name: string; rule: SignalRule; rule_version: string; detail: SignalDetail; computed_on: string; status: SignalStatus },
  ): Promise<void> {
    await db
      .insertInto('enforcement.risk_signal')
      .values({ ...s, detail: json(s.detail) })
      .onConflict((oc) =>
        oc.columns(['credit_code', 'rule']).doUpdateSet({
          region_code: s.region_code,
          enterprise_name: s.enterprise_name,
          rule_version: s.rule_version,
          detail: json(s.detail),
          computed_on: s.computed_on,
          status: s.status,
        }),
      )
      .execute();
  },

  async setSignalStatus(db: TypedDbOrTx, id: string, status: SignalStatus, warningId?: string | null): Promise<void> {
    await db
      .updateTable('enforcement.risk_signal')
      .set({ status, ...(warningId !== undefined ? { warning_id: warningId } : {}) })
      .where('id', '=', id)
      .execute();
  },

  /** Signals not cleared, in a jurisdiction (region prefix; null = all). */
  async activeSignals(db: TypedDbOrTx, f: { regionPrefix: string | null; rule?: SignalRule; status?: SignalStatus; q?: string }): Promise<RiskSignalRow[]> {
    let q = db.selectFrom('enforcement.risk_signal').selectAll();
    q = f.status ? q.where('status', '=', f.status) : q.where('status', '!=', 'cleared');
    if (f.regionPrefix) q = q.where('region_code', 'like', `${f.regionPrefix}%`);
    if (f.rule) q = q.where('rule', '=', f.rule);
    if (f.q) q = q.where((eb) => eb.or([eb('enterprise_name', 'like', `%${f.q}%`), eb('credit_code', 'like', `${f.q}%`)]));
    return (await q.orderBy('computed_on', 'desc').orderBy('credit_code').limit(1000).execute()).map(toRiskSignal);
  },

  async insertWarning(db: TypedDbOrTx, w: Omit<WarningRow, 'id' | 'version' | 'acknowledged_at' | 'acknowledged_by' | 'acknowledged_by_name' | 'acknowledgement_note' | 'document_id'>): Promise<WarningRow> {
    return toWarning(await db.insertInto('enforcement.warning').values({ ...w, signals: json(w.signals) }).returningAll().executeTakeFirstOrThrow());
  },

  async setWarningDocument(db: TypedDbOrTx, id: string, documentId: string): Promise<void> {
    await db.updateTable('enforcement.warning').set({ document_id: documentId }).where('id', '=', id).execute();
  },

  async getWarning(db: TypedDbOrTx, id: string, lock = false): Promise<WarningRow | undefined> {
    let q = db.selectFrom('enforcement.warning').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r && toWarning(r);
  },

  async acknowledgeWarning(db: TypedDbOrTx, id: string, version: number, a: { at: Date; by: string; byName: string; note: string | null }): Promise<WarningRow | undefined> {
    const r = await db
      .updateTable('enforcement.warning')
      .set({ status: 'acknowledged', acknowledged_at: a.at, acknowledged_by: a.by, acknowledged_by_name: a.byName, acknowledgement_note: a.note, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', 'issued')
      .returningAll()
      .executeTakeFirst();
    return r && toWarning(r);
  },

  async warningsOf(db: TypedDbOrTx, f: { creditCodes?: string[]; regionPrefix?: string | null }): Promise<WarningRow[]> {
    let q = db.selectFrom('enforcement.warning').selectAll();
    if (f.creditCodes) {
      if (!f.creditCodes.length) return [];
      q = q.where('credit_code', 'in', f.creditCodes);
    }
    if (f.regionPrefix) q = q.where('region_code', 'like', `${f.regionPrefix}%`);
    return (await q.orderBy('issued_at', 'desc').limit(500).execute()).map(toWarning);
  },

  /** The business accounts bound to an enterprise, with their encrypted phones (for the notice and SMS). */
  async businessAccounts(db: TypedDbOrTx, creditCode: string) {
    return db
      .selectFrom('platform.account_enterprise as ae')
      .innerJoin('platform.account as a', 'a.id', 'ae.account_id')
      .select(['a.id', 'a.phone_enc'])
      .where('ae.credit_code', '=', creditCode)
      .where('a.disabled', '=', false)
      .execute();
  },
};

import { sql, type Selectable } from 'kysely';
import type { DB } from '../db/schema.generated.js';
import type { Db, DbOrTx } from '../db/database.js';
import type { Audit, AuditContext } from '../audit/audit.js';
import type { Clock } from '../clock/clock.js';
import type { Notifier } from '../notifications/notifications.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { Actor } from '../auth/roles.js';
import { AppError } from '../errors/app-error.js';
import { formatDue, type IsoDate } from '../calendar/index.js';
import { ALERT_WORKING_DAYS, obligationState } from './domain/obligation-state.js';

const OBLIGATION_STATUSES = ['open', 'fulfilled', 'cancelled'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];
/** A row of `platform.obligation` (type from the generated schema), its status narrowed. */
export type ObligationRow = Omit<Selectable<DB['platform.obligation']>, 'status' | 'created_at'> & { status: ObligationStatus };

/** The one mapping from a stored row: the status column is checked, not cast. */
function toObligation(r: Selectable<DB['platform.obligation']>): ObligationRow {
  const status = OBLIGATION_STATUSES.find((x) => x === r.status);
  if (!status) throw new Error(`platform.obligation ${r.id}: unknown status ${r.status}`);
  return { ...r, status };
}

export interface NewObligation {
  /** e.g. `enforcement.follow-up-visit`, `complaints.mediation-follow-up`. */
  kind: string;
  subjectType: string;
  subjectId: string;
  title: string;
  link?: string | null;
  ownerId: string | null;
  regionCode: string | null;
  dueOn: IsoDate;
}

/**
 * Tracked obligations: every date a document, message or rule promises becomes an obligation with
 * an owner, an office (region code), a due date on the working-day calendar, an alert before the
 * due date, an escalation to the office's leaders when overdue, and its fulfilment recorded.
 * Modules create them inside their own transactions (`track`); one per (kind, subject).
 */
export function createObligationsService(deps: { db: Db; clock: Clock; audit: Audit; notifier: Notifier; calendar: CalendarService }) {
  const { db, clock, audit, notifier, calendar } = deps;

  function present(o: ObligationRow) {
    const cal = calendar.get();
    return {
      id: o.id,
      kind: o.kind,
      subjectType: o.subject_type,
      subjectId: o.subject_id,
      title: o.title,
      link: o.link,
      ownerId: o.owner_id,
      regionCode: o.region_code,
      dueOn: o.due_on,
      dueProvisional: formatDue(cal, o.due_on) !== o.due_on,
      status: o.status,
      state: obligationState(o, cal, clock.today()),
      alertedOn: o.alerted_on,
      escalatedOn: o.escalated_on,
      fulfilledOn: o.fulfilled_on,
      fulfilmentNote: o.fulfilment_note,
    };
  }

  return {
    /** Records a promised date (idempotent per kind and subject). */
    async track(tx: DbOrTx, o: NewObligation): Promise<void> {
      await tx
        .insertInto('platform.obligation')
        .values({ kind: o.kind, subject_type: o.subjectType, subject_id: o.subjectId, title: o.title, link: o.link ?? null, owner_id: o.ownerId, region_code: o.regionCode, due_on: o.dueOn })
        .onConflict((oc) => oc.columns(['kind', 'subject_type', 'subject_id']).doNothing())
        .execute();
    },

    /** Records the obligation of `kind` on a subject as fulfilled by the act that fulfils it (e.g. the 回访 recorded). */
    async fulfilFor(tx: DbOrTx, kind: string, subjectType: string, subjectId: string, actorId: string | null, note: string): Promise<void> {
      await tx
        .updateTable('platform.obligation')
        .set({ status: 'fulfilled', fulfilled_on: clock.today(), fulfilled_by: actorId, fulfilment_note: note })
        .where('kind', '=', kind)
        .where('subject_type', '=', subjectType)
        .where('subject_id', '=', subjectId)
        .where('status', '=', 'open')
        .execute();
    },

    /** The work list: the actor's own obligations, or those of the offices in the actor's jurisdiction. */
    async list(actor: Actor, q: { scope: 'mine' | 'office'; status?: 'open' | 'fulfilled' | 'all' }) {
      if (!actor.id) throw new AppError('UNAUTHENTICATED');
      let sel = db.selectFrom('platform.obligation').selectAll();
      if (q.scope === 'mine') sel = sel.where('owner_id', '=', actor.id);
      else if (actor.jurisdiction) sel = sel.where('region_code', 'like', `${actor.jurisdiction}%`);
      if ((q.status ?? 'open') !== 'all') sel = sel.where('status', '=', q.status ?? 'open');
      const rows = (await sel.orderBy('due_on').orderBy('id').limit(500).execute()).map(toObligation);
      return rows.map(present);
    },

    /** Records an obligation as fulfilled, by its owner or a leader of its office. */
    async fulfil(actor: Actor, id: string, note: string, ctx: AuditContext) {
      return db.transaction().execute(async (tx) => {
        const found = await tx.selectFrom('platform.obligation').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        const o = found && toObligation(found);
        const inOffice = !!o && (!actor.jurisdiction || (o.region_code ?? '').startsWith(actor.jurisdiction));
        if (!o || !(o.owner_id === actor.id || (inOffice && actor.roles.includes('bureau_leader')))) throw new AppError('NOT_FOUND');
        if (o.status !== 'open') throw new AppError('INVALID_STATE');
        const today = clock.today();
        await tx.updateTable('platform.obligation').set({ status: 'fulfilled', fulfilled_on: today, fulfilled_by: actor.id, fulfilment_note: note }).where('id', '=', id).execute();
        await audit.record(tx, ctx, { action: 'obligation.fulfil', entityType: 'obligation', entityId: id, before: { status: o.status }, after: { status: 'fulfilled', note } });
        return present({ ...o, status: 'fulfilled', fulfilled_on: today, fulfilled_by: actor.id, fulfilment_note: note });
      });
    },

    /**
     * Alerts owners of obligations due within ALERT_WORKING_DAYS working days (once), and escalates
     * overdue ones to the office's bureau leaders (once). Returns the counts.
     */
    async runAlerts(): Promise<{ alerted: number; escalated: number }> {
      const today = clock.today();
      const cal = calendar.get();
      const horizon = cal.addWorkingDays(today, ALERT_WORKING_DAYS);
      let alerted = 0;
      let escalated = 0;
      const due = (await db.selectFrom('platform.obligation').selectAll().where('status', '=', 'open').where('alerted_on', 'is', null).where('due_on', '<=', horizon).execute()).map(toObligation);
      for (const o of due) {
        await db.transaction().execute(async (tx) => {
          const n = await tx.updateTable('platform.obligation').set({ alerted_on: today }).where('id', '=', o.id).where('alerted_on', 'is', null).executeTakeFirst();
          if (Number(n.numUpdatedRows) === 0) return;
          if (o.owner_id) await notifier.notify(tx, { accountId: o.owner_id, title: o.due_on < today ? '承诺事项已到期' : '承诺事项即将到期', body: `${o.title}，应于 ${formatDue(cal, o.due_on)} 前完成`, link: o.link });
          alerted += 1;
        });
      }
      const overdue = (await db.selectFrom('platform.obligation').selectAll().where('status', '=', 'open').where('escalated_on', 'is', null).where('due_on', '<', today).execute()).map(toObligation);
      for (const o of overdue) {
        await db.transaction().execute(async (tx) => {
          const n = await tx.updateTable('platform.obligation').set({ escalated_on: today }).where('id', '=', o.id).where('escalated_on', 'is', null).executeTakeFirst();
          if (Number(n.numUpdatedRows) === 0) return;
          const leaders = await tx
            .selectFrom('platform.account')
            .select(['id', 'jurisdiction'])
            .where(sql<boolean>`'bureau_leader' = any(roles)`)
            .execute();
          for (const l of leaders.filter((a) => !a.jurisdiction || (o.region_code ?? '').startsWith(a.jurisdiction))) {
            await notifier.notify(tx, { accountId: l.id, title: '承诺事项逾期', body: `${o.title}，已逾期（应于 ${o.due_on} 前完成）`, link: o.link });
          }
          escalated += 1;
        });
      }
      return { alerted, escalated };
    },
  };
}

export type ObligationsService = ReturnType<typeof createObligationsService>;

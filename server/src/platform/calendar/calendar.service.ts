import type { Db, DbOrTx } from '../db/database.js';
import type { Audit, AuditContext } from '../audit/audit.js';
import { createProvisionalCalendar, createWorkCalendar, parseIsoDate, type WorkCalendar } from './index.js';
import { calendarFieldError } from './domain/work-calendar.js';

export interface CalendarDayOverride {
  date: string;
  workday: boolean;
  name: string;
  source: string;
}

/**
 * Recomputes a module's open deadlines on a changed calendar, inside the change's transaction:
 * stores the new dates, writes each moved record's timeline entry and notices, and says how many
 * records it checked and moved. It must be idempotent (run again on the same calendar, it moves
 * nothing), so a change interrupted by a crash is simply rolled back and can be loaded again.
 */
export type DeadlineRecompute = (tx: DbOrTx, cal: WorkCalendar, run: { change: string; ctx: AuditContext }) => Promise<{ checked: number; moved: number }>;

/**
 * The working-day calendar in force: the shipped State Council data plus the overrides an admin
 * entered (a new year's notice, a local change). Rebuilt whenever an override is saved.
 */
export async function createCalendarService(deps: { db: Db; audit: Audit }) {
  const { db, audit } = deps;
  let current: WorkCalendar = createProvisionalCalendar();
  const recomputes = new Map<string, DeadlineRecompute>();

  async function overrides(q: DbOrTx = db) {
    const years = await q.selectFrom('platform.calendar_year').selectAll().orderBy('year').execute();
    const days = await q.selectFrom('platform.calendar_day').selectAll().orderBy('day').execute();
    return {
      years: years.map((y) => ({ year: Number(y.year), source: y.source })),
      days: days.map((d) => ({
        date: d.day,
        workday: d.is_workday,
        name: d.name,
        source: d.source,
      })),
    };
  }
  async function reload() {
    current = createProvisionalCalendar(await overrides());
  }
  /** Builds the calendar with a proposed change first, so an invalid one is refused before it is saved. */
  async function check(extra: { years?: { year: number; source: string }[]; days?: CalendarDayOverride[] }) {
    const o = await overrides();
    const days = new Map(o.days.map((d) => [d.date, d]));
    for (const d of extra.days ?? []) days.set(d.date, d);
    const years = new Map(o.years.map((y) => [y.year, y]));
    for (const y of extra.years ?? []) years.set(y.year, y);
    createWorkCalendar({ years: [...years.values()].sort((a, b) => a.year - b.year), days: [...days.values()] });
  }
  await reload();

  /**
   * Saves a calendar change and recomputes every registered module's open deadlines on the new
   * calendar in the same transaction, audited as one run: a crash leaves neither the year nor any
   * recomputed date half-applied. The new calendar is in force once the transaction commits.
   */
  async function apply(change: string, ctx: AuditContext, save: (tx: DbOrTx) => Promise<void>, audited: { action: string; entityId: string; after: unknown }) {
    let next: WorkCalendar = current;
    await db.transaction().execute(async (tx) => {
      await save(tx);
      next = createProvisionalCalendar(await overrides(tx));
      const results: Record<string, { checked: number; moved: number }> = {};
      for (const [name, fn] of recomputes) results[name] = await fn(tx, next, { change, ctx });
      await audit.record(tx, ctx, { action: audited.action, entityType: 'calendar', entityId: audited.entityId, after: { change: audited.after, recomputed: results } });
    });
    current = next;
  }

  return {
    /** The calendar to compute with now. */
    get: () => current,
    async listOverrides() {
      const years = await db.selectFrom('platform.calendar_year').selectAll().orderBy('year').execute();
      const days = await db.selectFrom('platform.calendar_day').selectAll().orderBy('day').execute();
      return { years, days };
    },
    /**
     * Loads a year's holiday notice: declares the year covered and records its holidays and
     * make-up working days. Days not listed follow the Monday–Friday rule.
     */
    async loadYear(input: { year: number; source: string; days: CalendarDayOverride[] }, ctx: AuditContext) {
      const seen = new Set<string>();
      for (const [i, d] of input.days.entries()) {
        parseIsoDate(d.date, `days.${i}.date`);
        if (!d.date.startsWith(`${input.year}-`)) {
          throw calendarFieldError(`days.${i}.date`, 'OUTSIDE_COVERED_YEARS', { date: d.date, first: input.year, last: input.year });
        }
        if (seen.has(d.date)) {
          throw calendarFieldError(`days.${i}.date`, 'DUPLICATE', { date: d.date });
        }
        seen.add(d.date);
      }
      await check({ years: [{ year: input.year, source: input.source }], days: input.days.map((d) => ({ ...d, source: d.source || input.source })) });
      await apply(`year ${input.year}`, ctx, async (tx) => {
        await tx
          .insertInto('platform.calendar_year')
          .values({ year: input.year, source: input.source, created_by: ctx.actorId ?? null })
          .onConflict((oc) => oc.column('year').doUpdateSet({ source: input.source }))
          .execute();
        for (const d of input.days) {
          await tx
            .insertInto('platform.calendar_day')
            .values({ day: d.date, is_workday: d.workday, name: d.name, source: d.source || input.source, created_by: ctx.actorId ?? null })
            .onConflict((oc) => oc.column('day').doUpdateSet({ is_workday: d.workday, name: d.name, source: d.source || input.source }))
            .execute();
        }
      }, { action: 'calendar.load-year', entityId: String(input.year), after: input });
    },
    async setDay(day: CalendarDayOverride, ctx: AuditContext) {
      await check({ days: [day] });
      await apply(`day ${day.date}`, ctx, async (tx) => {
        await tx
          .insertInto('platform.calendar_day')
          .values({ day: day.date, is_workday: day.workday, name: day.name, source: day.source, created_by: ctx.actorId ?? null })
          .onConflict((oc) => oc.column('day').doUpdateSet({ is_workday: day.workday, name: day.name, source: day.source }))
          .execute();
      }, { action: 'calendar.set-day', entityId: day.date, after: day });
    },
    reload,
    /** Registers a module's recompute of its open deadlines, run on every calendar change. */
    onChange(name: string, fn: DeadlineRecompute) {
      recomputes.set(name, fn);
    },
  };
}

export type CalendarService = Awaited<ReturnType<typeof createCalendarService>>;

import { z } from 'zod';
import { OkSchema, queryInt } from '../../../../contracts/common.js';
import type { Platform } from '../module.js';
import { AppError } from '../errors/app-error.js';
import { authorize } from '../auth/policy.js';
import { errors, type App } from '../http/http.js';
import { platformPolicy as P } from '../platform.policy.js';
import { nextYearNoticeDue, provisionality } from './index.js';
import { parseNoticeFile } from './domain/notice-file.js';

/**
 * The working-day calendar's routes: working-day arithmetic for anyone, and for the admin the years
 * covered, loading or correcting a year (form or the State Council notice as a file), which
 * recomputes the open deadlines that depend on it.
 */
export function registerCalendarRoutes(app: App, p: Platform): void {
  const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
  app.get(
    '/calendar/working-days',
    {
      schema: {
        tags: ['calendar'],
        querystring: z.object({ from: DateString, add: queryInt(0, 3650).optional(), to: DateString.optional() }),
        response: {
          200: z.object({
            from: z.string(),
            result: z.string().optional(),
            count: z.number().optional(),
            provisional: z.boolean(),
            dependsOn: z.array(z.number()),
          }),
          ...errors('CALENDAR_OUT_OF_RANGE'),
        },
      },
    },
    async (req) => {
      const cal = p.calendar.get();
      const out: { from: string; result?: string; count?: number; provisional: boolean; dependsOn: number[] } = { from: req.query.from, provisional: false, dependsOn: [] };
      if (req.query.add !== undefined) out.result = cal.addWorkingDays(req.query.from, req.query.add);
      if (req.query.to) out.count = cal.countWorkingDays(req.query.from, req.query.to);
      const reach = [out.result, req.query.to].filter((d): d is string => !!d).sort().at(-1) ?? req.query.from;
      Object.assign(out, provisionality(cal, reach, req.query.from));
      return out;
    },
  );
  app.get(
    '/admin/calendar',
    {
      schema: {
        tags: ['admin'],
        response: {
          200: z.object({
            firstYear: z.number(),
            lastYear: z.number(),
            provisionalYears: z.array(z.number()),
            nextYearDue: z.boolean(),
            years: z.array(z.unknown()),
            days: z.array(z.unknown()),
          }),
          ...errors('UNAUTHENTICATED', 'FORBIDDEN'),
        },
      },
    },
    async (req) => {
      authorize(req.actor, P['calendar.edit']);
      const o = await p.calendar.listOverrides();
      const cal = p.calendar.get();
      const covered = cal.coveredYears();
      // From 1 November the next year's notice is due until it is loaded.
      const nextYearDue = nextYearNoticeDue(p.clock.today(), covered.last);
      return { firstYear: covered.first, lastYear: covered.last, provisionalYears: [...cal.provisionalYears()], nextYearDue, ...o };
    },
  );
  app.post(
    '/admin/calendar/years',
    {
      schema: {
        tags: ['admin'],
        body: z
          .object({
            year: z.number().int().min(2004).max(2100),
            source: z.string().min(4).max(500),
            days: z.array(z.object({ date: DateString, workday: z.boolean(), name: z.string().min(1).max(50), source: z.string().max(500).default('') })).max(400),
          })
          .strict(),
        response: { 200: OkSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_FAILED') },
      },
    },
    async (req) => {
      authorize(req.actor, P['calendar.edit']);
      const wrongYear = req.body.days.findIndex((d) => !d.date.startsWith(String(req.body.year)));
      if (wrongYear >= 0) {
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: `days.${wrongYear}.date`, code: 'invalid_value', message: 'date outside the year' }] });
      }
      await p.calendar.loadYear(req.body, req.auditContext);
      return { ok: true as const };
    },
  );

  app.post(
    '/admin/calendar/years/import',
    {
      schema: {
        tags: ['admin'],
        description: 'Loads a year from the State Council notice as a file (multipart: fields `year`, `source`, file `file`, CSV `date,type,name` with type 休/班).',
        consumes: ['multipart/form-data'],
        response: { 200: z.object({ ok: z.literal(true), days: z.number() }), ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_FAILED', 'BAD_REQUEST', 'PAYLOAD_TOO_LARGE') },
      },
    },
    async (req) => {
      authorize(req.actor, P['calendar.edit']);
      if (!req.isMultipart()) throw new AppError('BAD_REQUEST');
      let file: Buffer | null = null;
      const fields: Record<string, string> = {};
      for await (const part of req.parts()) {
        if (part.type === 'file') file = await part.toBuffer();
        else fields[part.fieldname] = String(part.value ?? '');
      }
      const year = Number(fields.year);
      if (!Number.isInteger(year) || year < 2004 || year > 2100) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'year', code: 'required' }] });
      if (!file) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'file', code: 'required' }] });
      const notice = parseNoticeFile(file.toString('utf8'), year);
      const source = (fields.source || notice.source || '').trim();
      if (source.length < 4) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'source', code: 'required' }] });
      await p.calendar.loadYear({ year, source, days: notice.days }, req.auditContext);
      return { ok: true as const, days: notice.days.length };
    },
  );

}

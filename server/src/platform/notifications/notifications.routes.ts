import { z } from 'zod';
import { sql } from 'kysely';
import { OkSchema } from '../../../../contracts/common.js';
import { isLocale, LOCALES } from '../../../../contracts/locales.js';
import { NotificationListQuerySchema, NotificationPageSchema, NotificationSchema, UnreadCountSchema } from '../../../../contracts/notifications.js';
import type { Platform } from '../module.js';
import type { Actor } from '../auth/roles.js';
import { AppError } from '../errors/app-error.js';
import { authorize } from '../auth/policy.js';
import { platformPolicy as P } from '../platform.policy.js';
import { errors, UuidParam, type App } from '../http/http.js';
import { decodeCursor, toPage } from '../http/paging.js';

/** The account behind the request; notifications belong to accounts only (never anonymous or system callers). */
function accountOf(actor: Actor): string {
  if (actor.kind === 'anonymous' || !actor.id) throw new AppError('UNAUTHENTICATED');
  authorize(actor, P['notification.read-own']);
  return actor.id;
}

function present(r: { id: string; title: string; body: string; link: string | null; data: unknown; read_at: Date | string | null; created_at: Date | string }) {
  const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
  return { id: r.id, title: r.title, body: r.body, link: r.link, data: r.data && typeof r.data === 'object' ? (r.data as Record<string, unknown>) : null, readAt: r.read_at ? iso(r.read_at) : null, createdAt: iso(r.created_at) };
}

/**
 * The logged-in account's own notifications: a keyset-paged list (newest first), the unread count,
 * marking one or all read, and the account's preferred language (used for the notifications and SMS
 * it receives). Every query is bound to the actor's account: another account's notification is NOT_FOUND.
 */
export function registerNotificationRoutes(app: App, p: Platform) {
  app.get(
    '/notifications',
    { schema: { tags: ['notifications'], querystring: NotificationListQuerySchema, response: { 200: NotificationPageSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN') } } },
    async (req) => {
      const accountId = accountOf(req.actor);
      const cursor = decodeCursor(req.query.cursor) as [string, string] | null;
      let q = p.db
        .selectFrom('platform.notification')
        .select(['id', 'title', 'body', 'link', 'data', 'read_at', 'created_at'])
        .where('account_id', '=', accountId);
      if (req.query.unread === 'true') q = q.where('read_at', 'is', null);
      if (cursor) {
        const [at, id] = cursor;
        if (typeof at !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(Date.parse(at))) {
          throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'cursor', code: 'INVALID_CURSOR' }] });
        }
        q = q.where(sql<boolean>`(created_at, id) < (${new Date(at)}::timestamptz, ${id}::uuid)`);
      }
      const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(req.query.limit + 1).execute();
      const page = toPage(rows.map(present), req.query.limit, (r) => [r.createdAt, r.id]);
      return page;
    },
  );

  app.get(
    '/notifications/unread-count',
    { schema: { tags: ['notifications'], response: { 200: UnreadCountSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN') } } },
    async (req) => {
      const accountId = accountOf(req.actor);
      const row = await p.db
        .selectFrom('platform.notification')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('account_id', '=', accountId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return { unread: Number(row.n) };
    },
  );

  app.post(
    '/notifications/:id/read',
    { schema: { tags: ['notifications'], params: UuidParam, response: { 200: NotificationSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CSRF_FAILED') } } },
    async (req) => {
      const accountId = accountOf(req.actor);
      const now = p.clock.now();
      const row = await p.db
        .updateTable('platform.notification')
        .set({ read_at: sql<Date>`coalesce(read_at, ${now}::timestamptz)` })
        .where('id', '=', req.params.id)
        .where('account_id', '=', accountId)
        .returning(['id', 'title', 'body', 'link', 'data', 'read_at', 'created_at'])
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND');
      return present(row);
    },
  );

  app.post(
    '/notifications/read-all',
    { schema: { tags: ['notifications'], response: { 200: z.object({ ok: z.literal(true), marked: z.number().int() }), ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_FAILED') } } },
    async (req) => {
      const accountId = accountOf(req.actor);
      const res = await p.db
        .updateTable('platform.notification')
        .set({ read_at: p.clock.now() })
        .where('account_id', '=', accountId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return { ok: true as const, marked: Number(res.numUpdatedRows) };
    },
  );

  app.put(
    '/auth/locale',
    {
      schema: {
        tags: ['auth'],
        description: "Records the account's preferred language (the web app's language): its notifications, SMS and e-mails are written in it.",
        body: z.object({ locale: z.enum(LOCALES) }).strict(),
        response: { 200: OkSchema, ...errors('UNAUTHENTICATED', 'CSRF_FAILED') },
      },
    },
    async (req) => {
      if (req.actor.kind === 'anonymous' || !req.actor.id) throw new AppError('UNAUTHENTICATED');
      if (!isLocale(req.body.locale)) throw new AppError('VALIDATION_FAILED');
      await p.db.updateTable('platform.account').set({ locale: req.body.locale }).where('id', '=', req.actor.id).execute();
      return { ok: true as const };
    },
  );
}

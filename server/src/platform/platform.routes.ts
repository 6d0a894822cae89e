import { z } from 'zod';
import { OkSchema, pageOf, PageQuerySchema, queryInt } from '../../../contracts/common.js';
import { LoginSchema, MeSchema } from '../../../contracts/platform.js';
import type { Platform } from './module.js';
import { AppError } from './errors/app-error.js';
import { assertPasswordAccepted } from './auth/auth.service.js';
import { authorize, permissionsOf, type Policy } from './auth/policy.js';
import { clearSessionCookies, errors, setSessionCookies, SESSION_COOKIE, UuidParam, type App } from './http/http.js';
import { createOutboxAdmin } from './outbox/outbox.js';
import { platformPolicy as P } from './platform.policy.js';
import { ROLES } from './auth/roles.js';
import { registerCalendarRoutes } from './calendar/calendar.routes.js';
import { registerObligationRoutes } from './obligations/obligations.routes.js';
import { registerNotificationRoutes } from './notifications/notifications.routes.js';
import { decodeCursor, toPage } from './http/paging.js';

/**
 * Log-in, the current actor, and the admin pages' routes (audit, outbox, calendar, accounts).
 * `modulePolicies` (module name → policy table, from the composition root) and the platform's own
 * table give the actor's permissions in /auth/me.
 */
export async function platformRoutes(app: App, p: Platform, modulePolicies: Readonly<Record<string, Policy>> = {}) {
  const policies = { platform: P, ...modulePolicies };
  registerObligationRoutes(app, p);
  registerNotificationRoutes(app, p);
  const outboxAdmin = createOutboxAdmin(p.db, p.clock);

  app.post(
    '/auth/login',
    {
      schema: { tags: ['auth'], body: LoginSchema, response: { 200: MeSchema, ...errors('INVALID_CREDENTIALS', 'ACCOUNT_LOCKED') } },
      config: { rateLimit: { max: p.config.PUBLIC_RATE_LIMIT, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const session = await p.auth.login({ ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id });
      setSessionCookies(reply, session.token, session.csrf, session.expiresAt, p.config.PUBLIC_BASE_URL.startsWith('https://'));
      return { actor: session.actor, csrfToken: session.csrf, permissions: permissionsOf(session.actor, policies) };
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], response: { 200: OkSchema, ...errors('CSRF_FAILED') } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await p.auth.logout(token);
    clearSessionCookies(reply);
    return { ok: true as const };
  });

  app.post(
    '/auth/logout-everywhere',
    { schema: { tags: ['auth'], description: 'Ends every session of the current account, this one included.', response: { 200: z.object({ ok: z.literal(true), sessionsEnded: z.number() }), ...errors('UNAUTHENTICATED', 'CSRF_FAILED') } } },
    async (req, reply) => {
      if (req.actor.kind === 'anonymous' || !req.actor.id) throw new AppError('UNAUTHENTICATED');
      const n = await p.auth.logoutEverywhere(req.actor.id, req.auditContext);
      clearSessionCookies(reply);
      return { ok: true as const, sessionsEnded: n };
    },
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        description: 'Changes the password of the logged-in account; every session ends (log in again).',
        body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }).strict(),
        response: { 200: OkSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_FAILED', 'ACCOUNT_LOCKED') },
      },
      config: { rateLimit: { max: p.config.PUBLIC_RATE_LIMIT, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      if (req.actor.via !== 'session' || !req.actor.id) throw new AppError('UNAUTHENTICATED');
      await p.auth.changePassword({ accountId: req.actor.id, current: req.body.currentPassword, next: req.body.newPassword }, req.auditContext);
      clearSessionCookies(reply);
      return { ok: true as const };
    },
  );

  app.get('/auth/me', { schema: { tags: ['auth'], response: { 200: MeSchema, ...errors('UNAUTHENTICATED') } } }, async (req) => {
    if (req.actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
    return { actor: req.actor, csrfToken: req.csrfToken, permissions: permissionsOf(req.actor, policies) };
  });

  // Accounts and API tokens (admin)
  app.post(
    '/admin/accounts',
    {
      schema: {
        tags: ['admin'],
        body: z
          .object({
            kind: z.enum(['staff', 'business', 'citizen', 'system']),
            username: z.string().min(3).max(64).regex(/^[\w.@-]+$/),
            displayName: z.string().min(1).max(100),
            password: z.string().min(10).max(200).optional(),
            roles: z.array(z.enum(ROLES)).default([]),
            jurisdiction: z.string().regex(/^\d{2,6}$/).nullable().default(null),
            enterprises: z.array(z.string().length(18)).default([]),
          })
          .strict(),
        response: { 201: z.object({ id: z.uuid() }), ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'DUPLICATE', 'CSRF_FAILED') },
      },
    },
    async (req, reply) => {
      authorize(req.actor, P['account.create']);
      if (req.body.password) assertPasswordAccepted(req.body.password, req.body.username);
      const existing = await p.auth.findAccountId(req.body.username);
      if (existing) throw new AppError('DUPLICATE');
      const id = await p.auth.createAccount(req.body, req.auditContext);
      return reply.status(201).send({ id });
    },
  );

  const AccountRowSchema = z.object({
    id: z.uuid(),
    kind: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.string()),
    jurisdiction: z.string().nullable(),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
  });
  app.get(
    '/admin/accounts',
    { schema: { tags: ['admin'], querystring: PageQuerySchema, response: { 200: pageOf(AccountRowSchema), ...errors('UNAUTHENTICATED', 'FORBIDDEN') } } },
    async (req) => {
      authorize(req.actor, P['account.manage']);
      const after = decodeCursor(req.query.cursor)?.[0] as string | undefined;
      const rows = await p.auth.listAccounts({ after, limit: req.query.limit + 1 });
      const page = toPage(rows, req.query.limit, (r) => [r.username]);
      return {
        items: page.items.map((r) => ({ id: r.id, kind: r.kind, username: r.username, displayName: r.display_name, roles: r.roles ?? [], jurisdiction: r.jurisdiction, disabled: r.disabled, mustChangePassword: r.must_change_password })),
        nextCursor: page.nextCursor,
      };
    },
  );
  app.post(
    '/admin/accounts/:id/password',
    {
      schema: {
        tags: ['admin'],
        description: 'Sets a new password for the account (changed by its user at the next log-in); ends all its sessions.',
        params: UuidParam,
        body: z.object({ password: z.string().min(1).max(200) }).strict(),
        response: { 200: OkSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_FAILED', 'NOT_FOUND', 'INVALID_STATE') },
      },
    },
    async (req) => {
      authorize(req.actor, P['account.manage']);
      await p.auth.resetPassword({ accountId: req.params.id, password: req.body.password }, req.auditContext);
      return { ok: true as const };
    },
  );
  app.post(
    '/admin/accounts/:id/disabled',
    {
      schema: {
        tags: ['admin'],
        description: 'Disables (true) or re-enables (false) the account; disabling ends its sessions and stops its API tokens.',
        params: UuidParam,
        body: z.object({ disabled: z.boolean() }).strict(),
        response: { 200: OkSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_FAILED', 'NOT_FOUND', 'INVALID_STATE') },
      },
    },
    async (req) => {
      authorize(req.actor, P['account.manage']);
      if (req.params.id === req.actor.id && req.body.disabled) {
        throw new AppError('INVALID_STATE', { text: { 'zh-CN': '不能停用自己的账户', 'zh-TW': '不能停用自己的帳戶', en: 'You cannot disable your own account' } });
      }
      await p.auth.setDisabled({ accountId: req.params.id, disabled: req.body.disabled }, req.auditContext);
      return { ok: true as const };
    },
  );

  app.post(
    '/admin/accounts/:id/api-tokens',
    {
      schema: {
        tags: ['admin'],
        params: UuidParam,
        body: z.object({ name: z.string().min(1).max(100) }).strict(),
        response: { 201: z.object({ token: z.string() }), ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_FAILED', 'NOT_FOUND') },
      },
    },
    async (req, reply) => {
      authorize(req.actor, P['api-token.manage']);
      const account = await p.db.selectFrom('platform.account').select('id').where('id', '=', req.params.id).executeTakeFirst();
      if (!account) throw new AppError('NOT_FOUND');
      const token = await p.auth.createApiToken(req.params.id, req.body.name, req.auditContext);
      return reply.status(201).send({ token });
    },
  );

  // Audit chain
  const AuditEntrySchema = z.object({
    seq: z.number(),
    at: z.string(),
    actorName: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    ip: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    hash: z.string().nullable().describe('null until the sealer has chained the entry'),
  });
  app.get(
    '/admin/audit',
    {
      schema: {
        tags: ['admin'],
        querystring: PageQuerySchema.extend({ entityType: z.string().max(64).optional(), entityId: z.string().max(128).optional() }),
        response: { 200: pageOf(AuditEntrySchema), ...errors('UNAUTHENTICATED', 'FORBIDDEN') },
      },
    },
    async (req) => {
      authorize(req.actor, P['audit.read']);
      const after = decodeCursor(req.query.cursor)?.[0] as number | undefined;
      const rows = await p.audit.list({ after, limit: req.query.limit + 1, entityType: req.query.entityType, entityId: req.query.entityId });
      return toPage(rows, req.query.limit, (r) => [r.seq]);
    },
  );
  app.post(
    '/admin/audit/verify',
    {
      schema: {
        tags: ['admin'],
        response: {
          200: z.object({
            ok: z.boolean(),
            entries: z.number(),
            headSeq: z.number(),
            checkpoints: z.number(),
            problems: z.array(z.object({ seq: z.number(), kind: z.string(), detail: z.string() })),
          }),
          ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_FAILED'),
        },
      },
    },
    async (req) => {
      authorize(req.actor, P['audit.verify']);
      return p.audit.verify();
    },
  );

  // The published series of signed chain heads: anyone may keep a copy and check the log against it later.
  const SignedHeadSchema = z.object({ chainPos: z.number(), hash: z.string(), signedAt: z.string(), keyId: z.string(), signature: z.string() });
  app.get(
    '/public/audit/checkpoints',
    {
      schema: {
        tags: ['public'],
        description: 'Signed checkpoints of the audit chain head (Ed25519 over "xingfeng-audit:v1:<chainPos>:<hash>:<signedAt>"), oldest first, with the public key.',
        querystring: z.object({ after: queryInt(0).default(0), limit: queryInt(1, 1000).default(500) }),
        response: { 200: z.object({ keyId: z.string(), publicKeyPem: z.string(), items: z.array(SignedHeadSchema) }) },
      },
      config: { rateLimit: { max: p.config.PUBLIC_RATE_LIMIT * 4, timeWindow: '1 minute' } },
    },
    async (req) => ({ keyId: p.audit.signer.keyId, publicKeyPem: p.audit.signer.publicKeyPem, items: await p.audit.checkpoints({ after: req.query.after, limit: req.query.limit }) }),
  );

  // Outbox: stats, dead letters, retry
  app.get(
    '/admin/outbox',
    {
      schema: {
        tags: ['admin'],
        querystring: PageQuerySchema,
        response: {
          200: z.object({
            stats: z.record(z.string(), z.number()),
            dead: pageOf(
              z.object({ id: z.uuid(), eventId: z.uuid(), topic: z.string(), handler: z.string(), attempts: z.number(), lastError: z.string().nullable(), createdAt: z.string() }),
            ),
          }),
          ...errors('UNAUTHENTICATED', 'FORBIDDEN'),
        },
      },
    },
    async (req) => {
      authorize(req.actor, P['outbox.read']);
      const after = decodeCursor(req.query.cursor)?.[0] as number | undefined;
      const rows = await outboxAdmin.deadLetters({ after, limit: req.query.limit + 1 });
      const page = toPage(rows, req.query.limit, (r) => [Number(r.seq)]);
      return {
        stats: await outboxAdmin.stats(),
        dead: {
          // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of the untyped Kysely<any> handle until repositories use the generated Database interface (issue 10)
          items: page.items.map((r: any) => ({
            id: r.id,
            eventId: r.event_id,
            topic: r.topic,
            handler: r.handler,
            attempts: Number(r.attempts),
            lastError: r.last_error,
            createdAt: new Date(r.created_at).toISOString(),
          })),
          nextCursor: page.nextCursor,
        },
      };
    },
  );
  app.post(
    '/admin/outbox/:id/retry',
    { schema: { tags: ['admin'], params: UuidParam, response: { 200: OkSchema, ...errors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CSRF_FAILED') } } },
    async (req) => {
      authorize(req.actor, P['outbox.retry']);
      const ok = await outboxAdmin.retry(req.params.id);
      if (!ok) throw new AppError('NOT_FOUND');
      await p.db.transaction().execute((tx) => p.audit.record(tx, req.auditContext, { action: 'outbox.retry', entityType: 'outbox_event', entityId: req.params.id }));
      return { ok: true as const };
    },
  );

  registerCalendarRoutes(app, p);
}

import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyError } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import client from 'prom-client';
import { z } from 'zod';
import { ErrorBodySchema } from '../../../../contracts/common.js';
import { AppError, ERROR_CODES, type ErrorCode, type FieldError } from '../errors/app-error.js';
import { negotiateLocale, type Locale } from '../i18n/i18n.js';
import { ANONYMOUS, type Actor } from '../auth/roles.js';
import type { AuthService } from '../auth/auth.service.js';
import type { AuditContext } from '../audit/audit.js';
import { fieldMessage } from './field-messages.js';

export type App = FastifyInstance<any, any, any, any, ZodTypeProvider>; // eslint-disable-line @typescript-eslint/no-explicit-any -- server, request and reply generics vary with the plugins; routes only rely on the zod type provider

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    locale: Locale;
    /** Who/where for audit entries written by this request. */
    auditContext: AuditContext;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Public form: limited per client like the log-in. */
    publicForm?: boolean;
  }
}

export const SESSION_COOKIE = 'xf_session';
export const CSRF_COOKIE = 'xf_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Response schemas for the error statuses a route can return (for OpenAPI and serialisation). */
export function errors(...codes: ErrorCode[]) {
  const out: Record<number, typeof ErrorBodySchema> = {};
  for (const c of ['VALIDATION_FAILED', 'RATE_LIMITED', 'INTERNAL', ...codes] as ErrorCode[]) out[ERROR_CODES[c]] = ErrorBodySchema;
  return out;
}

export interface HttpOptions {
  auth: AuthService;
  logLevel: string;
  webDistDir?: string;
  publicRateLimit: number;
  secureCookies: boolean;
  uploadMaxBytes: number;
  /** Checked by /ready. */
  ready: () => Promise<boolean>;
  /** Gauges read at scrape time. */
  metrics?: (registry: client.Registry) => void;
  /** Proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed; empty: none. */
  trustedProxies?: string[];
  /** Bearer token `/metrics` requires; absent: `/metrics` is not served. */
  metricsToken?: string;
}

/** True when a string anywhere in the value holds a NUL character (PostgreSQL text cannot). */
export function containsNul(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1));
  }
  return false;
}

/**
 * A per-key limit for one route, on top of the per-address limit: e.g. public complaints per phone
 * number, ratings per service card and client. Counts live in this process (a fixed window);
 * `key` returns null to skip. Used as the route's `preHandler` (after the body is parsed).
 */
export function limitBy(options: { max: number; windowMs: number; key: (req: FastifyRequest) => string | null | undefined; now?: () => number }) {
  const hits = new Map<string, { count: number; resetAt: number }>();
  const now = options.now ?? (() => performance.timeOrigin + performance.now());
  return async (req: FastifyRequest) => {
    const key = options.key(req);
    if (!key) return;
    const t = now();
    if (hits.size > 50_000) for (const [k, v] of hits) if (v.resetAt <= t) hits.delete(k);
    const h = hits.get(key);
    if (!h || h.resetAt <= t) {
      hits.set(key, { count: 1, resetAt: t + options.windowMs });
      return;
    }
    h.count++;
    if (h.count > options.max) throw new AppError('RATE_LIMITED');
  };
}

/** Paths of personal data that must never reach the logs. */
export const LOG_REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.idNumber',
  '*.phone',
  '*.legalRepIdNumber',
  '*.complainantPhone',
];

export async function createHttpServer(options: HttpOptions): Promise<App> {
  const app = Fastify({
    logger: {
      level: options.logLevel,
      redact: { paths: LOG_REDACT, censor: '[redacted]' },
    },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    // Only the configured proxies may say who the client is; by default the socket address counts.
    trustProxy: options.trustedProxies?.length ? options.trustedProxies : false,
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: 'array' } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Metrics
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const httpDuration = new client.Histogram({
    name: 'xf_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  options.metrics?.(registry);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: options.uploadMaxBytes, files: 5 } });
  await app.register(rateLimit, {
    global: false,
    max: options.publicRateLimit,
    timeWindow: '1 minute',
    errorResponseBuilder: () => {
      return new AppError('RATE_LIMITED');
    },
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Xingfeng (行风) API', version: '0.1.0', description: 'Market-regulation platform API. Errors share one body with a stable code.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
    // Puts the schemas registered with `.meta({ id })` (ErrorBody, Enterprise, …) under
    // components.schemas, where the routes' `$ref`s point.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('locale', 'zh-CN' as Locale);
  app.decorateRequest('auditContext', null as unknown as AuditContext);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    const lang = typeof req.headers['x-lang'] === 'string' ? req.headers['x-lang'] : undefined;
    req.locale = negotiateLocale(lang ?? req.headers['accept-language']);
    req.actor = ANONYMOUS;
    if (req.url.includes('%00') || req.url.includes('\u0000')) throw new AppError('BAD_REQUEST');
    const auth = req.headers.authorization;
    if (req.url === '/metrics' || req.url.startsWith('/metrics?')) {
      // Its own bearer token, not an account's.
    } else if (auth?.startsWith('Bearer ')) {
      const actor = await options.auth.resolveApiToken(auth.slice(7).trim());
      if (!actor) throw new AppError('UNAUTHENTICATED');
      req.actor = actor;
    } else {
      const token = req.cookies[SESSION_COOKIE];
      if (token) {
        const session = await options.auth.resolveSession(token);
        if (session) {
          req.actor = session.actor;
          req.csrfToken = session.csrf;
        }
      }
    }
    req.auditContext = { actorId: req.actor.id, actorName: req.actor.username, ip: req.ip, requestId: req.id };
    // CSRF: a cookie-authenticated unsafe request must echo the session's token in a header.
    if (req.actor.via === 'session' && !['GET', 'HEAD', 'OPTIONS'].includes(req.method) && !req.url.startsWith('/api/auth/login')) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || sent !== req.csrfToken) throw new AppError('CSRF_FAILED');
    }
  });

  // Strings with NUL in the query, path or body: refused before any handler sees them.
  app.addHook('preValidation', async (req) => {
    if (containsNul(req.query) || containsNul(req.params) || containsNul(req.body)) throw new AppError('BAD_REQUEST');
  });

  // API answers hold personal and official data: no cache keeps them.
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.addHook('onResponse', async (req, reply) => {
    httpDuration.observe(
      { method: req.method, route: req.routeOptions?.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.setErrorHandler((err: FastifyError | AppError, req: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(err);
    if (appError.status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code: appError.code }, 'request refused');
    if (appError.code === 'RATE_LIMITED') reply.header('retry-after', '60');
    return reply.status(appError.status).send(appError.toBody(req.locale ?? 'zh-CN', req.id));
  });

  // Health, readiness and metrics
  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/ready', { schema: { hide: true } }, async (_req, reply) => {
    const ok = await options.ready().catch(() => false);
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not-ready' });
  });
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    const want = options.metricsToken;
    if (!want) throw new AppError('NOT_FOUND');
    const auth = req.headers.authorization ?? '';
    const got = Buffer.from(auth.startsWith('Bearer ') ? auth.slice(7).trim() : '');
    const expected = Buffer.from(want);
    if (got.length !== expected.length || !timingSafeEqual(got, expected)) throw new AppError('UNAUTHENTICATED');
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });

  // The web app (built by Vite) at /, with client-side routes falling back to index.html.
  const dist = options.webDistDir ? path.resolve(options.webDistDir) : null;
  const hasWeb = !!dist && fs.existsSync(path.join(dist, 'index.html'));
  // Content-hashed files under /assets/ never change: a year, immutable. Everything else (index.html)
  // is revalidated on each visit so a new release is picked up. Brotli/gzip copies written at build
  // time are sent to clients that accept them (preCompressed).
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: dist!,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
        res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/docs')) {
      return reply.type('text/html').sendFile('index.html');
    }
    const e = new AppError('NOT_FOUND');
    return reply.status(404).send(e.toBody(req.locale ?? 'zh-CN', req.id));
  });

  return app as unknown as App;
}

/** Maps anything thrown to the one error type. Client mistakes never become a 500. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields: FieldError[] = err.validation.map((v) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- zod issue parameters differ by issue kind
      const issue = v.params as any;
      const custom = issue?.params?.code as string | undefined;
      const code = custom ?? (issue?.code === 'invalid_type' && issue?.input === undefined ? 'required' : v.keyword);
      const text = fieldMessage(code);
      const where = (err as { validationContext?: string }).validationContext;
      const p = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      return {
        path: p || where || '',
        code,
        text,
        message: v.message,
        params: { minimum: issue?.minimum, maximum: issue?.maximum, keys: issue?.keys?.join?.(', ') },
      };
    });
    return new AppError('VALIDATION_FAILED', { fields });
  }
  if (isResponseSerializationError(err)) return new AppError('INTERNAL', { cause: err });
  const fe = err as FastifyError;
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode < 500) {
    if (fe.statusCode === 413 || fe.code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE', { params: { limit: 'configured size' } });
    if (fe.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', { params: { accepted: 'application/json' } });
    if (fe.statusCode === 429) return new AppError('RATE_LIMITED');
    if (fe.statusCode === 404) return new AppError('NOT_FOUND');
    return new AppError('BAD_REQUEST', { cause: err });
  }
  // Database errors caused by client input (bad uuid text, unique keys raced past a check).
  const pgCode = (err as { code?: string })?.code;
  if (pgCode === '22P02' || pgCode === '22007' || pgCode === '22008') return new AppError('BAD_REQUEST', { cause: err });
  if (pgCode === '23505') return new AppError('DUPLICATE', { cause: err });
  if (pgCode === '40001' || pgCode === '40P01') return new AppError('VERSION_CONFLICT', { cause: err });
  return new AppError('INTERNAL', { cause: err });
}

/** Sets the session and CSRF cookies after a log-in. */
export function setSessionCookies(reply: FastifyReply, token: string, csrf: string, expiresAt: Date, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
  reply.setCookie(CSRF_COOKIE, csrf, { httpOnly: false, sameSite: 'lax', secure, path: '/', expires: expiresAt });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

export const UuidParam = z.object({ id: z.uuid() });

import { createHash } from 'node:crypto';
import pino from 'pino';
import type { Config } from '../config/config.js';
import { openDatabase, type Database } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrator.js';
import { systemClock, type Clock } from '../platform/clock/clock.js';
import { createCrypto } from '../platform/crypto/crypto.js';
import path from 'node:path';
import { createAudit } from '../platform/audit/audit.js';
import { loadAuditSigner } from '../platform/audit/signing.js';
import { createOutbox, createOutboxWorker, type OutboxWorker } from '../platform/outbox/outbox.js';
import { createNotifier, logSender, messageHandlers } from '../platform/notifications/notifications.js';
import { createFileStore } from '../platform/files/files.js';
import { createAuthService } from '../platform/auth/auth.service.js';
import { createCalendarService } from '../platform/calendar/calendar.service.js';
import { createObligationsService } from '../platform/obligations/obligations.service.js';
import { createHttpServer, LOG_REDACT, type App } from '../platform/http/http.js';
import { registerFieldMessages } from '../platform/http/field-messages.js';
import { platformRoutes } from '../platform/platform.routes.js';
import type { Platform, XfModule } from '../platform/module.js';
import { createModules } from './modules.js';

export interface BuildOptions {
  clock?: Clock;
  /** An already open database (tests pass a fresh one). */
  database?: Database;
  /** Skip the HTTP server (worker process). */
  http?: boolean;
  /** Extra outbox subscribers (tests and tools). */
  handlers?: import('../platform/outbox/outbox.js').OutboxHandler[];
  /** Outbox worker tuning (tests shorten the lease). */
  worker?: { leaseMs?: number; pollMs?: number; handlerTimeoutMs?: number };
}

export interface Built {
  platform: Platform;
  modules: XfModule[];
  http: App | null;
  worker: OutboxWorker;
  /** Runs module jobs periodically (started with the worker). */
  startJobs(): void;
  close(): Promise<void>;
}

/** A job's advisory-lock key: a stable 31-bit number from its name, in a range of its own. */
export function jobLockKey(name: string): number {
  const h = createHash('sha256').update(`xingfeng-job:${name}`).digest();
  return 0x4a000000 + (h.readUInt32BE(0) % 0x00ffffff);
}

/** The composition root: builds every plain object once and wires them together explicitly. */
export async function build(config: Config, options: BuildOptions = {}): Promise<Built> {
  const log = pino({ level: config.LOG_LEVEL, redact: { paths: LOG_REDACT, censor: '[redacted]' } });
  const database =
    options.database ??
    (await openDatabase({ url: config.DATABASE_URL, dataDir: config.PGLITE_DATA_DIR }));
  await migrate(database);
  const db = database.db;
  const clock = options.clock ?? systemClock;
  const crypto = createCrypto(config.DATA_KEY);
  const signer = loadAuditSigner({
    key: config.AUDIT_SIGNING_KEY,
    // The embedded demo keeps a generated key beside (not inside) the database folder.
    generatedPath: config.PGLITE_DATA_DIR.startsWith('memory://') ? null : path.join(path.dirname(path.resolve(config.PGLITE_DATA_DIR)), 'audit-signing-key.pem'),
  });
  const audit = createAudit(db, clock, signer);
  const outbox = createOutbox({ maxAttempts: config.OUTBOX_MAX_ATTEMPTS, backoffMs: config.OUTBOX_BACKOFF_MS }, clock);
  const notifier = createNotifier({ outbox, crypto, clock });
  const files = createFileStore({ db, dir: config.UPLOAD_DIR, maxBytes: config.UPLOAD_MAX_BYTES, clock });
  const auth = createAuthService({
    db,
    clock,
    crypto,
    audit,
    settings: {
      maxFailures: config.LOGIN_MAX_FAILURES,
      lockMinutes: config.LOGIN_LOCK_MINUTES,
      delaySeconds: config.LOGIN_DELAY_SECONDS,
      sessionHours: config.SESSION_HOURS,
      sessionSecret: config.SESSION_SECRET,
    },
  });
  const calendar = await createCalendarService({ db, audit });
  const obligations = createObligationsService({ db, clock, audit, notifier, calendar });

  const platform: Platform = { config, database, db, clock, crypto, audit, outbox, notifier, files, auth, calendar, obligations, log };
  outbox.register(messageHandlers({ sms: logSender(db, 'sms'), email: logSender(db, 'email') }, crypto));

  if (options.handlers) outbox.register(options.handlers);
  const modules = createModules(platform);
  for (const m of modules) {
    if (m.handlers) outbox.register(m.handlers);
    if (m.fieldMessages) registerFieldMessages(m.fieldMessages);
  }

  const worker = createOutboxWorker({
    db,
    clock,
    handlers: outbox.handlers(),
    settings: { maxAttempts: config.OUTBOX_MAX_ATTEMPTS, backoffMs: config.OUTBOX_BACKOFF_MS },
    pollMs: options.worker?.pollMs ?? config.OUTBOX_POLL_MS,
    leaseMs: options.worker?.leaseMs,
    handlerTimeoutMs: options.worker?.handlerTimeoutMs,
    log,
  });

  let http: App | null = null;
  if (options.http !== false) {
    http = await createHttpServer({
      auth,
      logLevel: config.LOG_LEVEL,
      webDistDir: config.WEB_DIST_DIR,
      publicRateLimit: config.PUBLIC_RATE_LIMIT,
      secureCookies: config.PUBLIC_BASE_URL.startsWith('https://'),
      uploadMaxBytes: config.UPLOAD_MAX_BYTES,
      trustedProxies: config.TRUSTED_PROXIES,
      metricsToken: config.METRICS_TOKEN,
      ready: async () => {
        await db.selectFrom('platform.audit_head').select('seq').executeTakeFirst();
        return true;
      },
    });
    await http.register(async (api) => {
      const policies = Object.fromEntries(modules.flatMap((m) => (m.policy ? [[m.name, m.policy] as const] : [])));
      await platformRoutes(api as App, platform, policies);
      for (const m of modules) await m.routes?.(api as App);
    }, { prefix: '/api' });
  }

  const timers: NodeJS.Timeout[] = [];
  return {
    platform,
    modules,
    http,
    worker,
    startJobs() {
      // The audit sealer: chains new entries in order and signs a checkpoint (one process at a time, advisory lock).
      const sealer = setInterval(() => {
        audit.seal().catch((err) => log.error({ err: (err as Error).message }, 'audit seal failed'));
      }, config.AUDIT_SEAL_MS);
      sealer.unref();
      timers.push(sealer);
      const pruner = setInterval(() => {
        auth.pruneThrottle().catch((err) => log.error({ err: (err as Error).message }, 'throttle prune failed'));
      }, 600_000);
      pruner.unref();
      timers.push(pruner);
      const platformJobs = [{ name: 'platform.obligation-alerts', intervalMs: 60 * 60_000, run: async () => void (await obligations.runAlerts()) }];
      for (const m of [...modules, { jobs: platformJobs }]) {
        for (const job of m.jobs ?? []) {
          // With several worker processes on one PostgreSQL, a run happens in the one process that
          // takes the job's advisory lock; the others skip that tick.
          const key = jobLockKey(job.name);
          const t = setInterval(() => {
            database.tryLock(key, job.run).catch((err) => log.error({ err: (err as Error).message, job: job.name }, 'job failed'));
          }, config.JOB_INTERVAL_MS ?? job.intervalMs);
          t.unref();
          timers.push(t);
        }
      }
    },
    async close() {
      for (const t of timers) clearInterval(t);
      await worker.stop();
      if (http) await http.close();
      if (!options.database) await database.close();
    },
  };
}

import { z } from 'zod';
import path from 'node:path';

/**
 * The one typed configuration of a Xingfeng process, parsed once from the environment at start-up.
 * Every field is documented; an invalid value stops the process with a message naming the variable.
 */
const ConfigSchema = z.object({
  /** Port of the HTTP server (API, web UI and docs on one port). */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to bind. */
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL server URL. When absent the embedded PGlite engine is used. */
  DATABASE_URL: z.string().url().optional(),
  /** Folder of the embedded database (PGlite). `memory://` keeps it in memory (tests). */
  PGLITE_DATA_DIR: z.string().default('./data/pglite'),
  /** Folder where uploaded files are stored. */
  UPLOAD_DIR: z.string().default('./data/uploads'),
  /** Largest accepted upload, in bytes. */
  UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  /** Secret that derives the key encrypting personal data at rest (32+ characters in production). */
  DATA_KEY: z.string().min(16).default('xingfeng-demo-data-key-change-me'),
  /** Secret for signing session cookies and QR verification links. */
  SESSION_SECRET: z.string().min(16).default('xingfeng-demo-session-secret-change-me'),
  /** Public base URL used in QR codes and notifications. */
  PUBLIC_BASE_URL: z.string().default('http://localhost:3000'),
  /** Run the outbox worker inside the API process (the default for the embedded product). */
  IN_PROCESS_WORKER: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Seed the demo city on first start when the register is empty. */
  DEMO_DATA: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Seed for the deterministic demo-data generator. */
  DEMO_SEED: z.coerce.number().int().default(20241),
  /** Number of demo enterprises. */
  DEMO_ENTERPRISES: z.coerce.number().int().min(0).default(10000),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Failed log-ins before an account is locked. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  /** Minutes an account stays locked. */
  LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  /** Session lifetime in hours. */
  SESSION_HOURS: z.coerce.number().int().positive().default(12),
  /** Requests a client may make to log-in and public forms per minute. */
  PUBLIC_RATE_LIMIT: z.coerce.number().int().positive().default(30),
  /** Folder of the built web app served at `/`. */
  WEB_DIST_DIR: z.string().default('./web/dist'),
  /** Milliseconds between outbox polls when idle. */
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(250),
  /** Maximum delivery attempts before an outbox event becomes a dead letter. */
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().positive().default(8),
  /** Base delay of the outbox's exponential backoff, in milliseconds. */
  OUTBOX_BACKOFF_MS: z.coerce.number().int().positive().default(1000),
});

export type Config = z.infer<typeof ConfigSchema> & {
  /** Which engine the database runs on. */
  engine: 'pglite' | 'postgres';
};

/** Parses the environment into a Config, failing fast with every invalid variable named. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  // An empty variable means unset (a shell's `DATABASE_URL=` must not be an invalid URL).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const base = parsed.data;
  const config: Config = {
    ...base,
    engine: base.DATABASE_URL ? 'postgres' : 'pglite',
    ...overrides,
  };
  if (config.DATABASE_URL) config.engine = 'postgres';
  return config;
}

export function resolvePath(p: string): string {
  return path.resolve(process.cwd(), p);
}

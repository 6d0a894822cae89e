import { z } from 'zod';
import os from 'node:os';
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
  /**
   * Public base URL used in QR codes, documents, messages and department callbacks. Unset: derived
   * from the listening address (HOST and PORT; for 0.0.0.0 the machine's first non-loopback IPv4
   * address), see `derivePublicBaseUrl`.
   */
  PUBLIC_BASE_URL: z.string().url().optional(),
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
  /** `production` turns on the start-up checks of `productionProblems()` and turns off the demo data. */
  NODE_ENV: z.string().default('development'),
  /**
   * Addresses (or CIDR ranges) of the reverse proxies whose `X-Forwarded-For` is believed, comma
   * separated. Empty (the default): the client address is the socket's, and the header is ignored.
   */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
  /** Failed log-ins of one user name that are checked freely; each further attempt waits (progressive delay). */
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  /** Longest wait between attempts, in minutes, once the delay has doubled up to it. */
  LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  /** First wait after LOGIN_MAX_FAILURES failures, in seconds; it doubles with every further failure. */
  LOGIN_DELAY_SECONDS: z.coerce.number().int().positive().default(30),
  /** Public complaints one phone number may file per hour (on top of the per-address limit). */
  PHONE_RATE_LIMIT: z.coerce.number().int().positive().default(5),
  /** Bearer token that `/metrics` requires; unset means `/metrics` is not served. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /**
   * Ed25519 private key (PEM text, or a path to a PEM file) that signs audit checkpoints. Keep it
   * outside the database. Unset: generated once beside the embedded data folder (demo); required in production.
   */
  AUDIT_SIGNING_KEY: z.string().optional(),
  /**
   * Milliseconds between runs of every scheduled job (deadline alerts, publicity expiry…), replacing
   * each job's own interval; unset (the default) keeps them. For tests and demonstrations.
   */
  JOB_INTERVAL_MS: z.coerce.number().int().positive().optional(),
  /** Milliseconds between runs of the audit sealer (chains new entries and signs a checkpoint). */
  AUDIT_SEAL_MS: z.coerce.number().int().positive().default(1000),
  /** Seconds a department callback's timestamp may differ from the platform's clock. */
  CALLBACK_WINDOW_SECONDS: z.coerce.number().int().positive().default(300),
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
  /** Always set: PUBLIC_BASE_URL as given, or derived from the listening address. */
  PUBLIC_BASE_URL: string;
  /** True when PUBLIC_BASE_URL was not given (so the real port is filled in once listening). */
  publicBaseUrlDerived: boolean;
};

const LOOPBACK = /^(localhost|127\.|\[?::1\]?$)/;

/**
 * The base URL a phone or another department can reach this process at, from the listening
 * address: a wildcard bind (0.0.0.0, ::) uses the first non-internal IPv4 address of the machine
 * (localhost when there is none).
 */
export function derivePublicBaseUrl(host: string, port: number, interfaces: ReturnType<typeof os.networkInterfaces> = os.networkInterfaces()): string {
  let name = host;
  if (host === '0.0.0.0' || host === '::' || host === '') {
    const external = Object.values(interfaces)
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    name = external?.address ?? 'localhost';
  }
  if (name.includes(':') && !name.startsWith('[')) name = `[${name}]`;
  return `http://${name}:${port}`;
}

/** True when the URL points at this machine only (QR codes and callbacks would not reach it). */
export function isLoopbackUrl(url: string): boolean {
  return LOOPBACK.test(new URL(url).hostname);
}

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
    PUBLIC_BASE_URL: (base.PUBLIC_BASE_URL ?? derivePublicBaseUrl(base.HOST, base.PORT)).replace(/\/$/, ''),
    publicBaseUrlDerived: !base.PUBLIC_BASE_URL,
    ...overrides,
  };
  if (config.DATABASE_URL) config.engine = 'postgres';
  // Production never seeds the demo accounts and data.
  if (config.NODE_ENV === 'production') config.DEMO_DATA = false;
  return config;
}

/** The demo secrets shipped in the source: never acceptable in production. */
export const DEFAULT_SECRETS = ['xingfeng-demo-data-key-change-me', 'xingfeng-demo-session-secret-change-me'];

/**
 * What keeps a production process from starting: default or short secrets. Each line names the
 * variable and what to set. Empty outside production.
 */
export function productionProblems(config: Config): string[] {
  if (config.NODE_ENV !== 'production') return [];
  const out: string[] = [];
  for (const name of ['DATA_KEY', 'SESSION_SECRET'] as const) {
    const v = config[name];
    if (DEFAULT_SECRETS.includes(v)) out.push(`${name} is the demo default from the source code; set ${name} to a random secret of 32+ characters (e.g. \`openssl rand -base64 48\`).`);
    else if (v.length < 32) out.push(`${name} is ${v.length} characters; set ${name} to a random secret of 32+ characters.`);
  }
  if (!config.AUDIT_SIGNING_KEY) out.push('AUDIT_SIGNING_KEY is not set; set it to an Ed25519 private key (PEM, or the path of a PEM file kept outside the database), e.g. `openssl genpkey -algorithm ed25519 -out audit-key.pem`.');
  if (config.DATA_KEY === config.SESSION_SECRET) out.push('DATA_KEY and SESSION_SECRET are the same; set two different secrets.');
  return out;
}

/** Stops the process with the production problems printed, if there are any. */
export function assertProductionReady(config: Config): void {
  const problems = productionProblems(config);
  if (!problems.length) return;
  process.stderr.write(`Refusing to start in production (NODE_ENV=production):\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(78);
}

export function resolvePath(p: string): string {
  return path.resolve(process.cwd(), p);
}

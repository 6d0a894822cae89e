import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import pg from 'pg';
import { loadConfig, type Config } from '../src/config/config.js';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { migrate, readMigrations } from '../src/platform/db/migrator.js';
import { build, type Built, type BuildOptions } from '../src/app/build.js';
import { fixedClock } from '../src/platform/clock/clock.js';
import { CSRF_COOKIE, SESSION_COOKIE } from '../src/platform/http/http.js';
import type { Role } from '../src/platform/auth/roles.js';

/** Which engine the tests run on: PostgreSQL when TEST_DATABASE_URL is set, PGlite otherwise. */
export const ENGINE: 'pglite' | 'postgres' = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

let pgliteTemplate: Promise<Blob> | undefined;

/**
 * A fresh, migrated database for one test file. PGlite: an in-memory copy of a migrated template.
 * PostgreSQL: a new database created from a migrated template database, dropped on close.
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  if (ENGINE === 'pglite') {
    pgliteTemplate ??= (async () => {
      const d = await openDatabase({ dataDir: 'memory://' });
      await migrate(d);
      const blob = await d.dump!();
      await d.close();
      return blob;
    })();
    const db = await openDatabase({ dataDir: 'memory://', loadDataDir: await pgliteTemplate });
    await migrate(db); // a no-op unless migrations changed since the template
    return db;
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const template = await ensurePgTemplate(adminUrl);
  const name = `xf_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const db = await openDatabase({ url, poolSize: 8 });
  const close = db.close.bind(db);
  return {
    ...db,
    url,
    async close() {
      await close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await a.end();
    },
  };
}

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** One migrated template database per set of migrations, made once under an advisory lock. */
async function ensurePgTemplate(adminUrl: string): Promise<string> {
  const migrations = readMigrations();
  const hash = (await import('node:crypto')).createHash('sha256').update(migrations.map((m) => m.name + m.sql).join('\n')).digest('hex').slice(0, 12);
  const name = `xf_tpl_${hash}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(748102)');
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (!exists.rowCount) {
      await admin.query(`create database ${name}`);
      const d = await openDatabase({ url: withDatabase(adminUrl, name), poolSize: 2 });
      await migrate(d);
      await d.close();
    }
  } finally {
    await admin.query('select pg_advisory_unlock(748102)').catch(() => undefined);
    await admin.end();
  }
  return name;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-uploads-'));
  return loadConfig(
    { LOG_LEVEL: 'silent', PGLITE_DATA_DIR: 'memory://', DEMO_DATA: 'false', PUBLIC_BASE_URL: 'http://localhost:3000', UPLOAD_DIR: uploadDir, PUBLIC_RATE_LIMIT: '1000', PHONE_RATE_LIMIT: '1000', OUTBOX_BACKOFF_MS: '10', WEB_DIST_DIR: './no-web' },
    { engine: ENGINE, ...overrides },
  );
}

export interface TestApp extends Built {
  database: Database;
  clock: ReturnType<typeof fixedClock>;
  /** Creates an account and returns a logged-in client for it. */
  as(spec: AccountSpec): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

export interface AccountSpec {
  kind?: 'staff' | 'business' | 'citizen';
  roles?: Role[];
  jurisdiction?: string | null;
  enterprises?: string[];
  username?: string;
}

export interface Client {
  accountId: string | null;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Record<string, unknown> }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- any route's JSON body; tests assert on its shape
  get(url: string, headers?: Record<string, string>): ReturnType<Client['request']>;
  post(url: string, body?: unknown, headers?: Record<string, string>): ReturnType<Client['request']>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): ReturnType<Client['request']>;
}

export const TEST_PASSWORD = 'Test-password-2026';

/** Builds the whole app on a fresh database with a fixed clock, in-process. */
export async function createTestApp(
  options: {
    config?: Partial<Config>;
    clock?: string;
    build?: BuildOptions;
    /** PGlite only: keep the database in this folder (so a child process can open it after this app closes). */
    dataDir?: string;
  } = {},
): Promise<TestApp> {
  const database = ENGINE === 'pglite' && options.dataDir ? await openDatabase({ dataDir: options.dataDir }) : await createTestDatabase();
  const clock = fixedClock(options.clock ?? '2026-11-20T02:00:00Z');
  const config = testConfig(options.config);
  const built = await build(config, { clock, database, ...options.build });
  await built.http!.ready();
  const app = built.http!;

  function client(cookies: string | null, csrf: string | null, accountId: string | null): Client {
    const request: Client['request'] = async (method, url, body, headers = {}) => {
      const res = await app.inject({
        method: method as 'GET',
        url,
        payload: body === undefined ? undefined : (body as object),
        headers: { ...(cookies ? { cookie: cookies } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...headers },
      });
      let parsed: unknown = res.body;
      try {
        parsed = JSON.parse(res.body);
      } catch {
        /* not JSON */
      }
      return { status: res.statusCode, body: parsed, headers: res.headers };
    };
    return {
      accountId,
      request,
      get: (url, h) => request('GET', url, undefined, h),
      post: (url, b, h) => request('POST', url, b ?? {}, h),
      patch: (url, b, h) => request('PATCH', url, b ?? {}, h),
    };
  }

  let n = 0;
  return {
    ...built,
    database,
    clock,
    anonymous: () => client(null, null, null),
    async as(spec) {
      const username = spec.username ?? `u${++n}_${randomUUID().slice(0, 6)}`;
      const id = await built.platform.auth.createAccount({
        kind: spec.kind ?? 'staff',
        username,
        displayName: username,
        password: TEST_PASSWORD,
        roles: spec.roles ?? [],
        jurisdiction: spec.jurisdiction ?? null,
        enterprises: spec.enterprises ?? [],
      });
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      const cookies = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const csrf = res.cookies.find((c) => c.name === CSRF_COOKIE)?.value ?? null;
      if (!res.cookies.find((c) => c.name === SESSION_COOKIE)) throw new Error('no session cookie');
      return client(cookies, csrf, id);
    },
    async close() {
      await built.close();
      await database.close();
    },
  };
}

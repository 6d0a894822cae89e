import { Kysely, PGliteDialect, PostgresDialect, type Transaction } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import fs from 'node:fs';
import path from 'node:path';
import type { DB } from './schema.generated.js';

/**
 * The handle every repository receives, typed by the `DB` interface generated from the migrated
 * schema (`npm run db:codegen`, checked for drift in CI): a renamed column fails the typecheck.
 */
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** A handle that may be the database or an open transaction. */
export type DbOrTx = Db | Tx;

/** The names the module repositories use for the same handles. */
export type TypedDb = Db;
export type TypedTx = Tx;
export type TypedDbOrTx = DbOrTx;

export interface DatabaseOptions {
  /** PostgreSQL server URL; absent means the embedded engine. */
  url?: string;
  /** PGlite data folder, or `memory://` for an in-memory database. */
  dataDir?: string;
  /** Pool size for the server engine. */
  poolSize?: number;
  /** A prepared PGlite data folder image to start from (tests clone a migrated template). */
  loadDataDir?: Blob;
}

export interface Database {
  engine: 'pglite' | 'postgres';
  db: Db;
  /** Runs a multi-statement SQL script on one connection (migrations). */
  execScript(sql: string): Promise<void>;
  /** Runs work while holding a session-level advisory lock on one dedicated connection. */
  withLock<T>(key: number, fn: (exec: (sql: string) => Promise<void>) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` only if no other process holds the session-level advisory lock `key` (PostgreSQL);
   * returns `{ ran: false }` at once when one does. Scheduled jobs run through it, so with several
   * worker processes each run of a job happens in one process. The embedded engine has one process.
   */
  tryLock<T>(key: number, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  /** Snapshot of an embedded database (tests use it as a template). */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;

/**
 * Settings of the embedded engine, chosen deliberately:
 * - `relaxedDurability: false` so every query's writes reach the data folder before it resolves;
 * - `fsync=on` and `synchronous_commit=on` so a commit the API acknowledged survives `kill -9`
 *   (and, with the OS honouring fsync, a power loss);
 * - a modest `shared_buffers` to keep the resident memory of the embedded product small.
 */
export const PGLITE_POSTGRESQL_CONF = [
  'fsync = on',
  'synchronous_commit = on',
  'full_page_writes = on',
  'shared_buffers = 32MB',
  'work_mem = 8MB',
];

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
  return openPglite(options.dataDir ?? 'memory://', options.loadDataDir);
}

/** Raised when another live process holds the embedded data folder. */
export class DataFolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The embedded database folder ${dataDir} is in use by process ${holderPid}. ` +
        `Only one process may open it: stop process ${holderPid} first (or run this command through it), ` +
        `or use a PostgreSQL server (DATABASE_URL) to run several processes.`,
    );
    this.name = 'DataFolderInUseError';
  }
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the exclusive lock of an embedded data folder: a lock file beside it (`<folder>.lock`)
 * created atomically with this process's PID. A lock left by a process that no longer runs is
 * stale and taken over. Returns the release function.
 */
export function lockDataFolder(dataDir: string): () => void {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (Number(fs.readFileSync(lockPath, 'utf8').trim()) === process.pid) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: number;
      try {
        holder = Number(fs.readFileSync(lockPath, 'utf8').trim());
      } catch {
        continue; // removed meanwhile: try again
      }
      if (pidAlive(holder)) throw new DataFolderInUseError(path.resolve(dataDir), holder);
      // Stale (the holder died, e.g. kill -9): take it over.
      try {
        fs.unlinkSync(lockPath);
      } catch {
        /* someone else took it over first */
      }
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) fs.mkdirSync(path.resolve(dataDir), { recursive: true });
  const release = inMemory ? () => undefined : lockDataFolder(dataDir);
  try {
    return await openLockedPglite(dataDir, inMemory, release, loadDataDir);
  } catch (err) {
    release();
    throw err;
  }
}

async function openLockedPglite(dataDir: string, inMemory: boolean, release: () => void, loadDataDir?: Blob): Promise<Database> {
  const pglite = new PGlite({
    dataDir: inMemory ? undefined : path.resolve(dataDir),
    relaxedDurability: false,
    extensions: { pg_trgm },
    loadDataDir,
    postgresqlconf: inMemory ? ['fsync = off', 'shared_buffers = 16MB'] : PGLITE_POSTGRESQL_CONF,
    parsers: {
      [DATE_OID]: (v: string) => v,
      [INT8_OID]: (v: string) => Number(v),
    },
  });
  await pglite.waitReady;
  const db: Db = new Kysely({ dialect: new PGliteDialect({ pglite }) });
  return {
    engine: 'pglite',
    db,
    async execScript(sql) {
      await pglite.exec(sql);
    },
    async withLock(_key, fn) {
      // One embedded connection: nothing else can run a migration at the same time.
      return fn(async (sql) => {
        await pglite.exec(sql);
      });
    },
    async tryLock(_key, fn) {
      return { ran: true, value: await fn() };
    },
    async dump() {
      return pglite.dumpDataDir('none');
    },
    async close() {
      try {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      } finally {
        release();
      }
    },
  };
}

let parsersSet = false;
function setPgParsers() {
  if (parsersSet) return;
  pg.types.setTypeParser(DATE_OID, (v: string) => v);
  pg.types.setTypeParser(INT8_OID, (v: string) => Number(v));
  parsersSet = true;
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  setPgParsers();
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {
    /* an idle client's error is reported by the next query */
  });
  const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: 'postgres',
    db,
    async execScript(sql) {
      const client = await pool.connect();
      try {
        await client.query(sql);
      } finally {
        client.release();
      }
    },
    async withLock(key, fn) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [key]);
        try {
          return await fn(async (sql) => {
            await client.query(sql);
          });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    async tryLock(key, fn) {
      const client = await pool.connect();
      try {
        const got = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [key]);
        if (!got.rows[0].ok) return { ran: false };
        try {
          return { ran: true, value: await fn() };
        } finally {
          await client.query('select pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

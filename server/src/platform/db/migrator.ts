import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');
const LOCK_KEY = 748_101; // advisory-lock key of the migrator

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Reads `NNNN_name.sql` files in order; a gap or a duplicate number is an error. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = fs.readdirSync(dir).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f));
  const migrations = files
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f.replace(/\.sql$/, ''), sql: fs.readFileSync(path.join(dir, f), 'utf8') }))
    .sort((a, b) => a.version - b.version);
  const seen = new Set<number>();
  for (const m of migrations) {
    if (seen.has(m.version)) throw new Error(`Duplicate migration number ${m.version}`);
    seen.add(m.version);
  }
  return migrations;
}

/**
 * Applies every pending migration, forward only. Each migration runs in one transaction that
 * records its version first; the whole run holds an advisory lock so two processes never race.
 * Returns the names applied.
 */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = readMigrations(dir);
  return database.withLock(LOCK_KEY, async (exec) => {
    await exec(`create schema if not exists platform;
      create table if not exists platform.schema_migration (
        version integer primary key, name text not null, applied_at timestamptz not null default now());`);
    const rows = await database.db
      .selectFrom('platform.schema_migration')
      .select('version')
      .execute();
    const applied = new Set(rows.map((r: { version: number }) => Number(r.version)));
    const done: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      const name = m.name.replace(/'/g, "''");
      try {
        await exec(`begin;\ninsert into platform.schema_migration (version, name) values (${m.version}, '${name}');\n${m.sql}\n;commit;`);
      } catch (err) {
        await exec('rollback').catch(() => undefined);
        throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`, { cause: err });
      }
      done.push(m.name);
    }
    return done;
  });
}

import { loadConfig } from '../config/config.js';
import { openDatabase } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrator.js';

/** Applies pending migrations and exits (run before starting new API/worker versions). */
async function main() {
  const config = loadConfig();
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.PGLITE_DATA_DIR });
  const applied = await migrate(database);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Up to date.');
  await database.close();
}

main().catch((err) => {
  console.error(err instanceof Error && err.name === 'DataFolderInUseError' ? err.message : err);
  process.exit(1);
});

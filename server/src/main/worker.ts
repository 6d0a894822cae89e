import { assertProductionReady, loadConfig } from '../config/config.js';
import { build } from '../app/build.js';

/** A separate outbox worker process for production (set IN_PROCESS_WORKER=false on the API). */
async function main() {
  const config = loadConfig();
  assertProductionReady(config);
  if (config.engine === 'pglite') {
    console.error('The worker process needs a PostgreSQL server (DATABASE_URL): the embedded database runs its worker inside the API process.');
    process.exit(2);
  }
  const built = await build(config, { http: false });
  built.worker.start();
  built.startJobs();
  built.platform.log.info('worker started');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await built.close(); // finishes running handlers, releases anything claimed
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

// Test support for the kill -9 test: an outbox worker process (like `src/main/worker.ts`) with a short
// lease, so rows claimed by a killed predecessor are taken back quickly. Runs until killed.
import { loadConfig } from '../../config/config.js';
import { build } from '../../app/build.js';

const config = loadConfig();
const built = await build(config, { http: false, worker: { leaseMs: 1500, pollMs: 20 } });
built.worker.start();
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void built.close().then(() => process.exit(0));
});

import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import { assertProductionReady, loadConfig } from '../config/config.js';
import { build } from '../app/build.js';
import { seedDemo } from '../app/demo.js';

/**
 * Several processes on one PostgreSQL (`npm run start:cluster`): API_PROCESSES processes share the
 * listening port through Node's cluster module (the primary hands connections out round-robin) and
 * WORKER_PROCESSES processes relay the outbox and run the scheduled jobs. The primary migrates and
 * seeds the demo data once, starts the others, restarts one that dies, and stops them all on
 * SIGTERM/SIGINT. Sessions, rate counters in the database, the outbox (claims with SKIP LOCKED) and
 * the jobs (one advisory lock per job) are shared through PostgreSQL, so any process may serve any
 * request. The embedded engine is single-process by design and is refused here.
 */
const ROLE = process.env.XF_ROLE;

async function primary() {
  const config = loadConfig();
  assertProductionReady(config);
  if (config.engine === 'pglite') {
    console.error('start:cluster needs a PostgreSQL server (DATABASE_URL): the embedded database is opened by one process only.');
    process.exit(2);
  }
  const apis = Number(process.env.API_PROCESSES ?? Math.max(1, os.availableParallelism()));
  const workers = Number(process.env.WORKER_PROCESSES ?? 1);
  // Migrations and demo data once, before any process serves.
  const once = await build(config, { http: false });
  if (config.DEMO_DATA) await seedDemo(once);
  await once.close();

  const env = { IN_PROCESS_WORKER: 'false', DEMO_DATA: 'false' };
  let stopping = false;
  const roles = new Map<number, 'api' | 'worker'>();
  const start = (role: 'api' | 'worker') => {
    const w: Worker = cluster.fork({ ...env, XF_ROLE: role });
    roles.set(w.id, role);
    return w;
  };
  cluster.on('exit', (w, code, signal) => {
    const role = roles.get(w.id) ?? 'api';
    roles.delete(w.id);
    if (stopping) return;
    console.error(`${role} process ${w.process.pid} ended (${signal ?? code}); starting another`);
    start(role);
  });
  for (let i = 0; i < apis; i++) start('api');
  for (let i = 0; i < workers; i++) start('worker');
  console.log(`Xingfeng cluster: ${apis} API processes and ${workers} worker processes on PostgreSQL (primary ${process.pid})`);

  const stop = () => {
    if (stopping) return;
    stopping = true;
    const all = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    let left = all.length;
    if (!left) process.exit(0);
    for (const w of all) {
      w.once('exit', () => {
        if (--left === 0) process.exit(0);
      });
      w.process.kill('SIGTERM');
    }
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (cluster.isPrimary) {
  primary().catch((err) => {
    console.error(err);
    process.exit(1);
  });
} else if (ROLE === 'worker') {
  await import('./worker.js');
} else {
  await import('./api.js');
}

import cluster from 'node:cluster';
import { assertProductionReady, derivePublicBaseUrl, isLoopbackUrl, loadConfig } from '../config/config.js';
import { build } from '../app/build.js';
import { seedDemo, DEMO_ACCOUNTS, DEMO_PASSWORD } from '../app/demo.js';

/** The API process: HTTP (API, web UI, docs) and, by default, the outbox worker in the same process. */
async function main() {
  const started = performance.now(); // a duration, not a date: the wall clock is the Clock's
  const config = loadConfig();
  assertProductionReady(config);
  const built = await build(config);
  // Under `start:cluster`, each answer names the API process that served it (its cluster id, not its pid).
  if (cluster.isWorker && built.http) {
    const id = String(cluster.worker?.id ?? '');
    built.http.addHook('onSend', async (_req, reply, payload) => {
      reply.header('x-xf-process', id);
      return payload;
    });
  }
  const log = built.platform.log;
  if (config.DEMO_DATA) {
    const seeded = await seedDemo(built);
    if (seeded) log.info({ ms: performance.now() - started }, 'demo data created');
  }
  if (config.IN_PROCESS_WORKER) {
    built.worker.start();
    built.startJobs();
  }
  const address = await built.http!.listen({ port: config.PORT, host: config.HOST });
  const port = new URL(address).port;
  const base = `http://localhost:${port}`;
  // QR codes, documents and callbacks carry the public URL: with PORT=0 the real port is known only now.
  if (config.publicBaseUrlDerived) config.PUBLIC_BASE_URL = derivePublicBaseUrl(config.HOST, Number(port));
  if (config.NODE_ENV === 'production' && isLoopbackUrl(config.PUBLIC_BASE_URL)) {
    log.warn({ publicBaseUrl: config.PUBLIC_BASE_URL }, 'PUBLIC_BASE_URL is a loopback address: QR codes, documents and department callbacks will not reach this server; set PUBLIC_BASE_URL');
  }
  const lines = [
    '',
    `  行风 Xingfeng is running on ${config.engine === 'pglite' ? `the embedded database (${config.PGLITE_DATA_DIR})` : 'PostgreSQL'}`,
    `  Web:  ${base}/`,
    `  API:  ${base}/docs`,
    `  Public URL (QR codes, documents, callbacks): ${config.PUBLIC_BASE_URL}${config.publicBaseUrlDerived ? ' — derived from the listening address; set PUBLIC_BASE_URL to override' : ''}`,
    '',
    ...(config.DEMO_DATA
      ? [`  Demo log-ins (password ${DEMO_PASSWORD}):`, ...DEMO_ACCOUNTS.filter((a) => a.kind !== 'system').map((a) => `    ${a.username.padEnd(14)} ${a.displayName}`), '']
      : []),
    `  Ready in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await built.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  // A refusal we can explain (e.g. the data folder held by another process) is printed plainly.
  console.error(err instanceof Error && err.name === 'DataFolderInUseError' ? err.message : err);
  process.exit(1);
});

/**
 * Starts the real product in-process for a browser journey: the composition root on a fresh test
 * database (PGlite or PostgreSQL, like the API tests), demo data seeded, the built web app served at /.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build, type Built } from '../../server/src/app/build.js';
import { seedDemo } from '../../server/src/app/demo.js';
import { createTestDatabase, testConfig } from '../../server/test/harness.js';
import type { Config } from '../../server/src/config/config.js';
import { fixedClock } from '../../server/src/platform/clock/clock.js';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const WEB_DIST = path.join(ROOT, 'web/dist');

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

/** Builds the web app when web/dist is missing or older than web/src (or XF_E2E_REBUILD=1). */
export function ensureWebBuilt(): void {
  const index = path.join(WEB_DIST, 'index.html');
  if (process.env.XF_E2E_REBUILD !== '1' && fs.existsSync(index)) {
    const sources = Math.max(newestMtime(path.join(ROOT, 'web/src')), newestMtime(path.join(ROOT, 'web/index.html')), newestMtime(path.join(ROOT, 'web/vite.config.ts')));
    if (fs.statSync(index).mtimeMs >= sources) return;
  }
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

export interface RunningProduct {
  built: Built;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startProduct(overrides: Partial<Config> = {}, options: { worker?: boolean; /** A fixed clock (ISO instant) instead of the system clock. */ clock?: string } = {}): Promise<RunningProduct> {
  ensureWebBuilt();
  const database = await createTestDatabase();
  const config = testConfig({
    DEMO_DATA: true,
    DEMO_ENTERPRISES: 300,
    WEB_DIST_DIR: WEB_DIST,
    PORT: 0,
    HOST: '127.0.0.1',
    ...overrides,
  } as Partial<Config>);
  const built = await build(config, { database, ...(options.clock ? { clock: fixedClock(options.clock) } : {}) });
  try {
    await seedDemo(built);
    await built.http!.listen({ port: Number(process.env.XF_E2E_PORT ?? 0), host: '127.0.0.1' });
    if (options.worker) {
      built.worker.start();
      built.startJobs();
    }
  } catch (e) {
    await built.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw e;
  }
  const addr = built.http!.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  // QR codes and links in documents point at the server the journey actually runs.
  if (!overrides.PUBLIC_BASE_URL) config.PUBLIC_BASE_URL = `http://127.0.0.1:${port}`;
  return {
    built,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await built.close();
      await database.close();
    },
  };
}

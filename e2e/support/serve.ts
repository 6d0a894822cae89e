/** Manual helper: `XF_E2E_PORT=3900 npx tsx e2e/support/serve.ts` runs the e2e product (demo data, built web) until Ctrl-C. */
import { startProduct } from './server.js';

const p = await startProduct({}, { worker: true });
process.stdout.write(`e2e product at ${p.baseUrl}\n`);
const stop = async () => {
  await p.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

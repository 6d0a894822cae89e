// npm run bench [scenario...] — runs named scenarios and writes JSON and Markdown to bench/results/.
// Scenarios: register, complaints, enforcement, exchange (each :pglite and :postgres), startup. PostgreSQL runs need BENCH_DATABASE_URL (default: the local server).
import { registerScenario } from './scenarios/register.js';
import { startupScenario } from './scenarios/startup.js';
import { complaintsScenario } from './scenarios/complaints.js';
import { enforcementScenario } from './scenarios/enforcement.js';
import { exchangeScenario } from '../server/src/modules/exchange/exchange.bench.js';
import { inspectionsScenario } from './scenarios/inspections.js';

const scenarios: Record<string, () => Promise<void>> = {
  'register:pglite': () => registerScenario('pglite'),
  'register:postgres': async () => {
    process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    await registerScenario('postgres');
  },
  'complaints:pglite': () => complaintsScenario('pglite'),
  'complaints:postgres': async () => {
    process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    await complaintsScenario('postgres');
  },
  'enforcement:pglite': () => enforcementScenario('pglite'),
  'enforcement:postgres': async () => {
    process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    await enforcementScenario('postgres');
  },
  'exchange:pglite': () => exchangeScenario('pglite'),
  'exchange:postgres': () => exchangeScenario('postgres'),
  'inspections:pglite': () => inspectionsScenario('pglite'),
  'inspections:postgres': () => inspectionsScenario('postgres'),
  startup: startupScenario,
};

const wanted = process.argv.slice(2);
const names = wanted.length ? Object.keys(scenarios).filter((n) => wanted.some((w) => n.startsWith(w))) : Object.keys(scenarios);
for (const n of names) {
  console.log(`\n=== ${n} ===`);
  await scenarios[n]();
}
process.exit(0);

// npm run bench [scenario...] — runs named scenarios and writes JSON and Markdown to bench/results/.
// Scenarios: http (the product in its own process under autocannon, beside a minimal-route baseline process), register, complaints, enforcement, exchange, credit (each :pglite and :postgres), public-pages, startup. PostgreSQL runs need BENCH_DATABASE_URL (default: the local server).
import { registerScenario } from './scenarios/register.js';
import { startupScenario } from './scenarios/startup.js';
import { complaintsScenario } from './scenarios/complaints.js';
import { enforcementScenario } from './scenarios/enforcement.js';
import { httpScenario } from './scenarios/http.js';
import { publicPagesScenario } from './scenarios/public-pages.js';
import { exchangeScenario } from '../server/src/modules/exchange/exchange.bench.js';
import { creditScenario } from './scenarios/credit.js';
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
  'http:pglite': () => httpScenario('pglite'),
  'http:postgres': () => httpScenario('postgres'),
  'public-pages': publicPagesScenario,
  'credit:pglite': () => creditScenario('pglite'),
  'credit:postgres': async () => {
    process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    await creditScenario('postgres');
  },
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

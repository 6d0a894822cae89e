// `npm run simulate:departments`: starts the simulated departments on fixed ports (SIM_BASE_PORT,
// default 4701) and prints them. The demo seed registers departments pointing at these ports.
// SIM_DEPARTMENTS (JSON [{code, name, format}]) replaces the demo list (the benchmark uses it).
import { startSimulator } from './simulator.js';
import { SIM_BASE_PORT } from './departments.js';

export async function main(): Promise<void> {
  const basePort = Number(process.env.SIM_BASE_PORT ?? SIM_BASE_PORT);
  const custom = process.env.SIM_DEPARTMENTS ? (JSON.parse(process.env.SIM_DEPARTMENTS) as { code: string; name: string; format: 'json' | 'xml' }[]) : null;
  const quiet = process.env.SIM_QUIET === '1';
  const sim = await startSimulator({
    basePort,
    departments: custom?.map((d, i) => ({ ...d, port: basePort + i })),
    autoCallbackMs: 3000,
    log: quiet ? undefined : (l) => console.log(l),
  });
  console.log('Simulated departments (POST deliveries, GET /copy, GET /log, POST /control {fail, slowMs, ackLate, garbage}):');
  for (const d of sim.departments.values()) console.log(`  ${d.code.padEnd(20)} ${d.format.padEnd(4)} ${d.url}   ${d.name}`);
  const stop = async () => {
    await sim.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) void main();

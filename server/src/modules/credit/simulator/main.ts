// `npm run simulate:credit`: starts the simulated GSXT and 信用中国 on fixed ports (SIM_CREDIT_PORT,
// default 4801 and 4802). The demo seed points the credit module's national systems at them.
import { startCreditSimulator, SIM_CREDIT_PORT } from './simulator.js';

export async function main(): Promise<void> {
  const basePort = Number(process.env.SIM_CREDIT_PORT ?? SIM_CREDIT_PORT);
  const sim = await startCreditSimulator({ basePort, log: (l) => console.log(l) });
  console.log('Simulated national credit systems (POST /credit, GET /records?creditCode=, POST /control {fail}):');
  console.log(`  gsxt  ${sim.gsxt.url}   国家企业信用信息公示系统`);
  console.log(`  ccn   ${sim.ccn.url}   信用中国`);
  const stop = async () => {
    await sim.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) void main();

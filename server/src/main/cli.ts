import { loadConfig } from '../config/config.js';
import { build } from '../app/build.js';

/** Operator commands. `audit:verify` checks the audit chain and exits non-zero when it is broken. */
async function main() {
  const [command] = process.argv.slice(2);
  const config = loadConfig();
  const built = await build(config, { http: false });
  try {
    switch (command) {
      case 'audit:verify': {
        const result = await built.platform.audit.verify();
        console.log(JSON.stringify(result, null, 2));
        console.log(result.ok ? `Audit chain intact: ${result.entries} entries.` : `Audit chain BROKEN: ${result.problems.length} problem(s).`);
        process.exitCode = result.ok ? 0 : 1;
        break;
      }
      case 'outbox:drain': {
        console.log(`Handled ${await built.worker.drain()} outbox rows.`);
        break;
      }
      default:
        console.log('Usage: npm run cli -- <audit:verify | outbox:drain>');
        process.exitCode = 2;
    }
  } finally {
    await built.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

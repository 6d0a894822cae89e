// `npm run draw:verify -- <URL or JSON file>`: re-runs a published inspection draw (xf-draw/1) offline
// and prints the targets and teams. It checks every party's reveal against its commitment, that the
// seed is the hash of the reveals, both directory hashes, and that the re-run gives the published
// result. Exit code 0 when everything matches, 1 otherwise. `--json` prints the result as JSON.
import fs from 'node:fs';
import { DrawBundleSchema } from '../contracts/inspections.js';
import { verifyBundle } from '../server/src/modules/inspections/domain/bundle.js';

const args = process.argv.slice(2).filter((a) => a !== '--');
const asJson = args.includes('--json');
const source = args.find((a) => !a.startsWith('--'));
if (!source) {
  console.error('usage: npm run draw:verify -- <https://…/draw.json | file.json> [--json]');
  process.exit(2);
}
const text = /^https?:\/\//.test(source) ? await (await fetch(source)).text() : fs.readFileSync(source, 'utf8');
const bundle = DrawBundleSchema.parse(JSON.parse(text));
const report = verifyBundle(bundle);
if (asJson) {
  console.log(JSON.stringify({ ok: report.ok, problems: report.problems, seed: bundle.seed, targets: report.targets.map((t) => t.creditCode), teams: report.teams }));
} else {
  console.log(`task ${bundle.taskNo}  algorithm ${bundle.algorithm}`);
  console.log(`seed ${bundle.seed}`);
  console.log(`directory ${bundle.directory.entries.length} enterprises, hash ${bundle.directory.hash}`);
  for (const p of bundle.parties) console.log(`  party ${p.party.padEnd(10)} commitment ${p.commitment}`);
  console.log(`targets (${report.targets.length}):`);
  for (const t of report.targets) {
    const team = report.teams.find((x) => x.creditCode === t.creditCode);
    console.log(`  ${t.creditCode}  ${t.stratum}  team ${team?.inspectors.join(', ') ?? '-'}`);
  }
  console.log(report.ok ? 'VERIFIED: the re-run gives the published targets and teams' : `NOT VERIFIED:\n  ${report.problems.join('\n  ')}`);
}
process.exit(report.ok ? 0 : 1);

// A node:test reporter that counts leaf tests and writes the counts as JSON (the runner prints the
// closing "N passed, N failed" line from it once every run has finished).
import fs from 'node:fs';

export default async function* summaryReporter(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failures = [];
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const d = event.data;
    if (d.details?.type === 'suite') continue;
    if (event.type === 'test:pass') {
      if (d.skip || d.todo) skipped++;
      else passed++;
    } else {
      failed++;
      failures.push(`${d.file ?? ''} :: ${d.name}`);
    }
  }
  const out = process.env.XF_SUMMARY_FILE;
  if (out) fs.writeFileSync(out, JSON.stringify({ passed, failed, skipped, failures }));
  yield '';
}

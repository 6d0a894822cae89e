#!/usr/bin/env tsx
/**
 * Regenerates server/src/platform/calendar/data/cn-calendar.json from the npm package
 * `chinese-days` (pinned in package.json). Usage: npx tsx scripts/gen-calendar-data.ts
 *
 * The JSON lists, for every year the package covers, only the exceptions to the Mon–Fri rule:
 * weekdays that are days off (holidays and 调休 rest days) and weekend days that are working days
 * (调休 make-up days). The covered years are found by scanning the package's data, not assumed:
 * a year is covered when the package names at least one holiday in it, and the covered years must
 * be contiguous and each contain 春节 and 国庆节. The JSON file is the data the platform loads; this
 * script only regenerates it (commit both). The output is deterministic (no timestamps).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import chineseDays from 'chinese-days';

const { getDayDetail, isWorkday } = chineseDays;

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outFile = path.join(root, 'server/src/platform/calendar/data/cn-calendar.json');
const require = createRequire(import.meta.url);
const pkgDir = path.dirname(require.resolve('chinese-days/package.json'));
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { name: string; version: string };

/** Years scanned for holiday data; far wider than any plausible coverage. */
const SCAN_FROM = 1990;
const SCAN_TO = 2100;

/** gov.cn notices for the years rules.md §F names; they must match what the package cites. */
const KNOWN_NOTICES: Record<number, { title: string; url: string }> = {
  2025: {
    title: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
    url: 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
  },
  2026: {
    title: '国务院办公厅关于2026年部分节假日安排的通知',
    url: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
  },
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysOfYear(year: number): { date: string; weekday: number }[] {
  const out: { date: string; weekday: number }[] = [];
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) {
    const d = new Date(t);
    out.push({ date: `${year}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`, weekday: d.getUTCDay() });
  }
  return out;
}

/** `getDayDetail().name` is "English,中文,n" for days in the holiday tables, a weekday name otherwise. */
function parseName(name: string): { en: string; zh: string } | null {
  const parts = name.split(',');
  if (parts.length < 2) return null;
  return { en: parts[0].trim(), zh: parts[1].trim() };
}

/** The notice URLs the package cites per year, read from the comment blocks of its generate.ts. */
function noticeUrlsByYear(): Map<number, string[]> {
  const file = path.join(pkgDir, 'src/holidays/generate.ts');
  const text = fs.readFileSync(file, 'utf8');
  const out = new Map<number, string[]>();
  for (const block of text.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    const lines = block.split('\n').map((l) => l.replace(/^\s*\/?\*+\/?\s?/, '').trim()).filter(Boolean);
    const year = /^(\d{4})$/.exec(lines[0] ?? '')?.[1];
    if (!year) continue;
    const urls = lines.flatMap((l) => l.match(/https?:\/\/\S+/g) ?? []);
    out.set(Number(year), urls);
  }
  return out;
}

function fail(message: string): never {
  console.error(`gen-calendar-data: ${message}`);
  process.exit(1);
}

// 1. Which years does the package cover? Scan, do not assume.
const namedDays = new Map<number, Set<string>>();
for (let year = SCAN_FROM; year <= SCAN_TO; year += 1) {
  for (const { date } of daysOfYear(year)) {
    const parsed = parseName(getDayDetail(date).name);
    if (!parsed) continue;
    if (!namedDays.has(year)) namedDays.set(year, new Set());
    namedDays.get(year)!.add(parsed.zh);
  }
}
const years = [...namedDays.keys()].sort((a, b) => a - b);
if (!years.length) fail('chinese-days names no holiday in any year; has its API changed?');
const firstYear = years[0];
const lastYear = years[years.length - 1];
if (years.length !== lastYear - firstYear + 1) fail(`covered years are not contiguous: ${years.join(', ')}`);
for (const year of years) {
  const names = namedDays.get(year)!;
  if (!names.has('春节') || !names.has('国庆节')) fail(`${year} lacks 春节 or 国庆节 (has ${[...names].join('、')})`);
}
const readme = fs.readFileSync(path.join(pkgDir, 'README.md'), 'utf8');
const claimed = /支持\s*(\d{4})\s*年\s*至\s*(\d{4})\s*年/.exec(readme);
if (claimed && (Number(claimed[1]) !== firstYear || Number(claimed[2]) !== lastYear)) {
  console.warn(`note: README claims ${claimed[1]}–${claimed[2]}, the data covers ${firstYear}–${lastYear}; using the data`);
}

// 2. The exceptions to the Mon–Fri rule.
interface Day {
  date: string;
  workday: boolean;
  name: string;
  nameEn: string;
}
const days: Day[] = [];
for (let year = firstYear; year <= lastYear; year += 1) {
  for (const { date, weekday } of daysOfYear(year)) {
    const detail = getDayDetail(date);
    if (detail.work !== isWorkday(date)) fail(`${date}: getDayDetail and isWorkday disagree`);
    const monToFri = weekday >= 1 && weekday <= 5;
    if (detail.work === monToFri) continue;
    const parsed = parseName(detail.name);
    if (!parsed) fail(`${date}: an exception to Mon–Fri without a holiday name (${detail.name})`);
    days.push(
      detail.work
        ? { date, workday: true, name: `${parsed.zh}调休`, nameEn: `${parsed.en} (make-up working day)` }
        : { date, workday: false, name: parsed.zh, nameEn: parsed.en },
    );
  }
}

// 3. Sources: the State Council notice(s) per year, as cited by the package.
const urls = noticeUrlsByYear();
const notices = years.map((year) => {
  const list = urls.get(year) ?? [];
  if (!list.length) fail(`no notice URL for ${year} in chinese-days src/holidays/generate.ts`);
  const known = KNOWN_NOTICES[year];
  if (known && !list.includes(known.url)) fail(`${year}: package cites ${list.join(' ')}, rules.md §F cites ${known.url}`);
  return { year, ...(known ? { title: known.title } : {}), urls: list };
});

const data = {
  source: {
    authority: '国务院办公厅 关于部分节假日安排的通知（每年一份）',
    notices,
    note:
      'Exceptions to the Mon–Fri rule only: weekdays off (workday=false) and weekend make-up working days (workday=true). ' +
      'Extracted from chinese-days, which compiles the annual State Council notices listed per year (gov.cn; 2004 and 2005 via secondary copies). ' +
      'Years after lastYear are not covered: load the new notice as an admin override.',
  },
  package: `${pkg.name}@${pkg.version}`,
  generatedBy: 'scripts/gen-calendar-data.ts',
  firstYear,
  lastYear,
  days,
};

// One day per line keeps the diff of a regenerated file readable.
const head = JSON.stringify({ ...data, days: undefined }, null, 2).replace(/\n}$/, '');
const body = days.map((d) => `    ${JSON.stringify(d)}`).join(',\n');
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, `${head},\n  "days": [\n${body}\n  ]\n}\n`);
JSON.parse(fs.readFileSync(outFile, 'utf8'));
console.log(`wrote ${path.relative(root, outFile)}: ${firstYear}–${lastYear}, ${days.length} exceptions (${pkg.name}@${pkg.version})`);

#!/usr/bin/env tsx
/**
 * Measures the holiday predictor (server/src/platform/calendar/domain/holiday-predictor.ts) against
 * the official State Council schedules in data/cn-calendar.json. Usage: npx tsx bench/calendar-predictor.ts
 *
 * For each year Y it builds the calendar a bureau would have had before Y's notice (official data up
 * to Y-1, Y and Y+1 predicted) and compares it with the official calendar:
 * - days: every day of Y, working or not, predicted vs official;
 * - deadlines: for every start day of Y and n = 7, 15, 20, 45 working days, the n-th working day
 *   after it. Where a count runs past the last official year (2026), both calendars use the same
 *   prediction for that year, so only Y's differences count.
 * 2025 and 2026 are the years under 国务院令第795号 (the rules the predictor implements); 2019–2024
 * are shown for reference only: they were scheduled under the 2013 decree (11 statutory days, not 13).
 * Writes bench/results/calendar-predictor.{json,md}. Deterministic: no clock, no randomness.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildWorkCalendar, bundledCalendarData, predictYear, type CalendarDay, type WorkCalendar } from '../server/src/platform/calendar/index.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const base = bundledCalendarData();
const allDays = base.days as readonly CalendarDay[];
const COUNTS = [7, 15, 20, 45] as const;

function dayList(year: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Official data up to `lastYear`, then `provisional` predicted years. */
function calendar(lastYear: number, provisional: number): WorkCalendar {
  return buildWorkCalendar(
    { firstYear: base.firstYear, lastYear, days: allDays.filter((d) => Number(d.date.slice(0, 4)) <= lastYear) },
    {},
    { provisional: { years: provisional, predict: predictYear } },
  );
}

interface YearResult {
  year: number;
  decree: '795 (2024)' | '644 (2013)';
  days: { total: number; match: number; mismatches: { date: string; official: boolean; predicted: boolean }[] };
  deadlines: Record<string, { starts: number; match: number; rate: number }>;
}

const results: YearResult[] = [];
for (const year of [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]) {
  const official = calendar(base.lastYear, 2);
  const predicted = calendar(year - 1, base.lastYear - year + 3);
  const days = dayList(year);
  const mismatches = days
    .filter((d) => official.isWorkday(d) !== predicted.isWorkday(d))
    .map((d) => ({ date: d, official: official.isWorkday(d), predicted: predicted.isWorkday(d) }));
  const deadlines: YearResult['deadlines'] = {};
  for (const n of COUNTS) {
    const match = days.filter((d) => official.addWorkingDays(d, n) === predicted.addWorkingDays(d, n)).length;
    deadlines[`${n}wd`] = { starts: days.length, match, rate: Number((match / days.length).toFixed(4)) };
  }
  results.push({ year, decree: year >= 2025 ? '795 (2024)' : '644 (2013)', days: { total: days.length, match: days.length - mismatches.length, mismatches }, deadlines });
}

const out = {
  what: 'Holiday predictor vs official State Council schedules (data/cn-calendar.json, from chinese-days)',
  predictor: 'server/src/platform/calendar/domain/holiday-predictor.ts',
  note: 'The predictor’s bridging rules were written knowing the 2025 and 2026 notices (in-sample); 2019–2024 were scheduled under the 2013 decree and are shown for reference.',
  results,
};
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/calendar-predictor.json'), JSON.stringify(out, null, 2) + '\n');

const lines = [
  '# Holiday predictor vs the official schedules',
  '',
  `Written by \`npx tsx bench/calendar-predictor.ts\`. ${out.note}`,
  '',
  'For each year Y the predicted calendar has official data up to Y-1 and Y predicted, as a bureau has before Y\'s notice. Deadlines: every start day of Y, the n-th working day after it.',
  '',
  '| year | decree | days matching | 7 wd | 15 wd | 20 wd | 45 wd | days that differ |',
  '|---|---|---|---|---|---|---|---|',
  ...results.map((r) => {
    const pct = (k: string) => `${r.deadlines[k].match}/${r.deadlines[k].starts} (${(r.deadlines[k].rate * 100).toFixed(1)}%)`;
    const diff = r.days.mismatches.map((m) => `${m.date.slice(5)} ${m.official ? 'work' : 'off'}→${m.predicted ? 'work' : 'off'}`).join(', ') || '—';
    return `| ${r.year} | ${r.decree} | ${r.days.match}/${r.days.total} | ${pct('7wd')} | ${pct('15wd')} | ${pct('20wd')} | ${pct('45wd')} | ${diff} |`;
  }),
  '',
];
fs.writeFileSync(path.join(root, 'bench/results/calendar-predictor.md'), lines.join('\n'));
console.log(lines.join('\n'));

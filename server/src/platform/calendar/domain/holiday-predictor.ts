import chineseDays from 'chinese-days';
import { addCalendarDays, parseIsoDate, type CalendarDay, type IsoDate } from './work-calendar.js';

/**
 * Predicts a year's holidays and make-up working days from the law, for years whose State Council
 * notice (国务院办公厅关于部分节假日安排的通知) is not out yet. Pure: no I/O, no clock. The lunar
 * dates (除夕, 端午, 中秋) and the 清明 solar term come from the `chinese-days` package's astronomical
 * tables, not from its holiday list.
 *
 * The statutory holidays are those of 《全国年节及纪念日放假办法》 as revised by 国务院令第795号
 * (2024-11-10, in force 2025-01-01), 第二条: 元旦 1 day (1 Jan); 春节 4 days (除夕 to 初三);
 * 清明节 1 day; 劳动节 2 days (1–2 May); 端午节 1 day; 中秋节 1 day; 国庆节 3 days (1–3 Oct).
 * The bridging follows the principles the 2025 and 2026 notices applied (and the decree's
 * 第四条 on 调休): 春节 8 days off from 除夕, 国庆节 7 days from 1 October (8 when 中秋 joins it),
 * 劳动节 5 days from 1 May; a one-day holiday joins the weekend (on a Tuesday or Thursday one day is
 * borrowed from the adjacent Saturday or Sunday; on a weekend the next Monday is 补休); make-up
 * working days are the weekend days nearest the break (not the day right next to it), one on each
 * side when two are needed, so that no more than six working days run in a row.
 */

export const DECREE_795 = {
  title: '《全国年节及纪念日放假办法》（国务院令第795号，2024年11月10日修订，2025年1月1日施行）',
  ref: 'https://www.gov.cn/zhengce/content/202411/content_6986380.htm',
  article: '第二条（全体公民放假的节日）',
} as const;

/** The source recorded on every predicted day. */
export const PREDICTED_SOURCE = `推算：${DECREE_795.title}${DECREE_795.article}`;

const { getLunarDate, getSolarTermDate } = chineseDays;

type HolidayKey = 'newYear' | 'springFestival' | 'tombSweeping' | 'labour' | 'dragonBoat' | 'midAutumn' | 'national';

const NAMES: Record<HolidayKey, { zh: string; en: string }> = {
  newYear: { zh: '元旦', en: "New Year's Day" },
  springFestival: { zh: '春节', en: 'Spring Festival' },
  tombSweeping: { zh: '清明节', en: 'Tomb-sweeping Day' },
  labour: { zh: '劳动节', en: 'Labour Day' },
  dragonBoat: { zh: '端午节', en: 'Dragon Boat Festival' },
  midAutumn: { zh: '中秋节', en: 'Mid-autumn Festival' },
  national: { zh: '国庆节', en: 'National Day' },
};

/** 0 = Sunday … 6 = Saturday. */
function weekday(date: IsoDate): number {
  return (((parseIsoDate(date) + 4) % 7) + 7) % 7;
}
const isWeekend = (date: IsoDate) => [0, 6].includes(weekday(date));

/** The Gregorian date of lunar month/day falling in Gregorian `year` (non-leap month). */
function lunarInYear(year: number, month: number, day: number): IsoDate {
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addCalendarDays(d, 1)) {
    const l = getLunarDate(d);
    if (!l.isLeap && l.lunarMon === month && l.lunarDay === day) return d;
  }
  throw new Error(`no lunar ${month}/${day} in ${year}`);
}

/** 除夕: the day before lunar 1/1 that falls in `year`. */
function chuxi(year: number): IsoDate {
  return addCalendarDays(lunarInYear(year, 1, 1), -1);
}

interface Break {
  key: HolidayKey;
  /** Days off, in order. */
  off: IsoDate[];
  /** Make-up working days (weekend days worked). */
  work: IsoDate[];
}

function range(start: IsoDate, days: number): IsoDate[] {
  return Array.from({ length: days }, (_, i) => addCalendarDays(start, i));
}

/** A one-day holiday joined to the weekend. */
function oneDay(key: HolidayKey, date: IsoDate): Break {
  switch (weekday(date)) {
    case 1: // Mon: Sat–Mon
      return { key, off: range(addCalendarDays(date, -2), 3), work: [] };
    case 2: // Tue: Sun–Tue, the Saturday before is worked
      return { key, off: range(addCalendarDays(date, -2), 3), work: [addCalendarDays(date, -3)] };
    case 3: // Wed: the day alone
      return { key, off: [date], work: [] };
    case 4: // Thu: Thu–Sat, the Sunday after is worked
      return { key, off: range(date, 3), work: [addCalendarDays(date, 3)] };
    case 5: // Fri: Fri–Sun
      return { key, off: range(date, 3), work: [] };
    case 6: // Sat: Sat–Mon (Monday 补休)
      return { key, off: range(date, 3), work: [] };
    default: // Sun: Sat–Mon (Monday 补休)
      return { key, off: range(addCalendarDays(date, -1), 3), work: [] };
  }
}

/**
 * A long break of `length` days from `start` containing `statutory` statutory days: the days off
 * beyond the statutory days and the weekend are paid back on the nearest weekend days.
 */
function longBreak(key: HolidayKey, start: IsoDate, length: number, statutory: number, taken: Set<IsoDate>): Break {
  const off = range(start, length);
  const weekendDays = off.filter(isWeekend).length;
  const needed = Math.max(0, length - statutory - weekendDays);
  const end = off[off.length - 1];
  const candidates = (from: IsoDate, step: number) => {
    const out: IsoDate[] = [];
    // Not the day right next to the break (that would only move the break by a day).
    for (let i = 2; i <= 14; i += 1) {
      const d = addCalendarDays(from, step * i);
      if (isWeekend(d) && !taken.has(d)) out.push(d);
    }
    return out;
  };
  const before = candidates(start, -1);
  const after = candidates(end, 1);
  const work: IsoDate[] = [];
  if (needed === 1) {
    const b = before[0];
    const a = after[0];
    const db = parseIsoDate(start) - parseIsoDate(b);
    const da = parseIsoDate(a) - parseIsoDate(end);
    work.push(db <= da ? b : a);
  } else if (needed >= 2) {
    work.push(before[0], after[0]);
    for (let i = 1; work.length < needed; i += 1) work.push(before[i], after[i]);
    work.length = needed;
  }
  return { key, off, work };
}

/** The breaks whose days fall in or around `year` (before make-up days are placed for long ones). */
function breaksOf(year: number): Break[] {
  const singles: Break[] = [];
  const midAutumn = lunarInYear(year, 8, 15);
  const mergedWithNational = midAutumn >= `${year}-09-28` && midAutumn <= `${year}-10-08`;
  singles.push(oneDay('newYear', `${year}-01-01`));
  singles.push(oneDay('newYear', `${year + 1}-01-01`));
  singles.push(oneDay('tombSweeping', getSolarTermDate(year, 4, 'pure_brightness')));
  singles.push(oneDay('dragonBoat', lunarInYear(year, 5, 5)));
  if (!mergedWithNational) singles.push(oneDay('midAutumn', midAutumn));

  const taken = new Set<IsoDate>(singles.flatMap((b) => b.off));
  const longs: [HolidayKey, IsoDate, number, number][] = [
    ['springFestival', chuxi(year), 8, 4],
    ['labour', `${year}-05-01`, 5, 2],
  ];
  if (!mergedWithNational) longs.push(['national', `${year}-10-01`, 7, 3]);
  else if (midAutumn < `${year}-10-01`) longs.push(['national', midAutumn, 8, 4]);
  else longs.push(['national', `${year}-10-01`, 8, 4]);
  for (const [, start, length] of longs) for (const d of range(start, length)) taken.add(d);
  const result = [...singles];
  for (const [key, start, length, statutory] of longs) {
    const b = longBreak(key, start, length, statutory, taken);
    for (const d of b.work) taken.add(d);
    result.push(b);
  }
  return result;
}

/**
 * The predicted exceptions to the Mon–Fri rule in `year`: weekdays off and weekend make-up days,
 * named like the official data (春节, 春节调休 …), each with `source` citing the decree.
 */
export function predictYear(year: number): CalendarDay[] {
  const days = new Map<IsoDate, CalendarDay>();
  const inYear = (d: IsoDate) => d.startsWith(`${year}-`);
  for (const b of breaksOf(year)) {
    const name = NAMES[b.key];
    for (const d of b.off) {
      if (inYear(d) && !isWeekend(d)) days.set(d, { date: d, workday: false, name: name.zh, nameEn: name.en, source: PREDICTED_SOURCE });
    }
    for (const d of b.work) {
      if (inYear(d)) days.set(d, { date: d, workday: true, name: `${name.zh}调休`, nameEn: `${name.en} (make-up working day)`, source: PREDICTED_SOURCE });
    }
  }
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

import { AppError } from '../../errors/app-error.js';
import type { LocalizedText } from '../../i18n/i18n.js';

/**
 * The Chinese working-day calendar (pure: no I/O, no clock).
 *
 * A day is a working day when the calendar's data says so, otherwise when it is Monday–Friday.
 * The data lists only the exceptions to that rule (weekday holidays, weekend 调休 make-up days) for
 * a contiguous range of covered years. Any date outside the covered years, whether passed in or
 * reached while counting, throws `CALENDAR_OUT_OF_RANGE`: the Mon–Fri rule is never used as a
 * guess for a year whose State Council notice has not been loaded.
 *
 * Dates are `YYYY-MM-DD` strings (civil dates, no time zone). Arithmetic is done on integer day
 * numbers (days since 1970-01-01 of the proleptic Gregorian calendar, i.e. the UTC calendar), so
 * no `Date` object and no local time zone is involved.
 */

/** A civil date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** How good a citation's evidence is (the tags of docs rules.md). */
export type SourceTag = 'LAW-TEXT' | 'PAGE' | 'CODE' | 'UNVERIFIED';

export interface Citation {
  /** The law, regulation or document, e.g. 《中华人民共和国行政处罚法》. */
  law: string;
  /** The article (and paragraph or item), e.g. 第六十条. */
  article: string;
  source: SourceTag;
  /** Where the text or page can be read: a URL, or a page address as recorded in rules.md. */
  ref?: string;
  note?: string;
}

/** A time limit as the calendar needs it: N working days, or N calendar days. */
export interface DeadlineRule {
  id: string;
  days: number;
  unit: 'working' | 'calendar';
  citation: Citation;
}

/** One exception to the Mon–Fri rule. */
export interface CalendarDay {
  date: IsoDate;
  workday: boolean;
  /** zh-CN name, e.g. 国庆节 or 国庆节调休. */
  name: string;
  nameEn?: string;
  /** Where an admin-entered day comes from (notice title or URL). */
  source?: string;
}

export interface CalendarYear {
  year: number;
  /** The notice the year's schedule comes from. */
  source?: string;
}

/** The base data (the generated cn-calendar.json, or test data). */
export interface CalendarData {
  firstYear: number;
  lastYear: number;
  days: ReadonlyMap<IsoDate, CalendarDay> | readonly CalendarDay[];
  /** Optional per-year sources for `coveredYears()`. */
  years?: readonly CalendarYear[];
}

/**
 * What an admin adds on top of the base data: new years (e.g. 2027 once the State Council notice
 * is out, with its days) and corrections of single days. Every entry cites its source.
 */
export interface CalendarOverrides {
  /** Years the admin vouches for; together with the base years they must be contiguous. */
  years?: readonly { year: number; source: string }[];
  /** Days that replace the base data's entry for that date (or add one); must be in a covered year. */
  days?: readonly { date: IsoDate; workday: boolean; name: string; source: string }[];
}

export interface CoveredYear {
  year: number;
  source?: string;
  origin: 'data' | 'override';
}

export interface CoveredYears {
  first: number;
  last: number;
  years: readonly CoveredYear[];
}

export interface DayInfo {
  date: IsoDate;
  workday: boolean;
  /** Set when the day is an exception to Mon–Fri (a holiday on a weekday or a make-up day). */
  name?: string;
  nameEn?: string;
  source?: string;
  /** Set when the day lies in a predicted (provisional) year. */
  provisional?: true;
}

export interface WorkCalendar {
  /** Whether `date` is a working day. */
  isWorkday(date: IsoDate): boolean;
  /** The day's status and, for an exception to Mon–Fri, its name. */
  dayInfo(date: IsoDate): DayInfo;
  /**
   * The n-th working day after `start` (Chinese practice: the start day is not counted, counting
   * begins the next day; 民法典 第二百零一条). The start day itself need not be a working day.
   * `n = 0` returns `start` unchanged (even on a day off). A negative n counts backwards: the
   * |n|-th working day before `start`.
   */
  addWorkingDays(start: IsoDate, n: number): IsoDate;
  /**
   * The number of working days strictly after `from` up to and including `to`, so that
   * `countWorkingDays(a, addWorkingDays(a, n)) === n` for n ≥ 0. When `to` is before `from`
   * the result is `-countWorkingDays(to, from)`.
   */
  countWorkingDays(from: IsoDate, to: IsoDate): number;
  /**
   * The last day of a time limit that starts on `start` (the day of the triggering event).
   * Working-day rules: `addWorkingDays(start, days)`. Calendar-day rules: `start + days`, moved
   * to the next working day when that day is not a working day (民法典 第二百零三条).
   */
  deadline(start: IsoDate, rule: DeadlineRule): IsoDate;
  /** The years the calendar can compute from official data (notices), with their sources. */
  coveredYears(): CoveredYears;
  /**
   * The years after the official data that the calendar computes on a predicted schedule
   * (see holiday-predictor.ts), in order; empty for a strict calendar.
   */
  provisionalYears(): readonly number[];
}

/** Options of `buildWorkCalendar`. */
export interface WorkCalendarOptions {
  /**
   * Extends the calendar past the last official year with `years` predicted years, computed by
   * `predict` (the exceptions to Mon–Fri of one year). Without it, dates past the official data
   * throw CALENDAR_OUT_OF_RANGE.
   */
  provisional?: { years: number; predict: (year: number) => readonly CalendarDay[] };
}

// ---- civil date arithmetic on integer day numbers (H. Hinnant's algorithms) ----

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(n: number): [number, number, number] {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function formatDay(n: number): IsoDate {
  const [y, m, d] = civilFromDays(n);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday (day 0, 1970-01-01, was a Thursday). */
function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** Translated texts of the calendar's field-level validation codes (a refused year names the field). */
const FIELD_TEXT: Record<string, LocalizedText> = {
  CALENDAR_YEAR_GAP: { 'zh-CN': '年份不连续：缺少 {missing} 年的放假安排', 'zh-TW': '年份不連續：缺少 {missing} 年的放假安排', en: 'Years are not contiguous: the {missing} schedule is missing' },
  OUTSIDE_COVERED_YEARS: { 'zh-CN': '日期 {date} 不在所载年份（{first}–{last}）内', 'zh-TW': '日期 {date} 不在所載年份（{first}–{last}）內', en: 'Date {date} is outside the loaded years ({first}–{last})' },
  DUPLICATE: { 'zh-CN': '日期 {date} 重复', 'zh-TW': '日期 {date} 重複', en: 'Date {date} is listed twice' },
  INVALID_DATE: { 'zh-CN': '日期 {date} 不存在或格式不正确', 'zh-TW': '日期 {date} 不存在或格式不正確', en: 'Date {date} does not exist or is malformed' },
  INVALID_RANGE: { 'zh-CN': '年份范围不正确（{first}–{last}）', 'zh-TW': '年份範圍不正確（{first}–{last}）', en: 'Invalid year range ({first}–{last})' },
  INVALID_NUMBER: { 'zh-CN': '数值不正确：{value}', 'zh-TW': '數值不正確：{value}', en: 'Invalid number: {value}' },
  INVALID_UNIT: { 'zh-CN': '期限单位不正确：{unit}', 'zh-TW': '期限單位不正確：{unit}', en: 'Invalid unit: {unit}' },
  REQUIRED: { 'zh-CN': '此项必填', 'zh-TW': '此項必填', en: 'Required' },
  INVALID_DAY_TYPE: { 'zh-CN': '类型“{type}”不正确，应为“休”或“班”', 'zh-TW': '類型「{type}」不正確，應為「休」或「班」', en: 'Type "{type}" is invalid: use 休 (off) or 班 (work)' },
};

/** A VALIDATION_FAILED error naming the field, with the code's translated text. */
export function calendarFieldError(path: string, code: string, params: Record<string, unknown>): AppError {
  return new AppError('VALIDATION_FAILED', { params, fields: [{ path, code, params, ...(FIELD_TEXT[code] ? { text: FIELD_TEXT[code] } : {}) }] });
}

function invalid(path: string, code: string, params: Record<string, unknown>): AppError {
  return calendarFieldError(path, code, params);
}

/** Parses a `YYYY-MM-DD` string into a day number; rejects malformed and impossible dates. */
export function parseIsoDate(date: string, path = 'date'): number {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (!m) throw invalid(path, 'INVALID_DATE', { date });
  const n = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  if (formatDay(n) !== date) throw invalid(path, 'INVALID_DATE', { date });
  return n;
}

/** `date` plus `days` calendar days (negative allowed). Pure date arithmetic, no calendar data. */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return formatDay(parseIsoDate(date) + days);
}

function requireInteger(value: number, path: string, min = -Infinity): void {
  if (!Number.isSafeInteger(value) || value < min) throw invalid(path, 'INVALID_NUMBER', { value });
}

// ---- the calendar ----

/**
 * Builds a calendar from base data plus optional admin overrides. Throws `VALIDATION_FAILED` for
 * malformed data (bad dates, duplicate days, a gap in the covered years, a day outside them).
 */
export function buildWorkCalendar(data: CalendarData, overrides: CalendarOverrides = {}, options: WorkCalendarOptions = {}): WorkCalendar {
  requireInteger(data.firstYear, 'firstYear');
  requireInteger(data.lastYear, 'lastYear');
  if (data.lastYear < data.firstYear) throw invalid('lastYear', 'INVALID_RANGE', { first: data.firstYear, last: data.lastYear });

  const years = new Map<number, CoveredYear>();
  const baseSources = new Map((data.years ?? []).map((y) => [y.year, y.source]));
  for (let year = data.firstYear; year <= data.lastYear; year += 1) {
    years.set(year, { year, source: baseSources.get(year), origin: 'data' });
  }
  for (const [i, y] of (overrides.years ?? []).entries()) {
    requireInteger(y.year, `years[${i}].year`);
    if (!y.source?.trim()) throw invalid(`years[${i}].source`, 'REQUIRED', { year: y.year });
    years.set(y.year, { year: y.year, source: y.source, origin: 'override' });
  }
  const sortedYears = [...years.keys()].sort((a, b) => a - b);
  const first = sortedYears[0];
  const last = sortedYears[sortedYears.length - 1];
  if (sortedYears.length !== last - first + 1) {
    const gapAt = sortedYears.findIndex((y, i) => i > 0 && y !== sortedYears[i - 1] + 1);
    const missing = sortedYears[gapAt - 1] + 1;
    throw invalid('years', 'CALENDAR_YEAR_GAP', { first, last, missing });
  }
  const firstDay = daysFromCivil(first, 1, 1);
  const lastOfficialDay = daysFromCivil(last, 12, 31);
  const provisionalYears: number[] = [];
  if (options.provisional) {
    requireInteger(options.provisional.years, 'provisional.years', 0);
    for (let i = 1; i <= options.provisional.years; i += 1) provisionalYears.push(last + i);
  }
  const lastDay = daysFromCivil(last + provisionalYears.length, 12, 31);

  const days = new Map<IsoDate, CalendarDay>();
  const baseDays = data.days instanceof Map ? [...data.days.values()] : (data.days as readonly CalendarDay[]);
  for (const [i, day] of baseDays.entries()) {
    const n = parseIsoDate(day.date, `days[${i}].date`);
    if (n < daysFromCivil(data.firstYear, 1, 1) || n > daysFromCivil(data.lastYear, 12, 31)) {
      throw invalid(`days[${i}].date`, 'OUTSIDE_COVERED_YEARS', { date: day.date, first: data.firstYear, last: data.lastYear });
    }
    if (days.has(day.date)) throw invalid(`days[${i}].date`, 'DUPLICATE', { date: day.date });
    days.set(day.date, { ...day });
  }
  const overridden = new Set<IsoDate>();
  for (const [i, day] of (overrides.days ?? []).entries()) {
    const n = parseIsoDate(day.date, `overrides.days[${i}].date`);
    if (n < firstDay || n > lastOfficialDay) throw invalid(`overrides.days[${i}].date`, 'OUTSIDE_COVERED_YEARS', { date: day.date, first, last });
    if (overridden.has(day.date)) throw invalid(`overrides.days[${i}].date`, 'DUPLICATE', { date: day.date });
    if (typeof day.workday !== 'boolean') throw invalid(`overrides.days[${i}].workday`, 'REQUIRED', { date: day.date });
    if (!day.name?.trim()) throw invalid(`overrides.days[${i}].name`, 'REQUIRED', { date: day.date });
    if (!day.source?.trim()) throw invalid(`overrides.days[${i}].source`, 'REQUIRED', { date: day.date });
    overridden.add(day.date);
    days.set(day.date, { date: day.date, workday: day.workday, name: day.name, source: day.source });
  }

  for (const year of provisionalYears) {
    for (const day of options.provisional!.predict(year)) {
      if (!day.date.startsWith(`${year}-`)) continue;
      days.set(day.date, { ...day });
    }
  }
  const frozenProvisional = Object.freeze([...provisionalYears]);

  const coverage: CoveredYears = Object.freeze({
    first,
    last,
    years: Object.freeze(sortedYears.map((y) => Object.freeze({ ...years.get(y)! }))),
  });

  /** Throws CALENDAR_OUT_OF_RANGE unless day number `n` is in a covered year. */
  function covered(n: number): number {
    if (n < firstDay || n > lastDay) {
      throw new AppError('CALENDAR_OUT_OF_RANGE', { params: { first, last: last + provisionalYears.length, date: formatDay(n) } });
    }
    return n;
  }

  function workdayAt(n: number): boolean {
    covered(n);
    const entry = days.get(formatDay(n));
    if (entry) return entry.workday;
    const wd = weekdayOf(n);
    return wd >= 1 && wd <= 5;
  }

  function addWorking(startN: number, count: number): number {
    const step = count < 0 ? -1 : 1;
    let n = covered(startN);
    for (let found = 0; found < Math.abs(count); ) {
      n += step;
      if (workdayAt(n)) found += 1;
    }
    return n;
  }

  function countWorking(fromN: number, toN: number): number {
    covered(fromN);
    covered(toN);
    if (toN < fromN) return -countWorking(toN, fromN);
    let count = 0;
    for (let n = fromN + 1; n <= toN; n += 1) if (workdayAt(n)) count += 1;
    return count;
  }

  return Object.freeze({
    isWorkday(date: IsoDate): boolean {
      return workdayAt(parseIsoDate(date));
    },

    dayInfo(date: IsoDate): DayInfo {
      const n = parseIsoDate(date);
      const workday = workdayAt(n);
      const entry = days.get(date);
      const provisional = n > lastOfficialDay ? { provisional: true as const } : {};
      if (!entry) return { date, workday, ...provisional };
      return {
        date,
        workday,
        name: entry.name,
        ...(entry.nameEn ? { nameEn: entry.nameEn } : {}),
        ...(entry.source ? { source: entry.source } : {}),
        ...provisional,
      };
    },

    addWorkingDays(start: IsoDate, n: number): IsoDate {
      const startN = parseIsoDate(start, 'start');
      requireInteger(n, 'n');
      return formatDay(addWorking(startN, n));
    },

    countWorkingDays(from: IsoDate, to: IsoDate): number {
      return countWorking(parseIsoDate(from, 'from'), parseIsoDate(to, 'to'));
    },

    deadline(start: IsoDate, rule: DeadlineRule): IsoDate {
      const startN = parseIsoDate(start, 'start');
      requireInteger(rule.days, 'rule.days', 0);
      if (rule.unit === 'working') return formatDay(addWorking(startN, rule.days));
      if (rule.unit !== 'calendar') throw invalid('rule.unit', 'INVALID_UNIT', { unit: rule.unit });
      covered(startN);
      // 民法典 第二百零一条: the start day is not counted, so the period ends on start + days.
      // 民法典 第二百零三条: "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日" —
      // a last day on a day off (holiday or weekend rest day) moves to the next working day; a
      // 调休 make-up Saturday is a working day and does not move.
      let n = startN + rule.days;
      while (!workdayAt(n)) n += 1;
      return formatDay(n);
    },

    coveredYears(): CoveredYears {
      return coverage;
    },

    provisionalYears(): readonly number[] {
      return frozenProvisional;
    },
  });
}

import { AppError } from '../../errors/app-error.js';
import { calendarFieldError, parseIsoDate, type IsoDate } from './work-calendar.js';

/**
 * Parses the State Council holiday notice as a file (pure): a UTF-8 CSV, one day a line,
 * `date,type,name` where type is 休 / off (a weekday off) or 班 / work (a weekend make-up day). A
 * header line and lines starting with `#` are ignored; the first `# source:` line gives the notice.
 * Every error names the line and the field.
 */
export interface NoticeFile {
  source: string | null;
  days: { date: IsoDate; workday: boolean; name: string; source: string }[];
}

const OFF = new Set(['休', 'off', 'holiday', '放假']);
const WORK = new Set(['班', 'work', 'workday', '上班']);

export function parseNoticeFile(text: string, year: number): NoticeFile {
  let source: string | null = null;
  const days: NoticeFile['days'] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    const at = `line ${i + 1}`;
    if (!line) continue;
    if (line.startsWith('#')) {
      const m = /^#\s*source\s*[:：]\s*(.+)$/i.exec(line);
      if (m && !source) source = m[1].trim();
      continue;
    }
    const [date = '', type = '', name = ''] = line.split(',').map((c) => c.trim());
    if (!days.length && /^date$/i.test(date)) continue;
    parseIsoDate(date, `${at}.date`);
    if (!date.startsWith(`${year}-`)) throw calendarFieldError(`${at}.date`, 'OUTSIDE_COVERED_YEARS', { date, first: year, last: year });
    if (seen.has(date)) throw calendarFieldError(`${at}.date`, 'DUPLICATE', { date });
    const workday = WORK.has(type.toLowerCase()) ? true : OFF.has(type.toLowerCase()) ? false : null;
    if (workday === null) throw calendarFieldError(`${at}.type`, 'INVALID_DAY_TYPE', { type });
    if (!name) throw calendarFieldError(`${at}.name`, 'REQUIRED', { date });
    seen.add(date);
    days.push({ date, workday, name, source: '' });
  }
  if (!days.length) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'file', code: 'required' }] });
  return { source, days };
}

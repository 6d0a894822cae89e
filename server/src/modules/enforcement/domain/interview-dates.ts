import { AppError } from '../../../platform/errors/app-error.js';

/**
 * Dates of an interview (行政约谈) and its follow-up check (pure). An interview cannot be recorded
 * as held before the date its notice gave; the check of the commitments waits for their due dates
 * unless the officer records an early check explicitly.
 */
export function assertHeldOnOrAfterSchedule(today: string, scheduledOn: string | undefined): void {
  if (scheduledOn && today < scheduledOn) {
    throw new AppError('RULE_VIOLATION', {
      text: {
        'zh-CN': '约谈定于 {date}，不能在此之前记录为已举行',
        'zh-TW': '約談定於 {date}，不能在此之前記錄為已舉行',
        en: 'The interview is scheduled for {date}; it cannot be recorded as held before then',
      },
      params: { date: scheduledOn },
    });
  }
}

export function assertCheckDue(today: string, followUpDue: string | undefined, early: boolean): void {
  if (!early && followUpDue && today < followUpDue) {
    throw new AppError('RULE_VIOLATION', {
      text: {
        'zh-CN': '整改承诺的期限为 {date}，到期后再检查；提前检查请明确标注',
        'zh-TW': '整改承諾的期限為 {date}，到期後再檢查；提前檢查請明確標註',
        en: 'The commitments are due on {date}; check them then, or record an early check explicitly',
      },
      params: { date: followUpDue },
    });
  }
}

/**
 * The rule data of service experience, 好差评 and the directors' clinic, each with its source
 * (shared/domain/rules.md §I; seed cases 5 and 6). Pure: no I/O.
 */

/** 好差评 five levels (国办发〔2019〕51号): 5 非常满意 … 1 非常不满意. */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

/** 不满意 and 非常不满意 are 差评 (bad reviews), which start the rectification clock (国办发〔2019〕51号). */
export function isBadReview(level: number): boolean {
  return level <= 2;
}

/** Satisfied for the satisfaction rate: 非常满意, 满意 and 基本满意. */
export function isSatisfied(level: number): boolean {
  return level >= 3;
}

export interface CitedDays {
  workingDays: number;
  source: string;
  tag: 'LAW-TEXT' | 'PAGE' | 'UNVERIFIED';
}

/**
 * Rectification of a bad review: local, not national. Sichuan (Leshan is in Sichuan) sets
 * 15 working days; configurable per province (setting `rectification_working_days`).
 */
export const RECTIFICATION_DEFAULT: CitedDays = {
  workingDays: 15,
  source: '四川省政务服务"好差评"差评整改：15个工作日（spprec.com 2020-05-19）',
  tag: 'PAGE',
};

/** The directors' clinic: the outcome ("treatment effect") is reported within 15 working days (Yunnan, 廳局長坐診接訴). */
export const CLINIC_REPORT: CitedDays = {
  workingDays: 15,
  source: '云南省市场监管局"厅局长坐诊接诉"：15个工作日内反馈办理成效',
  tag: 'PAGE',
};

/** Bounds of the configurable rectification period. */
export const RECTIFICATION_BOUNDS = { min: 1, max: 60 } as const;

/** Obligation kinds this module tracks (one per kind and subject). */
export const OBLIGATION_KINDS = {
  measure: 'service.measure-due',
  clinicReport: 'service.clinic-report',
  rectification: 'service.rectification',
} as const;

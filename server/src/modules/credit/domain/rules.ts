/**
 * Credit-repair rules as cited data (no I/O). Sources: ../shared/domain/rules.md §B4 (SAMR Order
 * No. 45, 2021), §C1 (国市监信规〔2021〕3号), §C2 (NDRC 2023; 国办发〔2025〕22号). Rules are in flux
 * (an NDRC draft of late 2025), so periods, exclusions and limits are versioned data.
 */
export const REPAIR_RULES_VERSION = 'samr-2021-3+order45+gb2025-22';

export interface Citation {
  /** Short cite shown to users, e.g. 《市场监督管理信用修复管理办法》. */
  source: string;
  article: string;
}

export const CITES = {
  minimum: { source: '《市场监督管理信用修复管理办法》(国市监信规〔2021〕3号)', article: '行政处罚信息修复条件：公示满6个月（食品、药品、特种设备满1年）' },
  minimumNdrc: { source: '《失信行为纠正后的信用信息修复管理办法（试行）》(国家发展改革委2023)', article: '特种设备、安全生产、消防安全最短公示1年；期间自处罚决定之日起算' },
  excludedSerious: { source: '《市场监督管理行政处罚信息公示规定》(总局令第45号)', article: '第十四条第三款：责令停产停业、限制开展生产经营活动、限制从业、降低资质等级、吊销许可证件、吊销营业执照等不得提前停止公示' },
  excludedShort: { source: '《市场监督管理信用修复管理办法》(国市监信规〔2021〕3号)', article: '警告、通报批评和较低数额罚款的行政处罚信息公示期满3个月自动停止，不予修复' },
  finePaid: { source: '《市场监督管理行政处罚信息公示规定》(总局令第45号)', article: '第十四条第一款第一项：已经自觉履行行政处罚决定中规定的义务' },
  otherList: { source: '《市场监督管理行政处罚信息公示规定》(总局令第45号)', article: '第十四条第一款第四项：未被列入经营异常名录或者严重违法失信名单' },
  repeat: { source: '《市场监督管理行政处罚信息公示规定》(总局令第45号)', article: '第十四条第一款第三项：未因同一类违法行为再次受到行政处罚' },
  serious: { source: '《市场监督管理严重违法失信名单管理办法》(总局令第44号)', article: '列入满1年且已履行义务的，可申请提前移出 [UNVERIFIED]' },
  status: { source: '《市场监督管理信用修复管理办法》(国市监信规〔2021〕3号)', article: '第二条：仅对正在公示的信用信息进行修复' },
  maxPeriod: { source: '《市场监督管理行政处罚信息公示规定》(总局令第45号)', article: '第十三条：公示期满自动停止公示' },
  whoDecides: { source: '国办发〔2025〕22号', article: '"谁认定、谁修复"：由作出认定的部门办理修复' },
  abnormalRemoval: { source: '《企业信息公示暂行条例》', article: '补报年度报告并公示后，可申请移出经营异常名录' },
  annualReport: { source: '《企业信息公示暂行条例》第八条', article: '每年1月1日至6月30日报送上一年度年度报告' },
  classes2025: { source: '国办发〔2025〕22号', article: '失信信息分为轻微、一般、严重三类：轻微≤3个月，一般3个月至1年，严重1年至3年' },
} as const satisfies Record<string, Citation>;

/** Penalty kinds that can never be stopped early (Order 45 art. 14 ¶3). */
export const NEVER_REPAIRABLE_PENALTIES = ['suspension', 'restriction', 'practice_ban', 'qualification_lowered', 'licence_revoked', 'business_licence_revoked'] as const;

/** Violation types whose minimum publicity is 1 year (food, drugs, special equipment; NDRC: also work and fire safety). */
export const ONE_YEAR_MINIMUM_TYPES = ['food', 'drug', 'special_equipment', 'work_safety', 'fire_safety'] as const;

/** Minimum publicity before repair, in months, per record kind. */
export const MINIMUM_MONTHS = { penalty: 6, penaltyLong: 12, serious: 12, abnormal: 0 } as const;

/**
 * Working-day limits for the issuing office (national baseline as described in the Putian reform
 * page, rules.md §C1 — article numbers [UNVERIFIED]): acceptance 2, abnormal-list removal 5,
 * serious list and penalty repair 15.
 */
export const REPAIR_TIME_LIMITS = { acceptWorkingDays: 2, decide: { abnormal: 5, penalty: 15, serious: 15 } } as const;

/** Refusal grounds an officer picks from (figures count refusals by these). */
export const REFUSAL_REASONS = ['obligations_not_performed', 'harm_not_removed', 'proof_insufficient', 'repeat_violation', 'false_commitment', 'other'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** The 2025 plan's three classes of 失信信息, from the record's penalty (rules.md §C2). */
export function severityOf(input: { kind: 'penalty' | 'abnormal' | 'serious'; period?: '3_months' | '3_years'; penaltyKind?: string }): 'minor' | 'general' | 'serious' {
  if (input.kind === 'serious') return 'serious';
  if (input.kind === 'abnormal') return 'general';
  if (input.penaltyKind && (NEVER_REPAIRABLE_PENALTIES as readonly string[]).includes(input.penaltyKind)) return 'serious';
  if (input.period === '3_months') return 'minor';
  return 'general';
}

/** Adds months to an ISO date (clamped to the month's last day). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The first day a record may be repaired, or null when never (the period starts at the decision date). */
export function repairableFrom(r: { kind: 'penalty' | 'abnormal' | 'serious'; decidedOn: string; violationType: string | null; penaltyKind: string; period?: '3_months' | '3_years' }): string | null {
  if (r.kind === 'abnormal') return r.decidedOn;
  if (r.kind === 'serious') return addMonths(r.decidedOn, MINIMUM_MONTHS.serious);
  if (r.period === '3_months' || (NEVER_REPAIRABLE_PENALTIES as readonly string[]).includes(r.penaltyKind)) return null;
  const long = r.violationType != null && (ONE_YEAR_MINIMUM_TYPES as readonly string[]).includes(r.violationType);
  return addMonths(r.decidedOn, long ? MINIMUM_MONTHS.penaltyLong : MINIMUM_MONTHS.penalty);
}

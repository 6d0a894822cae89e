/** Annual reports (《企业信息公示暂行条例》第八条): last year's report between 1 January and 30 June. */
export const REPORT_WINDOW = { from: '01-01', to: '06-30' } as const;

/** The year a report filed on `today` is for, and whether it is late (filed after 30 June). */
export function reportTiming(today: string, year: number): { inWindow: boolean; late: boolean; tooEarly: boolean } {
  const filingYear = year + 1;
  const deadline = `${filingYear}-${REPORT_WINDOW.to}`;
  const opens = `${filingYear}-${REPORT_WINDOW.from}`;
  return { tooEarly: today < opens, inWindow: today >= opens && today <= deadline, late: today > deadline };
}

/** The report year whose deadline has passed on `today` (the abnormal-listing job lists missing ones). */
export function overdueYear(today: string): number | null {
  const y = Number(today.slice(0, 4));
  return today > `${y}-${REPORT_WINDOW.to}` ? y - 1 : null;
}

/** What the law makes public in a report, and what it keeps private (fields of the form). */
export const PUBLIC_FIELDS = ['name', 'address', 'phone', 'email', 'employees', 'investors', 'website'] as const;
export const PRIVATE_FIELDS = ['assetsFen', 'liabilitiesFen', 'revenueFen', 'profitFen', 'taxFen'] as const;

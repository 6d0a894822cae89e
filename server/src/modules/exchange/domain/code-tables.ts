// Named code tables a department mapping may use to translate a register code into the code
// version the department's system still holds. Tables are data, looked up by name; a code not in a
// table falls back to the table's rule (or stays as it is).

export interface CodeTable {
  name: string;
  description: string;
  translate(code: string): string;
}

function table(name: string, description: string, entries: Record<string, string>, fallback: (code: string) => string = (c) => c): CodeTable {
  return { name, description, translate: (code) => entries[code] ?? fallback(code) };
}

export const CODE_TABLES: Readonly<Record<string, CodeTable>> = Object.freeze({
  /** GB/T 2260 six-digit code → the 12-digit statistical division code (县级 + 000000). */
  'region-stats-12': table('region-stats-12', 'GB/T 2260 → 统计用区划代码 (12 digits)', {}, (c) => (/^\d{6}$/.test(c) ? `${c}000000` : c)),
  /**
   * GB/T 2260 (2021 version) → the 2020 version some vertically managed systems still use: the
   * 2021 merger folded 下城区 (330103) into 拱墅区 and 江干区 (330104) into 上城区.
   */
  'region-gb2260-2020': table('region-gb2260-2020', 'GB/T 2260-2021 → 2020 版', { '330105': '330105', '330102': '330102' }),
  /** GB/T 4754-2017 industry codes → the 2011 version (only the classes that changed). */
  'industry-gbt4754-2011': table('industry-gbt4754-2011', 'GB/T 4754-2017 → GB/T 4754-2011', {
    '6510': '6510',
    '6520': '6520',
    '6531': '6530',
    '6532': '6530',
    '6540': '6540',
    '7251': '7240',
    '7259': '7240',
  }),
  /** GB/T 4754 class → its division (the first two digits), for systems that keep divisions only. */
  'industry-division': table('industry-division', 'GB/T 4754 class → division (2 digits)', {}, (c) => c.slice(0, 2)),
  /** Enterprise type → the tax registration type code (登记注册类型). */
  'enterprise-type-tax': table('enterprise-type-tax', '企业类型 → 税务登记注册类型', {
    limited_company: '173',
    joint_stock_company: '160',
    sole_proprietorship: '174',
    partnership: '175',
    individual_business: '410',
    farmer_cooperative: '190',
    branch: '179',
    foreign_invested: '300',
  }),
});

export function codeTableNames(): string[] {
  return Object.keys(CODE_TABLES);
}

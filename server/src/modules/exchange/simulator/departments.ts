// The linked departments of the demo city and the simulator: codes, kinds, formats and mappings.
// Nothing in the platform depends on this list: the demo seed registers these through the same
// service an admin uses, and an admin can change or remove every one of them.
import type { DepartmentCreate } from '../../../../../contracts/exchange.js';

export const SIM_BASE_PORT = 4701;

/** The demo shared secret of a department (the demo seed and the simulator agree on it). */
export function demoSecret(code: string): string {
  return `xf-demo-secret-${code}-0123456789abcdef`;
}

type Def = Omit<DepartmentCreate, 'endpointUrl' | 'secret' | 'timeoutMs' | 'enabled' | 'format'> & { format: 'json' | 'xml'; simulated: boolean };

const cc = { target: 'tyshxydm', source: ['creditCode'], transforms: [] };

export const DEMO_DEPARTMENTS: Def[] = [
  {
    code: 'tax',
    name: '国家税务总局杭州市税务局',
    kind: 'national',
    deliveryMode: 'both',
    format: 'json',
    simulated: true,
    mapping: [
      { target: 'nsrsbh', source: ['creditCode'], transforms: [] },
      { target: 'nsrmc', source: ['name'], transforms: [] },
      { target: 'fddbrxm', source: ['legalRepName'], transforms: [] },
      { target: 'zczb', source: ['registeredCapitalFen'], transforms: [{ type: 'amount', unit: 'yuan' }] },
      { target: 'scjydz', source: ['address'], transforms: [] },
      { target: 'djzclx', source: ['type'], transforms: [{ type: 'codeTable', table: 'enterprise-type-tax' }] },
      { target: 'hydm', source: ['industryCode'], transforms: [{ type: 'codeTable', table: 'industry-gbt4754-2011' }] },
      { target: 'jyfw', source: ['businessScope'], transforms: [] },
      { target: 'zgswjgdm', source: ['regionCode'], transforms: [{ type: 'codeTable', table: 'region-gb2260-2020' }] },
    ],
  },
  {
    code: 'social-insurance',
    name: '杭州市人力资源和社会保障局（社会保险）',
    kind: 'local',
    deliveryMode: 'push',
    format: 'json',
    simulated: true,
    mapping: [
      cc,
      { target: 'dwmc', source: ['name'], transforms: [] },
      { target: 'fddbr', source: ['legalRepName'], transforms: [] },
      { target: 'dwdz', source: ['address'], transforms: [] },
      { target: 'clrq', source: ['establishedOn'], transforms: [{ type: 'date', format: 'YYYYMMDD' }] },
    ],
  },
  {
    code: 'medical-insurance',
    name: '杭州市医疗保障局',
    kind: 'local',
    deliveryMode: 'push',
    format: 'json',
    simulated: true,
    mapping: [
      cc,
      { target: 'dwmc', source: ['name'], transforms: [] },
      { target: 'fddbr', source: ['legalRepName'], transforms: [] },
      { target: 'dwdz', source: ['regionCode', 'address'], transforms: [{ type: 'join', separator: '|' }] },
    ],
  },
  {
    code: 'housing-fund',
    name: '杭州住房公积金管理中心',
    kind: 'local',
    deliveryMode: 'push',
    format: 'json',
    simulated: true,
    mapping: [cc, { target: 'dwmc', source: ['name'], transforms: [] }, { target: 'fddbr', source: ['legalRepName'], transforms: [] }, { target: 'dwdz', source: ['address'], transforms: [] }],
  },
  {
    code: 'statistics',
    name: '杭州市统计局',
    kind: 'local',
    deliveryMode: 'push',
    format: 'json',
    simulated: true,
    mapping: [
      cc,
      { target: 'dwxxmc', source: ['name'], transforms: [] },
      { target: 'hydl', source: ['industryCode'], transforms: [{ type: 'codeTable', table: 'industry-division' }] },
      { target: 'qhdm', source: ['regionCode'], transforms: [{ type: 'codeTable', table: 'region-stats-12' }] },
      { target: 'zczbwy', source: ['registeredCapitalFen'], transforms: [{ type: 'amount', unit: 'wanyuan' }] },
      { target: 'yyzt', source: ['status'], transforms: [{ type: 'enum', map: { active: '1', deregistered: '2', revoked: '3', moved_out: '9' } }] },
    ],
  },
  {
    code: 'customs',
    name: '杭州海关（单一窗口）',
    kind: 'national',
    deliveryMode: 'push',
    format: 'xml',
    simulated: true,
    mapping: [
      { target: 'SocialCreditCode', source: ['creditCode'], transforms: [] },
      { target: 'CompanyName', source: ['name'], transforms: [] },
      { target: 'LegalPerson', source: ['legalRepName'], transforms: [] },
      { target: 'RegisteredCapital', source: ['registeredCapitalFen'], transforms: [{ type: 'amount', unit: 'wanyuan' }] },
      { target: 'Investors', source: ['investors'], transforms: [{ type: 'join', separator: '、' }] },
      { target: 'Address', source: ['address'], transforms: [] },
    ],
  },
  {
    code: 'seal-filing',
    name: '杭州市公安局（印章备案）',
    kind: 'local',
    deliveryMode: 'push',
    format: 'json',
    simulated: true,
    mapping: [cc, { target: 'dwmc', source: ['name'], transforms: [] }, { target: 'fddbr', source: ['legalRepName'], transforms: [] }],
  },
  {
    code: 'bank-accounts',
    name: '中国人民银行杭州中心支行（账户管理系统）',
    kind: 'national',
    deliveryMode: 'push',
    format: 'json',
    simulated: true,
    mapping: [
      cc,
      { target: 'ckrmc', source: ['name'], transforms: [] },
      { target: 'fddbr', source: ['legalRepName'], transforms: [] },
      { target: 'zcdz', source: ['address'], transforms: [] },
      { target: 'zczb', source: ['registeredCapitalFen'], transforms: [{ type: 'amount', unit: 'yuan' }] },
    ],
  },
  {
    code: 'commerce',
    name: '杭州市商务局',
    kind: 'local',
    deliveryMode: 'pull',
    format: 'json',
    simulated: false,
    mapping: [
      cc,
      { target: 'qymc', source: ['name'], transforms: [] },
      { target: 'jyfw', source: ['businessScope'], transforms: [] },
      { target: 'tzr', source: ['investors'], transforms: [] },
    ],
  },
];

/** The simulated (push) departments, with their default ports. */
export function simulatedDepartments(basePort = SIM_BASE_PORT) {
  return DEMO_DEPARTMENTS.filter((d) => d.simulated).map((d, i) => ({ code: d.code, name: d.name, format: d.format, port: basePort === 0 ? 0 : basePort + i }));
}

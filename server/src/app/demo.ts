import type { Built } from './build.js';
import type { Role } from '../platform/auth/roles.js';

export const DEMO_PASSWORD = 'Xingfeng@2026';

/** Demo accounts: one per role at city level, district officers, a business and a citizen. */
export const DEMO_ACCOUNTS: { username: string; displayName: string; kind: 'staff' | 'business' | 'citizen' | 'system'; roles: Role[]; jurisdiction: string | null }[] = [
  { username: 'admin', displayName: '系统管理员', kind: 'staff', roles: ['admin'], jurisdiction: null },
  { username: 'registrar', displayName: '市局登记员 王敏', kind: 'staff', roles: ['registrar'], jurisdiction: '3301' },
  { username: 'registrar.sc', displayName: '上城区登记员 李强', kind: 'staff', roles: ['registrar'], jurisdiction: '330102' },
  { username: 'registrar.gs', displayName: '拱墅区登记员 周洋', kind: 'staff', roles: ['registrar'], jurisdiction: '330105' },
  { username: 'mediator', displayName: '调解员 陈静', kind: 'staff', roles: ['mediator'], jurisdiction: '330102' },
  { username: 'officer', displayName: '执法人员 赵磊', kind: 'staff', roles: ['enforcement_officer'], jurisdiction: '330102' },
  { username: 'officer2', displayName: '执法人员 孙涛', kind: 'staff', roles: ['enforcement_officer'], jurisdiction: '330102' },
  { username: 'reviewer', displayName: '法制审核员 吴娟', kind: 'staff', roles: ['legal_reviewer'], jurisdiction: '3301' },
  { username: 'leader', displayName: '局领导 郑建国', kind: 'staff', roles: ['bureau_leader'], jurisdiction: '3301' },
  { username: 'credit', displayName: '信用监管员 冯丽', kind: 'staff', roles: ['credit_officer'], jurisdiction: '3301' },
  { username: 'planner', displayName: '抽查计划员 何超', kind: 'staff', roles: ['inspection_planner'], jurisdiction: '3301' },
  { username: 'inspector', displayName: '检查员 高勇', kind: 'staff', roles: ['inspector'], jurisdiction: '330106' },
  { username: 'director', displayName: '局长 林志红', kind: 'staff', roles: ['director'], jurisdiction: '3301' },
  { username: 'supervisor', displayName: '服务监督员 罗宁', kind: 'staff', roles: ['service_supervisor'], jurisdiction: '3301' },
  { username: 'analyst', displayName: '数据分析员 梁晨', kind: 'staff', roles: ['analyst'], jurisdiction: '3301' },
  { username: 'business', displayName: '企业用户 刘芳', kind: 'business', roles: [], jurisdiction: null },
  { username: 'citizen', displayName: '市民 张伟', kind: 'citizen', roles: [], jurisdiction: null },
  { username: 'dept.tax', displayName: '税务局系统', kind: 'system', roles: ['department_client'], jurisdiction: null },
];

/**
 * Seeds the demo city on first start (when there are no accounts): org units, accounts for every
 * role, then each module's demo data. Deterministic for a given DEMO_SEED.
 */
export async function seedDemo(built: Built): Promise<boolean> {
  const p = built.platform;
  const existing = await p.db.selectFrom('platform.account').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const city = await p.db
    .insertInto('platform.org_unit')
    .values({ name: '杭州市市场监督管理局', region_code: '330100', level: 'city' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [code, name] of [
    ['330102', '杭州市上城区市场监督管理局'],
    ['330105', '杭州市拱墅区市场监督管理局'],
    ['330106', '杭州市西湖区市场监督管理局'],
  ]) {
    await p.db.insertInto('platform.org_unit').values({ name, region_code: code, level: 'district', parent_id: city.id }).execute();
  }
  const accounts: Record<string, string> = {};
  for (const a of DEMO_ACCOUNTS) {
    accounts[a.username] = await p.auth.createAccount(
      // System accounts use API tokens only: no password.
      { ...a, password: a.kind === 'system' ? undefined : DEMO_PASSWORD, phone: a.kind === 'business' ? '13800000001' : null },
      { actorName: 'demo-seed' },
    );
  }
  for (const m of built.modules) await m.seedDemo?.({ seed: p.config.DEMO_SEED, accounts });
  return true;
}

/**
 * Demo data reproducing the source figures from records (seed cases 5 and 6): 5 "one thing" items
 * whose limits give a committed speed-up of 79.39%, 8,700 handled cases, 13 experiencer teams,
 * findings of 5 kinds with 11 measures, 137 suggestions, ratings all satisfied (none bad for the
 * exchange's registration changes either); 5 clinic sessions, 119 businesses received, 116 solved.
 */
import type { DemoContext, Platform } from '../../platform/module.js';
import { serviceRepository as repo } from './service.repository.js';
import type { ServiceDeps } from './deps.js';
import { CLINIC_REPORT } from './domain/rules.js';
import { dueAfter } from './use-cases/shared.js';

const REGION = '330100';

/** Statutory → committed limits: Σ(statutory − committed) / Σ statutory = 131 / 165 = 79.39%. */
const ITEMS = [
  { code: 'info-change', name: '企业信息变更“一件事”', departments: ['市场监管局', '税务局', '人社局', '公积金中心'], statutory: 20, committed: 4, cases: 3000, days: [2, 3, 4] },
  { code: 'deregistration', name: '企业注销“一件事”', departments: ['市场监管局', '税务局', '社保中心', '海关'], statutory: 45, committed: 10, cases: 1500, days: [6, 8, 10] },
  { code: 'open-business', name: '开办企业“一件事”', departments: ['市场监管局', '公安局', '税务局', '银行'], statutory: 20, committed: 3, cases: 2500, days: [1, 2, 3] },
  { code: 'open-restaurant', name: '开办餐饮店“一件事”', departments: ['市场监管局', '城管局', '消防救援支队'], statutory: 40, committed: 8, cases: 1000, days: [5, 7, 8] },
  { code: 'open-pharmacy', name: '开办药店“一件事”', departments: ['市场监管局', '医保局'], statutory: 40, committed: 9, cases: 700, days: [6, 8, 9] },
];

const TEAMS = ['市中区', '沙湾区', '五通桥区', '金口河区', '犍为县', '井研县', '夹江县', '沐川县', '峨边县', '马边县', '峨眉山市', '高新区', '企业代表'].map((n) => `${n}体验员队`);

/** 11 measures over findings of the five kinds (categories). */
const FINDINGS: [string, string, string, string][] = [
  ['system', 'info-change', '变更后需分别登录税务、社保系统重复填报', '打通登记与税务、社保数据共享，一次填报'],
  ['system', 'deregistration', '注销进度无法在一个页面查询', '上线注销进度一网查询'],
  ['system', 'open-business', '刻章信息需人工转录', '刻章信息自动推送公安系统'],
  ['process', 'deregistration', '清税与注销需先后排两次号', '清税注销合并为一个环节'],
  ['process', 'open-restaurant', '现场核查与许可审批分两次上门', '核查与审批同步进行'],
  ['materials', 'info-change', '股东会决议模板不清楚', '提供决议标准模板与示例'],
  ['materials', 'open-pharmacy', '重复提交营业执照复印件', '免交可共享的证照材料'],
  ['guidance', 'open-business', '线上办理入口不好找', '首页设置“一件事”专区入口'],
  ['guidance', 'open-restaurant', '办事指南用语专业难懂', '改写办事指南并配图解'],
  ['attitude', 'info-change', '窗口解释不耐心', '开展窗口服务规范培训'],
  ['attitude', 'deregistration', '咨询电话无人接听', '设立专线并限时回电'],
];

const THEMES = ['市场准入与退出', '产权保护', '质量提升与标准', '知识产权保护', '公平竞争与涉企收费'];
/** Businesses received per session (Σ 119) and problems not solved (3). */
const RECEIVED = [25, 24, 24, 23, 23];

function creditCode(n: number): string {
  return `91530100MA${String(n).padStart(7, '0')}X`;
}

export async function seedServiceDemo(p: Platform, deps: ServiceDeps, ctx: DemoContext): Promise<void> {
  if ((await repo.listItems(p.db, null)).length) return;
  const cal = deps.calendar.get();
  await p.db.transaction().execute(async (tx) => {
    const items = new Map<string, string>();
    for (const i of ITEMS) {
      const row = await repo.insertItem(tx, { code: i.code, name: i.name, departments: i.departments, statutory_days: i.statutory, committed_days: i.committed, region_code: REGION });
      items.set(i.code, row.id);
      await repo.insertCases(tx, row.id, '2026-06-30', i.days, i.cases);
    }
    const teams: string[] = [];
    for (const name of TEAMS) {
      const t = await repo.insertTeam(tx, { name, region_code: REGION });
      if (t) teams.push(t.id);
    }
    const people: string[] = [];
    for (let n = 0; n < teams.length; n += 1) {
      const e = await repo.insertExperiencer(tx, { name: `体验员${n + 1}号`, team_id: teams[n]!, account_id: n === 0 ? (ctx.accounts.citizen ?? null) : null, recruited_on: '2026-03-01' });
      people.push(e.id);
    }
    const owner = ctx.accounts.supervisor ?? ctx.accounts.admin!;
    for (const [k, [category, item, problem, fix]] of FINDINGS.entries()) {
      const itemId = items.get(item)!;
      const experiencer = people[k % people.length]!;
      const f = await repo.insertFinding(tx, { item_id: itemId, experiencer_id: experiencer, category, description: problem, created_on: '2026-04-10' });
      await repo.insertMeasure(tx, {
        finding_id: f.id, item_id: itemId, description: fix, department: '市场监管局行政审批科', owner_id: owner, region_code: REGION,
        due_on: '2026-05-29', status: 'evaluated', done_on: '2026-05-20', done_note: fix, evaluation: 'fixed', evaluated_on: '2026-05-25',
      });
    }
    for (let n = 0; n < 137; n += 1) {
      await repo.insertSuggestion(tx, { item_id: items.get(ITEMS[n % ITEMS.length]!.code)!, experiencer_id: people[n % people.length]!, text: `建议${n + 1}：进一步减少“一件事”办理材料和环节`, created_on: '2026-04-20' });
    }
    // Window satisfaction 100%: the counter ratings of the handled cases; the registration changes of practice 1 had no bad review.
    await repo.insertRatings(tx, { module: 'service', prefix: 'one-thing', n: 6000, level: 5, channel: 'counter', regionCode: REGION, ratedOn: '2026-06-30' });
    await repo.insertRatings(tx, { module: 'service', prefix: 'one-thing-b', n: 2700, level: 4, channel: 'counter', regionCode: REGION, ratedOn: '2026-06-30' });
    await repo.insertRatings(tx, { module: 'exchange', prefix: 'change', n: 120, level: 5, channel: 'online', regionCode: REGION, ratedOn: '2026-06-30' });

    const director = ctx.accounts.director ?? ctx.accounts.admin!;
    let n = 0;
    const unsolved = new Set([7, 55, 101]);
    for (const [k, theme] of THEMES.entries()) {
      const heldOn = `2026-0${k + 3}-16`;
      const s = await repo.insertSession(tx, { director_id: director, director_name: '局长 林志红', theme, held_on: heldOn, place: '市民服务中心坐诊室', slots: 30, region_code: REGION });
      for (let j = 0; j < RECEIVED[k]!; j += 1) {
        n += 1;
        const due = dueAfter(deps, heldOn, CLINIC_REPORT.workingDays);
        const b = await repo.insertBooking(tx, { session_id: s.id, credit_code: creditCode(n), enterprise_name: `云岭示范企业${n}号`, account_id: null, problem: `${theme}方面的问题（第${n}号）`, booked_on: heldOn });
        if (!b) continue;
        await repo.updateBooking(tx, b.id, b.version, {
          status: 'rated', prescription: '相关处室按处方办理并限时反馈', actions: [{ department: '登记注册处', action: '专人跟进办理' }], report_owner_id: director,
          prescribed_on: heldOn, report_due_on: due, report: unsolved.has(n) ? '已解释政策依据，暂不具备办理条件' : '问题已解决', solved: !unsolved.has(n),
          reported_on: cal.addWorkingDays(heldOn, 10), rating: 5,
        });
      }
    }
  });
}

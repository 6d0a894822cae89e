import type { DemoContext, Platform } from '../../platform/module.js';
import type { Actor } from '../../platform/auth/roles.js';
import { createRandom } from '../../platform/demo/random.js';
import { complaintsRepository as repo, communityRepository, routingRepository } from './complaints.repository.js';
import type { ComplaintsService } from './complaints.service.js';
import { STATION_TYPES } from './domain/rules.js';

const DISTRICTS = [
  { code: '330102', name: '上城区', lat: 30.245, lng: 120.17 },
  { code: '330105', name: '拱墅区', lat: 30.32, lng: 120.15 },
  { code: '330106', name: '西湖区', lat: 30.26, lng: 120.12 },
];
const TYPE_NAMES: Record<string, string> = {
  bureau_office: '市场监管所消费维权站',
  department: '部门消费纠纷调解点',
  industry_committee: '行业消费纠纷调解委员会',
  warm_heart: '暖心消费维权站',
  volunteer_point: '志愿者维权服务点',
};
const WEEKDAYS = [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '17:30' }];
const EVERYDAY = [{ days: [1, 2, 3, 4, 5, 6, 7], open: '09:00', close: '21:00' }];

const SYSTEM: Actor = { id: null, kind: 'system', username: 'demo-seed', displayName: '演示数据', roles: ['admin'], jurisdiction: null, orgUnitId: null, enterprises: [], via: 'anonymous' };

/**
 * The demo's routing table (issue 11): industry mediation committees and departments of the
 * notice's network, with rules by category and GB/T 4754 industry prefix. Editable by the director.
 */
const COMMITTEES: [string, string | null, string | null][] = [
  ['杭州市餐饮行业消费纠纷调解委员会', 'food', 'H62'],
  ['杭州市住宿行业消费纠纷调解委员会', 'lodging', 'H61'],
  ['杭州市交通运输消费纠纷调解委员会', 'transport', null],
  ['杭州市旅游行业消费纠纷调解委员会', 'tourism', null],
  ['杭州市家用电器行业消费纠纷调解委员会', 'shopping', '527'],
  ['杭州市汽车消费纠纷调解委员会', 'shopping', '526'],
  ['杭州市文化娱乐行业消费纠纷调解委员会', 'entertainment', null],
  ['杭州市预付卡消费纠纷调解委员会', null, 'P'],
];
const DEPARTMENTS: [string, string | null][] = [
  ['杭州市市场监督管理局消费者权益保护处', null],
  ['杭州市商务局', 'shopping'],
  ['杭州市文化广电旅游局', 'tourism'],
  ['杭州市交通运输局', 'transport'],
  ['杭州市教育局', null],
  ['杭州市卫生健康委员会', null],
];

async function seedRouting(p: Platform): Promise<void> {
  if ((await routingRepository.units(p.db)).length > 0) return;
  for (const [name, category, industry] of COMMITTEES) {
    const u = await routingRepository.insertUnit(p.db, { name, kind: 'industry_committee', region_code: '330100' });
    await routingRepository.insertRule(p.db, { category, industry_prefix: industry, unit_id: u.id, priority: 10, note: '演示数据' });
  }
  for (const [name, category] of DEPARTMENTS) {
    const u = await routingRepository.insertUnit(p.db, { name, kind: 'department', region_code: '330100' });
    // The bureau's consumer-protection office takes whatever no other rule claims.
    if (category || name.includes('消费者权益保护处')) await routingRepository.insertRule(p.db, { category, industry_prefix: null, unit_id: u.id, priority: category ? 50 : 1000, note: '演示数据' });
  }
}

/** Stations and community points in the three demo districts, and complaints in various states. */
export async function seedComplaintsDemo(p: Platform, service: ComplaintsService, ctx: DemoContext): Promise<void> {
  await seedRouting(p);
  if ((await repo.countStations(p.db, null)).total > 0) return;
  const rnd = createRandom(ctx.seed + 4);
  const mediatorId = ctx.accounts['mediator'] ?? null;
  const audit = { actorName: 'demo-seed' };
  let n = 0;
  for (const d of DISTRICTS) {
    for (let i = 0; i < 8; i++) {
      const type = STATION_TYPES[i % STATION_TYPES.length];
      await repo.insertStation(p.db, {
        name: `${d.name}${['湖滨', '清波', '小营', '望江', '紫阳', '南星', '四季青', '彭埠'][i]}${TYPE_NAMES[type]}`,
        type,
        address: `浙江省杭州市${d.name}${['延安路', '解放路', '庆春路', '中河路', '南山路', '建国路', '凤起路', '环城东路'][i]}${10 + i * 7}号`,
        region_code: d.code,
        lat: d.lat + (rnd.next() - 0.5) * 0.03,
        lng: d.lng + (rnd.next() - 0.5) * 0.03,
        opening_hours: type === 'bureau_office' || type === 'department' ? WEEKDAYS : EVERYDAY,
        mediators: mediatorId ? [{ accountId: mediatorId, name: '调解员 陈静' }] : [{ name: '志愿调解员' }],
        phone: `0571-8${String(7000000 + ++n).slice(-7)}`,
        active: i !== 7,
      });
    }
    await communityRepository.insertMany(
      p.db,
      Array.from({ length: 20 }, (_, i) => ({
        name: `${d.name}第${i + 1}社区`,
        region_code: d.code,
        lat: d.lat + (rnd.next() - 0.5) * 0.04,
        lng: d.lng + (rnd.next() - 0.5) * 0.04,
      })),
    );
  }
  const station = (await repo.listStations(p.db, { regionPrefix: '330102', limit: 1 }))[0];
  const samples = [
    { respondentName: '杭州湖滨美食餐饮有限公司', category: 'food', facts: '就餐后发现菜品变质，商家拒绝退款。', request: '退还餐费并赔偿', amountFen: 38_800 },
    { respondentName: '杭州西湖山水酒店有限公司', category: 'lodging', facts: '预订的湖景房入住时被换成普通房，差价不退。', request: '退还差价', amountFen: 120_000 },
    { respondentName: '杭州拱宸电器销售有限公司', category: 'shopping', facts: '购买的洗衣机三天后无法启动，商家推诿。', request: '更换或退货', amountFen: 329_900 },
    { respondentName: '杭州运河游船旅游有限公司', category: 'tourism', facts: '夜游船票售出后航班取消，未退款。', request: '退还票款', amountFen: 36_000 },
    { respondentName: '杭州欢乐时光娱乐有限公司', category: 'entertainment', facts: '预付卡余额被商家单方面清零。', request: '恢复余额或退款', amountFen: 200_000 },
  ] as const;
  const ids: string[] = [];
  for (const [i, s] of samples.entries()) {
    const res = await service.staffEntry(
      SYSTEM,
      {
        kind: 'complaint',
        complainantName: ['张伟', '李娜', '王芳', '刘洋', '陈晨'][i],
        complainantPhone: `1391234${String(5670 + i).padStart(4, '0')}`,
        complainantAddress: '浙江省杭州市上城区清波街道',
        respondentName: s.respondentName,
        respondentAddress: '浙江省杭州市上城区延安路88号',
        regionCode: '330102',
        category: s.category,
        request: s.request,
        facts: s.facts,
        amountFen: s.amountFen,
        occurredOn: null,
        stationId: i === 0 ? (station?.id ?? null) : null,
      },
      audit,
    );
    ids.push(res.id);
  }
  // 0 stays received; 1 accepted; 2 mediating with steps; 3 closed without agreement; 4 closed with agreement.
  const mediatorActor: Actor = { ...SYSTEM, id: mediatorId, roles: ['admin', 'mediator'] };
  for (const id of ids.slice(1)) await service.accept(SYSTEM, id, 1, audit);
  if (!mediatorId) return;
  for (const id of ids.slice(2)) {
    const c = await service.get(SYSTEM, id);
    await service.assign(SYSTEM, id, { version: c.version, mediatorId, mode: 'on_site' }, audit);
    await service.recordStep(mediatorActor, id, { step: 'listen', mode: 'on_site', note: '听取双方陈述。' }, audit);
    await service.recordStep(mediatorActor, id, { step: 'discern', mode: 'on_site', note: '核对购物凭证与聊天记录。' }, audit);
  }
  const c3 = await service.get(SYSTEM, ids[3]);
  await service.conclude(mediatorActor, ids[3], { version: c3.version, outcome: 'no_agreement', note: '商家坚持不退款。' }, audit, 'zh-CN');
  const c4 = await service.get(SYSTEM, ids[4]);
  await service.conclude(mediatorActor, ids[4], { version: c4.version, outcome: 'agreement', note: '双方达成一致。', agreementTerms: '商家于三日内恢复预付卡余额 2000 元。' }, audit, 'zh-CN');
}

import type { DemoContext, Platform } from '../../platform/module.js';
import type { Actor, Role } from '../../platform/auth/roles.js';
import type { RegistryService } from '../registry/index.js';
import type { EnforcementService } from './enforcement.service.js';

function staff(id: string, username: string, roles: Role[], jurisdiction: string | null, displayName = username): Actor {
  return { id, kind: 'staff', username, displayName, roles, jurisdiction, orgUnitId: null, enterprises: [], via: 'session' };
}

/**
 * Demo data for the enforcement journey: an open lead from a report (to open as a case), a decided
 * first-violation case with its document package, an early warning and a scheduled interview.
 */
export async function seedEnforcementDemo(p: Platform, ctx: DemoContext, registry: RegistryService, service: EnforcementService): Promise<void> {
  const existing = await p.db.selectFrom('enforcement.case').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  const { officer: o1, officer2: o2, reviewer: rv } = ctx.accounts;
  if (!o1 || !o2 || !rv) return;
  const names = new Map((await p.db.selectFrom('platform.account').select(['id', 'display_name']).where('id', 'in', [o1, rv]).execute()).map((a) => [a.id as string, a.display_name as string]));
  const officer = staff(o1, 'officer', ['enforcement_officer'], '330102', names.get(o1));
  const reviewer = staff(rv, 'reviewer', ['legal_reviewer'], '3301', names.get(rv));
  const system = staff(o1, 'demo-seed', ['admin'], null);
  const page = await registry.search(system, { region: '330102', limit: 6 }, 'zh-CN');
  const [a, b, c] = page.items.slice(2);
  if (!a || !b || !c) return;
  const audit = { actorId: o1, actorName: 'demo-seed' };

  await service.createLead(officer, { source: 'complaint_report', sourceRef: 'JB-DEMO-0001', creditCode: a.creditCode, partyKind: 'organisation', summary: '消费者举报当事人未取得食品经营许可销售散装熟食以外的散装食品。' }, audit, 'zh-CN');

  const lead = await service.createLead(officer, { source: 'inspection', creditCode: b.creditCode, partyKind: 'organisation', summary: '日常检查发现当事人未取得食品经营许可从事散装食品经营活动，货值较小，已当场改正。' }, audit, 'zh-CN');
  let cur = await service.openCase(officer, lead.id, { version: lead.version, officerIds: [o1, o2] }, audit, 'zh-CN');
  cur = await service.addEvidence(officer, cur.id, { version: cur.version, kind: 'evidence', description: '现场检查笔录' }, audit, 'zh-CN');
  cur = await service.setFacts(officer, cur.id, { version: cur.version, facts: { violationType: 'food.unlicensed-bulk', firstViolation: true, harm: 'minor', corrected: true } }, audit, 'zh-CN');
  cur = await service.propose(officer, cur.id, { version: cur.version, outcome: 'no_penalty', amountFen: 0, serious: false, complex: false, publicInterest: false }, audit, 'zh-CN');
  cur = await service.review(reviewer, cur.id, { version: cur.version, result: 'approved', opinion: '符合首违不罚条件，同意不予处罚。' }, audit, 'zh-CN');
  cur = await service.recordReasoning(
    officer,
    cur.id,
    {
      version: cur.version,
      reasoning: {
        facts: '当事人未取得食品经营许可从事散装食品经营活动，货值较小，系初次违法，已当场改正。',
        evidence: '现场检查笔录记载的经营场所、商品及当事人陈述相互印证，足以认定上述事实。',
        provisions: '当事人的行为违反了《中华人民共和国食品安全法》第三十五条第一款的规定。',
        discretion: '当事人初次违法、危害后果轻微并及时改正，符合首违不罚清单，依据《中华人民共和国行政处罚法》第三十三条第一款，可以不予行政处罚。',
      },
    },
    audit,
    'zh-CN',
  );
  await service.decide(officer, cur.id, { version: cur.version }, audit, 'zh-CN');

  await service.createEngagement(officer, { kind: 'warning', creditCode: c.creditCode, signals: ['complaints_rising'], content: '近三个月投诉数量上升，请对照食品安全管理制度开展自查。' }, audit);
  const day = p.clock.today();
  await service.createEngagement(officer, { kind: 'interview', creditCode: c.creditCode, scheduledOn: day, reason: '近期投诉集中反映食品储存问题' }, audit);
}

import type { DemoContext, Platform } from '../../platform/module.js';
import { creditRepository as repo } from './credit.repository.js';
import type { CreditService } from './credit.service.js';
import { addMonths } from './domain/rules.js';
import { overdueYear } from './domain/annual-report.js';
import { DEMO_SECRETS, SIM_CREDIT_PORT } from './simulator/simulator.js';

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Demo credit data: the national systems pointed at `npm run simulate:credit`; last year's annual
 * reports for nine enterprises in ten (the rest are listed abnormal by the job); a penalty published
 * seven months ago for the demo business account (repairable now) and a warning (never repairable);
 * a few penalties elsewhere; then the first risk-class batch.
 */
export async function seedCreditDemo(p: Platform, service: CreditService, ctx: DemoContext): Promise<void> {
  const port = Number(process.env.SIM_CREDIT_PORT ?? SIM_CREDIT_PORT);
  await repo.upsertSystem(p.db, { code: 'gsxt', name: '国家企业信用信息公示系统', endpoint_url: `http://127.0.0.1:${port}/credit`, secret: DEMO_SECRETS.gsxt });
  await repo.upsertSystem(p.db, { code: 'ccn', name: '信用中国', endpoint_url: `http://127.0.0.1:${port + 1}/credit`, secret: DEMO_SECRETS.ccn });
  const today = p.clock.today();
  const deps = service.deps;

  const enterprises = await deps.registry.scanForCredit(null, 100_000);
  // The demo business account also acts for the first active enterprise of 上城区 (bound here, so
  // the credit journey knows which one holds the penalty published seven months ago).
  const mine = enterprises.find((e) => e.regionCode === '330102' && e.status === 'active');
  const own = mine ? [mine.creditCode] : [];
  if (mine && ctx.accounts['business']) await p.auth.bindEnterprise(ctx.accounts['business'], mine.creditCode, { actorName: 'demo-seed' });
  const year = overdueYear(today) ?? Number(today.slice(0, 4)) - 1;
  const reports = enterprises.filter((e, i) => own.includes(e.creditCode) || i % 10 !== 3);
  for (let i = 0; i < reports.length; i += 500) {
    await p.db.transaction().execute(async (tx) => {
      for (const e of reports.slice(i, i + 500)) {
        await repo.insertReport(tx, {
          credit_code: e.creditCode,
          year,
          filed_on: `${year + 1}-0${1 + (i % 5)}-15`,
          late: false,
          public_data: JSON.stringify({ name: e.name, address: '演示地址', phone: '0571-8000' + String(1000 + (i % 9000)), employees: 10 + (i % 90), investors: [] }),
          private_data: JSON.stringify({ assetsFen: 100_000_000, liabilitiesFen: 40_000_000, revenueFen: 300_000_000, profitFen: 20_000_000, taxFen: 9_000_000 }),
        });
      }
    });
  }

  const penalty = (e: { creditCode: string; name: string; regionCode: string }, n: number, o: { publishedOn: string; period: '3_months' | '3_years'; violationType: string; amountFen: number; violation: string; penaltyKind?: string }) =>
    service.ingestPenalty({
      caseId: `demo-credit-${n}`,
      caseNo: `杭上市监处〔${Number(o.publishedOn.slice(0, 4))}〕${100 + n}号`,
      creditCode: e.creditCode,
      regionCode: e.regionCode,
      partyName: e.name,
      violationType: o.violationType,
      amountFen: o.amountFen,
      documentNo: `杭上市监罚决〔${Number(o.publishedOn.slice(0, 4))}〕${200 + n}号`,
      decidedOn: addDays(o.publishedOn, -6),
      publishedOn: o.publishedOn,
      period: o.period,
      endsOn: o.period === '3_months' ? addMonths(addDays(o.publishedOn, -6), 3) : addMonths(addDays(o.publishedOn, -6), 36),
      onTime: true,
      summary: { violation: o.violation, legalBasis: '《中华人民共和国广告法》第五十五条', ...(o.penaltyKind ? { penaltyKind: o.penaltyKind } : {}) },
    });

  const byCode = new Map(enterprises.map((e) => [e.creditCode, e]));
  const first = own.length ? byCode.get(own[0]) : undefined;
  const second = first;
  if (first) await penalty(first, 1, { publishedOn: addMonths(today, -7), period: '3_years', violationType: 'advertising', amountFen: 2_000_000, violation: '发布虚假广告，罚款人民币2万元' });
  if (second) await penalty(second, 2, { publishedOn: addMonths(today, -2), period: '3_months', violationType: 'labelling', amountFen: 0, violation: '商品标识不规范，警告', penaltyKind: 'warning' });
  const others = enterprises.filter((e) => !own.includes(e.creditCode));
  for (let i = 0; i < Math.min(12, others.length); i++) {
    await penalty(others[i * 7 % others.length], 10 + i, {
      publishedOn: addMonths(today, -(2 + i * 3)),
      period: i % 4 === 0 ? '3_months' : '3_years',
      violationType: ['advertising', 'food', 'pricing', 'special_equipment'][i % 4],
      amountFen: 500_000 + i * 100_000,
      violation: ['虚假宣传', '经营超过保质期食品', '价格欺诈', '特种设备未经检验使用'][i % 4],
      ...(i === 5 ? { penaltyKind: 'licence_revoked' } : {}),
    });
  }
  await service.listOverdueReports();
  await service.runRiskBatch();
}

import type { DemoContext, Platform } from '../../platform/module.js';
import type { Actor } from '../../platform/auth/roles.js';
import { insuranceRepository as repo } from './insurance.repository.js';
import type { InsuranceService } from './insurance.service.js';

const SYSTEM: Actor = { id: null, kind: 'system', username: 'demo-seed', displayName: '演示数据', roles: ['admin'], jurisdiction: null, orgUnitId: null, enterprises: [], via: 'anonymous' };

/** The city's 2026 policy: aggregate ¥30,000,000, per accident ¥3,000,000, purchases up to ¥10,000. */
export async function seedInsuranceDemo(p: Platform, service: InsuranceService, _ctx: DemoContext): Promise<void> {
  if ((await repo.listPolicies(p.db)).length) return;
  await service.createPolicy(
    SYSTEM,
    {
      year: 2026,
      policyNo: 'PZHA2026330100000001',
      insurer: '中原农业保险股份有限公司（演示）',
      premiumFen: 120_000_000,
      aggregateLimitFen: 3_000_000_000,
      perAccidentLimitFen: 300_000_000,
      purchaseCapFen: 1_000_000,
      coveredRegions: ['330102', '330105', '330106'],
      categories: ['food', 'lodging', 'transport', 'tourism', 'shopping', 'entertainment'],
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    },
    { actorName: 'demo-seed' },
  );
}

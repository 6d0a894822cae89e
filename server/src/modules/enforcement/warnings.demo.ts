import type { Platform } from '../../platform/module.js';
import type { Actor } from '../../platform/auth/roles.js';
import { addCalendarDays } from '../../platform/calendar/index.js';
import { warningsRepository as repo } from './warnings.repository.js';
import type { EnforcementDeps } from './deps.js';
import { recomputeSignals } from './use-cases/recompute-signals.js';

/**
 * Demo data of the early warnings (issue 11): a small permit register for a few Shangcheng
 * enterprises — one food-business licence expiring within the warning window, the others valid —
 * then one computation of the signals.
 */
export async function seedWarningsDemo(p: Platform, deps: EnforcementDeps): Promise<void> {
  const today = p.clock.today();
  // The register is read through the registry module's API (no SQL across schemas).
  const system: Actor = { id: null, kind: 'staff', username: 'demo-seed', displayName: 'demo-seed', roles: ['admin'], jurisdiction: null, orgUnitId: null, enterprises: [], via: 'session' };
  const page = await deps.registry.search(system, { region: '330102', limit: 6 }, 'zh-CN');
  for (const [i, e] of page.items.entries()) {
    await repo.insertPermit(p.db, {
      credit_code: e.creditCode,
      region_code: e.regionCode,
      permit_type: '食品经营许可证',
      permit_no: `JY${e.creditCode.slice(2, 8)}${String(i + 1).padStart(8, '0')}`,
      issued_on: addCalendarDays(today, -5 * 365 + 20),
      // The fourth enterprise's licence runs out within 30 days; the others have years left.
      expires_on: addCalendarDays(today, i === 3 ? 20 : 365 + 90 * i),
    });
  }
  await recomputeSignals(deps);
}

import type { Platform } from '../../platform/module.js';
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
  const rows = await p.db.selectFrom('registry.enterprise').select(['credit_code', 'region_code']).where('region_code', '=', '330102').orderBy('credit_code').limit(6).execute();
  for (const [i, e] of rows.entries()) {
    await repo.insertPermit(p.db, {
      credit_code: e.credit_code,
      region_code: e.region_code,
      permit_type: '食品经营许可证',
      permit_no: `JY${e.credit_code.slice(2, 8)}${String(i + 1).padStart(8, '0')}`,
      issued_on: addCalendarDays(today, -5 * 365 + 20),
      // The fourth enterprise's licence runs out within 30 days; the others have years left.
      expires_on: addCalendarDays(today, i === 3 ? 20 : 365 + 90 * i),
    });
  }
  await recomputeSignals(deps);
}

import type { ExchangeDeps } from '../deps.js';
import { exchangeRepository as repo } from '../exchange.repository.js';
import { notifyOnce } from '../exchange.shared.js';
import { EXCHANGE_RULES } from '../domain/rules.js';

/**
 * The job `exchange.notify-overdue`: a change whose notice deadline passed before every department
 * acknowledged is told now (once), with each department's status as it stands. Returns how many.
 */
export async function notifyOverdue(deps: ExchangeDeps, _input: Record<string, never> = {}): Promise<number> {
  let n = 0;
  for (const c of await repo.overdueNotifications(deps.db, deps.clock.now(), EXCHANGE_RULES.overdueBatch.value)) {
    await deps.db.transaction().execute(async (tx) => {
      const locked = await repo.getChange(tx, c.id, true);
      if (locked && !locked.notified_at && (await notifyOnce(deps, tx, locked))) n++;
    });
  }
  return n;
}

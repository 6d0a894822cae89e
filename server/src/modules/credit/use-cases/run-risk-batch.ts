import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { creditRepository as repo } from '../credit.repository.js';
import { creditPolicy as P } from '../credit.policy.js';
import type { CreditDeps } from '../deps.js';
import { computeRiskClasses } from './compute-risk-classes.js';

/** Enterprises classified per transaction in the monthly batch. */
export const RISK_BATCH_PAGE = 2000;

function presentBatch(b: NonNullable<Awaited<ReturnType<typeof repo.getBatch>>>) {
  return { id: b.id, period: b.period, status: b.status, total: b.total, done: b.done, changed: b.changed, startedAt: b.started_at.toISOString(), finishedAt: b.finished_at ? b.finished_at.toISOString() : null };
}

/**
 * The monthly risk-class batch over the whole register (国市监信发〔2022〕6号: monthly), once per
 * month (period YYYY-MM), resumable from its cursor, with progress (done/total) saved per page.
 */
export async function runRiskBatch(deps: CreditDeps, opts: { period?: string; pageSize?: number; total?: number; onProgress?: (done: number) => void } = {}) {
  const period = opts.period ?? deps.clock.today().slice(0, 7);
  let batch = (await repo.startBatch(deps.db, period, deps.clock.now())) ?? (await repo.batchByPeriod(deps.db, period));
  if (!batch) throw new AppError('INTERNAL');
  if (batch.status === 'done') return presentBatch(batch);
  const id = batch.id;
  if (opts.total != null) await repo.updateBatch(deps.db, id, { total: opts.total });
  let cursor = batch.cursor;
  let done = batch.done;
  let changed = batch.changed;
  const pageSize = opts.pageSize ?? RISK_BATCH_PAGE;
  for (;;) {
    const page = await deps.registry.scanForCredit(cursor, pageSize);
    if (!page.length) break;
    const last = page[page.length - 1].creditCode;
    await deps.db.transaction().execute(async (tx) => {
      changed += await computeRiskClasses(deps, tx, page);
      done += page.length;
      await repo.updateBatch(tx, id, { done, changed, cursor: last });
    });
    cursor = last;
    opts.onProgress?.(done);
  }
  await repo.updateBatch(deps.db, id, { status: 'done', finished_at: deps.clock.now(), total: done });
  batch = await repo.getBatch(deps.db, id);
  return presentBatch(batch!);
}

/** Starts (or resumes) this month's batch in the background and answers with its progress at once. */
export async function startRiskBatch(deps: CreditDeps, actor: Actor) {
  authorize(actor, P['risk.batch']);
  const period = deps.clock.today().slice(0, 7);
  const existing = await repo.batchByPeriod(deps.db, period);
  if (!existing) {
    await repo.startBatch(deps.db, period, deps.clock.now());
    void runRiskBatch(deps, { period }).catch((e) => deps.log.error({ err: e }, 'credit risk batch failed'));
  }
  const b = await repo.batchByPeriod(deps.db, period);
  return presentBatch(b!);
}

export async function getRiskBatch(deps: CreditDeps, actor: Actor, id: string) {
  authorize(actor, P['risk.read']);
  const b = await repo.getBatch(deps.db, id);
  if (!b) throw new AppError('NOT_FOUND');
  return presentBatch(b);
}

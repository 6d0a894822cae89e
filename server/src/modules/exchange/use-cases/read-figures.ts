import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangePolicy as P } from '../exchange.policy.js';
import { exchangeRepository as repo } from '../exchange.repository.js';
import { percentile } from '../domain/figures.js';

/** The practice's figures: changes handled, departments per change, propagation time, failures. */
export async function readFigures(deps: ExchangeDeps, actor: Actor, _input: Record<string, never> = {}) {
  authorize(actor, P['monitor.read']);
  const f = await repo.figures(deps.db, jurisdictionPrefix(actor));
  const by = (s: string) => f.counts.find((c) => c.status === s);
  return {
    changesHandled: Number(by('approved')?.n ?? 0),
    changesPending: Number(by('pending')?.n ?? 0),
    changesRejected: Number(by('rejected')?.n ?? 0),
    departmentsPerChange: Math.round(Number(f.perChange ?? 0) * 100) / 100,
    propagationMs: { median: percentile(f.durations, 0.5), p95: percentile(f.durations, 0.95), completed: f.durations.length },
    noExtraForm: Number(by('approved')?.completed ?? 0),
    failuresByDepartment: f.failures.map((x) => ({ code: x.code, name: x.name, failures: Number(x.failures) })),
  };
}

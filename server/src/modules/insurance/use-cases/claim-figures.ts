import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import { insuranceRepository as repo } from '../insurance.repository.js';
import { insurancePolicy as P } from '../insurance.policy.js';
import type { InsuranceDeps } from '../deps.js';

/** Claims filed, paid (count and amount) and each policy's remaining aggregate. */
export async function claimFigures(deps: InsuranceDeps, actor: Actor) {
  authorize(actor, P['figures.read']);
  const f = await repo.figures(deps.db, jurisdictionPrefix(actor));
  return {
    claims: Number(f.claims),
    paidCount: Number(f.paid_count),
    paidFen: Number(f.paid_fen),
    approvedUnpaidFen: Number(f.approved_unpaid_fen),
    refused: Number(f.refused),
    policies: (await repo.listPolicies(deps.db)).map((r) => ({ id: r.id, year: r.year, aggregateLimitFen: Number(r.aggregate_limit_fen), paidFen: Number(r.paid_fen), remainingFen: Number(r.aggregate_limit_fen) - Number(r.paid_fen) })),
  };
}

import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, inScope } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { creditRepository as repo } from '../credit.repository.js';
import { creditPolicy as P } from '../credit.policy.js';
import type { CreditDeps } from '../deps.js';
import { requeueFailedSyncs } from './requeue-failed-syncs.js';

export async function listSystems(deps: CreditDeps, actor: Actor) {
  authorize(actor, P['systems.manage']);
  return { items: (await repo.systems(deps.db)).map((s) => ({ code: s.code as 'gsxt' | 'ccn', name: s.name, endpointUrl: s.endpoint_url })) };
}

/** Points a national system at its endpoint (and rotates its shared secret). */
export async function updateSystem(deps: CreditDeps, actor: Actor, input: { code: 'gsxt' | 'ccn'; endpointUrl: string | null; secret?: string }, ctx: AuditContext) {
  authorize(actor, P['systems.manage']);
  const s = await repo.system(deps.db, input.code);
  if (!s) throw new AppError('NOT_FOUND');
  await deps.db.transaction().execute(async (tx) => {
    await repo.upsertSystem(tx, { code: s.code, name: s.name, endpoint_url: input.endpointUrl, secret: input.secret ?? s.secret });
    await deps.audit.record(tx, ctx, { action: 'credit.system.update', entityType: 'credit-system', entityId: s.code, before: { endpointUrl: s.endpoint_url }, after: { endpointUrl: input.endpointUrl, secretRotated: !!input.secret } });
  });
  return listSystems(deps, actor);
}

/** An officer re-sends a failed sync at once (the job also does it periodically). */
export async function retrySync(deps: CreditDeps, actor: Actor, input: { id: string }) {
  authorize(actor, P['repair.decide']);
  const s = await repo.getSync(deps.db, input.id);
  if (!s) throw new AppError('NOT_FOUND');
  if (s.state !== 'failed') throw new AppError('INVALID_STATE', { params: { status: s.state } });
  await requeueFailedSyncs(deps, s.id);
  return { ok: true as const };
}

export async function getRiskClass(deps: CreditDeps, actor: Actor, input: { creditCode: string }) {
  authorize(actor, P['risk.read']);
  const r = await repo.getRisk(deps.db, input.creditCode);
  if (!r || !inScope(actor, { regionCode: r.region_code })) throw new AppError('NOT_FOUND');
  return r;
}

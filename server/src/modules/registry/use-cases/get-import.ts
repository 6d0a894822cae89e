import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, jurisdictionPrefix } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { RegistryDeps } from '../deps.js';
import { registryPolicy as P } from '../registry.policy.js';
import { registryRepository as repo } from '../registry.repository.js';
import { presentJob } from '../registry.presenter.js';
import { seesScope } from '../domain/jurisdiction.js';

/** An import job's progress and errors. */
export async function getImport(deps: RegistryDeps, actor: Actor, input: { id: string }) {
  authorize(actor, P['enterprise.import']);
  const job = await repo.getImportJob(deps.db, input.id);
  // Jobs are scoped like the enterprises they carry: a district sees its own, the city all of its districts'.
  if (!job || !seesScope(jurisdictionPrefix(actor), job.jurisdiction)) throw new AppError('NOT_FOUND');
  return presentJob(job);
}

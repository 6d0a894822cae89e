import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import { found, inRegion } from './shared.js';
import { listItems } from './list-items.js';
import { listFindings } from './list-findings.js';
import { AppError } from '../../../platform/errors/app-error.js';

/** The closed loop of one service item: its state, findings and their measures. */
export async function getLoop(deps: ServiceDeps, actor: Actor, itemId: string, locale: Locale) {
  authorize(actor, P['finding.read']);
  const row = found(await repo.getItem(deps.db, itemId));
  if (!inRegion(actor, row.region_code)) throw new AppError('NOT_FOUND');
  const item = found((await listItems(deps, actor, locale)).find((i) => i.id === itemId));
  return { item, findings: await listFindings(deps, actor, { itemId }, locale) };
}

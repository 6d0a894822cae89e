import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import { coversRegion } from '../../registry/index.js';
import { complaintsRepository as repo, routingRepository as routing } from '../complaints.repository.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import type { ComplaintsDeps } from '../deps.js';
import { readable } from './shared.js';

/**
 * The mediators who may take a complaint (what `assign-mediator.ts` accepts): active accounts with
 * the mediator role whose jurisdiction covers its region, less those who recused (art. 19), each
 * with the number of mediations they run now — least loaded first.
 */
export async function listEligibleMediators(deps: ComplaintsDeps, actor: Actor, input: { id: string }) {
  authorize(actor, P['complaint.assign']);
  const row = readable(actor, await repo.get(deps.db, input.id));
  const staff = await routing.staffWithRoles(deps.db, ['mediator']);
  const items = staff
    .filter((m) => m.roles.includes('mediator') && coversRegion(m.jurisdiction, row.region_code) && !row.recused.includes(m.id))
    .map((m) => ({ id: m.id, name: m.display_name, jurisdiction: m.jurisdiction, openCases: m.load }))
    .sort((a, b) => a.openCases - b.openCases || a.name.localeCompare(b.name, 'zh-CN'));
  return { items };
}

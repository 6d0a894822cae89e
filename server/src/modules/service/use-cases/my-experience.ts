import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import { servicePolicy as P } from '../service.policy.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { experiencerOf } from './shared.js';
import { listFindings } from './list-findings.js';
import { presentExperiencer } from './enroll-experiencer.js';

/** The experiencer's own page: profile, findings with their measures, suggestions. */
export async function myExperience(deps: ServiceDeps, actor: Actor, locale: Locale) {
  authorize(actor, P['experience.take-part']);
  const me = await experiencerOf(deps.db, actor);
  const suggestions = await repo.listSuggestions(deps.db, me.id);
  return {
    experiencer: presentExperiencer(me),
    findings: await listFindings(deps, actor, { experiencerId: me.id }, locale, { own: true }),
    suggestions: suggestions.map((s) => ({ id: s.id, itemId: s.item_id, text: s.text, createdOn: s.created_on })),
  };
}

import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import type { CreditDeps } from '../deps.js';
import { changeApplication } from './shared.js';

/** A verification task (on-site where needed): its result is recorded before the decision. */
export async function verifyApplication(deps: CreditDeps, actor: Actor, input: { id: string; version: number; onSite: boolean; result: string }, ctx: AuditContext, locale: Locale) {
  return changeApplication(deps, actor, { id: input.id, version: input.version, from: ['accepted', 'verifying'], action: 'verify', ctx, locale }, async () => ({
    patch: { status: 'verifying', verification: { onSite: input.onSite, result: input.result, by: actor.displayName ?? actor.username, on: deps.clock.today() } },
    note: input.result,
  }));
}

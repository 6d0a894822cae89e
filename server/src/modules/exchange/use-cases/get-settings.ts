import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangePolicy as P } from '../exchange.policy.js';
import { settingsOf } from '../exchange.shared.js';

export async function getSettings(deps: ExchangeDeps, actor: Actor, _input: Record<string, never> = {}) {
  authorize(actor, P['settings.read']);
  return settingsOf(deps);
}

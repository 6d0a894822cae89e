import { AppError } from '../../../platform/errors/app-error.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangeRepository as repo } from '../exchange.repository.js';
import { acknowledge, loadDepartment, secretsOf } from '../exchange.shared.js';
import { verifySignature, callbackSigningString, SIGNATURE_HEADER, KEY_ID_HEADER, TIMESTAMP_HEADER } from '../domain/signing.js';

/**
 * A department's later acknowledgement, signed with its current or previous key. No actor: the
 * signature authenticates the department.
 */
export async function receiveCallback(deps: ExchangeDeps, input: { deliveryId: string; headers: Record<string, unknown>; body: { reference: string; status: 'accepted' | 'rejected' } }) {
  const { deliveryId, headers, body } = input;
  const d = await repo.getDelivery(deps.db, deliveryId);
  if (!d) throw new AppError('NOT_FOUND');
  const dep = await loadDepartment(deps, d.department_id);
  const ts = String(headers[TIMESTAMP_HEADER] ?? '');
  const sig = String(headers[SIGNATURE_HEADER] ?? '');
  const keyId = String(headers[KEY_ID_HEADER] ?? '');
  const secrets = secretsOf(deps, dep);
  // Own keys only: a key id such as `__proto__` or `constructor` names nothing.
  const secret = Object.hasOwn(secrets, keyId) ? secrets[keyId] : undefined;
  if (!ts || !sig || typeof secret !== 'string' || !verifySignature([secret], ts, callbackSigningString(deliveryId, body), sig)) throw new AppError('UNAUTHENTICATED');
  // The timestamp must be recent (both ways) and the signature never seen before: a replay is refused.
  const now = deps.clock.now();
  const windowMs = deps.callbackWindowSeconds * 1000;
  const sentAt = /^\d{10,16}$/.test(ts) ? Number(ts) : NaN;
  if (!Number.isFinite(sentAt) || Math.abs(now.getTime() - sentAt) > windowMs) throw new AppError('UNAUTHENTICATED');
  const fresh = await repo.rememberCallback(deps.db, `${keyId}:${sig}`, now, new Date(now.getTime() - 2 * windowMs));
  if (!fresh) throw new AppError('DUPLICATE');
  if (d.status === 'acknowledged') return { ok: true as const };
  if (body.status === 'rejected') {
    await repo.updateDelivery(deps.db, deliveryId, { status: 'failed', last_error: `rejected by the department (${body.reference})`, reference: body.reference });
    return { ok: true as const };
  }
  await acknowledge(deps, { deliveryId, reference: body.reference, durationMs: null });
  return { ok: true as const };
}

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
  if (!ts || !sig || !secrets[keyId] || !verifySignature([secrets[keyId]], ts, callbackSigningString(deliveryId, body), sig)) throw new AppError('UNAUTHENTICATED');
  if (d.status === 'acknowledged') return { ok: true as const };
  if (body.status === 'rejected') {
    await repo.updateDelivery(deps.db, deliveryId, { status: 'failed', last_error: `rejected by the department (${body.reference})`, reference: body.reference });
    return { ok: true as const };
  }
  await acknowledge(deps, { deliveryId, reference: body.reference, durationMs: null });
  return { ok: true as const };
}

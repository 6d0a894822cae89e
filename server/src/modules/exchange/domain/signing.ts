// Request signing between the platform and the departments (HMAC-SHA256 over "timestamp.body").
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-xf-signature';
export const KEY_ID_HEADER = 'x-xf-key-id';
export const EVENT_ID_HEADER = 'x-xf-event-id';
export const TIMESTAMP_HEADER = 'x-xf-timestamp';

export function sign(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** Constant-time check of a signature against any of the given secrets (current and previous key). */
export function verifySignature(secrets: (string | null | undefined)[], timestamp: string, body: string, signature: string): boolean {
  const got = Buffer.from(signature, 'utf8');
  return secrets.some((s) => {
    if (!s) return false;
    const want = Buffer.from(sign(s, timestamp, body), 'utf8');
    return want.length === got.length && timingSafeEqual(want, got);
  });
}

/** What a department signs when it calls back: the delivery, its reference and status. */
export function callbackSigningString(deliveryId: string, body: { reference: string; status?: string }): string {
  return `${deliveryId}.${body.reference}.${body.status ?? 'accepted'}`;
}

import type { Platform } from '../src/platform/module.js';
import { NOTIFICATION_SMS, renderMessage, type MessagePayload } from '../src/platform/notifications/notifications.js';

/**
 * What the SMS gateway was handed (the text on the consumer's phone), oldest first: the outbox
 * payloads the send-sms handler has processed, rendered with their secrets. The message log holds
 * the same texts with codes masked, so tests that need a code read it here, as the phone would.
 */
export async function deliveredSms(platform: Pick<Platform, 'db' | 'crypto'>): Promise<{ to: string; body: string }[]> {
  const rows = await platform.db
    .selectFrom('platform.outbox_event')
    .select(['payload'])
    .where('topic', '=', NOTIFICATION_SMS.topic)
    .where('handler', '=', 'platform.send-sms')
    .where('status', '=', 'done')
    .orderBy('seq')
    .execute();
  return rows.map((r) => {
    const p = (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as MessagePayload;
    return { to: platform.crypto.decrypt(p.to), body: renderMessage(p, platform.crypto).full };
  });
}

/** The newest access code (查询码) sent for a tracking number, as the consumer reads it off the SMS. */
export async function latestCode(platform: Pick<Platform, 'db' | 'crypto'>, trackingNo: string): Promise<string> {
  const codes = (await deliveredSms(platform))
    .filter((m) => m.body.includes(trackingNo))
    .map((m) => /查询码为? ?([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(m.body)?.[1])
    .filter((c): c is string => !!c);
  if (!codes.length) throw new Error(`no code sent for ${trackingNo}`);
  return codes[codes.length - 1]!;
}

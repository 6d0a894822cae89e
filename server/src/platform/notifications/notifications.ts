import type { Db, DbOrTx } from '../db/database.js';
import { handlerOf, type Outbox, type OutboxHandler } from '../outbox/outbox.js';
import type { Crypto } from '../crypto/crypto.js';

import { NOTIFICATION_EMAIL, NOTIFICATION_SMS } from '../../../../contracts/events.js';

export { NOTIFICATION_EMAIL, NOTIFICATION_SMS };

export interface NotifyInput {
  /** In-app recipient (an account). */
  accountId?: string | null;
  /** SMS recipient (mainland mobile number). */
  phone?: string | null;
  email?: string | null;
  title: string;
  body: string;
  link?: string | null;
  data?: Record<string, unknown>;
}

/** A channel adapter: the log adapter (default) records the message; a real gateway would send it. */
export interface MessageSender {
  channel: 'sms' | 'email';
  send(message: { recipient: string; body: string; eventId: string }): Promise<void>;
}

/**
 * Notifications: the in-app row is written in the caller's transaction; SMS and e-mail go through
 * the outbox so they are sent exactly when the change commits, and retried if the gateway fails.
 */
export function createNotifier(deps: { outbox: Outbox; crypto: Crypto }) {
  return {
    async notify(tx: DbOrTx, input: NotifyInput): Promise<string | null> {
      let id: string | null = null;
      if (input.accountId) {
        const row = await tx
          .insertInto('platform.notification')
          .values({
            account_id: input.accountId,
            title: input.title,
            body: input.body,
            link: input.link ?? null,
            data: input.data ? JSON.stringify(input.data) : null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        id = row.id;
      }
      const text = `【行风】${input.title}：${input.body}`;
      if (input.phone) await deps.outbox.append(tx, NOTIFICATION_SMS, { to: deps.crypto.encrypt(input.phone), body: text });
      if (input.email) await deps.outbox.append(tx, NOTIFICATION_EMAIL, { to: input.email, body: text });
      return id;
    },
  };
}
export type Notifier = ReturnType<typeof createNotifier>;

/** The default SMS/e-mail adapter: writes each message to platform.message_log (once per event). */
export function logSender(db: Db, channel: 'sms' | 'email'): MessageSender {
  return {
    channel,
    async send({ recipient, body, eventId }) {
      await db
        .insertInto('platform.message_log')
        .values({ channel, recipient: channel === 'sms' ? maskRecipient(recipient) : recipient, body, event_id: eventId })
        .onConflict((oc) => oc.columns(['event_id', 'channel']).doNothing())
        .execute();
    },
  };
}

export function messageHandlers(senders: { sms: MessageSender; email: MessageSender }, crypto: Crypto): OutboxHandler[] {
  return [
    handlerOf(NOTIFICATION_SMS, {
      name: 'platform.send-sms',
      async handle(m) {
        await senders.sms.send({ recipient: crypto.decrypt(m.payload.to), body: m.payload.body, eventId: m.eventId });
      },
    }),
    handlerOf(NOTIFICATION_EMAIL, {
      name: 'platform.send-email',
      async handle(m) {
        await senders.email.send({ recipient: m.payload.to, body: m.payload.body, eventId: m.eventId });
      },
    }),
  ];
}

/** Logs never hold a full phone number. */
function maskRecipient(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

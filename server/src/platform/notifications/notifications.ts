import type { Db, DbOrTx } from '../db/database.js';
import { handlerOf, type Outbox, type OutboxHandler } from '../outbox/outbox.js';
import type { Crypto } from '../crypto/crypto.js';
import type { Clock } from '../clock/clock.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../../../contracts/locales.js';

import { NOTIFICATION_EMAIL, NOTIFICATION_SMS } from '../../../../contracts/events.js';

export { NOTIFICATION_EMAIL, NOTIFICATION_SMS };

export interface NotifyInput {
  /** In-app recipient (an account). */
  accountId?: string | null;
  /** SMS recipient (mainland mobile number). */
  phone?: string | null;
  email?: string | null;
  /** The text in one language (used as is when `localized` is absent). */
  title?: string;
  body?: string;
  /**
   * The text in the recipient's language: called with the account's preferred locale
   * (`platform.account.locale`, recorded from the web app's language) or, for a phone/e-mail-only
   * recipient, with `locale` (a citizen's form language). Legal documents are not notifications:
   * they stay Chinese by law (see docs/USER_GUIDE.md).
   */
  localized?: (locale: Locale) => { title: string; body: string };
  /** The language of a recipient without an account (the language the citizen used on the form). */
  locale?: Locale | null;
  link?: string | null;
  data?: Record<string, unknown>;
  /**
   * Values that must never be stored in clear (one-time codes): `{{name}}` in `body` is filled at
   * send time from these; the outbox holds them encrypted, logs and in-app rows hold them masked.
   */
  secrets?: Record<string, string>;
}

/** The payload of an SMS or e-mail in the outbox. */
export interface MessagePayload {
  to: string;
  body: string;
  /** Encrypted JSON of the secrets the body's placeholders take (see NotifyInput.secrets). */
  secrets?: string;
}

/** Fills `{{name}}` placeholders; `masked` puts asterisks in place of each secret (for logs). */
export function fillSecrets(body: string, secrets: Record<string, string>, masked = false): string {
  return body.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in secrets ? (masked ? '*'.repeat(Math.max(secrets[name]!.length, 6)) : secrets[name]!) : whole));
}

/** The text the gateway sends (`full`) and the text kept in logs (`logged`) for one outbox payload. */
export function renderMessage(p: MessagePayload, crypto: Crypto): { full: string; logged: string } {
  if (!p.secrets) return { full: p.body, logged: p.body };
  const secrets = JSON.parse(crypto.decrypt(p.secrets)) as Record<string, string>;
  return { full: fillSecrets(p.body, secrets), logged: fillSecrets(p.body, secrets, true) };
}

/** A channel adapter: the log adapter (default) records the message; a real gateway would send it. */
export interface MessageSender {
  channel: 'sms' | 'email';
  /** `body` is what the person receives; `loggedBody` is the same with secrets masked, for any log. */
  send(message: { recipient: string; body: string; loggedBody: string; eventId: string }): Promise<void>;
}

/**
 * Notifications: the in-app row is written in the caller's transaction; SMS and e-mail go through
 * the outbox so they are sent exactly when the change commits, and retried if the gateway fails.
 */
export function createNotifier(deps: { outbox: Outbox; crypto: Crypto; clock?: Clock }) {
  return {
    async notify(tx: DbOrTx, input: NotifyInput): Promise<string | null> {
      let id: string | null = null;
      const locale = await recipientLocale(tx, input);
      const { title, body } = input.localized ? input.localized(locale) : { title: input.title ?? '', body: input.body ?? '' };
      if (input.accountId) {
        const row = await tx
          .insertInto('platform.notification')
          .values({
            account_id: input.accountId,
            title,
            body: input.secrets ? fillSecrets(body, input.secrets, true) : body,
            link: input.link ?? null,
            ...(deps.clock ? { created_at: deps.clock.now() } : {}),
            data: input.data ? JSON.stringify(input.data) : null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        id = row.id;
      }
      const text = smsText(locale, title, body);
      const secrets = input.secrets ? { secrets: deps.crypto.encrypt(JSON.stringify(input.secrets)) } : {};
      if (input.phone) await deps.outbox.append(tx, NOTIFICATION_SMS, { to: deps.crypto.encrypt(input.phone), body: text, ...secrets } satisfies MessagePayload);
      if (input.email) await deps.outbox.append(tx, NOTIFICATION_EMAIL, { to: input.email, body: text, ...secrets } satisfies MessagePayload);
      return id;
    },
  };
}
export type Notifier = ReturnType<typeof createNotifier>;

/** The language a notification is written in: the account's preference, else the given locale, else zh-CN. */
async function recipientLocale(tx: DbOrTx, input: NotifyInput): Promise<Locale> {
  if (input.accountId && input.localized) {
    const row = await tx.selectFrom('platform.account').select('locale').where('id', '=', input.accountId).executeTakeFirst();
    if (row && isLocale(row.locale)) return row.locale;
  }
  return input.locale ?? DEFAULT_LOCALE;
}

/** The SMS / e-mail text with the sender's signature in the recipient's language. */
export function smsText(locale: Locale, title: string, body: string): string {
  if (locale === 'en') return `[Xingfeng] ${title}: ${body}`;
  return `${locale === 'zh-TW' ? '【行風】' : '【行风】'}${title}：${body}`;
}

/** The default SMS/e-mail adapter: writes each message, secrets masked, to platform.message_log (once per event). */
export function logSender(db: Db, channel: 'sms' | 'email'): MessageSender {
  return {
    channel,
    async send({ recipient, loggedBody: body, eventId }) {
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
        const p = m.payload;
        const { full, logged } = renderMessage(p, crypto);
        await senders.sms.send({ recipient: crypto.decrypt(p.to), body: full, loggedBody: logged, eventId: m.eventId });
      },
    }),
    handlerOf(NOTIFICATION_EMAIL, {
      name: 'platform.send-email',
      async handle(m) {
        const p = m.payload;
        const { full, logged } = renderMessage(p, crypto);
        await senders.email.send({ recipient: p.to, body: full, loggedBody: logged, eventId: m.eventId });
      },
    }),
  ];
}

/** Logs never hold a full phone number. */
function maskRecipient(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

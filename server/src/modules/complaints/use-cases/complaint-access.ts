import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { Platform } from '../../../platform/module.js';
import type { TypedDb } from '../../../platform/db/database.js';
import { localize } from '../../../platform/i18n/i18n.js';
import { COMPLAINT_ERRORS, SMS_LOCALE, complaintText } from '../domain/texts.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { validateMobilePhone } from '../../registry/index.js';
import { complaintsRepository as repo, type ComplaintRow } from '../complaints.repository.js';
import {
  ACCESS_MAX_FAILURES,
  ACCESS_COOLDOWN_MINUTES,
  RESEND_INTERVAL_MINUTES,
  CODE_PLACEHOLDER,
  failureWindowCutoff,
  formatAccessCode,
  isWellFormedAccessCode,
  lockedUntil,
  newAccessCode,
  normalizeAccessCode,
} from '../domain/access-code.js';

/**
 * The consumer's access to a complaint with its tracking number and code (查询码): codes that cannot
 * be guessed, a limit of failed tries per tracking number held in the database (so it holds across
 * processes and under concurrency), codes never stored in clear, re-issue only to the phone on file.
 */
export function createComplaintAccess(p: Pick<Platform, 'crypto' | 'clock' | 'notifier' | 'audit'> & { db: TypedDb }) {
  const { db, crypto, clock, notifier, audit } = p;

  /** HMAC keyed with a key derived from DATA_KEY (the blind-index key), bound to the tracking number. */
  function hash(trackingNo: string, code: string): string {
    return crypto.blindIndex(`complaint-access:v2:${trackingNo}:${code}`);
  }

  /** A new code and its hash; the code itself only ever travels in an encrypted outbox payload. */
  function issue(trackingNo: string) {
    const code = newAccessCode((n) => randomInt(0, n));
    return { code: formatAccessCode(code), hash: hash(trackingNo, code) };
  }

  function tooMany(since: Date): AppError {
    return new AppError('RATE_LIMITED', {
      params: { retryAt: lockedUntil(since).toISOString() },
      text: {
        'zh-CN': localize(COMPLAINT_ERRORS.tooManyCodes, 'zh-CN', { minutes: ACCESS_COOLDOWN_MINUTES }),
        'zh-TW': localize(COMPLAINT_ERRORS.tooManyCodes, 'zh-TW', { minutes: ACCESS_COOLDOWN_MINUTES }),
        en: localize(COMPLAINT_ERRORS.tooManyCodes, 'en', { minutes: ACCESS_COOLDOWN_MINUTES }),
      },
    });
  }

  /**
   * The complaint when the code is right. Each try first takes a slot in one conditional UPDATE (so
   * 100 parallel guesses get exactly ACCESS_MAX_FAILURES checks); a right code gives its slot back.
   * Unknown number, wrong code and malformed code all answer NOT_FOUND; a locked number RATE_LIMITED.
   */
  async function verify(trackingNoInput: string, codeInput: string): Promise<ComplaintRow> {
    const trackingNo = trackingNoInput.trim().toUpperCase();
    const code = normalizeAccessCode(codeInput);
    const now = clock.now();
    const cutoff = failureWindowCutoff(now);
    const fresh = sql<boolean>`(access_failures_since is null or access_failures_since <= ${cutoff})`;
    const slot = await db
      .updateTable('complaints.complaint')
      .set({
        access_failures: sql<number>`case when ${fresh} then 1 else access_failures + 1 end`,
        access_failures_since: sql<Date>`case when ${fresh} then ${now}::timestamptz else access_failures_since end`,
      })
      .where('tracking_no', '=', trackingNo)
      .returning(['id', 'access_failures', 'access_failures_since'])
      .executeTakeFirst();
    if (!slot) throw new AppError('NOT_FOUND');
    if (slot.access_failures > ACCESS_MAX_FAILURES) throw tooMany(slot.access_failures_since ?? now);
    if (!isWellFormedAccessCode(code)) throw new AppError('NOT_FOUND');

    const row = await repo.byTrackingNo(db, trackingNo);
    if (!row) throw new AppError('NOT_FOUND');
    const candidate = hash(row.tracking_no, code);
    const current = crypto.safeEqual(row.access_code_hash, candidate);
    const next = !current && row.access_code_next_hash !== null && crypto.safeEqual(row.access_code_next_hash, candidate);
    if (!current && !next) throw new AppError('NOT_FOUND');
    // A right code is not a failure: give the slot back; a re-issued code, once used, replaces the old one.
    await db
      .updateTable('complaints.complaint')
      .set({
        access_failures: sql<number>`greatest(access_failures - 1, 0)`,
        ...(next ? { access_code_hash: candidate, access_code_next_hash: null } : {}),
      })
      .where('id', '=', row.id)
      .execute();
    return row;
  }

  /**
   * Sends a new code to the phone on file when the phone given matches it, at most once per
   * RESEND_INTERVAL_MINUTES. The current code stays valid until the new one is used, so someone who
   * knows the tracking number and phone cannot lock the consumer out. Always answers "ok".
   */
  async function resend(trackingNoInput: string, phoneInput: string, ctx: AuditContext): Promise<{ ok: true }> {
    const phone = validateMobilePhone(phoneInput);
    const row = await repo.byTrackingNo(db, trackingNoInput.trim().toUpperCase());
    if (!row || !phone.valid || row.complainant_phone_index !== crypto.blindIndex(phone.normalized)) return { ok: true };
    const now = clock.now();
    const since = new Date(now.getTime() - RESEND_INTERVAL_MINUTES * 60_000);
    const { code, hash: nextHash } = issue(row.tracking_no);
    await db.transaction().execute(async (tx) => {
      const claimed = await tx
        .updateTable('complaints.complaint')
        .set({ access_code_next_hash: nextHash, access_code_sent_at: now })
        .where('id', '=', row.id)
        .where((eb) => eb.or([eb('access_code_sent_at', 'is', null), eb('access_code_sent_at', '<=', since)]))
        .returning('id')
        .executeTakeFirst();
      if (!claimed) return;
      await notifier.notify(tx, {
        phone: crypto.decrypt(row.complainant_phone_enc),
        title: complaintText('access.resend.title', SMS_LOCALE),
        body: complaintText('access.resend.body', SMS_LOCALE, { trackingNo: row.tracking_no, code: CODE_PLACEHOLDER }),
        secrets: { code },
      });
      await audit.record(tx, ctx, { action: 'complaint.resend-code', entityType: 'complaint', entityId: row.id });
    });
    return { ok: true };
  }

  return { hash, issue, verify, resend, maxFailures: ACCESS_MAX_FAILURES };
}
export type ComplaintAccess = ReturnType<typeof createComplaintAccess>;

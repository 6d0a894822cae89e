import { randomInt } from 'node:crypto';
import { AppError } from '../../../platform/errors/app-error.js';
import { validateMobilePhone } from '../../registry/index.js';
import { inspectionsRepository as repo } from '../inspections.repository.js';
import { SMS, TEXT } from '../domain/texts.js';
import { CODE_MAX_FAILURES, CODE_RESEND_SECONDS, CODE_VALID_MINUTES, SESSION_HOURS } from '../domain/proposals.js';
import type { AuditContext, InspectionsDeps } from '../deps.js';
import { localize } from '../../../platform/i18n/i18n.js';

/**
 * Phone verification for the public's order (点单), as complaints do it: a one-time code sent by
 * SMS (it travels encrypted in the outbox and is stored only as an HMAC), a bounded number of
 * tries, then a session token (stored hashed) that proposals and supports carry.
 */
function phoneIndex(deps: InspectionsDeps, phone: string): string {
  const p = validateMobilePhone(phone);
  if (!p.valid) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'phone', code: 'invalid' }] });
  return deps.crypto.blindIndex(`inspections-phone:${p.normalized}`);
}

function codeHash(deps: InspectionsDeps, index: string, code: string): string {
  return deps.crypto.blindIndex(`inspections-code:${index}:${code}`);
}

export async function requestPhoneCode(deps: InspectionsDeps, input: { phone: string }, ctx: AuditContext) {
  const index = phoneIndex(deps, input.phone);
  const now = deps.clock.now();
  const last = await repo.latestPhoneCode(deps.db, index);
  if (last && now.getTime() - last.created_at.getTime() < CODE_RESEND_SECONDS * 1000) return { ok: true as const };
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await deps.db.transaction().execute(async (tx) => {
    await repo.insertPhoneCode(tx, { phone_index: index, code_hash: codeHash(deps, index, code), expires_at: new Date(now.getTime() + CODE_VALID_MINUTES * 60_000) });
    await deps.notifier.notify(tx, {
      phone: validateMobilePhone(input.phone).normalized,
      title: localize(SMS.title, 'zh-CN'),
      body: localize(SMS.body, 'zh-CN', { minutes: CODE_VALID_MINUTES }),
      secrets: { code },
    });
    await deps.audit.record(tx, ctx, { action: 'inspections.phone.code', entityType: 'phone', entityId: index.slice(0, 16) });
  });
  return { ok: true as const };
}

export async function verifyPhone(deps: InspectionsDeps, input: { phone: string; code: string }, ctx: AuditContext) {
  const index = phoneIndex(deps, input.phone);
  const now = deps.clock.now();
  const last = await repo.latestPhoneCode(deps.db, index);
  const wrong = () => new AppError('VALIDATION_FAILED', { text: TEXT.codeWrong, fields: [{ path: 'code', code: 'invalid', text: TEXT.codeWrong }] });
  if (!last || last.expires_at <= now || last.failures >= CODE_MAX_FAILURES) throw wrong();
  if (!deps.crypto.safeEqual(last.code_hash, codeHash(deps, index, input.code.trim()))) {
    await repo.phoneCodeFailed(deps.db, last.id);
    throw wrong();
  }
  const token = deps.crypto.randomToken(24);
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await deps.db.transaction().execute(async (tx) => {
    await repo.consumePhoneCode(tx, last.id);
    await repo.insertSession(tx, { token_hash: deps.crypto.blindIndex(`inspections-session:${token}`), phone_index: index, expires_at: expiresAt });
    await deps.audit.record(tx, ctx, { action: 'inspections.phone.verified', entityType: 'phone', entityId: index.slice(0, 16) });
  });
  return { token, expiresAt: expiresAt.toISOString() };
}

/** The verified phone (its blind index) behind a session token. */
export async function sessionPhone(deps: InspectionsDeps, token: string): Promise<string> {
  const s = await repo.session(deps.db, deps.crypto.blindIndex(`inspections-session:${token}`));
  if (!s || s.expires_at <= deps.clock.now()) throw new AppError('UNAUTHENTICATED', { text: TEXT.sessionExpired });
  return s.phone_index;
}

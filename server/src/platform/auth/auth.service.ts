import { hash, verify } from '@node-rs/argon2';
import { sql } from 'kysely';
import type { Db, DbOrTx } from '../db/database.js';
import type { Clock } from '../clock/clock.js';
import type { Crypto } from '../crypto/crypto.js';
import type { Audit, AuditContext } from '../audit/audit.js';
import { AppError } from '../errors/app-error.js';
import type { Actor, AccountKind, Role } from './roles.js';
import { passwordProblems } from './domain/password-policy.js';
import { fieldMessage } from '../http/field-messages.js';

export interface AuthSettings {
  /** Attempts per user name admitted to the password check before the progressive delay starts. */
  maxFailures: number;
  /** Longest delay between attempts, in minutes. */
  lockMinutes: number;
  /** First delay once maxFailures is reached, in seconds; doubles with each further failure. */
  delaySeconds?: number;
  sessionHours: number;
  /** Keys the hashes of session tokens and throttle keys (SESSION_SECRET). */
  sessionSecret?: string;
}

/** Roles that belong to machine clients: such accounts use API tokens only, never a password. */
const TOKEN_ONLY_ROLES: Role[] = ['department_client'];

/** Refuses a password the policy does not accept, naming the reasons on the `password` field. */
export function assertPasswordAccepted(password: string, username?: string | null, field = 'password'): void {
  const problems = passwordProblems(password, username);
  if (!problems.length) return;
  throw new AppError('VALIDATION_FAILED', {
    fields: problems.map((code) => ({ path: field, code: `PASSWORD_${code}`, text: fieldMessage(`PASSWORD_${code}`), message: code.toLowerCase().replace(/_/g, ' '), params: { minimum: 10 } })),
  });
}

/** argon2id (algorithm 2 in @node-rs/argon2), OWASP's minimum parameters. */
const ARGON = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON);
}

// A real hash, so a log-in for an unknown user costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;

export interface NewAccount {
  kind: AccountKind;
  username: string;
  displayName: string;
  password?: string;
  roles?: Role[];
  orgUnitId?: string | null;
  jurisdiction?: string | null;
  phone?: string | null;
  email?: string | null;
  enterprises?: string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of the untyped Kysely<any> handle until repositories use the generated Database interface (issue 10)
type Row = any;

export function createAuthService(deps: { db: Db; clock: Clock; crypto: Crypto; audit: Audit; settings: AuthSettings }) {
  const { db, clock, crypto, audit, settings } = deps;
  const secret = settings.sessionSecret ?? 'xingfeng-test-session-secret';
  /** Session tokens are stored as an HMAC keyed with SESSION_SECRET: a copy of the table opens nothing. */
  const sessionHash = (token: string) => crypto.hmac(`xingfeng:session:${secret}`, token);
  const throttleKey = (username: string) => crypto.hmac(`xingfeng:login:${secret}`, username.trim().toLowerCase());
  const delaySeconds = settings.delaySeconds ?? 30;

  /**
   * Admits one attempt for a user name (known or not) to the password check, atomically: one
   * upsert that counts the attempt only while no delay is running. After maxFailures admitted
   * attempts the next must wait delaySeconds, doubling per further failure up to lockMinutes.
   * Returns null when admitted, or the instant before which no attempt is admitted.
   */
  async function admitAttempt(username: string): Promise<Date | null> {
    const now = clock.now();
    const key = throttleKey(username);
    const max = settings.maxFailures;
    const cap = settings.lockMinutes * 60;
    const res = await sql<{ failures: number }>`
      insert into platform.login_throttle as t (key, failures, wait_until, updated_at)
      values (${key}, 1, case when 1 >= ${max}::int then ${now}::timestamptz + make_interval(secs => ${Math.min(cap, delaySeconds)}::double precision) end, ${now})
      on conflict (key) do update set
        failures = t.failures + 1,
        wait_until = case when t.failures + 1 >= ${max}::int
          then ${now}::timestamptz + make_interval(secs => least(${cap}::double precision, ${delaySeconds}::double precision * power(2, least(t.failures + 1 - ${max}::int, 30))))
          end,
        updated_at = ${now}
      where t.wait_until is null or t.wait_until <= ${now}
      returning failures`.execute(db);
    if (res.rows.length) return null;
    const row = await db.selectFrom('platform.login_throttle').select('wait_until').where('key', '=', key).executeTakeFirst();
    return row?.wait_until ? new Date(row.wait_until) : now;
  }

  async function endSessions(tx: DbOrTx, accountId: string, exceptHash?: string) {
    let q = tx.deleteFrom('platform.session').where('account_id', '=', accountId);
    if (exceptHash) q = q.where('token_hash', '<>', exceptHash);
    const r = await q.executeTakeFirst();
    return Number(r.numDeletedRows ?? 0);
  }

  async function actorFromAccount(account: Row, via: Actor['via']): Promise<Actor> {
    const bindings =
      account.kind === 'business'
        ? await db.selectFrom('platform.account_enterprise').select('credit_code').where('account_id', '=', account.id).execute()
        : [];
    return {
      id: account.id,
      kind: account.kind,
      username: account.username,
      displayName: account.display_name,
      roles: account.roles ?? [],
      jurisdiction: account.jurisdiction,
      orgUnitId: account.org_unit_id,
      enterprises: bindings.map((b: Row) => b.credit_code),
      via,
    };
  }

  return {
    async createAccount(input: NewAccount, ctx: AuditContext = {}): Promise<string> {
      if (input.password && (input.kind === 'system' || (input.roles ?? []).some((r) => TOKEN_ONLY_ROLES.includes(r)))) {
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'password', code: 'PASSWORD_SYSTEM_ACCOUNT', text: fieldMessage('PASSWORD_SYSTEM_ACCOUNT'), message: 'system accounts use tokens only' }] });
      }
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      return db.transaction().execute(async (tx) => {
        const row = await tx
          .insertInto('platform.account')
          .values({
            kind: input.kind,
            username: input.username,
            display_name: input.displayName,
            password_hash: passwordHash,
            roles: input.roles ?? [],
            org_unit_id: input.orgUnitId ?? null,
            jurisdiction: input.jurisdiction ?? null,
            phone_enc: input.phone ? crypto.encrypt(input.phone) : null,
            email: input.email ?? null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const code of input.enterprises ?? []) {
          await tx.insertInto('platform.account_enterprise').values({ account_id: row.id, credit_code: code }).execute();
        }
        await audit.record(tx, ctx, {
          action: 'account.create',
          entityType: 'account',
          entityId: row.id,
          after: { username: input.username, kind: input.kind, roles: input.roles ?? [], jurisdiction: input.jurisdiction ?? null },
        });
        return row.id as string;
      });
    },

    /**
     * Checks the password. Every attempt is first admitted by the per-user-name throttle (one
     * atomic upsert), so parallel guesses cannot exceed the limit; unknown, disabled and system
     * accounts take the same path and time (a dummy hash) and get the same answer.
     */
    async login(input: { username: string; password: string; ip?: string | null; userAgent?: string | null; requestId?: string | null }) {
      const waitUntil = await admitAttempt(input.username);
      if (waitUntil) throw new AppError('ACCOUNT_LOCKED', { params: { until: waitUntil.toISOString() } });
      const account = await db.selectFrom('platform.account').selectAll().where('username', '=', input.username).executeTakeFirst();
      const now = clock.now();
      const passwordHash = account && !account.disabled && account.kind !== 'system' && !(account.roles ?? []).some((r) => (TOKEN_ONLY_ROLES as readonly string[]).includes(r)) ? account.password_hash : null;
      if (!account || !passwordHash) {
        dummyHash ??= hashPassword('xingfeng-dummy-password');
        await verify(await dummyHash, input.password).catch(() => false);
        throw new AppError('INVALID_CREDENTIALS');
      }
      const ok = await verify(passwordHash, input.password).catch(() => false);
      const ctx: AuditContext = { actorId: account.id, actorName: account.username, ip: input.ip, requestId: input.requestId };
      if (!ok) {
        await db.transaction().execute(async (tx) => {
          await tx.updateTable('platform.account').set({ failed_logins: sql`failed_logins + 1` }).where('id', '=', account.id).execute();
          await audit.record(tx, ctx, { action: 'auth.login-failed', entityType: 'account', entityId: account.id });
        });
        throw new AppError('INVALID_CREDENTIALS');
      }
      const token = crypto.randomToken();
      const csrf = crypto.randomToken(18);
      const expiresAt = new Date(now.getTime() + settings.sessionHours * 3_600_000);
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('platform.account').set({ failed_logins: 0, locked_until: null }).where('id', '=', account.id).execute();
        await tx.deleteFrom('platform.login_throttle').where('key', '=', throttleKey(input.username)).execute();
        await tx
          .insertInto('platform.session')
          .values({ token_hash: sessionHash(token), account_id: account.id, csrf_token: csrf, ip: input.ip ?? null, user_agent: input.userAgent ?? null, expires_at: expiresAt })
          .execute();
        await audit.record(tx, ctx, { action: 'auth.login', entityType: 'account', entityId: account.id });
      });
      return { token, csrf, expiresAt, mustChangePassword: !!account.must_change_password, actor: await actorFromAccount(account, 'session') };
    },

    /** Forgets throttle rows idle for a day whose delay has run out (unknown names would pile up otherwise). */
    async pruneThrottle(): Promise<number> {
      const now = clock.now();
      const r = await db
        .deleteFrom('platform.login_throttle')
        .where('updated_at', '<', new Date(now.getTime() - 86_400_000))
        .where((eb) => eb.or([eb('wait_until', 'is', null), eb('wait_until', '<', now)]))
        .executeTakeFirst();
      return Number(r.numDeletedRows ?? 0);
    },

    async logout(token: string) {
      await db.deleteFrom('platform.session').where('token_hash', '=', sessionHash(token)).execute();
    },

    /** Ends every session of the account ("log out everywhere"). Returns how many ended. */
    async logoutEverywhere(accountId: string, ctx: AuditContext = {}): Promise<number> {
      return db.transaction().execute(async (tx) => {
        const n = await endSessions(tx, accountId);
        await audit.record(tx, ctx, { action: 'auth.logout-everywhere', entityType: 'account', entityId: accountId, after: { sessions: n } });
        return n;
      });
    },

    /** The account's own password change: checks the current one, applies the policy, ends every session. */
    async changePassword(input: { accountId: string; current: string; next: string }, ctx: AuditContext = {}) {
      const account = await db.selectFrom('platform.account').selectAll().where('id', '=', input.accountId).executeTakeFirst();
      if (!account || !account.password_hash) throw new AppError('FORBIDDEN');
      const waitUntil = await admitAttempt(account.username);
      if (waitUntil) throw new AppError('ACCOUNT_LOCKED', { params: { until: waitUntil.toISOString() } });
      const ok = await verify(account.password_hash, input.current).catch(() => false);
      if (!ok) {
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'currentPassword', code: 'PASSWORD_WRONG', text: fieldMessage('PASSWORD_WRONG'), message: 'wrong current password' }] });
      }
      if (input.next === input.current) {
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'newPassword', code: 'PASSWORD_UNCHANGED', text: fieldMessage('PASSWORD_UNCHANGED'), message: 'same as the current password' }] });
      }
      assertPasswordAccepted(input.next, account.username, 'newPassword');
      const passwordHash = await hashPassword(input.next);
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('platform.account').set({ password_hash: passwordHash, must_change_password: false, updated_at: clock.now() }).where('id', '=', account.id).execute();
        await tx.deleteFrom('platform.login_throttle').where('key', '=', throttleKey(account.username)).execute();
        const n = await endSessions(tx, account.id);
        await audit.record(tx, ctx, { action: 'auth.password-change', entityType: 'account', entityId: account.id, after: { sessionsEnded: n } });
      });
    },

    /** An administrator sets a new password (the user must change it at the next log-in); every session ends. */
    async resetPassword(input: { accountId: string; password: string }, ctx: AuditContext = {}) {
      const account = await db.selectFrom('platform.account').selectAll().where('id', '=', input.accountId).executeTakeFirst();
      if (!account) throw new AppError('NOT_FOUND');
      if (account.kind === 'system' || (account.roles ?? []).some((r) => (TOKEN_ONLY_ROLES as readonly string[]).includes(r))) {
        throw new AppError('INVALID_STATE', { text: { 'zh-CN': '系统账户只能使用令牌，不能设置密码', 'zh-TW': '系統帳戶只能使用權杖，不能設定密碼', en: 'System accounts use tokens only and cannot have a password' } });
      }
      assertPasswordAccepted(input.password, account.username);
      const passwordHash = await hashPassword(input.password);
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('platform.account').set({ password_hash: passwordHash, must_change_password: true, updated_at: clock.now() }).where('id', '=', account.id).execute();
        await tx.deleteFrom('platform.login_throttle').where('key', '=', throttleKey(account.username)).execute();
        const n = await endSessions(tx, account.id);
        await audit.record(tx, ctx, { action: 'account.password-reset', entityType: 'account', entityId: account.id, after: { sessionsEnded: n } });
      });
    },

    /** Disables (or re-enables) an account; disabling ends its sessions (its API tokens stop resolving). */
    async setDisabled(input: { accountId: string; disabled: boolean }, ctx: AuditContext = {}) {
      const account = await db.selectFrom('platform.account').select(['id', 'disabled']).where('id', '=', input.accountId).executeTakeFirst();
      if (!account) throw new AppError('NOT_FOUND');
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('platform.account').set({ disabled: input.disabled, updated_at: clock.now() }).where('id', '=', account.id).execute();
        const n = input.disabled ? await endSessions(tx, account.id) : 0;
        await audit.record(tx, ctx, { action: input.disabled ? 'account.disable' : 'account.enable', entityType: 'account', entityId: account.id, before: { disabled: account.disabled }, after: { disabled: input.disabled, sessionsEnded: n } });
      });
    },

    /** Accounts for the admin page (no secrets). */
    async listAccounts(options: { limit: number; after?: string }) {
      let q = db
        .selectFrom('platform.account')
        .select(['id', 'kind', 'username', 'display_name', 'roles', 'jurisdiction', 'disabled', 'must_change_password'])
        .orderBy('username')
        .limit(options.limit);
      if (options.after) q = q.where('username', '>', options.after);
      return q.execute();
    },

    /** Resolves a session cookie to its actor and CSRF token; null when unknown or expired. */
    async resolveSession(token: string): Promise<{ actor: Actor; csrf: string } | null> {
      const row = await db
        .selectFrom('platform.session as s')
        .innerJoin('platform.account as a', 'a.id', 's.account_id')
        .selectAll('a')
        .select(['s.csrf_token', 's.expires_at'])
        .where('s.token_hash', '=', sessionHash(token))
        .executeTakeFirst();
      if (!row || new Date(row.expires_at) <= clock.now() || row.disabled) return null;
      return { actor: await actorFromAccount(row, 'session'), csrf: row.csrf_token };
    },

    /** Issues an API token for a machine client; the plain token is shown once, only its hash is kept. */
    async createApiToken(accountId: string, name: string, ctx: AuditContext = {}) {
      const token = `xf_${crypto.randomToken(24)}`;
      await db.transaction().execute(async (tx) => {
        const row = await tx
          .insertInto('platform.api_token')
          .values({ account_id: accountId, name, prefix: token.slice(0, 8), token_hash: crypto.sha256(token) })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit.record(tx, ctx, { action: 'api-token.create', entityType: 'api_token', entityId: row.id, after: { accountId, name, prefix: token.slice(0, 8) } });
      });
      return token;
    },

    async resolveApiToken(token: string): Promise<Actor | null> {
      const row = await db
        .selectFrom('platform.api_token as t')
        .innerJoin('platform.account as a', 'a.id', 't.account_id')
        .selectAll('a')
        .select(['t.id as token_id', 't.revoked_at'])
        .where('t.token_hash', '=', crypto.sha256(token))
        .executeTakeFirst();
      if (!row || row.revoked_at || row.disabled) return null;
      return actorFromAccount(row, 'token');
    },

    async revokeApiToken(id: string, ctx: AuditContext = {}) {
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('platform.api_token').set({ revoked_at: clock.now() }).where('id', '=', id).execute();
        await audit.record(tx, ctx, { action: 'api-token.revoke', entityType: 'api_token', entityId: id });
      });
    },

    async findAccountId(username: string): Promise<string | null> {
      const row = await db.selectFrom('platform.account').select('id').where('username', '=', username).executeTakeFirst();
      return row?.id ?? null;
    },

    /** The enabled business accounts bound to an enterprise (who is told of a change made for it). */
    async boundAccounts(creditCode: string, tx: DbOrTx = db): Promise<string[]> {
      const rows = await tx
        .selectFrom('platform.account_enterprise as b')
        .innerJoin('platform.account as a', 'a.id', 'b.account_id')
        .select('b.account_id')
        .where('b.credit_code', '=', creditCode)
        .where('a.disabled', '=', false)
        .execute();
      return rows.map((r) => r.account_id);
    },

    async bindEnterprise(accountId: string, creditCode: string, ctx: AuditContext = {}) {
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('platform.account_enterprise')
          .values({ account_id: accountId, credit_code: creditCode })
          .onConflict((oc) => oc.doNothing())
          .execute();
        await audit.record(tx, ctx, { action: 'account.bind-enterprise', entityType: 'account', entityId: accountId, after: { creditCode } });
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

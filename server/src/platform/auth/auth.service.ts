import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../db/database.js';
import type { Clock } from '../clock/clock.js';
import type { Crypto } from '../crypto/crypto.js';
import type { Audit, AuditContext } from '../audit/audit.js';
import { AppError } from '../errors/app-error.js';
import type { Actor, AccountKind, Role } from './roles.js';

export interface AuthSettings {
  maxFailures: number;
  lockMinutes: number;
  sessionHours: number;
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

    /** Checks the password; locks the account after repeated failures. Returns a new session. */
    async login(input: { username: string; password: string; ip?: string | null; userAgent?: string | null; requestId?: string | null }) {
      const account = await db.selectFrom('platform.account').selectAll().where('username', '=', input.username).executeTakeFirst();
      const now = clock.now();
      if (!account || !account.password_hash || account.disabled || account.kind === 'system') {
        dummyHash ??= hashPassword('xingfeng-dummy-password');
        await verify(await dummyHash, input.password).catch(() => false);
        throw new AppError('INVALID_CREDENTIALS');
      }
      if (account.locked_until && new Date(account.locked_until) > now) {
        throw new AppError('ACCOUNT_LOCKED', { params: { until: new Date(account.locked_until).toISOString() } });
      }
      const ok = await verify(account.password_hash, input.password).catch(() => false);
      const ctx: AuditContext = { actorId: account.id, actorName: account.username, ip: input.ip, requestId: input.requestId };
      if (!ok) {
        const failures = Number(account.failed_logins) + 1;
        const lock = failures >= settings.maxFailures;
        const lockedUntil = lock ? new Date(now.getTime() + settings.lockMinutes * 60_000) : null;
        await db.transaction().execute(async (tx) => {
          await tx
            .updateTable('platform.account')
            .set({ failed_logins: lock ? 0 : failures, locked_until: lockedUntil })
            .where('id', '=', account.id)
            .execute();
          await audit.record(tx, ctx, { action: lock ? 'auth.lock' : 'auth.login-failed', entityType: 'account', entityId: account.id, after: { failures } });
        });
        if (lock) throw new AppError('ACCOUNT_LOCKED', { params: { until: lockedUntil!.toISOString() } });
        throw new AppError('INVALID_CREDENTIALS');
      }
      const token = crypto.randomToken();
      const csrf = crypto.randomToken(18);
      const expiresAt = new Date(now.getTime() + settings.sessionHours * 3_600_000);
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('platform.account').set({ failed_logins: 0, locked_until: null }).where('id', '=', account.id).execute();
        await tx
          .insertInto('platform.session')
          .values({ token_hash: crypto.sha256(token), account_id: account.id, csrf_token: csrf, ip: input.ip ?? null, user_agent: input.userAgent ?? null, expires_at: expiresAt })
          .execute();
        await audit.record(tx, ctx, { action: 'auth.login', entityType: 'account', entityId: account.id });
      });
      return { token, csrf, expiresAt, actor: await actorFromAccount(account, 'session') };
    },

    async logout(token: string) {
      await db.deleteFrom('platform.session').where('token_hash', '=', crypto.sha256(token)).execute();
    },

    /** Resolves a session cookie to its actor and CSRF token; null when unknown or expired. */
    async resolveSession(token: string): Promise<{ actor: Actor; csrf: string } | null> {
      const row = await db
        .selectFrom('platform.session as s')
        .innerJoin('platform.account as a', 'a.id', 's.account_id')
        .selectAll('a')
        .select(['s.csrf_token', 's.expires_at'])
        .where('s.token_hash', '=', crypto.sha256(token))
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

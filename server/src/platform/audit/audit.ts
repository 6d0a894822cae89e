import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, DbOrTx } from '../db/database.js';
import type { Clock } from '../clock/clock.js';
import { checkpointMessage, loadAuditSigner, type AuditSigner } from './signing.js';

/** Who did something, from where: every audited action carries one. */
export interface AuditContext {
  actorId?: string | null;
  actorName?: string | null;
  ip?: string | null;
  requestId?: string | null;
}

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  requestId: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

/** Canonical JSON: keys sorted, so the hash does not depend on key order or the engine's jsonb layout. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  const material = canonicalJson({
    seq: e.seq,
    at: e.at,
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    ip: e.ip,
    requestId: e.requestId,
    before: e.before ?? null,
    after: e.after ?? null,
    prevHash: e.prevHash,
  });
  return createHash('sha256').update(material).digest('hex');
}

function normalize(value: unknown): unknown {
  // Round-trip through JSON so what we hash is exactly what jsonb stores and returns.
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

export interface Audit {
  /**
   * Appends an entry inside the caller's transaction: one insert, no lock shared with other
   * writers. The sealer chains it in the background (`seal`).
   */
  record(tx: DbOrTx, ctx: AuditContext, input: AuditInput): Promise<void>;
  /** Chains every entry not yet sealed, in sequence order, and signs a checkpoint of the new head. Returns how many. */
  seal(): Promise<number>;
  /** Seals what is pending, then checks the chain and every signed checkpoint (and any published heads given). */
  verify(options?: { against?: SignedHead[] }): Promise<AuditVerification>;
  list(options: { after?: number; limit: number; entityType?: string; entityId?: string }): Promise<AuditEntry[]>;
  /** The signed heads, oldest first (the published series). */
  checkpoints(options?: { after?: number; limit?: number }): Promise<SignedHead[]>;
  signer: AuditSigner;
}

/** A signed checkpoint of the chain head, as published and exported. */
export interface SignedHead {
  chainPos: number;
  hash: string;
  signedAt: string;
  keyId: string;
  signature: string;
}

export interface AuditProblem {
  seq: number;
  kind: 'edited' | 'inserted' | 'deleted' | 'broken-link' | 'head-mismatch' | 'bad-signature' | 'truncated' | 'rewritten';
  detail: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  headSeq: number;
  /** Signed checkpoints checked. */
  checkpoints: number;
  problems: AuditProblem[];
}

const SEAL_LOCK = 748_103; // advisory-lock key of the sealer
const SEAL_BATCH = 2000;

export function createAudit(db: Db, clock: Clock, signer: AuditSigner = loadAuditSigner({})): Audit {
  async function sealBatch(): Promise<number> {
    return db.transaction().execute(async (tx) => {
      const got = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${SEAL_LOCK}) as ok`.execute(tx);
      if (!got.rows[0]?.ok) return 0;
      const head = (await sql<{ seq: number; hash: string }>`select seq, hash from platform.audit_head where id = 1 for update`.execute(tx)).rows[0];
      const rows = await tx.selectFrom('platform.audit_entry').selectAll().where('chain_pos', 'is', null).orderBy('seq').limit(SEAL_BATCH).execute();
      if (!rows.length) return 0;
      let pos = Number(head.seq);
      let prevHash = head.hash;
      for (const r of rows) {
        const e = toEntry({ ...r, prev_hash: prevHash });
        const hash = entryHash(e);
        pos++;
        await tx.updateTable('platform.audit_entry').set({ chain_pos: pos, prev_hash: prevHash, hash }).where('seq', '=', e.seq).execute();
        prevHash = hash;
      }
      await tx.updateTable('platform.audit_head').set({ seq: pos, hash: prevHash }).where('id', '=', 1).execute();
      const signedAt = clock.now().toISOString();
      await tx
        .insertInto('platform.audit_checkpoint')
        .values({ chain_pos: pos, hash: prevHash, signed_at: signedAt, key_id: signer.keyId, signature: signer.sign(checkpointMessage(pos, prevHash, signedAt)) })
        .onConflict((oc) => oc.column('chain_pos').doNothing())
        .execute();
      return rows.length;
    });
  }

  const audit: Audit = {
    signer,
    async record(tx, ctx, input) {
      await tx
        .insertInto('platform.audit_entry')
        .values({
          at: clock.now().toISOString(),
          actor_id: ctx.actorId ?? null,
          actor_name: ctx.actorName ?? null,
          action: input.action,
          entity_type: input.entityType,
          entity_id: input.entityId ?? null,
          ip: ctx.ip ?? null,
          request_id: ctx.requestId ?? null,
          before: input.before === undefined || input.before === null ? null : JSON.stringify(normalize(input.before)),
          after: input.after === undefined || input.after === null ? null : JSON.stringify(normalize(input.after)),
        })
        .execute();
    },

    async seal() {
      let total = 0;
      for (;;) {
        const n = await sealBatch();
        total += n;
        if (n < SEAL_BATCH) return total;
      }
    },

    async verify(options = {}) {
      await audit.seal();
      const problems: AuditProblem[] = [];
      const head = await db.selectFrom('platform.audit_head').selectAll().executeTakeFirstOrThrow();
      let expectedPos = 1;
      let prevHash = 'GENESIS';
      let count = 0;
      let after = 0;
      const hashAt = new Map<number, string>();
      const heads = [...(await audit.checkpoints({ limit: 1_000_000 })), ...(options.against ?? [])];
      const wanted = new Set(heads.map((h) => h.chainPos));
      for (;;) {
        const rows = await db.selectFrom('platform.audit_entry').selectAll().where('chain_pos', '>', after).orderBy('chain_pos').limit(2000).execute();
        if (!rows.length) break;
        for (const raw of rows) {
          const r = toEntry(raw);
          const pos = Number(raw.chain_pos);
          count++;
          if (pos > expectedPos) problems.push({ seq: expectedPos, kind: 'deleted', detail: `entries ${expectedPos}–${pos - 1} are missing` });
          if (entryHash(r) !== r.hash) problems.push({ seq: pos, kind: 'edited', detail: 'the entry does not match its hash' });
          else if (r.prevHash !== prevHash) problems.push({ seq: pos, kind: pos < expectedPos ? 'inserted' : 'broken-link', detail: 'the entry does not link to the one before it' });
          if (wanted.has(pos)) hashAt.set(pos, r.hash);
          prevHash = r.hash;
          expectedPos = pos + 1;
          after = pos;
        }
      }
      const headSeq = Number(head.seq);
      if (headSeq !== expectedPos - 1 || head.hash !== prevHash) {
        problems.push({ seq: headSeq, kind: headSeq > expectedPos - 1 ? 'deleted' : 'head-mismatch', detail: `chain head says ${headSeq}, the log ends at ${expectedPos - 1}` });
      }
      // Signed checkpoints (stored and published): a rewrite or a cut tail cannot match them.
      for (const h of heads) {
        if (!signer.verify(checkpointMessage(h.chainPos, h.hash, h.signedAt), h.signature)) {
          problems.push({ seq: h.chainPos, kind: 'bad-signature', detail: `the checkpoint at ${h.chainPos} is not signed by key ${signer.keyId}` });
          continue;
        }
        const at = hashAt.get(h.chainPos);
        if (at === undefined) problems.push({ seq: h.chainPos, kind: 'truncated', detail: `a signed checkpoint covers entry ${h.chainPos}; the log ends at ${expectedPos - 1}` });
        else if (at !== h.hash) problems.push({ seq: h.chainPos, kind: 'rewritten', detail: `the chain at ${h.chainPos} differs from the head signed at ${h.signedAt}` });
      }
      return { ok: problems.length === 0, entries: count, headSeq, checkpoints: heads.length, problems };
    },

    async list({ after, limit, entityType, entityId }) {
      let q = db.selectFrom('platform.audit_entry').selectAll().orderBy('seq', 'desc').limit(limit);
      if (after) q = q.where('seq', '<', after);
      if (entityType) q = q.where('entity_type', '=', entityType);
      if (entityId) q = q.where('entity_id', '=', entityId);
      return (await q.execute()).map(toEntry);
    },

    async checkpoints({ after = 0, limit = 1000 } = {}) {
      const rows = await db.selectFrom('platform.audit_checkpoint').selectAll().where('chain_pos', '>', after).orderBy('chain_pos').limit(limit).execute();
      return rows.map((r) => ({
        chainPos: Number(r.chain_pos),
        hash: r.hash,
        signedAt: r.signed_at instanceof Date ? r.signed_at.toISOString() : new Date(r.signed_at).toISOString(),
        keyId: r.key_id,
        signature: r.signature,
      }));
    },
  };
  return audit;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of the untyped Kysely<any> handle until repositories use the generated Database interface (issue 10)
function toEntry(r: any): AuditEntry {
  return {
    seq: Number(r.seq),
    at: r.at instanceof Date ? r.at.toISOString() : new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    ip: r.ip,
    requestId: r.request_id,
    before: r.before ?? null,
    after: r.after ?? null,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

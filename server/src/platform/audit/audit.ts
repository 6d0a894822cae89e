import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, DbOrTx } from '../db/database.js';
import type { Clock } from '../clock/clock.js';

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
  /** Appends an entry inside the caller's transaction. Call it last in the transaction: it locks the chain head. */
  record(tx: DbOrTx, ctx: AuditContext, input: AuditInput): Promise<void>;
  verify(): Promise<AuditVerification>;
  list(options: { after?: number; limit: number; entityType?: string; entityId?: string }): Promise<AuditEntry[]>;
}

export interface AuditProblem {
  seq: number;
  kind: 'edited' | 'inserted' | 'deleted' | 'broken-link' | 'head-mismatch';
  detail: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  headSeq: number;
  problems: AuditProblem[];
}

export function createAudit(db: Db, clock: Clock): Audit {
  return {
    async record(tx, ctx, input) {
      const head = await sql<{ seq: number; hash: string }>`
        select seq, hash from platform.audit_head where id = 1 for update`.execute(tx);
      const prev = head.rows[0];
      const entry: Omit<AuditEntry, 'hash'> = {
        seq: Number(prev.seq) + 1,
        at: clock.now().toISOString(),
        actorId: ctx.actorId ?? null,
        actorName: ctx.actorName ?? null,
        action: input.action,
        entityType: input.entityType,
        entityId: input.entityId ?? null,
        ip: ctx.ip ?? null,
        requestId: ctx.requestId ?? null,
        before: normalize(input.before),
        after: normalize(input.after),
        prevHash: prev.hash,
      };
      const hash = entryHash(entry);
      await tx
        .insertInto('platform.audit_entry')
        .values({
          seq: entry.seq,
          at: entry.at,
          actor_id: entry.actorId,
          actor_name: entry.actorName,
          action: entry.action,
          entity_type: entry.entityType,
          entity_id: entry.entityId,
          ip: entry.ip,
          request_id: entry.requestId,
          before: entry.before === null ? null : JSON.stringify(entry.before),
          after: entry.after === null ? null : JSON.stringify(entry.after),
          prev_hash: entry.prevHash,
          hash,
        })
        .execute();
      await tx.updateTable('platform.audit_head').set({ seq: entry.seq, hash }).where('id', '=', 1).execute();
    },

    async verify() {
      const problems: AuditProblem[] = [];
      const head = await db.selectFrom('platform.audit_head').selectAll().executeTakeFirstOrThrow();
      let expectedSeq = 1;
      let prevHash = 'GENESIS';
      let count = 0;
      let after = 0;
      for (;;) {
        const rows = await db
          .selectFrom('platform.audit_entry')
          .selectAll()
          .where('seq', '>', after)
          .orderBy('seq')
          .limit(2000)
          .execute();
        if (!rows.length) break;
        for (const r of rows.map(toEntry)) {
          count++;
          if (r.seq > expectedSeq) {
            problems.push({ seq: expectedSeq, kind: 'deleted', detail: `entries ${expectedSeq}–${r.seq - 1} are missing` });
          }
          const recomputed = entryHash(r);
          if (recomputed !== r.hash) {
            problems.push({ seq: r.seq, kind: 'edited', detail: 'the entry does not match its hash' });
          } else if (r.prevHash !== prevHash) {
            problems.push({
              seq: r.seq,
              kind: r.seq < expectedSeq ? 'inserted' : 'broken-link',
              detail: 'the entry does not link to the one before it',
            });
          }
          prevHash = r.hash;
          expectedSeq = r.seq + 1;
          after = r.seq;
        }
      }
      const headSeq = Number(head.seq);
      if (headSeq !== expectedSeq - 1 || head.hash !== prevHash) {
        problems.push({
          seq: headSeq,
          kind: headSeq > expectedSeq - 1 ? 'deleted' : 'head-mismatch',
          detail: `chain head says ${headSeq}, the log ends at ${expectedSeq - 1}`,
        });
      }
      return { ok: problems.length === 0, entries: count, headSeq, problems };
    },

    async list({ after, limit, entityType, entityId }) {
      let q = db.selectFrom('platform.audit_entry').selectAll().orderBy('seq', 'desc').limit(limit);
      if (after) q = q.where('seq', '<', after);
      if (entityType) q = q.where('entity_type', '=', entityType);
      if (entityId) q = q.where('entity_id', '=', entityId);
      return (await q.execute()).map(toEntry);
    },
  };
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

import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, DbOrTx } from '../db/database.js';
import type { Clock } from '../clock/clock.js';
import type { EventDeclaration, EventInput, EventPayload } from '../../../../contracts/events.js';

export type { EventDeclaration };

/** What a handler receives: the event and its delivery attempt. */
export interface OutboxMessage<P = unknown> {
  /** Stable id of the event, the same on every retry and for every handler: receivers dedupe on it. */
  eventId: string;
  topic: string;
  payload: P;
  attempt: number;
  orderingKey: string | null;
  createdAt: Date;
}

/**
 * A subscriber of one or more topics. `handle` must be idempotent by `eventId`: it may run again
 * after a crash between its effect and the row being marked done.
 */
export interface OutboxHandler {
  /** Unique, stable name (it is stored on every outbox row). */
  name: string;
  /** The declared events it consumes (contracts/events.ts); payloads are validated before `handle`. */
  events: readonly EventDeclaration[];
  handle(message: OutboxMessage, tools: { db: Db }): Promise<void>;
  /** Attempts before a dead letter (defaults to the configured maximum). */
  maxAttempts?: number;
}

/** A handler of one declared event, its payload typed from the declaration. */
export function handlerOf<E extends EventDeclaration>(
  event: E,
  handler: { name: string; maxAttempts?: number; handle(message: OutboxMessage<EventPayload<E>>, tools: { db: Db }): Promise<void> },
): OutboxHandler {
  return { name: handler.name, maxAttempts: handler.maxAttempts, events: [event], handle: handler.handle as OutboxHandler['handle'] };
}

export interface AppendOptions {
  /** Events with the same key reach each handler in the order they were appended. */
  orderingKey?: string;
  /** Deliver no earlier than this instant (scheduled work such as deadline alerts). */
  availableAt?: Date;
  /** Reuse an event id (an idempotent re-append is ignored). */
  eventId?: string;
}

export interface Outbox {
  /**
   * Writes the event, one row per subscribed handler, inside the caller's transaction: the event
   * exists exactly when the change that caused it was committed. The payload is checked against the
   * event's declaration (a mismatch is a programming error and throws). Returns the event id.
   */
  append<E extends EventDeclaration>(tx: DbOrTx, event: E, payload: EventInput<E>, options?: AppendOptions): Promise<string>;
  /** Adds subscribers (at composition, before the first append). */
  register(handlers: OutboxHandler[]): void;
  handlers(): OutboxHandler[];
  handlersFor(topic: string): OutboxHandler[];
}

export interface OutboxSettings {
  maxAttempts: number;
  backoffMs: number;
}

export function createOutbox(settings: OutboxSettings, clock: Clock): Outbox {
  const byTopic = new Map<string, OutboxHandler[]>();
  const all: OutboxHandler[] = [];
  return {
    register(handlers) {
      for (const h of handlers) {
        if (all.some((x) => x.name === h.name)) throw new Error(`Duplicate outbox handler ${h.name}`);
        all.push(h);
        for (const e of h.events) byTopic.set(e.topic, [...(byTopic.get(e.topic) ?? []), h]);
      }
    },
    handlers: () => [...all],
    handlersFor: (topic) => byTopic.get(topic) ?? [],
    async append(tx, event, payload, options = {}) {
      const eventId = options.eventId ?? randomUUID();
      const checked = event.payload.parse(payload);
      const topic = event.topic;
      const subscribers = byTopic.get(topic) ?? [];
      if (!subscribers.length) return eventId;
      await tx
        .insertInto('platform.outbox_event')
        .values(
          subscribers.map((h) => ({
            event_id: eventId,
            topic,
            handler: h.name,
            ordering_key: options.orderingKey ?? null,
            payload: JSON.stringify(checked),
            max_attempts: h.maxAttempts ?? settings.maxAttempts,
            available_at: options.availableAt ?? clock.now(),
          })),
        )
        .onConflict((oc) => oc.columns(['event_id', 'handler']).doNothing())
        .execute();
      return eventId;
    },
  };
}

/** Exponential backoff with full jitter: a random delay in [base·2^(n−1)/2, base·2^(n−1)], capped at an hour. */
export function backoffDelay(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export interface WorkerOptions {
  db: Db;
  clock: Clock;
  handlers: OutboxHandler[];
  settings: OutboxSettings;
  /** Identifies this worker on the rows it claims. */
  workerId?: string;
  batchSize?: number;
  pollMs?: number;
  /** A claimed row whose worker died is released after this long. */
  leaseMs?: number;
  /** Largest number of handlers running at once. */
  concurrency?: number;
  /** Per-handler call timeout. */
  handlerTimeoutMs?: number;
  log?: { info(o: object, m?: string): void; warn(o: object, m?: string): void; error(o: object, m?: string): void };
}

export interface OutboxWorker {
  start(): void;
  /** Processes everything available now (tests and the CLI); returns how many rows were handled. */
  drain(options?: { maxRounds?: number }): Promise<number>;
  /** Stops claiming, lets running handlers finish, releases anything claimed but not started. */
  stop(timeoutMs?: number): Promise<void>;
  /** Puts claimed rows whose lease expired back to pending (a crashed worker's rows). */
  reclaimExpired(): Promise<number>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of the untyped Kysely<any> handle until repositories use the generated Database interface (issue 10)
type Row = any;

export function createOutboxWorker(options: WorkerOptions): OutboxWorker {
  const { db, clock, settings } = options;
  const workerId = options.workerId ?? `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  const batchSize = options.batchSize ?? 50;
  const pollMs = options.pollMs ?? 250;
  const leaseMs = options.leaseMs ?? 60_000;
  const concurrency = options.concurrency ?? 16;
  const timeoutMs = options.handlerTimeoutMs ?? 30_000;
  const byName = new Map(options.handlers.map((h) => [h.name, h]));
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let loop: Promise<void> | undefined;
  const inFlight = new Set<Promise<void>>();

  async function claim(limit: number): Promise<Row[]> {
    // Skip rows another worker holds; keep per-key order by never claiming a row while an earlier
    // row with the same (handler, ordering key) is still pending or being processed.
    const now = clock.now();
    const res = await sql<Row>`
      update platform.outbox_event e
         set status = 'processing', locked_at = ${now}, locked_by = ${workerId}, attempts = e.attempts + 1
        from (
          select id from platform.outbox_event c
           where c.status = 'pending' and c.available_at <= ${now}
             and (c.ordering_key is null or not exists (
                  select 1 from platform.outbox_event p
                   where p.handler = c.handler and p.ordering_key = c.ordering_key
                     and p.seq < c.seq and p.status in ('pending', 'processing')))
           order by c.seq
           limit ${limit}
           for update skip locked
        ) picked
       where e.id = picked.id
      returning e.*`.execute(db);
    return res.rows.sort((a: Row, b: Row) => Number(a.seq) - Number(b.seq));
  }

  async function processRow(row: Row): Promise<void> {
    const handler = byName.get(row.handler);
    try {
      if (!handler) throw new Error(`No handler named ${row.handler}`);
      const declaration = handler.events.find((e) => e.topic === row.topic);
      if (!declaration) throw new Error(`Handler ${row.handler} does not consume ${row.topic}`);
      const message: OutboxMessage = {
        eventId: row.event_id,
        topic: row.topic,
        // A payload that no longer matches its declaration fails (and ends as a dead letter).
        payload: declaration.payload.parse(row.payload),
        attempt: Number(row.attempts),
        orderingKey: row.ordering_key,
        createdAt: new Date(row.created_at),
      };
      await withTimeout(handler.handle(message, { db }), timeoutMs);
      await db
        .updateTable('platform.outbox_event')
        // locked_by stays: the worker that made the delivery (operations: which process did what).
        .set({ status: 'done', processed_at: clock.now(), locked_at: null, last_error: null })
        .where('id', '=', row.id)
        .where('locked_by', '=', workerId)
        .execute();
    } catch (err) {
      const attempts = Number(row.attempts);
      const dead = attempts >= Number(row.max_attempts);
      const delay = backoffDelay(attempts, settings.backoffMs);
      const error = err instanceof Error ? err.message : String(err);
      options.log?.warn({ eventId: row.event_id, handler: row.handler, attempts, dead, err: error }, 'outbox delivery failed');
      await db
        .updateTable('platform.outbox_event')
        .set({
          status: dead ? 'dead' : 'pending',
          available_at: new Date(clock.now().getTime() + (dead ? 0 : delay)),
          locked_at: null,
          locked_by: null,
          last_error: error.slice(0, 2000),
        })
        .where('id', '=', row.id)
        .where('locked_by', '=', workerId)
        .execute();
    }
  }

  async function round(): Promise<number> {
    const free = concurrency - inFlight.size;
    if (free <= 0) return 0;
    const rows = await claim(Math.min(batchSize, free));
    // Rows of one ordering key run one after another; different keys run in parallel.
    const groups = new Map<string, Row[]>();
    for (const r of rows) {
      const key = r.ordering_key ? `${r.handler}\u0000${r.ordering_key}` : r.id;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const work: Promise<void>[] = [];
    for (const group of groups.values()) {
      const p = (async () => {
        for (const r of group) await processRow(r);
      })();
      inFlight.add(p);
      p.finally(() => inFlight.delete(p));
      work.push(p);
    }
    await Promise.all(work);
    return rows.length;
  }

  async function reclaimExpired(): Promise<number> {
    const cutoff = new Date(clock.now().getTime() - leaseMs);
    const res = await db
      .updateTable('platform.outbox_event')
      .set({ status: 'pending', locked_at: null, locked_by: null })
      .where('status', '=', 'processing')
      .where('locked_at', '<', cutoff)
      .executeTakeFirst();
    return Number(res.numUpdatedRows ?? 0);
  }

  let lastReclaim = -Infinity;
  async function tick() {
    if (!running) return;
    let handled = 0;
    try {
      // Elapsed time between polls (a monotonic timer), not the business clock.
      if (performance.now() - lastReclaim > Math.min(leaseMs, 5000)) {
        lastReclaim = performance.now();
        await reclaimExpired();
      }
      handled = await round();
    } catch (err) {
      options.log?.error({ err: (err as Error).message }, 'outbox poll failed');
    }
    if (running) timer = setTimeout(() => (loop = tick()), handled > 0 ? 0 : pollMs);
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = tick();
    },
    async drain({ maxRounds = 1000 } = {}) {
      let total = 0;
      for (let i = 0; i < maxRounds; i++) {
        const n = await round();
        if (n === 0) break;
        total += n;
      }
      return total;
    },
    async stop(timeout = 10_000) {
      running = false;
      if (timer) clearTimeout(timer);
      // Wait for the poll loop and the running handlers, but no longer than `timeout`.
      let timeoutTimer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([loop, ...inFlight]),
        new Promise((r) => (timeoutTimer = setTimeout(r, timeout))),
      ]);
      clearTimeout(timeoutTimer);
      // Anything still claimed by this worker goes back to the queue for another worker.
      await db
        .updateTable('platform.outbox_event')
        .set({ status: 'pending', locked_at: null, locked_by: null, attempts: sql`greatest(attempts - 1, 0)` })
        .where('status', '=', 'processing')
        .where('locked_by', '=', workerId)
        .execute();
    },
    reclaimExpired,
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`handler timed out after ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

/** Admin views of the outbox: dead letters and a retry. */
export function createOutboxAdmin(db: Db, clock: Clock) {
  return {
    async stats() {
      const rows = await db
        .selectFrom('platform.outbox_event')
        .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy('status')
        .execute();
      return Object.fromEntries(rows.map((r: Row) => [r.status, Number(r.count)])) as Record<string, number>;
    },
    async deadLetters(options: { after?: number; limit: number }) {
      let q = db.selectFrom('platform.outbox_event').selectAll().where('status', '=', 'dead').orderBy('seq', 'desc').limit(options.limit);
      if (options.after) q = q.where('seq', '<', options.after);
      return q.execute();
    },
    /** Puts a dead letter back in the queue with a fresh set of attempts. Returns false if it was not dead. */
    async retry(id: string) {
      const res = await db
        .updateTable('platform.outbox_event')
        .set({ status: 'pending', attempts: 0, available_at: clock.now(), last_error: null })
        .where('id', '=', id)
        .where('status', '=', 'dead')
        .executeTakeFirst();
      return Number(res.numUpdatedRows ?? 0) > 0;
    },
  };
}

/**
 * Runs `apply` at most once per (handler, event): records the event id in the same transaction as
 * the handler's own database effect.
 */
export async function onceInTransaction(db: Db, handler: string, eventId: string, apply: (tx: DbOrTx) => Promise<void>): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('platform.processed_event')
      .values({ handler, event_id: eventId })
      .onConflict((oc) => oc.columns(['handler', 'event_id']).doNothing())
      .returning('event_id')
      .executeTakeFirst();
    if (!inserted) return false;
    await apply(tx);
    return true;
  });
}

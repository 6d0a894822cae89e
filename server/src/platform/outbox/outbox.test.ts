import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { defineEvent } from '../../../../contracts/events.js';
import { backoffDelay, createOutboxWorker, type OutboxHandler, type OutboxMessage } from './outbox.js';

describe('backoffDelay', () => {
  test('grows exponentially with full jitter and is capped', () => {
    assert.equal(backoffDelay(1, 1000, () => 0), 500);
    assert.equal(backoffDelay(1, 1000, () => 1), 1000);
    assert.equal(backoffDelay(4, 1000, () => 1), 8000);
    assert.equal(backoffDelay(4, 1000, () => 0), 4000);
    assert.equal(backoffDelay(40, 1000, () => 1), 3_600_000);
  });
});

const TEST_ORDERED = defineEvent({ topic: 'test.ordered', version: 1, description: 'test', payload: z.object({ n: z.number() }) });
const TEST_FLAKY = defineEvent({ topic: 'test.flaky', version: 1, description: 'test', payload: z.object({ x: z.number() }) });
const TEST_BLOCKING = defineEvent({ topic: 'test.blocking', version: 1, description: 'test', payload: z.object({ n: z.number() }) });

describe('outbox', () => {
  let t: TestApp;
  const seen: { key: string | null; n: number; event: string }[] = [];
  let failUntil = 0;
  let calls = 0;
  // A handler that signals when it starts and finishes only when the test opens the gate.
  let entered: () => void = () => {};
  let openGate: () => void = () => {};
  let blockingCalls = 0;
  const blocking: OutboxHandler = {
    name: 'test.blocking',
    events: [TEST_BLOCKING],
    async handle() {
      blockingCalls++;
      entered();
      await new Promise<void>((r) => (openGate = r));
    },
  };
  before(async () => {
    t = await createTestApp({
      build: {
        handlers: [
          {
            name: 'test.ordered',
            events: [TEST_ORDERED],
            async handle(m: OutboxMessage) {
              const p = m.payload as { n: number };
              seen.push({ key: m.orderingKey, n: p.n, event: m.eventId });
            },
          },
          {
            name: 'test.flaky',
            events: [TEST_FLAKY],
            maxAttempts: 3,
            async handle() {
              calls++;
              if (calls <= failUntil) throw new Error('receiver down');
            },
          },
          blocking,
        ],
      },
    });
  });
  after(() => t.close());

  test('an event is written only if its transaction commits', async () => {
    await assert.rejects(
      t.platform.db.transaction().execute(async (tx) => {
        await t.platform.outbox.append(tx, TEST_ORDERED, { n: -1 });
        throw new Error('rollback');
      }),
    );
    const rows = await t.platform.db.selectFrom('platform.outbox_event').selectAll().where('topic', '=', 'test.ordered').execute();
    assert.equal(rows.length, 0);
  });

  test('events with one ordering key reach the handler in order', async () => {
    await t.platform.db.transaction().execute(async (tx) => {
      for (let n = 0; n < 30; n++) await t.platform.outbox.append(tx, TEST_ORDERED, { n }, { orderingKey: `k${n % 3}` });
    });
    await t.worker.drain();
    for (const key of ['k0', 'k1', 'k2']) {
      const ns = seen.filter((s) => s.key === key).map((s) => s.n);
      assert.equal(ns.length, 10);
      assert.deepEqual(ns, [...ns].sort((a, b) => a - b));
    }
  });

  test('a failing delivery is retried with backoff and then dead-lettered; an admin retry delivers it', async () => {
    failUntil = 3;
    calls = 0;
    const id = await t.platform.db.transaction().execute((tx) => t.platform.outbox.append(tx, TEST_FLAKY, { x: 1 }));
    for (let i = 0; i < 3; i++) {
      await t.worker.drain();
      t.clock.advance(60_000); // past any backoff
    }
    const row = await t.platform.db.selectFrom('platform.outbox_event').selectAll().where('event_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'dead');
    assert.equal(Number(row.attempts), 3);
    assert.match(row.last_error ?? '', /receiver down/);

    const admin = await t.as({ roles: ['admin'] });
    const list = await admin.get('/api/admin/outbox');
    assert.equal(list.status, 200);
    assert.ok(list.body.dead.items.some((d: { eventId: string }) => d.eventId === id));
    assert.equal((await (await t.as({ roles: ['registrar'] })).post(`/api/admin/outbox/${row.id}/retry`)).status, 403);
    assert.equal((await admin.post(`/api/admin/outbox/${row.id}/retry`)).status, 200);
    assert.equal((await admin.post(`/api/admin/outbox/${row.id}/retry`)).status, 404);
    await t.worker.drain();
    const done = await t.platform.db.selectFrom('platform.outbox_event').selectAll().where('event_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(done.status, 'done');
  });

  test('a retry waits for its backoff', async () => {
    failUntil = calls + 1;
    const id = await t.platform.db.transaction().execute((tx) => t.platform.outbox.append(tx, TEST_FLAKY, { x: 2 }));
    await t.worker.drain();
    const row = await t.platform.db.selectFrom('platform.outbox_event').selectAll().where('event_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'pending');
    assert.ok(new Date(row.available_at) > t.clock.now());
    assert.equal(await t.worker.drain(), 0);
    t.clock.advance(60_000);
    await t.worker.drain();
    const after = await t.platform.db.selectFrom('platform.outbox_event').selectAll().where('event_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(after.status, 'done');
  });

  test('graceful stop releases the rows it claimed when a handler does not finish in time', async () => {
    const id = await t.platform.db.transaction().execute((tx) => t.platform.outbox.append(tx, TEST_BLOCKING, { n: 1 }));
    const worker = createOutboxWorker({
      db: t.platform.db,
      clock: t.clock,
      handlers: [blocking],
      settings: { maxAttempts: 5, backoffMs: 1000 },
      workerId: 'stopping-worker',
    });
    const started = new Promise<void>((r) => (entered = r));
    worker.start();
    await started; // the row is claimed and its handler is running
    const claimed = await t.platform.db.selectFrom('platform.outbox_event').selectAll().where('event_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(claimed.status, 'processing');
    assert.equal(claimed.locked_by, 'stopping-worker');
    assert.equal(Number(claimed.attempts), 1);

    await worker.stop(1); // the handler is still blocked: stop gives up waiting and releases the row
    const released = await t.platform.db.selectFrom('platform.outbox_event').selectAll().where('event_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(released.status, 'pending');
    assert.equal(released.locked_by, null);
    assert.equal(Number(released.attempts), 0, 'an interrupted attempt is not counted');

    // The stopped worker's late finish does not mark the released row done; another worker delivers it.
    openGate();
    await new Promise<void>((r) => setImmediate(r));
    const next = new Promise<void>((r) => (entered = r));
    const draining = t.worker.drain();
    await next;
    openGate();
    await draining;
    const done = await t.platform.db.selectFrom('platform.outbox_event').selectAll().where('event_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(done.status, 'done');
    assert.equal(blockingCalls, 2);
  });

  test('a payload that does not match its declaration is refused at publishing and at handling', async () => {
    await assert.rejects(
      t.platform.db.transaction().execute((tx) => t.platform.outbox.append(tx, TEST_ORDERED, { n: 'one' } as never)),
      /expected number/i,
    );
    // A row written outside `append` (an old producer, a hand edit) is not given to the handler.
    const before = seen.length;
    const id = await t.platform.db.transaction().execute((tx) => t.platform.outbox.append(tx, TEST_ORDERED, { n: 7 }));
    await t.platform.db.updateTable('platform.outbox_event').set({ payload: JSON.stringify({ n: 'seven' }) }).where('event_id', '=', id).execute();
    await t.worker.drain();
    const row = await t.platform.db.selectFrom('platform.outbox_event').selectAll().where('event_id', '=', id).executeTakeFirstOrThrow();
    assert.notEqual(row.status, 'done');
    assert.match(row.last_error ?? '', /expected number/i);
    assert.equal(seen.length, before);
  });

  test('SMS notifications go through the outbox to the log adapter once, with the phone masked', async () => {
    await t.platform.db.transaction().execute((tx) => t.platform.notifier.notify(tx, { phone: '13912345678', title: '受理通知', body: '您的投诉已受理' }));
    await t.worker.drain();
    await t.worker.drain();
    const logged = await t.platform.db.selectFrom('platform.message_log').selectAll().where('channel', '=', 'sms').execute();
    assert.equal(logged.length, 1);
    assert.equal(logged[0].recipient, '139****5678');
  });
});

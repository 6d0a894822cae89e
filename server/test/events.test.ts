// The event catalogue (contracts/events.ts) is complete and every event in it goes somewhere: each
// declared event has a handler in the built app, or says in `external` who consumes it elsewhere.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EVENTS } from '../../contracts/events.js';
import { createTestApp, type TestApp } from './harness.js';

describe('event catalogue', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('every declared event has a consumer or an external mark', () => {
    const orphans = EVENTS.filter((e) => t.platform.outbox.handlersFor(e.topic).length === 0 && !e.external?.trim()).map((e) => e.topic);
    assert.deepEqual(orphans, [], 'declared events with no consumer and no `external` mark');
  });

  test('an event marked external is not also consumed here (the mark would be stale)', () => {
    const stale = EVENTS.filter((e) => e.external && t.platform.outbox.handlersFor(e.topic).length > 0).map((e) => e.topic);
    assert.deepEqual(stale, []);
  });

  test('every handler consumes declared events only, and each topic is declared once', () => {
    const topics = EVENTS.map((e) => e.topic);
    assert.equal(new Set(topics).size, topics.length);
    for (const h of t.platform.outbox.handlers()) {
      for (const e of h.events) assert.ok(EVENTS.includes(e), `${h.name} consumes ${e.topic}, which contracts/events.ts does not declare`);
    }
    for (const e of EVENTS) assert.ok(Number.isInteger(e.version) && e.version >= 1, e.topic);
  });
});

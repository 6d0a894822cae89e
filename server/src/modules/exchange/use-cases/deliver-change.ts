import type { OutboxMessage } from '../../../platform/outbox/outbox.js';
import { httpFetch } from '../../../platform/http/client.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangeRepository as repo, type FeedRow } from '../exchange.repository.js';
import { acknowledge } from '../exchange.shared.js';
import { mapView, mappedChanges } from '../domain/mapping.js';
import { sign, SIGNATURE_HEADER, KEY_ID_HEADER, EVENT_ID_HEADER, TIMESTAMP_HEADER } from '../domain/signing.js';
import { toXml } from '../domain/xml.js';
import { EXCHANGE_RULES } from '../domain/rules.js';

/**
 * The outbox handler of `exchange.delivery-queued`: maps the change to the department's fields,
 * signs it, POSTs it and records the acknowledgement (200 with a reference) or waits for the
 * callback (202). A failure is recorded on the delivery and rethrown so the outbox retries it;
 * after `maxAttempts` the delivery is dead until a registrar retries it.
 */
export async function deliverChange(deps: ExchangeDeps, input: { message: OutboxMessage<{ deliveryId: string }>; maxAttempts: number }): Promise<void> {
  const { message: m, maxAttempts } = input;
  const started = deps.clock.now();
  const d = await repo.startAttempt(deps.db, m.payload.deliveryId, started);
  if (!d) return; // acknowledged, awaiting its callback, or unknown: nothing to send
  const dep = await cachedDepartment(deps, d.department_id);
  if (!dep) return;
  const t0 = performance.now();
  const excerpt = (text: string) => text.slice(0, EXCHANGE_RULES.errorExcerptChars.value);
  try {
    if (!dep.row.enabled) throw new Error('department disabled');
    if (!dep.row.endpoint_url) throw new Error('department has no endpoint');
    const feed = await cachedFeed(deps, Number(d.feed_cursor));
    const mapping = dep.row.mapping;
    const envelope = {
      eventId: d.id,
      changeId: d.change_id,
      cursor: Number(feed.cursor),
      creditCode: String(d.credit_code),
      department: dep.row.code,
      occurredAt: new Date(feed.at).toISOString(),
      changed: mappedChanges(mapping, feed.before, feed.snapshot).map((c) => c.target),
      data: mapView(mapping, feed.snapshot),
      callbackUrl: `${deps.publicBaseUrl}/api/exchange/callbacks/${d.id}`,
    };
    const xml = dep.row.format === 'xml';
    const body = xml ? toXml('enterpriseChange', envelope) : JSON.stringify(envelope);
    const ts = String(deps.clock.now().getTime());
    const res = await httpFetch(dep.row.endpoint_url, {
      method: 'POST',
      headers: {
        'content-type': xml ? 'application/xml; charset=utf-8' : 'application/json',
        [SIGNATURE_HEADER]: sign(dep.secret, ts, body),
        [KEY_ID_HEADER]: dep.row.key_id,
        [EVENT_ID_HEADER]: d.id,
        [TIMESTAMP_HEADER]: ts,
      },
      body,
      signal: AbortSignal.timeout(Number(dep.row.timeout_ms)),
    });
    const text = await res.text();
    if (res.status === 202) {
      await repo.updateDelivery(deps.db, d.id, { status: 'awaiting_callback', last_error: null });
      return;
    }
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${excerpt(text)}`);
    const reference = referenceOf(text);
    if (!reference) throw new Error(`invalid acknowledgement: ${excerpt(text)}`);
    const durationMs = Math.round(performance.now() - t0) + Math.max(0, started.getTime() - new Date(d.queued_at).getTime());
    await acknowledge(deps, { deliveryId: d.id, reference, durationMs });
  } catch (err) {
    const dead = m.attempt >= maxAttempts;
    const message = err instanceof Error ? (err.name === 'TimeoutError' ? `timed out after ${dep.row.timeout_ms} ms` : err.message) : String(err);
    await repo.updateDelivery(deps.db, d.id, { status: dead ? 'dead' : 'failed', last_error: message.slice(0, EXCHANGE_RULES.lastErrorChars.value) });
    throw err;
  }
}

/** The `reference` of a department's JSON acknowledgement, or null. */
function referenceOf(text: string): string | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'reference' in parsed && typeof parsed.reference === 'string' && parsed.reference) return parsed.reference;
  } catch {
    /* not JSON */
  }
  return null;
}

// Departments change rarely: a short per-process cache spares a read and a decryption per delivery.
async function cachedDepartment(deps: ExchangeDeps, id: string) {
  const cache = deps.caches.departments;
  const hit = cache.get(id);
  if (hit && performance.now() - hit.at < EXCHANGE_RULES.departmentCacheMs.value) return hit; // elapsed time, not the business clock
  const row = await repo.getDepartment(deps.db, id);
  if (!row) return null;
  const entry = { at: performance.now(), row, secret: deps.crypto.decrypt(row.secret_enc) };
  cache.set(id, entry);
  return entry;
}

// Feed entries never change (append-only): a small cache serves the deliveries of one change.
async function cachedFeed(deps: ExchangeDeps, cursor: number): Promise<FeedRow> {
  const cache = deps.caches.feed;
  const hit = cache.get(cursor);
  if (hit) return hit;
  const row = await repo.getFeed(deps.db, cursor);
  if (!row) throw new Error(`feed entry ${cursor} missing`);
  cache.set(cursor, row);
  if (cache.size > EXCHANGE_RULES.feedCacheEntries.value) cache.delete(cache.keys().next().value!);
  return row;
}

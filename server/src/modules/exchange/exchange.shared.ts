// Helpers shared by the exchange use cases: loading with the checks every caller needs, the stored
// form of a change's items, the approval transaction, the one notice and the acknowledgement.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/auth/roles.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { AppError, ruleViolation } from '../../platform/errors/app-error.js';
import type { TypedDbOrTx } from '../../platform/db/database.js';
import { ChangeItemsSchema, type ChangeItems, type ExchangeSettings } from '../../../../contracts/exchange.js';
import { EXCHANGE_DELIVERY_QUEUED } from '../../../../contracts/events.js';
import { maskIdNumber, type Enterprise } from '../registry/index.js';
import { exchangeRepository as repo, type ChangeRow, type DepartmentRow } from './exchange.repository.js';
import { SYSTEM_CTX, type ExchangeDeps } from './deps.js';
import { validateMapping, mappedChanges, changedSourceFields, registerView, type FieldMapping } from './domain/mapping.js';
import { settingsInForce, notifyDueAt } from './domain/rules.js';
import { EXCHANGE_TEXTS, completionNotice } from './domain/texts.js';

/** The department, or NOT_FOUND; `lock` takes a row lock (inside `tx`). */
export async function loadDepartment(deps: ExchangeDeps, id: string, lock = false, tx: TypedDbOrTx = deps.db): Promise<DepartmentRow> {
  const d = await repo.getDepartment(tx, id, lock);
  if (!d) throw new AppError('NOT_FOUND');
  return d;
}

/** The department's current and previous signing secrets, by key id. */
export function secretsOf(deps: ExchangeDeps, d: DepartmentRow): Record<string, string> {
  const out: Record<string, string> = { [d.key_id]: deps.crypto.decrypt(d.secret_enc) };
  if (d.previous_key_id && d.previous_secret_enc) out[d.previous_key_id] = deps.crypto.decrypt(d.previous_secret_enc);
  return out;
}

export function checkMapping(input: unknown): FieldMapping[] {
  const { mapping, errors } = validateMapping(input, 'mapping');
  if (errors.length) throw new AppError('VALIDATION_FAILED', { fields: errors });
  return mapping;
}

export function checkEndpoint(mode: string, endpoint: string | null | undefined): void {
  if (mode !== 'pull' && !endpoint) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'endpointUrl', code: 'ENDPOINT_REQUIRED', text: EXCHANGE_TEXTS.endpointRequired }] });
  }
}

export async function settingsOf(deps: ExchangeDeps, tx: TypedDbOrTx = deps.db): Promise<ExchangeSettings> {
  return settingsInForce(await repo.getSettings(tx));
}

/** The department's pull account (created once) and a new API token for it. */
export async function pullAccount(deps: ExchangeDeps, code: string, name: string, ctx: AuditContext): Promise<{ accountId: string; token: string }> {
  const username = `dept.${code}`;
  const accountId =
    (await deps.auth.findAccountId(username)) ?? (await deps.auth.createAccount({ kind: 'staff', username, displayName: name, roles: ['department_client'] }, ctx));
  const token = await deps.auth.createApiToken(accountId, `exchange:${code}`, ctx);
  return { accountId, token };
}

/** Refuses an enterprise that is not active (the rule of a registration change). */
export function assertActive(e: Enterprise): void {
  if (e.status !== 'active') throw ruleViolation(EXCHANGE_TEXTS.inactiveEnterprise, { status: e.status });
}

/** Items as stored: a new legal representative's ID number is kept encrypted (and masked for display). */
export function storeItems(deps: ExchangeDeps, items: Record<string, unknown>): Record<string, unknown> {
  const { legalRepIdNumber, ...rest } = items;
  if (typeof legalRepIdNumber !== 'string') return rest;
  return { ...rest, legalRepIdNumberEnc: deps.crypto.encrypt(legalRepIdNumber), legalRepIdMasked: maskIdNumber(legalRepIdNumber) };
}

/** The stored items back as the register's change items (the ID number decrypted). */
export function applyItems(deps: ExchangeDeps, stored: Record<string, unknown>): ChangeItems {
  const { legalRepIdNumberEnc, legalRepIdMasked: _m, ...rest } = stored;
  return ChangeItemsSchema.parse({ ...rest, ...(typeof legalRepIdNumberEnc === 'string' ? { legalRepIdNumber: deps.crypto.decrypt(legalRepIdNumberEnc) } : {}) });
}

/**
 * The one transaction of an approval: the register is updated (read once, locked, through registry's
 * API in this transaction), the change is appended to the feed, one delivery per concerned push
 * department is queued through the outbox (ordered per department and enterprise), pull-only
 * departments see it in the feed, and the decision is audited.
 */
export async function applyApproval(
  deps: ExchangeDeps,
  tx: TypedDbOrTx,
  input: { change: ChangeRow; decider: Actor | null; auto: boolean },
  ctx: AuditContext,
): Promise<ChangeRow> {
  const { change, decider, auto } = input;
  const { before, after } = await deps.registry.applyChange(tx, { creditCode: change.credit_code, items: applyItems(deps, change.items), check: assertActive }, ctx, decider);
  const b = registerView(before);
  const a = registerView(after);
  const now = deps.clock.now();
  const feed = await repo.appendFeed(tx, { change_id: change.id, credit_code: change.credit_code, fields: changedSourceFields(b, a), before: b, snapshot: a, at: now });
  const rows: Parameters<typeof repo.insertDeliveries>[1] = [];
  const pushes: { id: string; department: DepartmentRow }[] = [];
  for (const d of await repo.listDepartments(tx, true)) {
    if (!mappedChanges(d.mapping, b, a).length) continue;
    const push = d.delivery_mode !== 'pull' && !!d.endpoint_url;
    const id = randomUUID();
    rows.push({ id, change_id: change.id, department_id: d.id, feed_cursor: feed.cursor, credit_code: change.credit_code, channel: push ? 'push' : 'pull', status: push ? 'queued' : 'published', queued_at: now });
    if (push) pushes.push({ id, department: d });
  }
  await repo.insertDeliveries(tx, rows);
  for (const x of pushes) {
    await deps.outbox.append(tx, EXCHANGE_DELIVERY_QUEUED, { deliveryId: x.id }, { orderingKey: `${x.department.id}:${change.credit_code}` });
  }
  const s = await settingsOf(deps, tx);
  let updated = await repo.updateChange(tx, change.id, {
    status: 'approved',
    auto_approved: auto,
    decided_by: decider?.id ?? null,
    decided_at: now,
    feed_cursor: feed.cursor,
    notify_due_at: notifyDueAt(now, s),
    pending_deliveries: pushes.length,
    ...(pushes.length ? {} : { completed_at: now }),
  });
  if (!pushes.length) updated = (await notifyOnce(deps, tx, updated)) ?? updated;
  await deps.audit.record(tx, ctx, {
    action: auto ? 'exchange.change-auto-approve' : 'exchange.change-approve',
    entityType: 'exchange_change',
    entityId: change.id,
    after: { feedCursor: Number(feed.cursor), deliveries: rows.map((r) => ({ departmentId: r.department_id, channel: r.channel })) },
  });
  return updated;
}

/** Tells the business once: the first caller to set notified_at sends; any later caller does nothing. */
export async function notifyOnce(deps: ExchangeDeps, tx: TypedDbOrTx, change: ChangeRow): Promise<ChangeRow | null> {
  const claimed = await repo.claimNotification(tx, change.id, deps.clock.now());
  if (!claimed) return null;
  const deliveries = await repo.deliveriesOf(tx, change.id);
  const departments = deliveries.map((d) => ({ code: d.department_code, name: d.department_name, status: d.status, reference: d.reference }));
  await deps.notifier.notify(tx, {
    accountId: change.filed_by,
    phone: change.contact_phone_enc ? deps.crypto.decrypt(change.contact_phone_enc) : null,
    localized: (locale) => completionNotice(locale, change.enterprise_name, departments),
    link: `/business/changes?change=${change.id}`,
    data: { changeId: change.id, departments },
  });
  await deps.audit.record(tx, SYSTEM_CTX, { action: 'exchange.change-notify', entityType: 'exchange_change', entityId: change.id, after: { departments } });
  return claimed;
}

/**
 * Records an acknowledgement and, when it completes the change, notifies the business (once). The
 * delivery's status guards the change's counter, so each delivery counts once however often it is
 * acknowledged.
 */
export async function acknowledge(deps: ExchangeDeps, input: { deliveryId: string; reference: string; durationMs: number | null }): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now();
    const d = await repo.acknowledgeOnce(tx, input.deliveryId, { reference: input.reference, acknowledged_at: now, duration_ms: input.durationMs });
    if (!d) return;
    const change = await repo.decrementPending(tx, d.change_id);
    if (Number(change.pending_deliveries) === 0 && !change.completed_at) {
      const done = await repo.updateChange(tx, change.id, { completed_at: now });
      await notifyOnce(deps, tx, done);
    }
  });
}

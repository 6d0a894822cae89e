// Helpers shared by the exchange use cases: loading with the checks every caller needs, the stored
// form of a change's items, the approval transaction, the one notice and the acknowledgement.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/roles.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { AppError, ruleViolation } from '../../platform/errors/app-error.js';
import type { TypedDbOrTx } from '../../platform/db/database.js';
import { ChangeItemsSchema, type ChangeItems, type ExchangeSettings } from '../../../../contracts/exchange.js';
import { EXCHANGE_DELIVERY_QUEUED } from '../../../../contracts/events.js';
import { maskIdNumber, type Enterprise } from '../registry/index.js';
import { exchangeRepository as repo, type ChangeRow, type DepartmentRow } from './exchange.repository.js';
import { SYSTEM_CTX, type ExchangeDeps } from './deps.js';
import { validateMapping, mappedChanges, changedSourceFields, registerView, type FieldMapping, type RegisterView } from './domain/mapping.js';
import { settingsInForce, notifyDueAt } from './domain/rules.js';
import { EXCHANGE_TEXTS, progressNotice, closingNotice } from './domain/texts.js';

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
 * API in this transaction), then the change goes through the one pipeline (`publishChange`). The
 * register's own `enterprise.changed` event for it says `origin: change-request`, so the consumer
 * of register events does not share it a second time.
 */
export async function applyApproval(
  deps: ExchangeDeps,
  tx: TypedDbOrTx,
  input: { change: ChangeRow; decider: Actor | null; auto: boolean },
  ctx: AuditContext,
): Promise<ChangeRow> {
  const { change, decider, auto } = input;
  await lockEnterprises(tx, [String(change.credit_code)]);
  const { before, after } = await deps.registry.applyChange(tx, { creditCode: change.credit_code, items: applyItems(deps, change.items), check: assertActive }, ctx, decider);
  return publishChange(deps, tx, { change, before: registerView(before), after: registerView(after), decider, auto, locked: true }, ctx);
}

/**
 * The one pipeline every change of the register goes through, whatever its origin (a filed change
 * approved, a registrar's correction or status change, a registration, an import): the change is
 * appended to the feed with its old and new values, one delivery per concerned push department is
 * queued through the outbox (ordered per department and enterprise), pull-only departments see it in
 * the feed, and the decision is audited. With nothing to wait for, the business is told at once.
 */
export async function publishChange(
  deps: ExchangeDeps,
  tx: TypedDbOrTx,
  input: {
    change: ChangeRow;
    /** The register before the change; what the feed last published for the enterprise, when it did, takes its place. */
    before: RegisterView;
    after: RegisterView;
    decider: Actor | null;
    auto: boolean;
    /** Read once by a caller publishing many changes. */
    departments?: DepartmentRow[];
    settings?: ExchangeSettings;
    /** The caller holds the enterprise's lock (`lockEnterprises`). */
    locked: true;
  },
  ctx: AuditContext,
): Promise<ChangeRow> {
  const { change, after: a, decider, auto } = input;
  // Departments hold what the feed last published: a change is measured against that, so a
  // correction not yet shared is never lost behind a later change.
  const b = (await repo.lastSnapshots(tx, [String(change.credit_code).trim()])).get(String(change.credit_code).trim()) ?? input.before;
  const now = deps.clock.now();
  const feed = await repo.appendFeed(tx, { change_id: change.id, credit_code: change.credit_code, fields: changedSourceFields(b, a), before: b, snapshot: a, at: now });
  const rows: Parameters<typeof repo.insertDeliveries>[1] = [];
  const pushes: { id: string; department: DepartmentRow }[] = [];
  for (const d of input.departments ?? (await repo.listDepartments(tx, true))) {
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
  const s = input.settings ?? (await settingsOf(deps, tx));
  let updated = await repo.updateChange(tx, change.id, {
    status: 'approved',
    auto_approved: auto,
    decided_by: decider?.id ?? change.decided_by ?? null,
    decided_at: now,
    feed_cursor: feed.cursor,
    notify_due_at: notifyDueAt(now, s),
    pending_deliveries: pushes.length,
    ...(pushes.length ? {} : { completed_at: now }),
  });
  if (!pushes.length) updated = (await notifyOnce(deps, tx, updated)) ?? updated;
  await deps.audit.record(tx, ctx, {
    action: change.origin === 'filed' ? (auto ? 'exchange.change-auto-approve' : 'exchange.change-approve') : `exchange.change-record-${change.origin}`,
    entityType: 'exchange_change',
    entityId: change.id,
    after: { feedCursor: Number(feed.cursor), deliveries: rows.map((r) => ({ departmentId: r.department_id, channel: r.channel })) },
  });
  return updated;
}

/**
 * The per-enterprise lock of the pipeline (a transaction-scoped advisory lock), taken by an approval
 * and by the consumer of register events, so that feed entries of one enterprise follow each other
 * in the register's order. Codes are locked in sorted order (no deadlock between batches).
 */
export async function lockEnterprises(tx: TypedDbOrTx, creditCodes: string[]): Promise<void> {
  for (const code of [...new Set(creditCodes.map((c) => c.trim()))].sort()) {
    await sql`select pg_advisory_xact_lock(hashtext(${`exchange.enterprise:${code}`}))`.execute(tx);
  }
}

/** Who is told of a change: the business that filed it, or the businesses bound to the enterprise. */
async function recipientsOf(deps: ExchangeDeps, tx: TypedDbOrTx, change: ChangeRow): Promise<{ accounts: string[]; phone: string | null }> {
  if (change.origin === 'filed') return { accounts: change.filed_by ? [change.filed_by] : [], phone: change.contact_phone_enc ? deps.crypto.decrypt(change.contact_phone_enc) : null };
  return { accounts: await deps.auth.boundAccounts(change.credit_code, tx), phone: null };
}

/**
 * Tells the business once what is true: every department confirmed (the change is complete), or
 * which are done and which are still pending or failed (then a closing notice follows when the last
 * one confirms, see `notifyClosing`). The first caller to set notified_at sends; later callers do
 * nothing.
 */
export async function notifyOnce(deps: ExchangeDeps, tx: TypedDbOrTx, change: ChangeRow): Promise<ChangeRow | null> {
  const claimed = await repo.claimNotification(tx, change.id, deps.clock.now());
  if (!claimed) return null;
  const deliveries = await repo.deliveriesOf(tx, change.id);
  const departments = deliveries.map((d) => ({ code: d.department_code, name: d.department_name, status: d.status, reference: d.reference }));
  const notice = progressNotice('zh-CN', change.enterprise_name, departments);
  const to = await recipientsOf(deps, tx, change);
  const kind = notice.complete ? 'complete' : 'interim';
  for (const [i, accountId] of (to.accounts.length ? to.accounts : [null]).entries()) {
    if (!accountId && !to.phone) break;
    await deps.notifier.notify(tx, {
      accountId,
      phone: i === 0 ? to.phone : null,
      localized: (locale) => progressNotice(locale, change.enterprise_name, departments),
      link: `/business/changes?change=${change.id}`,
      data: { changeId: change.id, departments, notice: kind },
    });
  }
  await deps.audit.record(tx, SYSTEM_CTX, { action: 'exchange.change-notify', entityType: 'exchange_change', entityId: change.id, after: { departments, notice: kind } });
  return claimed;
}

/** The one closing notice, when the last department confirms after the business was told of pending ones. */
export async function notifyClosing(deps: ExchangeDeps, tx: TypedDbOrTx, change: ChangeRow): Promise<void> {
  const claimed = await repo.claimClosingNotification(tx, change.id, deps.clock.now());
  if (!claimed) return;
  const deliveries = await repo.deliveriesOf(tx, change.id);
  const departments = deliveries.map((d) => ({ code: d.department_code, name: d.department_name, status: d.status, reference: d.reference }));
  const to = await recipientsOf(deps, tx, change);
  for (const [i, accountId] of (to.accounts.length ? to.accounts : [null]).entries()) {
    if (!accountId && !to.phone) break;
    await deps.notifier.notify(tx, {
      accountId,
      phone: i === 0 ? to.phone : null,
      localized: (locale) => closingNotice(locale, change.enterprise_name, departments),
      link: `/business/changes?change=${change.id}`,
      data: { changeId: change.id, departments, notice: 'closing' },
    });
  }
  await deps.audit.record(tx, SYSTEM_CTX, { action: 'exchange.change-notify-closing', entityType: 'exchange_change', entityId: change.id, after: { departments } });
}

/**
 * Records an acknowledgement and, when it completes the change, tells the business: the one notice
 * if none was sent yet, otherwise the one closing notice. The delivery's status guards the change's
 * counter, so each delivery counts once however often it is acknowledged.
 */
export async function acknowledge(deps: ExchangeDeps, input: { deliveryId: string; reference: string; durationMs: number | null }): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now();
    const d = await repo.acknowledgeOnce(tx, input.deliveryId, { reference: input.reference, acknowledged_at: now, duration_ms: input.durationMs });
    if (!d) return;
    const change = await repo.decrementPending(tx, d.change_id);
    if (Number(change.pending_deliveries) === 0 && !change.completed_at) {
      const done = await repo.updateChange(tx, change.id, { completed_at: now });
      if (!done.notified_at) await notifyOnce(deps, tx, done);
      else await notifyClosing(deps, tx, done);
    }
  });
}

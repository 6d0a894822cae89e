import { randomUUID } from 'node:crypto';
import type { Platform } from '../../platform/module.js';
import type { Actor } from '../../platform/auth/roles.js';
import { authorize, assertInScope, jurisdictionPrefix } from '../../platform/auth/policy.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { AppError, ruleViolation } from '../../platform/errors/app-error.js';
import type { DbOrTx } from '../../platform/db/database.js';
import type { OutboxMessage } from '../../platform/outbox/outbox.js';
import { httpFetch } from '../../platform/http/client.js';
import { decodeCursor, encodeCursor } from '../../platform/http/paging.js';
import type { RegistryService } from '../registry/index.js';
import { maskIdNumber } from '../registry/index.js';
import type { ChangeFile, ChangeItems, DepartmentCreate, DepartmentUpdate, ExchangeSettings } from '../../../../contracts/exchange.js';
import { EXCHANGE_DELIVERY_QUEUED } from '../../../../contracts/events.js';
import { exchangeRepository as repo, type ChangeRow, type DeliveryRow, type DeliveryView, type DepartmentRow, type FeedRow } from './exchange.repository.js';
import { exchangePolicy as P } from './exchange.policy.js';
import { presentChange, presentDelivery, presentDepartment } from './exchange.presenter.js';
import { validateMapping, mapView, mappedChanges, changedSourceFields, registerView, type FieldMapping, type RegisterView } from './domain/mapping.js';
import { sign, verifySignature, callbackSigningString, SIGNATURE_HEADER, KEY_ID_HEADER, EVENT_ID_HEADER, TIMESTAMP_HEADER } from './domain/signing.js';
import { toXml } from './domain/xml.js';
import { percentile, copiesDiffer } from './domain/figures.js';

/** One outbox event per push delivery; ordering key `${departmentId}:${creditCode}`. */
export const DELIVERY_TOPIC = EXCHANGE_DELIVERY_QUEUED;
export const DELIVERY_HANDLER = 'exchange.deliver';

const DEFAULT_SETTINGS: ExchangeSettings = { lowRiskKinds: [], notifyDeadlineMinutes: 240 };
const SYSTEM_CTX: AuditContext = { actorName: 'exchange' };

const STATUS_ZH: Record<DeliveryRow['status'], string> = {
  queued: '排队中',
  sending: '发送中',
  awaiting_callback: '待对方确认',
  acknowledged: '已确认',
  failed: '发送失败，重试中',
  dead: '发送失败，待人工处理',
  published: '已发布至共享库',
};

export interface Department {
  row: DepartmentRow;
  mapping: FieldMapping[];
}

export function createExchangeService(p: Platform, registry: RegistryService) {
  const { db, clock, crypto, audit, outbox, notifier, auth } = p;

  function mappingOf(d: DepartmentRow): FieldMapping[] {
    return (d.mapping ?? []) as FieldMapping[];
  }

  function checkMapping(input: unknown): FieldMapping[] {
    const { mapping, errors } = validateMapping(input, 'mapping');
    if (errors.length) throw new AppError('VALIDATION_FAILED', { fields: errors });
    return mapping;
  }

  function checkEndpoint(mode: string, endpoint: string | null | undefined) {
    if (mode !== 'pull' && !endpoint) {
      throw new AppError('VALIDATION_FAILED', {
        fields: [{ path: 'endpointUrl', code: 'ENDPOINT_REQUIRED', text: { 'zh-CN': '推送方式须填写接收地址', 'zh-TW': '推送方式須填寫接收位址', en: 'Push delivery needs an endpoint URL' } }],
      });
    }
  }

  async function settings(tx: DbOrTx = db): Promise<ExchangeSettings> {
    return { ...DEFAULT_SETTINGS, ...((await repo.getSetting<ExchangeSettings>(tx, 'settings')) ?? {}) };
  }

  async function pullAccount(code: string, name: string, ctx: AuditContext): Promise<{ accountId: string; token: string }> {
    const username = `dept.${code}`;
    const accountId =
      (await auth.findAccountId(username)) ?? (await auth.createAccount({ kind: 'staff', username, displayName: name, roles: ['department_client'] }, ctx));
    const token = await auth.createApiToken(accountId, `exchange:${code}`, ctx);
    return { accountId, token };
  }

  function secretsOf(d: DepartmentRow): Record<string, string> {
    const out: Record<string, string> = { [d.key_id]: crypto.decrypt(d.secret_enc) };
    if (d.previous_key_id && d.previous_secret_enc) out[d.previous_key_id] = crypto.decrypt(d.previous_secret_enc);
    return out;
  }

  async function loadDepartment(id: string, lock = false, tx: DbOrTx = db): Promise<DepartmentRow> {
    const d = await repo.getDepartment(tx, id, lock);
    if (!d) throw new AppError('NOT_FOUND');
    return d;
  }

  // ── Departments ────────────────────────────────────────────────────────────────────────────

  async function createDepartment(actor: Actor, input: DepartmentCreate, ctx: AuditContext) {
    authorize(actor, P['department.manage']);
    const mapping = checkMapping(input.mapping);
    checkEndpoint(input.deliveryMode, input.endpointUrl);
    if (await repo.codeExists(db, input.code)) throw new AppError('DUPLICATE', { fields: [{ path: 'code', code: 'DUPLICATE' }] });
    const secret = input.secret ?? crypto.randomToken(32);
    const pull = input.deliveryMode !== 'push' ? await pullAccount(input.code, input.name, ctx) : null;
    const row = await db.transaction().execute(async (tx) => {
      const r = await repo.insertDepartment(tx, {
        code: input.code,
        name: input.name,
        kind: input.kind,
        delivery_mode: input.deliveryMode,
        format: input.format,
        endpoint_url: input.endpointUrl ?? null,
        timeout_ms: input.timeoutMs,
        key_id: `${input.code}-1`,
        secret_enc: crypto.encrypt(secret),
        previous_key_id: null,
        previous_secret_enc: null,
        account_id: pull?.accountId ?? null,
        enabled: input.enabled,
        mapping,
      });
      await audit.record(tx, ctx, { action: 'exchange.department-create', entityType: 'exchange_department', entityId: r.id, after: presentDepartment(r) });
      return r;
    });
    return { ...presentDepartment(row), secret, apiToken: pull?.token ?? null };
  }

  async function updateDepartment(actor: Actor, id: string, input: DepartmentUpdate, ctx: AuditContext) {
    authorize(actor, P['department.manage']);
    const mapping = input.mapping === undefined ? undefined : checkMapping(input.mapping);
    return db.transaction().execute(async (tx) => {
      const before = await loadDepartment(id, true, tx);
      if (before.version !== input.version) throw new AppError('VERSION_CONFLICT');
      const mode = input.deliveryMode ?? before.delivery_mode;
      checkEndpoint(mode, input.endpointUrl === undefined ? before.endpoint_url : input.endpointUrl);
      const changes: Partial<DepartmentRow> = {};
      if (input.name !== undefined) changes.name = input.name;
      if (input.kind !== undefined) changes.kind = input.kind;
      if (input.deliveryMode !== undefined) changes.delivery_mode = input.deliveryMode;
      if (input.format !== undefined) changes.format = input.format;
      if (input.endpointUrl !== undefined) changes.endpoint_url = input.endpointUrl;
      if (input.timeoutMs !== undefined) changes.timeout_ms = input.timeoutMs;
      if (input.enabled !== undefined) changes.enabled = input.enabled;
      if (mapping) changes.mapping = mapping;
      const row = await repo.updateDepartment(tx, id, before.version, changes, clock.now());
      if (!row) throw new AppError('VERSION_CONFLICT');
      await audit.record(tx, ctx, { action: 'exchange.department-update', entityType: 'exchange_department', entityId: id, before: presentDepartment(before), after: presentDepartment(row) });
      departmentCache.delete(id);
      return presentDepartment(row);
    });
  }

  /** New current key; the old one stays valid as "previous" so callbacks signed during the switch pass. */
  async function rotateSecret(actor: Actor, id: string, ctx: AuditContext) {
    authorize(actor, P['department.manage']);
    const secret = crypto.randomToken(32);
    return db.transaction().execute(async (tx) => {
      const d = await loadDepartment(id, true, tx);
      const n = Number(/-(\d+)$/.exec(d.key_id)?.[1] ?? '1') + 1;
      const keyId = `${d.code}-${n}`;
      const row = await repo.updateDepartment(tx, id, d.version, { key_id: keyId, secret_enc: crypto.encrypt(secret), previous_key_id: d.key_id, previous_secret_enc: d.secret_enc }, clock.now());
      await audit.record(tx, ctx, { action: 'exchange.department-rotate-secret', entityType: 'exchange_department', entityId: id, after: { keyId, previousKeyId: d.key_id } });
      departmentCache.delete(id);
      return { keyId: row!.key_id, secret, previousKeyId: row!.previous_key_id };
    });
  }

  async function issueToken(actor: Actor, id: string, ctx: AuditContext) {
    authorize(actor, P['department.manage']);
    const d = await loadDepartment(id);
    if (d.delivery_mode === 'push') throw new AppError('INVALID_STATE');
    const pull = await pullAccount(d.code, d.name, ctx);
    if (d.account_id !== pull.accountId) {
      await db.transaction().execute(async (tx) => {
        await repo.updateDepartment(tx, id, d.version, { account_id: pull.accountId }, clock.now());
        await audit.record(tx, ctx, { action: 'exchange.department-bind-account', entityType: 'exchange_department', entityId: id, after: { accountId: pull.accountId } });
      });
    }
    return { apiToken: pull.token };
  }

  // ── Changes ────────────────────────────────────────────────────────────────────────────────

  function diffItems(current: Record<string, unknown>, items: ChangeItems): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(items)) {
      if (v === undefined) continue;
      if (k === 'legalRepIdNumber' || JSON.stringify(current[k]) !== JSON.stringify(v)) out[k] = v;
    }
    return out;
  }

  function kindsOf(items: Record<string, unknown>): string[] {
    return [...new Set(Object.keys(items).map((k) => (k === 'legalRepIdNumber' ? 'legalRepName' : k)))].sort();
  }

  /** Items as stored: a new legal representative's ID number is kept encrypted (and masked for display). */
  function storeItems(items: Record<string, unknown>): Record<string, unknown> {
    const { legalRepIdNumber, ...rest } = items;
    if (typeof legalRepIdNumber !== 'string') return rest;
    return { ...rest, legalRepIdNumberEnc: crypto.encrypt(legalRepIdNumber), legalRepIdMasked: maskIdNumber(legalRepIdNumber) };
  }

  function applyItems(stored: Record<string, unknown>): ChangeItems {
    const { legalRepIdNumberEnc, legalRepIdMasked: _m, ...rest } = stored;
    return { ...rest, ...(typeof legalRepIdNumberEnc === 'string' ? { legalRepIdNumber: crypto.decrypt(legalRepIdNumberEnc) } : {}) } as ChangeItems;
  }

  async function activeEnterprise(code: string) {
    const e = await registry.findByCode(code);
    if (!e) throw new AppError('NOT_FOUND');
    if (e.status !== 'active') {
      throw ruleViolation(
        { 'zh-CN': '已注销（或吊销、迁出）的企业不能办理变更登记', 'zh-TW': '已註銷（或吊銷、遷出）的企業不能辦理變更登記', en: 'a deregistered (or revoked, moved-out) enterprise cannot file a registration change' },
        { status: e.status },
      );
    }
    return e;
  }

  async function preview(actor: Actor, input: { creditCode: string; items: ChangeItems }) {
    authorize(actor, P['change.preview']);
    const code = input.creditCode.trim().toUpperCase();
    const e = await registry.findByCode(code);
    if (!e) throw new AppError('NOT_FOUND');
    assertInScope(actor, { creditCode: e.creditCode, regionCode: e.regionCode });
    const before = registerView(e as unknown as Record<string, unknown>);
    const after: RegisterView = { ...before, ...diffItems(e as unknown as Record<string, unknown>, input.items) } as RegisterView;
    delete (after as Record<string, unknown>).legalRepIdNumber;
    const departments = [];
    for (const d of await repo.listDepartments(db, true)) {
      const fields = mappedChanges(mappingOf(d), before, after);
      if (fields.length) departments.push({ id: d.id, code: d.code, name: d.name, channel: d.delivery_mode, fields });
    }
    return { creditCode: e.creditCode, changedFields: changedSourceFields(before, after), departments };
  }

  async function fileChange(actor: Actor, input: ChangeFile, ctx: AuditContext) {
    authorize(actor, P['change.file']);
    const code = input.creditCode.trim().toUpperCase();
    assertInScope(actor, { creditCode: code });
    if (input.idempotencyKey) {
      const existing = await repo.changeByKey(db, actor.id!, input.idempotencyKey);
      if (existing) return { change: presentChange(existing), replayed: true };
    }
    const e = await activeEnterprise(code);
    const items = diffItems(e as unknown as Record<string, unknown>, input.items);
    if (!Object.keys(items).length) {
      throw new AppError('VALIDATION_FAILED', {
        fields: [{ path: 'items', code: 'NO_CHANGE', text: { 'zh-CN': '所填事项与登记信息相同，没有需要变更的内容', 'zh-TW': '所填事項與登記資訊相同，沒有需要變更的內容', en: 'Nothing differs from the register' } }],
      });
    }
    const kinds = kindsOf(items);
    const lowRisk = new Set<string>((await settings()).lowRiskKinds);
    try {
      const row = await db.transaction().execute(async (tx) => {
        let change = await repo.insertChange(tx, {
          credit_code: e.creditCode,
          enterprise_name: e.name,
          region_code: e.regionCode,
          filed_by: actor.id!,
          idempotency_key: input.idempotencyKey ?? null,
          contact_phone_enc: input.contactPhone ? crypto.encrypt(input.contactPhone) : null,
          items: storeItems(items),
          kinds,
          status: 'pending',
          filed_at: clock.now(),
        });
        await audit.record(tx, ctx, { action: 'exchange.change-file', entityType: 'exchange_change', entityId: change.id, after: presentChange(change) });
        // A move to another region is never automatic: a registrar covering both regions decides it.
        if (kinds.every((k) => lowRisk.has(k)) && !kinds.includes('regionCode')) change = await approveInTransaction(tx, change, ctx, null, true);
        return change;
      });
      return { change: presentChange(row, await repo.deliveriesOf(db, row.id)), replayed: false };
    } catch (err) {
      // Two submissions with the same key raced: the second one returns the first.
      if ((err as { code?: string }).code === '23505' && input.idempotencyKey) {
        const existing = await repo.changeByKey(db, actor.id!, input.idempotencyKey);
        if (existing) return { change: presentChange(existing), replayed: true };
      }
      throw err;
    }
  }

  /**
   * The one transaction of an approval: the register is updated, the change is appended to the feed,
   * one delivery per concerned push department is queued through the outbox (ordered per department
   * and enterprise), pull-only departments see it in the feed, and the decision is audited.
   */
  async function approveInTransaction(tx: DbOrTx, change: ChangeRow, ctx: AuditContext, decider: Actor | null, auto: boolean): Promise<ChangeRow> {
    const decidedBy = decider?.id ?? null;
    const { before, after } = await registry.applyChangeInTransaction(tx, change.credit_code, applyItems(change.items), ctx, decider);
    const b = registerView(before as unknown as Record<string, unknown>);
    const a = registerView(after as unknown as Record<string, unknown>);
    const now = clock.now();
    const feed = await repo.appendFeed(tx, { change_id: change.id, credit_code: change.credit_code, fields: changedSourceFields(b, a), before: b, snapshot: a, at: now });
    const rows: Parameters<typeof repo.insertDeliveries>[1] = [];
    const pushes: { id: string; department: DepartmentRow }[] = [];
    for (const d of await repo.listDepartments(tx, true)) {
      if (!mappedChanges(mappingOf(d), b, a).length) continue;
      const push = d.delivery_mode !== 'pull' && !!d.endpoint_url;
      const id = randomUUID();
      rows.push({ id, change_id: change.id, department_id: d.id, feed_cursor: feed.cursor, credit_code: change.credit_code, channel: push ? 'push' : 'pull', status: push ? 'queued' : 'published', queued_at: now });
      if (push) pushes.push({ id, department: d });
    }
    await repo.insertDeliveries(tx, rows);
    for (const x of pushes) {
      await outbox.append(tx, DELIVERY_TOPIC, { deliveryId: x.id }, { orderingKey: `${x.department.id}:${change.credit_code}` });
    }
    const s = await settings(tx);
    let updated = await repo.updateChange(tx, change.id, {
      status: 'approved',
      auto_approved: auto,
      decided_by: decidedBy,
      decided_at: now,
      feed_cursor: feed.cursor,
      notify_due_at: new Date(now.getTime() + s.notifyDeadlineMinutes * 60_000),
      pending_deliveries: pushes.length,
      ...(pushes.length ? {} : { completed_at: now }),
    });
    if (!pushes.length) updated = (await notifyOnce(tx, updated)) ?? updated;
    await audit.record(tx, ctx, {
      action: auto ? 'exchange.change-auto-approve' : 'exchange.change-approve',
      entityType: 'exchange_change',
      entityId: change.id,
      after: { feedCursor: Number(feed.cursor), deliveries: rows.map((r) => ({ departmentId: r.department_id, channel: r.channel })) },
    });
    return updated;
  }

  async function decide(actor: Actor, id: string, input: { version?: number; reason?: string }, ctx: AuditContext, approve: boolean) {
    authorize(actor, P['change.decide']);
    if (approve) {
      const peek = await repo.getChange(db, id);
      if (!peek) throw new AppError('NOT_FOUND');
      assertInScope(actor, { regionCode: peek.region_code });
      if (peek.status === 'pending') await activeEnterprise(peek.credit_code);
    }
    const row = await db.transaction().execute(async (tx) => {
      const change = await repo.getChange(tx, id, true);
      if (!change) throw new AppError('NOT_FOUND');
      assertInScope(actor, { regionCode: change.region_code });
      if (input.version !== undefined && input.version !== change.version) throw new AppError('VERSION_CONFLICT');
      if (change.status !== 'pending') throw new AppError('INVALID_STATE');
      if (approve) return approveInTransaction(tx, change, ctx, actor, false);
      const rejected = await repo.updateChange(tx, id, { status: 'rejected', reason: input.reason!, decided_by: actor.id, decided_at: clock.now(), notified_at: clock.now() });
      await notifier.notify(tx, {
        accountId: change.filed_by,
        phone: change.contact_phone_enc ? crypto.decrypt(change.contact_phone_enc) : null,
        title: '企业信息变更未予核准',
        body: `${change.enterprise_name} 的变更申请未予核准，原因：${input.reason}`,
        link: `/exchange/changes/${id}`,
        data: { changeId: id, status: 'rejected' },
      });
      await audit.record(tx, ctx, { action: 'exchange.change-reject', entityType: 'exchange_change', entityId: id, after: { reason: input.reason } });
      return rejected;
    });
    return presentChange(row, await repo.deliveriesOf(db, id));
  }

  async function readableChange(actor: Actor, id: string): Promise<ChangeRow> {
    authorize(actor, P['change.read']);
    const c = await repo.getChange(db, id);
    if (!c) throw new AppError('NOT_FOUND');
    assertInScope(actor, { regionCode: c.region_code, creditCode: c.credit_code });
    return c;
  }

  async function listChanges(actor: Actor, q: { status?: string; cursor?: string; limit: number }) {
    authorize(actor, P['change.read']);
    const before = decodeCursor(q.cursor) as [string, string] | null;
    const rows = await repo.listChanges(db, {
      status: q.status,
      regionPrefix: jurisdictionPrefix(actor),
      codes: actor.kind === 'business' ? actor.enterprises : undefined,
      before: before ?? undefined,
      limit: q.limit + 1,
    });
    const items = rows.slice(0, q.limit);
    const last = items[items.length - 1];
    return { items: items.map((c) => presentChange(c)), nextCursor: rows.length > q.limit && last ? encodeCursor([new Date(last.filed_at).toISOString(), last.id]) : null };
  }

  // ── Notification (once) ────────────────────────────────────────────────────────────────────

  /** Tells the business once: the first caller to set notified_at sends; any later caller does nothing. */
  async function notifyOnce(tx: DbOrTx, change: ChangeRow): Promise<ChangeRow | null> {
    const now = clock.now();
    const claimed = await tx
      .updateTable('exchange.change_request')
      .set({ notified_at: now })
      .where('id', '=', change.id)
      .where('notified_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!claimed) return null;
    const deliveries = await repo.deliveriesOf(tx, change.id);
    const departments = deliveries.map((d) => ({ code: d.department_code, name: d.department_name, status: d.status, reference: d.reference }));
    const lines = deliveries.length ? deliveries.map((d) => `${d.department_name}：${STATUS_ZH[d.status]}`).join('；') : '无需同步其他部门';
    await notifier.notify(tx, {
      accountId: change.filed_by,
      phone: change.contact_phone_enc ? crypto.decrypt(change.contact_phone_enc) : null,
      title: '企业信息变更已办结',
      body: `${change.enterprise_name} 的变更已登记并同步相关部门，无需另行办理。${lines}`,
      link: `/exchange/changes/${change.id}`,
      data: { changeId: change.id, departments },
    });
    await audit.record(tx, SYSTEM_CTX, { action: 'exchange.change-notify', entityType: 'exchange_change', entityId: change.id, after: { departments } });
    return claimed as ChangeRow;
  }

  /**
   * Records an acknowledgement and, when it completes the change, notifies the business (once). The
   * delivery's status guards the change's counter, so each delivery counts once however often it is
   * acknowledged.
   */
  async function acknowledge(deliveryId: string, reference: string, durationMs: number | null) {
    await db.transaction().execute(async (tx) => {
      const now = clock.now();
      const d = await repo.acknowledgeOnce(tx, deliveryId, { reference, acknowledged_at: now, duration_ms: durationMs });
      if (!d) return;
      const change = await repo.decrementPending(tx, d.change_id);
      if (Number(change.pending_deliveries) === 0 && !change.completed_at) {
        const done = await repo.updateChange(tx, change.id, { completed_at: now });
        await notifyOnce(tx, done);
      }
    });
  }

  async function notifyOverdue(): Promise<number> {
    let n = 0;
    for (const c of await repo.overdueNotifications(db, clock.now(), 200)) {
      await db.transaction().execute(async (tx) => {
        const locked = await repo.getChange(tx, c.id, true);
        if (locked && !locked.notified_at && (await notifyOnce(tx, locked))) n++;
      });
    }
    return n;
  }

  // ── Delivery (outbox handler) ──────────────────────────────────────────────────────────────

  // Departments change rarely: a short per-process cache spares a read and a decryption per delivery.
  const departmentCache = new Map<string, { at: number; row: DepartmentRow; secret: string }>();
  async function cachedDepartment(id: string) {
    const hit = departmentCache.get(id);
    if (hit && performance.now() - hit.at < 2000) return hit; // a 2-second cache: elapsed time, not the business clock
    const row = await repo.getDepartment(db, id);
    if (!row) return null;
    const entry = { at: performance.now(), row, secret: crypto.decrypt(row.secret_enc) };
    departmentCache.set(id, entry);
    return entry;
  }
  // Feed entries never change (append-only): a small cache serves the deliveries of one change.
  const feedCache = new Map<number, FeedRow>();
  async function cachedFeed(cursor: number): Promise<FeedRow> {
    const hit = feedCache.get(cursor);
    if (hit) return hit;
    const row = (await repo.getFeed(db, cursor))!;
    feedCache.set(cursor, row);
    if (feedCache.size > 2000) feedCache.delete(feedCache.keys().next().value!);
    return row;
  }

  async function deliver(m: OutboxMessage, maxAttempts: number) {
    const { deliveryId } = m.payload as { deliveryId: string };
    const started = clock.now();
    const d = await repo.startAttempt(db, deliveryId, started);
    if (!d) return; // acknowledged, awaiting its callback, or unknown: nothing to send
    const dep = await cachedDepartment(d.department_id);
    if (!dep) return;
    const t0 = performance.now();
    try {
      if (!dep.row.enabled) throw new Error('department disabled');
      if (!dep.row.endpoint_url) throw new Error('department has no endpoint');
      const feed = await cachedFeed(Number(d.feed_cursor));
      const mapping = mappingOf(dep.row);
      const envelope = {
        eventId: d.id,
        changeId: d.change_id,
        cursor: Number(feed.cursor),
        creditCode: String(d.credit_code),
        department: dep.row.code,
        occurredAt: new Date(feed.at).toISOString(),
        changed: mappedChanges(mapping, feed.before as RegisterView, feed.snapshot as RegisterView).map((c) => c.target),
        data: mapView(mapping, feed.snapshot as RegisterView),
        callbackUrl: `${p.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/api/exchange/callbacks/${d.id}`,
      };
      const xml = dep.row.format === 'xml';
      const body = xml ? toXml('enterpriseChange', envelope) : JSON.stringify(envelope);
      const ts = String(clock.now().getTime());
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
        await repo.updateDelivery(db, d.id, { status: 'awaiting_callback', last_error: null });
        return;
      }
      if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
      let reference: unknown;
      try {
        reference = (JSON.parse(text) as { reference?: unknown }).reference;
      } catch {
        reference = undefined;
      }
      if (typeof reference !== 'string' || !reference) throw new Error(`invalid acknowledgement: ${text.slice(0, 200)}`);
      await acknowledge(d.id, reference, Math.round(performance.now() - t0) + Math.max(0, started.getTime() - new Date(d.queued_at).getTime()));
    } catch (err) {
      const dead = m.attempt >= maxAttempts;
      const message = err instanceof Error ? (err.name === 'TimeoutError' ? `timed out after ${dep.row.timeout_ms} ms` : err.message) : String(err);
      await repo.updateDelivery(db, d.id, { status: dead ? 'dead' : 'failed', last_error: message.slice(0, 1000) });
      throw err;
    }
  }

  /** A department's later acknowledgement, signed with its current or previous key. */
  async function callback(deliveryId: string, headers: Record<string, unknown>, body: { reference: string; status: 'accepted' | 'rejected' }) {
    const d = await repo.getDelivery(db, deliveryId);
    if (!d) throw new AppError('NOT_FOUND');
    const dep = await loadDepartment(d.department_id);
    const ts = String(headers[TIMESTAMP_HEADER] ?? '');
    const sig = String(headers[SIGNATURE_HEADER] ?? '');
    const keyId = String(headers[KEY_ID_HEADER] ?? '');
    const secrets = secretsOf(dep);
    // Own keys only: a key id such as `__proto__` or `constructor` names nothing.
    const secret = Object.hasOwn(secrets, keyId) ? secrets[keyId] : undefined;
    if (!ts || !sig || typeof secret !== 'string' || !verifySignature([secret], ts, callbackSigningString(deliveryId, body), sig)) throw new AppError('UNAUTHENTICATED');
    // The timestamp must be recent (both ways) and the signature never seen before: a replay is refused.
    const now = clock.now();
    const windowMs = p.config.CALLBACK_WINDOW_SECONDS * 1000;
    const sentAt = /^\d{10,16}$/.test(ts) ? Number(ts) : NaN;
    if (!Number.isFinite(sentAt) || Math.abs(now.getTime() - sentAt) > windowMs) throw new AppError('UNAUTHENTICATED');
    const fresh = await repo.rememberCallback(db, `${keyId}:${sig}`, now, new Date(now.getTime() - 2 * windowMs));
    if (!fresh) throw new AppError('DUPLICATE');
    if (d.status === 'acknowledged') return { ok: true as const };
    if (body.status === 'rejected') {
      await repo.updateDelivery(db, deliveryId, { status: 'failed', last_error: `rejected by the department (${body.reference})`, reference: body.reference });
      return { ok: true as const };
    }
    await acknowledge(deliveryId, body.reference, null);
    return { ok: true as const };
  }

  async function listDeliveries(actor: Actor, q: { status?: string; departmentId?: string; cursor?: string; limit: number }) {
    authorize(actor, P['delivery.read']);
    const before = decodeCursor(q.cursor) as [string, string] | null;
    const rows = await repo.listDeliveries(db, { status: q.status, departmentId: q.departmentId, regionPrefix: jurisdictionPrefix(actor), before: before ?? undefined, limit: q.limit + 1 });
    const items = rows.slice(0, q.limit);
    const last = items[items.length - 1];
    return { items: items.map(presentDelivery), nextCursor: rows.length > q.limit && last ? encodeCursor([new Date(last.queued_at).toISOString(), last.id]) : null };
  }

  /** A registrar re-queues a failed delivery (after the outbox gave up, or to try again now). */
  async function retryDelivery(actor: Actor, id: string, ctx: AuditContext) {
    authorize(actor, P['delivery.retry']);
    const region = await repo.deliveryRegion(db, id);
    if (!region) throw new AppError('NOT_FOUND');
    assertInScope(actor, { regionCode: region });
    await db.transaction().execute(async (tx) => {
      const d = (await repo.getDelivery(tx, id, true))!;
      if (d.status !== 'failed' && d.status !== 'dead') throw new AppError('INVALID_STATE');
      await repo.updateDelivery(tx, id, { status: 'queued' });
      await outbox.append(tx, DELIVERY_TOPIC, { deliveryId: id }, { orderingKey: `${d.department_id}:${d.credit_code}` });
      await audit.record(tx, ctx, { action: 'exchange.delivery-retry', entityType: 'exchange_delivery', entityId: id, after: { previousStatus: d.status, lastError: d.last_error } });
    });
    const view = (await repo.deliveriesOf(db, (await repo.getDelivery(db, id))!.change_id)).find((x) => x.id === id)!;
    return presentDelivery(view);
  }

  // ── Pull feed ──────────────────────────────────────────────────────────────────────────────

  async function readFeed(actor: Actor, q: { after: number; limit: number }) {
    authorize(actor, P['feed.read']);
    const dep = actor.id ? await repo.departmentByAccount(db, actor.id) : undefined;
    if (!dep || !dep.enabled || dep.delivery_mode === 'push') throw new AppError('FORBIDDEN');
    const mapping = mappingOf(dep);
    const fields = [...new Set(mapping.flatMap((m) => m.source))];
    const rows = await repo.readFeed(db, { after: q.after, fields, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const items = page
      .map((r) => ({
        cursor: Number(r.cursor),
        changeId: r.change_id,
        creditCode: String(r.credit_code),
        at: new Date(r.at).toISOString(),
        changed: mappedChanges(mapping, r.before as RegisterView, r.snapshot as RegisterView).map((c) => c.target),
        data: mapView(mapping, r.snapshot as RegisterView),
      }))
      .filter((x) => x.changed.length > 0);
    const lastCursor = page.length ? Number(page[page.length - 1].cursor) : q.after;
    return { items, nextCursor: rows.length > q.limit ? lastCursor : null, lastCursor };
  }

  // ── Monitoring ─────────────────────────────────────────────────────────────────────────────

  async function monitorDepartments(actor: Actor) {
    authorize(actor, P['monitor.read']);
    const stats = new Map((await repo.departmentStats(db, jurisdictionPrefix(actor))).map((s) => [String(s.department_id), s]));
    const now = clock.now().getTime();
    return {
      items: (await repo.listDepartments(db)).map((d) => {
        const s = stats.get(d.id);
        const attempts = Number(s?.attempts ?? 0);
        const failed = Number(s?.failed ?? 0);
        return {
          id: d.id,
          code: d.code,
          name: d.name,
          enabled: d.enabled,
          deliveryMode: d.delivery_mode,
          delivered: Number(s?.delivered ?? 0),
          backlog: Number(s?.backlog ?? 0),
          lagSeconds: s?.oldest ? Math.max(0, Math.round((now - new Date(s.oldest).getTime()) / 1000)) : 0,
          failed,
          attempts,
          failureRate: attempts ? Math.round((failed / attempts) * 1000) / 1000 : 0,
        };
      }),
    };
  }

  /** Compares each push department's copy (GET <endpoint origin>/copy) with the register, transformed. */
  async function reconcile(actor: Actor, ctx: AuditContext) {
    authorize(actor, P['reconcile.run']);
    const drifts: { departmentCode: string; departmentName: string; creditCode: string | null; kind: 'missing' | 'different' | 'extra' | 'unreachable'; fields: string[] }[] = [];
    let checked = 0;
    const registerCache = new Map<string, Record<string, unknown> | null>();
    for (const d of await repo.listDepartments(db, true)) {
      if (d.delivery_mode === 'pull' || !d.endpoint_url) continue;
      const mapping = mappingOf(d);
      let copy: Record<string, Record<string, unknown>>;
      try {
        const res = await httpFetch(new URL('/copy', d.endpoint_url), { signal: AbortSignal.timeout(Number(d.timeout_ms)) });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        copy = ((await res.json()) as { enterprises?: Record<string, Record<string, unknown>> }).enterprises ?? {};
      } catch {
        drifts.push({ departmentCode: d.code, departmentName: d.name, creditCode: null, kind: 'unreachable', fields: [] });
        continue;
      }
      const codes = await repo.pushedCodes(db, d.id);
      for (const code of codes) {
        checked++;
        if (!registerCache.has(code)) registerCache.set(code, (await registry.findByCode(code)) as unknown as Record<string, unknown> | null);
        const e = registerCache.get(code);
        if (!e) continue;
        const expected = mapView(mapping, registerView(e));
        const got = copy[code];
        if (!got) {
          drifts.push({ departmentCode: d.code, departmentName: d.name, creditCode: code, kind: 'missing', fields: [] });
          continue;
        }
        const fields = copiesDiffer(expected, got);
        if (fields.length) drifts.push({ departmentCode: d.code, departmentName: d.name, creditCode: code, kind: 'different', fields });
      }
      const known = new Set(codes);
      for (const code of Object.keys(copy)) if (!known.has(code)) drifts.push({ departmentCode: d.code, departmentName: d.name, creditCode: code, kind: 'extra', fields: [] });
    }
    const row = await db.transaction().execute(async (tx) => {
      const r = await repo.insertReconciliation(tx, { at: clock.now(), run_by: actor.id, checked, drifts });
      await audit.record(tx, ctx, { action: 'exchange.reconcile', entityType: 'exchange_reconciliation', entityId: r.id, after: { checked, drifts: drifts.length } });
      return r;
    });
    return { id: row.id, at: new Date(row.at).toISOString(), checked, drifts };
  }

  async function latestReconciliation(actor: Actor) {
    authorize(actor, P['monitor.read']);
    const r = await repo.latestReconciliation(db);
    if (!r) throw new AppError('NOT_FOUND');
    return { id: r.id, at: new Date(r.at).toISOString(), checked: Number(r.checked), drifts: r.drifts };
  }

  async function figures(actor: Actor) {
    authorize(actor, P['monitor.read']);
    const f = await repo.figures(db, jurisdictionPrefix(actor));
    const by = (s: string) => f.counts.find((c) => c.status === s);
    return {
      changesHandled: Number(by('approved')?.n ?? 0),
      changesPending: Number(by('pending')?.n ?? 0),
      changesRejected: Number(by('rejected')?.n ?? 0),
      departmentsPerChange: Math.round(Number(f.perChange ?? 0) * 100) / 100,
      propagationMs: { median: percentile(f.durations, 0.5), p95: percentile(f.durations, 0.95), completed: f.durations.length },
      noExtraForm: Number(by('approved')?.completed ?? 0),
      failuresByDepartment: f.failures.map((x) => ({ code: x.code, name: x.name, failures: Number(x.failures) })),
    };
  }

  return {
    listDepartments: async (actor: Actor) => {
      authorize(actor, P['department.read']);
      return { items: (await repo.listDepartments(db)).map(presentDepartment) };
    },
    getDepartment: async (actor: Actor, id: string) => {
      authorize(actor, P['department.read']);
      return presentDepartment(await loadDepartment(id));
    },
    createDepartment,
    updateDepartment,
    rotateSecret,
    issueToken,
    getSettings: async (actor: Actor) => {
      authorize(actor, P['settings.read']);
      return settings();
    },
    putSettings: async (actor: Actor, input: ExchangeSettings, ctx: AuditContext) => {
      authorize(actor, P['settings.manage']);
      const before = await settings();
      await db.transaction().execute(async (tx) => {
        await repo.putSetting(tx, 'settings', input, clock.now());
        await audit.record(tx, ctx, { action: 'exchange.settings-update', entityType: 'exchange_settings', entityId: 'settings', before, after: input });
      });
      return input;
    },
    preview,
    fileChange,
    approve: (actor: Actor, id: string, input: { version?: number }, ctx: AuditContext) => decide(actor, id, input, ctx, true),
    reject: (actor: Actor, id: string, input: { version?: number; reason: string }, ctx: AuditContext) => decide(actor, id, input, ctx, false),
    getChange: async (actor: Actor, id: string) => {
      const c = await readableChange(actor, id);
      return presentChange(c, await repo.deliveriesOf(db, id));
    },
    listChanges,
    listDeliveries,
    retryDelivery,
    callback,
    readFeed,
    deliver,
    notifyOverdue,
    monitorDepartments,
    reconcile,
    latestReconciliation,
    figures,
  };
}

export type ExchangeService = ReturnType<typeof createExchangeService>;
export type { DeliveryView };

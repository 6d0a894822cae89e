import type { AuditContext } from '../../../platform/audit/audit.js';
import type { EventPayload, ENTERPRISE_CHANGED, ENTERPRISE_REGISTERED, REGISTRY_ENTERPRISES_IMPORTED } from '../../../../../contracts/events.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangeRepository as repo, type ChangeRow, type NewChange } from '../exchange.repository.js';
import { lockEnterprises, publishChange, settingsOf } from '../exchange.shared.js';
import { changedSourceFields, registerView, type RegisterView } from '../domain/mapping.js';

/** A change of the register made outside the exchange workflow, as one register event reports it. */
export interface RegisterChange {
  creditCode: string;
  /** The items before, as the event reports them (null: a registration). Used when the feed never published the enterprise. */
  before: Partial<RegisterView> | null;
  origin: 'correction' | 'registration' | 'import';
  /** The registrar who made it (null when unknown). */
  actorId: string | null;
}

const SYSTEM: AuditContext = { actorName: 'exchange' };

/**
 * The consumer of the register's events (`enterprise.changed` from a correction or a status change,
 * `enterprise.registered`, `registry.enterprises-imported`): each change is recorded as an approved
 * change and goes through the one pipeline of filed changes (`publishChange`): feed with old → new
 * values, deliveries, reconciliation, the notice to the businesses bound to the enterprise.
 *
 * Order-safe: under the per-enterprise lock the approval also takes, the new values are the
 * register's current ones and the old ones what the feed last published, so a late event never
 * sends a department an older state, and an event whose change is already published (by a filed
 * change approved meanwhile) records nothing. Idempotent by event id. Registrations and imports tell
 * no one (no business filed anything).
 */
export async function recordRegisterChanges(deps: ExchangeDeps, input: { eventId: string; changes: RegisterChange[] }, ctx: AuditContext): Promise<ChangeRow[]> {
  if (!input.changes.length) return [];
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const codes = input.changes.map((c) => c.creditCode);
    await lockEnterprises(tx, codes);
    const current = new Map((await deps.registry.findEnterprises(tx, codes)).map((e) => [e.creditCode, registerView(e)]));
    const published = await repo.lastSnapshots(tx, codes);
    const views = input.changes
      .map((c) => ({ c, before: published.get(c.creditCode) ?? registerView(c.before ?? {}), after: current.get(c.creditCode) }))
      .filter((x): x is typeof x & { after: RegisterView } => !!x.after && changedSourceFields(x.before, x.after).length > 0);
    if (!views.length) return [];
    const rows: NewChange[] = views.map(({ c, before, after }) => {
      const fields = changedSourceFields(before, after);
      const silent = c.origin !== 'correction';
      return {
        credit_code: c.creditCode,
        enterprise_name: String(after.name),
        region_code: String(after.regionCode),
        filed_by: c.actorId,
        decided_by: c.actorId,
        idempotency_key: null,
        contact_phone_enc: null,
        items: Object.fromEntries(fields.map((f) => [f, after[f]])),
        kinds: fields,
        status: 'pending',
        filed_at: now,
        origin: c.origin,
        source_event_id: input.eventId,
        // Registrations and imports are shared but tell no one.
        ...(silent ? { notified_at: now, closing_notified_at: now } : {}),
      };
    });
    const inserted = await repo.insertRecordedChanges(tx, rows);
    if (!inserted.length) return [];
    const byCode = new Map(views.map((v) => [v.c.creditCode, v]));
    // Read once for the whole batch (an import batch is up to 500 enterprises).
    const departments = await repo.listDepartments(tx, true);
    const settings = await settingsOf(deps, tx);
    const out: ChangeRow[] = [];
    for (const change of inserted) {
      const v = byCode.get(String(change.credit_code).trim());
      if (!v) continue;
      out.push(await publishChange(deps, tx, { change, before: v.before, after: v.after, decider: null, auto: false, departments, settings, locked: true }, ctx));
    }
    return out;
  });
}

/** `enterprise.changed`: a correction or status change (one made by the exchange workflow is already shared). */
export async function shareEnterpriseChanged(deps: ExchangeDeps, input: { eventId: string; payload: EventPayload<typeof ENTERPRISE_CHANGED> }): Promise<number> {
  const p = input.payload;
  if (p.origin === 'change-request') return 0;
  const actorId = p.actorId ?? null;
  return (await recordRegisterChanges(deps, { eventId: input.eventId, changes: [{ creditCode: p.creditCode, before: p.before ?? null, origin: 'correction', actorId }] }, { ...SYSTEM, actorId })).length;
}

/** `enterprise.registered`: a new enterprise reaches every department mapping what it has. */
export async function shareEnterpriseRegistered(deps: ExchangeDeps, input: { eventId: string; payload: EventPayload<typeof ENTERPRISE_REGISTERED> }): Promise<number> {
  const p = input.payload;
  const actorId = p.actorId ?? null;
  return (await recordRegisterChanges(deps, { eventId: input.eventId, changes: [{ creditCode: p.creditCode, before: null, origin: 'registration', actorId }] }, { ...SYSTEM, actorId })).length;
}

/** `registry.enterprises-imported`: one import batch, shared in one transaction. */
export async function shareEnterprisesImported(deps: ExchangeDeps, input: { eventId: string; payload: EventPayload<typeof REGISTRY_ENTERPRISES_IMPORTED> }): Promise<number> {
  const p = input.payload;
  const actorId = p.actorId ?? null;
  const changes = p.creditCodes.map((creditCode) => ({ creditCode, before: null, origin: 'import' as const, actorId }));
  return (await recordRegisterChanges(deps, { eventId: input.eventId, changes }, { ...SYSTEM, actorId })).length;
}

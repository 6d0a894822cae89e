import type { Actor } from '../../../platform/auth/roles.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { authorize } from '../../../platform/auth/policy.js';
import { httpFetch } from '../../../platform/http/client.js';
import type { Enterprise } from '../../registry/index.js';
import type { ExchangeDeps } from '../deps.js';
import { exchangePolicy as P } from '../exchange.policy.js';
import { exchangeRepository as repo, type Drift } from '../exchange.repository.js';
import { mapView, mappedChanges, registerView, sourceFieldsOf } from '../domain/mapping.js';
import { EXCHANGE_RULES } from '../domain/rules.js';
import { copiesDiffer } from '../domain/figures.js';

/**
 * Compares each push department's copy (GET <endpoint origin>/copy) with the register, transformed;
 * for each pull-only department, what it has read: every feed entry
 * concerning it after the cursor it last read from is a drift `unread` (its copy is behind).
 */
export async function reconcileCopies(deps: ExchangeDeps, actor: Actor, _input: Record<string, never>, ctx: AuditContext) {
  authorize(actor, P['reconcile.run']);
  const drifts: Drift[] = [];
  let checked = 0;
  const registerCache = new Map<string, Enterprise | null>();
  const departments = await repo.listDepartments(deps.db, true);
  for (const d of departments) {
    // A department with a push endpoint is checked by its copy below; the others only read the feed.
    if (d.delivery_mode !== 'pull' && d.endpoint_url) continue;
    const fields = sourceFieldsOf(d.mapping);
    const unread = new Map<string, Set<string>>();
    for (let after = Number(d.pull_cursor), more = true; more; ) {
      const page = await repo.readFeed(deps.db, { after, fields, limit: EXCHANGE_RULES.reconcilePage.value });
      for (const r of page) {
        checked++;
        const changed = mappedChanges(d.mapping, r.before, r.snapshot).map((c) => c.target);
        if (!changed.length) continue;
        const code = String(r.credit_code).trim();
        const set = unread.get(code) ?? new Set<string>();
        for (const c of changed) set.add(c);
        unread.set(code, set);
      }
      more = page.length === EXCHANGE_RULES.reconcilePage.value;
      if (page.length) after = Number(page[page.length - 1].cursor);
    }
    for (const [code, set] of unread) drifts.push({ departmentCode: d.code, departmentName: d.name, creditCode: code, kind: 'unread', fields: [...set] });
  }
  for (const d of departments) {
    if (d.delivery_mode === 'pull' || !d.endpoint_url) continue;
    const copy = await copyOf(d.endpoint_url, Number(d.timeout_ms));
    if (!copy) {
      drifts.push({ departmentCode: d.code, departmentName: d.name, creditCode: null, kind: 'unreachable', fields: [] });
      continue;
    }
    const codes = await repo.pushedCodes(deps.db, d.id);
    for (const code of codes) {
      checked++;
      if (!registerCache.has(code)) registerCache.set(code, await deps.registry.findEnterprise(deps.db, code));
      const e = registerCache.get(code);
      if (!e) continue;
      const expected = mapView(d.mapping, registerView(e));
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
  const row = await deps.db.transaction().execute(async (tx) => {
    const r = await repo.insertReconciliation(tx, { at: deps.clock.now(), run_by: actor.id, checked, drifts });
    await deps.audit.record(tx, ctx, { action: 'exchange.reconcile', entityType: 'exchange_reconciliation', entityId: r.id, after: { checked, drifts: drifts.length } });
    return r;
  });
  return { id: row.id, at: new Date(row.at).toISOString(), checked, drifts };
}

/** The department's copy by credit code, or null when it cannot be read. */
async function copyOf(endpoint: string, timeoutMs: number): Promise<Record<string, Record<string, unknown>> | null> {
  try {
    const res = await httpFetch(new URL('/copy', endpoint), { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return null;
    const body: unknown = await res.json();
    const enterprises = typeof body === 'object' && body !== null && 'enterprises' in body ? body.enterprises : undefined;
    if (enterprises === undefined || enterprises === null) return {};
    if (typeof enterprises !== 'object') return null;
    const out: Record<string, Record<string, unknown>> = {};
    for (const [code, v] of Object.entries(enterprises)) if (typeof v === 'object' && v !== null) out[code] = { ...v };
    return out;
  } catch {
    return null;
  }
}

// Helpers shared by the register's use cases: the stored values of an enterprise, the scoped read,
// the one state change with version check (applyUpdate) and the audit view.
import type { Actor } from '../../platform/auth/roles.js';
import { assertInScope, jurisdictionPrefix } from '../../platform/auth/policy.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { TypedDbOrTx } from '../../platform/db/database.js';
import type { EnterpriseCreate } from '../../../../contracts/registry.js';
import { ENTERPRISE_CHANGED, type EnterpriseItemsSnapshot, type REGISTER_CHANGE_ORIGINS } from '../../../../contracts/events.js';
import type { z } from 'zod';
import { validateEnterprise, nameIndex, type EnterpriseInput, type EnterpriseStatus } from './domain/enterprise.js';
import { maskIdNumber } from './domain/id-number.js';
import { normalizeIdentifier } from './domain/normalize.js';
import { mayMoveRegion } from './domain/jurisdiction.js';
import { REGION_MOVE_REFUSED } from './domain/texts.js';
import { registryRepository as repo, type EnterpriseRow, type EnterpriseValues, type StagedRow } from './registry.repository.js';
import type { RegistryDeps } from './deps.js';

/** The columns of an enterprise as stored: identifiers normalised, the ID number encrypted and masked. */
export function toValues(deps: RegistryDeps, input: EnterpriseInput): EnterpriseValues {
  const idx = nameIndex(input.name);
  const id = input.legalRepIdNumber ? normalizeIdentifier(input.legalRepIdNumber) : null;
  return {
    credit_code: normalizeIdentifier(input.creditCode),
    name: input.name.trim(),
    name_key: idx.key,
    name_grams: idx.grams,
    type: input.type,
    legal_rep_name: input.legalRepName.trim(),
    legal_rep_id_enc: id ? deps.crypto.encrypt(id) : null,
    legal_rep_id_masked: id ? maskIdNumber(id) : null,
    registered_capital_fen: input.registeredCapitalFen,
    address: input.address.trim(),
    region_code: input.regionCode,
    industry_code: input.industryCode,
    business_scope: input.businessScope ?? '',
    investors: input.investors ?? [],
    phone_enc: null,
    status: input.status ?? 'active',
    established_on: input.establishedOn,
    approved_on: input.establishedOn,
    deregistered_on: null,
  };
}

/** The row if the actor may read it; NOT_FOUND otherwise (outside the jurisdiction is a 404). */
export function readable(actor: Actor, row: EnterpriseRow | undefined): EnterpriseRow {
  if (!row) throw new AppError('NOT_FOUND');
  assertInScope(actor, { regionCode: row.region_code, creditCode: row.credit_code });
  return row;
}

/** The audit keeps the registered items but never the ID number in clear. */
export function auditView(r: EnterpriseRow) {
  const { legal_rep_id_enc: _enc, name_grams: _g, name_key: _k, created_at: _c, updated_at: _u, ...rest } = r;
  return rest;
}

/** The items an event carries (what departments may read: never the ID number). */
export function snapshotOf(r: EnterpriseRow): z.infer<typeof EnterpriseItemsSnapshot> {
  return {
    creditCode: r.credit_code,
    name: r.name,
    type: r.type,
    legalRepName: r.legal_rep_name,
    registeredCapitalFen: Number(r.registered_capital_fen),
    address: r.address,
    regionCode: r.region_code,
    industryCode: r.industry_code,
    businessScope: r.business_scope,
    investors: r.investors,
    status: r.status,
    establishedOn: r.established_on,
  };
}

/** An import row as staged in the job table: the ID number encrypted. */
export function stageRow(deps: RegistryDeps, g: { row: number; input: EnterpriseInput }): StagedRow {
  const { legalRepIdNumber, ...rest } = g.input;
  return { row: g.row, input: rest, idEnc: legalRepIdNumber ? deps.crypto.encrypt(legalRepIdNumber) : null };
}

export function unstageRow(deps: RegistryDeps, s: StagedRow): { row: number; input: EnterpriseInput } {
  return { row: s.row, input: { ...s.input, legalRepIdNumber: s.idEnc ? deps.crypto.decrypt(s.idEnc) : null } };
}

/**
 * The one state change of an enterprise: checks the version, validates the merged items, writes
 * what changed (version + 1), emits enterprise.changed and audits, all in `tx`.
 */
export async function applyUpdate(
  deps: RegistryDeps,
  tx: TypedDbOrTx,
  input: {
    before: EnterpriseRow;
    items: Partial<EnterpriseCreate> & { version: number; status?: EnterpriseStatus };
    action: string;
    /** Who makes the change (null: an automatic approval, which may not move the enterprise). */
    by: Actor | null;
    /** Where the change comes from; `change-request` is shared by the exchange workflow itself. */
    origin: (typeof REGISTER_CHANGE_ORIGINS)[number];
  },
  ctx: AuditContext,
): Promise<EnterpriseRow> {
  const { before, items, action, by, origin } = input;
  if (items.version !== before.version) throw new AppError('VERSION_CONFLICT');
  if (items.regionCode !== undefined && items.regionCode !== before.region_code) {
    if (!by || !mayMoveRegion(jurisdictionPrefix(by), before.region_code, items.regionCode)) {
      throw new AppError('FORBIDDEN', { fields: [{ path: 'regionCode', code: 'OUTSIDE_JURISDICTION' }], text: REGION_MOVE_REFUSED });
    }
  }
  // A new legal representative never keeps the previous person's ID number: it is replaced by the
  // one given, or cleared (issue 11).
  const newRep = items.legalRepName !== undefined && items.legalRepName.trim() !== before.legal_rep_name;
  const idNumber = items.legalRepIdNumber !== undefined ? items.legalRepIdNumber : newRep ? null : undefined;
  const merged: EnterpriseInput = {
    creditCode: before.credit_code,
    name: items.name ?? before.name,
    type: items.type ?? before.type,
    legalRepName: items.legalRepName ?? before.legal_rep_name,
    legalRepIdNumber: idNumber,
    registeredCapitalFen: items.registeredCapitalFen ?? Number(before.registered_capital_fen),
    address: items.address ?? before.address,
    regionCode: items.regionCode ?? before.region_code,
    industryCode: items.industryCode ?? before.industry_code,
    businessScope: items.businessScope ?? before.business_scope,
    investors: items.investors ?? before.investors,
    establishedOn: items.establishedOn ?? before.established_on,
    status: items.status ?? before.status,
  };
  const { errors } = validateEnterprise(merged, deps.clock.today());
  if (errors.length) throw new AppError('VALIDATION_FAILED', { fields: errors });
  const values = toValues(deps, merged);
  const changes: Partial<EnterpriseValues> = {};
  for (const k of Object.keys(values) as (keyof EnterpriseValues)[]) {
    if (k === 'credit_code' || k === 'approved_on' || k === 'phone_enc') continue;
    if (k === 'legal_rep_id_enc' || k === 'legal_rep_id_masked') {
      if (idNumber === undefined) continue;
      if (idNumber === null && before[k] === null) continue;
    }
    if (JSON.stringify(values[k]) !== JSON.stringify(before[k])) (changes as Record<string, unknown>)[k] = values[k];
  }
  if (changes.status === 'deregistered') changes.deregistered_on = deps.clock.today();
  changes.approved_on = deps.clock.today();
  const row = await repo.update(tx, before.credit_code, before.version, changes);
  if (!row) throw new AppError('VERSION_CONFLICT');
  const changed = Object.keys(changes).filter((k) => !['name_key', 'name_grams', 'approved_on', 'legal_rep_id_enc'].includes(k));
  await deps.outbox.append(
    tx,
    ENTERPRISE_CHANGED,
    {
      creditCode: row.credit_code,
      regionCode: row.region_code,
      fields: changed,
      version: row.version,
      before: snapshotOf(before),
      after: snapshotOf(row),
      origin,
      legalRepIdChanged: 'legal_rep_id_masked' in changes || 'legal_rep_id_enc' in changes,
      actorId: by?.id ?? null,
    },
    { orderingKey: row.credit_code },
  );
  await deps.audit.record(tx, ctx, { action, entityType: 'enterprise', entityId: row.credit_code, before: auditView(before), after: auditView(row) });
  return row;
}

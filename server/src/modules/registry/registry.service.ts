// The register's use cases, composed: one file per use case under use-cases/, each taking
// (deps, actor, input). This object keeps the names routes, tests and other modules call.
import type { Platform } from '../../platform/module.js';
import type { Actor } from '../../platform/auth/roles.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { TypedDbOrTx } from '../../platform/db/database.js';
import type { EnterpriseCreate } from '../../../../contracts/registry.js';
import { ENTERPRISE_CHANGED, ENTERPRISE_REGISTERED, REGISTRY_IMPORT_ACCEPTED as REGISTRY_IMPORT } from '../../../../contracts/events.js';
import { ENTERPRISE_TYPES, type Enterprise, type EnterpriseStatus } from './domain/enterprise.js';
import { validateCreditCode } from './domain/credit-code.js';
import { registryDeps } from './deps.js';
import { searchEnterprises } from './use-cases/search-enterprises.js';
import { getEnterprise } from './use-cases/get-enterprise.js';
import { findEnterprise, findEnterprises } from './use-cases/find-enterprise.js';
import { findByExactName } from './use-cases/find-by-exact-name.js';
import { findByCode } from './use-cases/find-by-code.js';
import { revealLegalRepId } from './use-cases/reveal-legal-rep-id.js';
import { createEnterprise } from './use-cases/create-enterprise.js';
import { updateEnterprise } from './use-cases/update-enterprise.js';
import { applyChange } from './use-cases/apply-change.js';
import { publicSearch } from './use-cases/public-search.js';
import { publicGet } from './use-cases/public-get.js';
import { startImport } from './use-cases/start-import.js';
import { getImport } from './use-cases/get-import.js';
import { runImport } from './use-cases/run-import.js';
import { scanForCredit } from './use-cases/scan-for-credit.js';

export { ENTERPRISE_REGISTERED, ENTERPRISE_CHANGED, REGISTRY_IMPORT };
export { IMPORT_BATCHES_PER_RUN } from './domain/rules.js';

export function createRegistryService(p: Platform) {
  const deps = registryDeps(p);
  return {
    search: (actor: Actor, query: { q?: string; region?: string; status?: string; industry?: string; cursor?: string; limit: number }, locale: Locale) =>
      searchEnterprises(deps, actor, { ...query, locale }),
    get: (actor: Actor, code: string, locale: Locale) => getEnterprise(deps, actor, { code, locale }),
    /** Internal read for other modules: the API view (see use-cases/find-by-code.ts). */
    findByCode: (code: string) => findByCode(deps, { creditCode: code }),
    /** The enterprise in the caller's transaction (or the database), as the register's domain object. */
    findEnterprise: (tx: TypedDbOrTx, code: string): Promise<Enterprise | null> => findEnterprise(deps, tx, { creditCode: code }),
    /** Several enterprises in one read (the exchange module sharing an import batch). */
    findEnterprises: (tx: TypedDbOrTx, codes: string[]): Promise<Enterprise[]> => findEnterprises(deps, tx, { creditCodes: codes }),
    findByExactName: (name: string) => findByExactName(deps, { name }),
    /** The credit module's risk-class batch: a keyset page of the register (or the given codes). */
    scanForCredit: (after: string | null, limit: number, codes?: string[], tx?: TypedDbOrTx) => scanForCredit(deps, { after, limit, codes }, tx),
    revealLegalRepId: (actor: Actor, code: string, ctx: AuditContext) => revealLegalRepId(deps, actor, { code }, ctx),
    create: (actor: Actor, input: EnterpriseCreate, ctx: AuditContext, locale: Locale) => createEnterprise(deps, actor, { ...input, locale }, ctx),
    update: (actor: Actor, code: string, input: Partial<EnterpriseCreate> & { version: number; status?: EnterpriseStatus }, ctx: AuditContext, locale: Locale) =>
      updateEnterprise(deps, actor, { code, items: input, locale }, ctx),
    /** Registered-item changes inside the caller's transaction (the registration-change workflow). */
    applyChange: (
      tx: TypedDbOrTx,
      input: { creditCode: string; items: Partial<EnterpriseCreate> & { version?: number; status?: EnterpriseStatus }; check?: (before: Enterprise) => void },
      ctx: AuditContext,
      decider: Actor | null,
    ) => applyChange(deps, tx, input, ctx, decider),
    publicSearch: (q: string, limit: number, locale: Locale) => publicSearch(deps, { q, limit, locale }),
    publicGet: (code: string, locale: Locale) => publicGet(deps, { code, locale }),
    startImport: (actor: Actor, input: { csv: Buffer; fileName: string; skipErrors: boolean }, ctx: AuditContext, locale: Locale) =>
      startImport(deps, actor, { ...input, locale }, ctx),
    getImport: (actor: Actor, id: string, _locale: Locale) => getImport(deps, actor, { id }),
    runImport: (jobId: string, ctx: AuditContext) => runImport(deps, { jobId, ctx }),
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
export { ENTERPRISE_TYPES, validateCreditCode };

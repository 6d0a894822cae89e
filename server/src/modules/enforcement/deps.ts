import type { Platform } from '../../platform/module.js';
import type { Actor } from '../../platform/auth/roles.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { RegistryService } from '../registry/index.js';
import type { DocumentIssuer } from './enforcement.documents.js';
import { createRulebookStore, type RulebookStore } from './rulebook.store.js';

/**
 * What the enforcement use cases need, built once in index.ts. Every use case is a function
 * `(deps, actor, input, ctx?, locale?)` over this object — nothing else is reachable from a use case.
 */
export interface EnforcementDeps {
  db: Platform['db'];
  clock: Platform['clock'];
  audit: Platform['audit'];
  outbox: Platform['outbox'];
  calendar: Platform['calendar'];
  notifier: Platform['notifier'];
  obligations: Platform['obligations'];
  files: Platform['files'];
  log: Platform['log'];
  /** The public address documents and rating cards point at (no trailing slash). */
  publicBaseUrl: string;
  registry: RegistryService;
  docs: DocumentIssuer;
  /** The published rulebook versions the discretion engine reads (issue 11). */
  rulebook: RulebookStore;
}

export function enforcementDeps(p: Platform, registry: RegistryService, docs: DocumentIssuer): EnforcementDeps {
  return {
    db: p.db,
    clock: p.clock,
    audit: p.audit,
    outbox: p.outbox,
    calendar: p.calendar,
    notifier: p.notifier,
    obligations: p.obligations,
    files: p.files,
    log: p.log,
    // Read at use: the real port is filled in once the server listens (PORT=0).
    get publicBaseUrl() {
      return p.config.PUBLIC_BASE_URL.replace(/\/$/, '');
    },
    registry,
    docs,
    rulebook: createRulebookStore(),
  };
}

export type { Actor, AuditContext, Locale };

/** The common input of a case step: the version the client saw and its claimed time (refused if back-dated). */
export interface StepInput {
  id: string;
  version: number;
  occurredAt?: string;
}

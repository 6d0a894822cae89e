import type { Platform } from '../../platform/module.js';
import type { TypedDb } from '../../platform/db/database.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import type { RegistryService } from '../registry/index.js';
import type { DepartmentRow, FeedRow } from './exchange.repository.js';

/**
 * What the exchange use cases need, defined once. Every use case takes `(deps, actor, input)` (or
 * `(deps, input)` when the system acts: the outbox handler, the overdue job, a signed callback).
 */
export interface ExchangeDeps {
  db: TypedDb;
  clock: Platform['clock'];
  crypto: Platform['crypto'];
  audit: Platform['audit'];
  outbox: Platform['outbox'];
  notifier: Platform['notifier'];
  auth: Platform['auth'];
  /** This server's address as departments reach it (callback URLs), without a trailing slash. */
  publicBaseUrl: string;
  /** How old (either way) a signed callback's timestamp may be; its signature is remembered that long, twice over. */
  callbackWindowSeconds: number;
  /** The register, through its index.ts: reads and applies changes inside our transaction. */
  registry: Pick<RegistryService, 'findEnterprise' | 'findEnterprises' | 'applyChange'>;
  /** Per-process caches of the delivery hot path (see domain/rules.ts for their sizes). */
  caches: {
    departments: Map<string, { at: number; row: DepartmentRow; secret: string }>;
    feed: Map<number, FeedRow>;
  };
}

/** Who the module writes audit entries as when no person acts (notifications). */
export const SYSTEM_CTX: AuditContext = { actorName: 'exchange' };

export function exchangeDeps(p: Platform, registry: ExchangeDeps['registry']): ExchangeDeps {
  return {
    db: p.db,
    clock: p.clock,
    crypto: p.crypto,
    audit: p.audit,
    outbox: p.outbox,
    notifier: p.notifier,
    auth: p.auth,
    // Read at use: the real port is filled in once the server listens (PORT=0).
    get publicBaseUrl() {
      return p.config.PUBLIC_BASE_URL.replace(/\/$/, '');
    },
    callbackWindowSeconds: p.config.CALLBACK_WINDOW_SECONDS,
    registry,
    caches: { departments: new Map(), feed: new Map() },
  };
}

/**
 * The contract between the composition root (app/) and the modules: what a module receives
 * (`Platform`) and what it hands back (`XfModule`). It lives in platform/ so modules never import app/.
 */
import type { Config } from '../config/config.js';
import type { Database } from './db/database.js';
import type { Clock } from './clock/clock.js';
import type { Crypto } from './crypto/crypto.js';
import type { Audit } from './audit/audit.js';
import type { Outbox, OutboxHandler } from './outbox/outbox.js';
import type { Notifier } from './notifications/notifications.js';
import type { FileStore } from './files/files.js';
import type { AuthService } from './auth/auth.service.js';
import type { CalendarService } from './calendar/calendar.service.js';
import type { App } from './http/http.js';
import type { LocalizedText } from './i18n/i18n.js';
import type { ObligationsService } from './obligations/obligations.service.js';
import type { Policy } from './auth/policy.js';
import type { Logger } from 'pino';

/** The platform services every module receives (built once in `build.ts`, passed explicitly). */
export interface Platform {
  config: Config;
  database: Database;
  db: Database['db'];
  clock: Clock;
  crypto: Crypto;
  audit: Audit;
  outbox: Outbox;
  notifier: Notifier;
  files: FileStore;
  auth: AuthService;
  calendar: CalendarService;
  /** Tracked obligations (promised dates) and their alerts. */
  obligations: ObligationsService;
  log: Logger;
}

/** What a module hands to the composition root. */
export interface XfModule {
  name: string;
  /** Registers the module's HTTP routes (under /api). */
  routes?(app: App): Promise<void> | void;
  /** The module's policy table: who may do what. GET /api/auth/me derives the actor's permissions from it. */
  policy?: Policy;
  /** Outbox subscribers. */
  handlers?: OutboxHandler[];
  /** Field-level validation messages for the module's codes. */
  fieldMessages?: Record<string, LocalizedText>;
  /** Adds the module's demo data (runs once, on first start, after the register is seeded). */
  seedDemo?(ctx: DemoContext): Promise<void>;
  /** Periodic work (deadline alerts…), called by the worker every `intervalMs`. */
  jobs?: { name: string; intervalMs: number; run(): Promise<void> }[];
  /** Service objects other modules may call (through the module's index.ts types). */
  api?: unknown;
}

export interface DemoContext {
  seed: number;
  /** Accounts created by the platform seed, by username. */
  accounts: Record<string, string>;
}

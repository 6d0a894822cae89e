/**
 * Steps the service use cases share: loading a record or NOT_FOUND, the version-checked update,
 * rule errors worded in domain/texts.ts, the experiencer behind a citizen account, working-day
 * deadlines on the services' calendar, and the obligation of each promised date.
 */
import type { Actor } from '../../../platform/auth/roles.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { TypedDbOrTx } from '../../../platform/db/database.js';
import { workingDaysDeadline, type IsoDate } from '../../../platform/calendar/index.js';
import { SERVICE_ERRORS } from '../domain/texts.js';
import { serviceRepository as repo } from '../service.repository.js';
import type { ServiceDeps } from '../deps.js';

export function found<T>(row: T | undefined | null): T {
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The result of a version-checked update, or VERSION_CONFLICT. */
export function updated<T>(row: T | undefined): T {
  if (!row) throw new AppError('VERSION_CONFLICT');
  return row;
}

export function ruleError(key: keyof typeof SERVICE_ERRORS, code: 'RULE_VIOLATION' | 'INVALID_STATE' | 'FORBIDDEN' | 'LIMIT_EXCEEDED' | 'DUPLICATE' = 'RULE_VIOLATION'): AppError {
  return new AppError(code, { text: SERVICE_ERRORS[key] });
}

export function requireVersion(current: { version: number }, version: number): void {
  if (current.version !== version) throw new AppError('VERSION_CONFLICT');
}

/** The enrolled experiencer behind a citizen account, or a FORBIDDEN worded for experiencers. */
export async function experiencerOf(db: TypedDbOrTx, actor: Actor) {
  const e = actor.id ? await repo.experiencerByAccount(db, actor.id) : undefined;
  if (!e) throw ruleError('notExperiencer', 'FORBIDDEN');
  return e;
}

/** `n` working days after `start` on the services' calendar (provisional past the official data). */
export function dueAfter(deps: Pick<ServiceDeps, 'calendar'>, start: IsoDate, n: number): IsoDate {
  return workingDaysDeadline(deps.calendar.get(), start, n).due;
}

/** The region prefix a staff query is limited to (null = everywhere; businesses and citizens see their own). */
export function regionOf(actor: Actor): string | null {
  return actor.kind === 'staff' || actor.kind === 'system' ? actor.jurisdiction : null;
}

export function inRegion(actor: Actor, regionCode: string): boolean {
  const prefix = regionOf(actor);
  return !prefix || regionCode.startsWith(prefix);
}

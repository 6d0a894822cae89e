import { AppError } from '../../errors/app-error.js';
import type { Citation, DeadlineRule } from './work-calendar.js';
import { LIMITS } from './time-limits.data.js';

/**
 * The statutory time limits of the platform as cited, versioned data (pure).
 *
 * Each rule says how many days, whether they are working days (工作日) or calendar days, what
 * starts the count, and where the number comes from, with the evidence tag of docs rules.md:
 * [LAW-TEXT] read in the full text, [PAGE] from a public web page, [UNVERIFIED] a default someone
 * must confirm. A case stores the `id` and `version` it was computed under; a change of law adds a
 * new version rather than editing an old one.
 *
 * 《行政处罚法》 第八十五条: "本法中'二日''三日''五日''七日'的规定是指工作日，不含法定节假日" — so
 * the 3/5/7-day limits of that law are working days, while its 15 days (art. 67) and 90 days
 * (art. 60) are calendar days.
 *
 * Provinces may tighten agency limits: see `resolveTimeLimit` and `provinceMay`.
 */

export type { TimeLimitId, TimeLimitLabel, TimeLimitExtension, TimeLimit } from './time-limits.types.js';
import type { TimeLimitId, TimeLimit, TimeLimitLabel, TimeLimitExtension } from './time-limits.types.js';

/** Every version of every rule. Add a new version beside an old one; never edit a published one. */
export const TIME_LIMITS: readonly TimeLimit[] = Object.freeze(LIMITS.map((limit) => Object.freeze(limit)));

/**
 * A rule as it is found. With `version`, that exact version (for a case decided under it);
 * without, the newest. Throws `NOT_FOUND` for an unknown id or version.
 */
export function getTimeLimit(id: TimeLimitId, version?: number): TimeLimit {
  const versions = TIME_LIMITS.filter((l) => l.id === id);
  const found =
    version === undefined
      ? versions.sort((a, b) => b.version - a.version)[0]
      : versions.find((l) => l.version === version);
  if (!found) throw new AppError('NOT_FOUND', { params: { timeLimit: id, version } });
  return found;
}

/** A province's change to one rule; it must cite its own source. */
export interface TimeLimitOverride {
  /** The province (or city) that sets it, e.g. 四川省 or a GB/T 2260 code. */
  scope: string;
  days: number;
  /** Defaults to the national rule's unit; a rule a province may only shorten keeps its unit. */
  unit?: 'working' | 'calendar';
  version: number;
  lawVersion?: string;
  citation: Citation;
  label?: TimeLimitLabel;
  /** Replaces the national extension; `null` removes it. */
  extension?: TimeLimitExtension | null;
}

export type TimeLimitOverrides = Partial<Record<TimeLimitId, TimeLimitOverride>>;

/**
 * The rule in force for a province: the national rule, or the province's override of it.
 * Throws `VALIDATION_FAILED` when an override changes what `provinceMay` forbids (lengthens or
 * changes the unit of a `shorten` rule, touches a `none` rule) or lacks a citation.
 */
export function resolveTimeLimit(id: TimeLimitId, overrides?: TimeLimitOverrides): TimeLimit {
  const base = getTimeLimit(id);
  const o = overrides?.[id];
  if (!o) return base;
  const path = `timeLimits.${id}`;
  const fail = (field: string, code: string, params: Record<string, unknown> = {}) =>
    new AppError('VALIDATION_FAILED', { params: { id, ...params }, fields: [{ path: `${path}.${field}`, code, params: { id, ...params } }] });
  const unit = o.unit ?? base.unit;
  if (!Number.isSafeInteger(o.days) || o.days < 0) throw fail('days', 'INVALID_NUMBER', { days: o.days });
  if (!Number.isSafeInteger(o.version) || o.version < 1) throw fail('version', 'INVALID_NUMBER', { version: o.version });
  if (!o.scope?.trim()) throw fail('scope', 'REQUIRED');
  if (!o.citation?.law?.trim() || !o.citation.article?.trim() || !o.citation.source) throw fail('citation', 'REQUIRED');
  if (base.provinceMay === 'none') throw fail('days', 'NOT_OVERRIDABLE');
  if (base.provinceMay === 'shorten' && (unit !== base.unit || o.days > base.days)) {
    throw fail('days', 'EXCEEDS_STATUTORY_LIMIT', { days: o.days, unit, limit: base.days, limitUnit: base.unit });
  }
  const extension = o.extension === undefined ? base.extension : (o.extension ?? undefined);
  return Object.freeze({
    ...base,
    days: o.days,
    unit,
    version: o.version,
    lawVersion: o.lawVersion ?? base.lawVersion,
    citation: o.citation,
    label: o.label ?? base.label,
    extension,
    scope: o.scope,
  });
}

/**
 * The extension of a rule as a rule of its own, to be counted from the original deadline:
 * `calendar.deadline(calendar.deadline(start, limit), extensionRule(limit))`.
 */
export function extensionRule(limit: TimeLimit): DeadlineRule | undefined {
  if (!limit.extension) return undefined;
  return { id: `${limit.id}.extension`, days: limit.extension.days, unit: limit.extension.unit, citation: limit.extension.citation };
}

// The exchange module's limits and defaults, each with its source. Pure data read by the use cases;
// the values are never repeated in wording (see texts.ts).
import type { ExchangeSettings } from '../../../../../contracts/exchange.js';

export interface Rule<T> {
  value: T;
  /** Where the value comes from. */
  source: string;
}

export const EXCHANGE_RULES = {
  /**
   * Settings before an administrator saves any: no change kind is low-risk (every change waits for a
   * registrar), and the business is told at the latest 240 minutes after approval even if a department
   * has not acknowledged.
   */
  defaultSettings: {
    value: { lowRiskKinds: [], notifyDeadlineMinutes: 240 },
    source: 'Xingfeng default, chosen when the module was built (not a legal limit); administrators change it with PUT /api/exchange/settings',
  } satisfies Rule<ExchangeSettings>,
  /** Change kinds never approved automatically, whatever the settings say. */
  neverAutomatic: {
    value: ['regionCode'] as readonly string[],
    source: 'issue 9, finding 7: a move to another region is decided by a registrar covering both regions',
  } satisfies Rule<readonly string[]>,
  /** How long one process reuses a department's row and decrypted secret between deliveries. */
  departmentCacheMs: { value: 2000, source: 'engineering: departments change rarely; a secret rotation is seen within 2 s' } satisfies Rule<number>,
  /** Feed entries kept in memory for the deliveries of recent changes (entries never change). */
  feedCacheEntries: { value: 2000, source: 'engineering: bounded memory per worker' } satisfies Rule<number>,
  /** Overdue notices sent per run of the `exchange.notify-overdue` job. */
  overdueBatch: { value: 200, source: 'engineering: one job run stays short; the rest waits for the next minute' } satisfies Rule<number>,
  /** Characters of a department's answer kept as the delivery's last error. */
  errorExcerptChars: { value: 200, source: 'engineering: enough to diagnose, small enough for the monitor' } satisfies Rule<number>,
  /** Feed entries read per query when reconciliation scans what a pull department has not read. */
  reconcilePage: { value: 1000, source: 'engineering: bounded memory per query' } satisfies Rule<number>,
  /** Characters of a last error stored on a delivery. */
  lastErrorChars: { value: 1000, source: 'engineering: column kept small' } satisfies Rule<number>,
} as const;

/** The settings in force: the stored ones over the defaults. */
export function settingsInForce(stored: Partial<ExchangeSettings> | undefined): ExchangeSettings {
  return { ...EXCHANGE_RULES.defaultSettings.value, ...(stored ?? {}) };
}

/** A change is approved without a registrar when every kind is low-risk and none is excluded. */
export function isAutomatic(kinds: readonly string[], settings: ExchangeSettings): boolean {
  const lowRisk = new Set<string>(settings.lowRiskKinds);
  return kinds.every((k) => lowRisk.has(k)) && !kinds.some((k) => EXCHANGE_RULES.neverAutomatic.value.includes(k));
}

/** When the business must be told at the latest, counted from the approval. */
export function notifyDueAt(approvedAt: Date, settings: ExchangeSettings): Date {
  return new Date(approvedAt.getTime() + settings.notifyDeadlineMinutes * 60_000);
}

/** The register items a change touches, as kinds (a new ID number is part of a new legal representative). */
export function kindsOf(items: Record<string, unknown>): string[] {
  return [...new Set(Object.keys(items).map((k) => (k === 'legalRepIdNumber' ? 'legalRepName' : k)))].sort();
}

/** The filed items that differ from the register (a legal representative's ID number always counts). */
export function diffItems(current: Record<string, unknown>, items: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(items)) {
    if (v === undefined) continue;
    if (k === 'legalRepIdNumber' || JSON.stringify(current[k]) !== JSON.stringify(v)) out[k] = v;
  }
  return out;
}

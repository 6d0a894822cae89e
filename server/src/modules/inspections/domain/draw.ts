import { sha256Hex } from './prng.js';
import { UNCLASSED } from './sampling-rules.js';

/**
 * The verifiable stratified draw of targets (抽取检查对象), algorithm `xf-draw/1`.
 *
 * 1. Seed. Each party (every department taking part, and a public observer) commits to a secret by
 *    publishing `commitmentOf(taskId, party, reveal)` before the draw and reveals it after all have
 *    committed; the seed is SHA-256 over every `party:reveal` line, parties in code-point order. No
 *    party alone controls it: any one honest secret makes it unpredictable to the others.
 * 2. Directory. The directory is frozen when the last party commits: its snapshot hash is SHA-256
 *    over the lines `creditCode|regionCode|stratum`, sorted by credit code (`snapshotHash`).
 * 3. Targets. Per stratum (risk class, or `-` without one), k = round(ratio × N) targets: the k
 *    members with the smallest key SHA-256(`seed:stratum:creditCode`) — a uniform sample without
 *    replacement that does not depend on the order rows are read in, so a database can pre-filter
 *    it in one pass (`candidateBound`) and a citizen can re-run it from the published list.
 */
export const DRAW_ALGORITHM = 'xf-draw/1';
export const OBSERVER_PARTY = 'observer';

export interface DirectoryEntry {
  creditCode: string;
  regionCode: string;
  /** The risk class, or `-` (UNCLASSED). */
  stratum: string;
}

export interface DrawnTarget {
  creditCode: string;
  regionCode: string;
  stratum: string;
  key: string;
}

export interface StratumOutcome {
  stratum: string;
  size: number;
  ratio: number;
  drawn: number;
}

export function commitmentOf(taskId: string, party: string, reveal: string): string {
  return sha256Hex(`${taskId}:${party}:${reveal}`);
}

export function seedOf(reveals: { party: string; reveal: string }[]): string {
  const lines = [...reveals].sort((a, b) => (a.party < b.party ? -1 : a.party > b.party ? 1 : 0)).map((r) => `${r.party}:${r.reveal}`);
  return sha256Hex(lines.join('\n'));
}

export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function entryLine(e: DirectoryEntry): string {
  return `${e.creditCode}|${e.regionCode}|${e.stratum}`;
}

/** SHA-256 over the canonical lines (sorted by credit code), fed incrementally. */
export function snapshotHash(entries: readonly DirectoryEntry[]): string {
  const sorted = [...entries].sort((a, b) => compareCodes(a.creditCode, b.creditCode));
  return sha256Hex(sorted.map(entryLine).join('\n'));
}

export function targetKey(seed: string, stratum: string, creditCode: string): string {
  return sha256Hex(`${seed}:${stratum}:${creditCode}`);
}

/** How many of a stratum are drawn: round(ratio × size), never more than the stratum. */
export function sampleSize(ratio: number, size: number): number {
  if (size <= 0 || ratio <= 0) return 0;
  return Math.min(size, Math.round(ratio * size + 1e-9));
}

/**
 * A bound on the key (its first 4 bytes as an integer < 2^32) below which the k smallest keys of a
 * stratum of `size` lie with overwhelming probability (k + 6√k + 16 expected candidates): a
 * database returns only those rows, and the caller checks it got at least k (else reads all).
 * `null` means no filter (the whole stratum).
 */
export function candidateBound(k: number, size: number): number | null {
  if (k === 0) return 0;
  const expected = k + 6 * Math.sqrt(k) + 16;
  if (expected >= size) return null;
  return Math.min(2 ** 32, Math.ceil((expected / size) * 2 ** 32));
}

/** The k entries with the smallest keys, in key order (ties, impossible in practice, by code). */
export function smallestKeys<T extends { key: string; creditCode: string }>(candidates: readonly T[], k: number): T[] {
  return [...candidates].sort((a, b) => compareCodes(a.key, b.key) || compareCodes(a.creditCode, b.creditCode)).slice(0, k);
}

/** Strata in their canonical order: classes A, B, … then `-`. */
export function strataOrder(strata: Iterable<string>): string[] {
  return [...new Set(strata)].sort((a, b) => (a === UNCLASSED ? 1 : b === UNCLASSED ? -1 : compareCodes(a, b)));
}

/** The ratio of a stratum (unknown strata are sampled at the unclassed rate, else not at all). */
export function ratioOf(ratios: Record<string, number>, stratum: string): number {
  return ratios[stratum] ?? ratios[UNCLASSED] ?? 0;
}

/**
 * The whole target draw over a directory held in memory (what the verifier runs). `onProgress` is
 * called with the number of entries keyed so far.
 */
export function drawTargets(
  seed: string,
  entries: readonly DirectoryEntry[],
  ratios: Record<string, number>,
  onProgress?: (done: number, total: number) => void,
): { targets: DrawnTarget[]; strata: StratumOutcome[] } {
  const byStratum = new Map<string, DrawnTarget[]>();
  let done = 0;
  for (const e of entries) {
    const list = byStratum.get(e.stratum) ?? [];
    list.push({ creditCode: e.creditCode, regionCode: e.regionCode, stratum: e.stratum, key: targetKey(seed, e.stratum, e.creditCode) });
    byStratum.set(e.stratum, list);
    if (onProgress && ++done % 10_000 === 0) onProgress(done, entries.length);
  }
  const targets: DrawnTarget[] = [];
  const strata: StratumOutcome[] = [];
  for (const s of strataOrder(byStratum.keys())) {
    const members = byStratum.get(s)!;
    const ratio = ratioOf(ratios, s);
    const k = sampleSize(ratio, members.length);
    targets.push(...smallestKeys(members, k));
    strata.push({ stratum: s, size: members.length, ratio, drawn: k });
  }
  onProgress?.(entries.length, entries.length);
  return { targets, strata };
}

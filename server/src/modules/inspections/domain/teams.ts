import { hmacPrng } from './prng.js';
import { compareCodes, type DrawnTarget } from './draw.js';

/**
 * Inspectors drawn into teams (抽取执法检查人员), part of `xf-draw/1`. Rules (rules.md §D; 行政处罚法
 * 第四十二条: at least two officers):
 * - a team has at least two inspectors and, in a joint visit, one from each department taking part;
 * - recusal (回避): an inspector never inspects an enterprise they declared a conflict with, one in
 *   the region (district) they live in, or one they inspected last time;
 * - balanced workload: each place goes to the least-loaded eligible inspector (their open visits
 *   plus those given in this draw), ties broken by the seeded generator.
 */
export const MIN_TEAM_SIZE = 2;

export interface TeamInspector {
  /** The public code (the name is not published). */
  code: string;
  department: string;
  residenceRegionCode: string;
  available: boolean;
  /** Declared conflicts of interest (credit codes) — private, published only merged into `excluded`. */
  conflicts?: readonly string[];
  /** Enterprises the inspector inspected last time. */
  lastInspected?: readonly string[];
  /** Open visits before this draw. */
  load: number;
}

export type RecusalReason = 'unavailable' | 'conflict' | 'residence' | 'last_time';

export function recusalReason(i: Pick<TeamInspector, 'available' | 'conflicts' | 'lastInspected' | 'residenceRegionCode'> & { excluded?: readonly string[] }, t: { creditCode: string; regionCode: string }): RecusalReason | null {
  if (!i.available) return 'unavailable';
  if (i.conflicts?.includes(t.creditCode) || i.excluded?.includes(t.creditCode)) return 'conflict';
  if (i.residenceRegionCode === t.regionCode) return 'residence';
  if (i.lastInspected?.includes(t.creditCode)) return 'last_time';
  return null;
}

export interface Team {
  creditCode: string;
  inspectors: string[];
}

export interface Shortfall {
  creditCode: string;
  department: string;
}

export function teamSizeFor(departments: readonly string[], requested: number): number {
  return Math.max(MIN_TEAM_SIZE, departments.length, requested);
}

export function buildTeams(
  seed: string,
  targets: readonly DrawnTarget[],
  inspectors: readonly TeamInspector[],
  departments: readonly string[],
  requestedSize: number,
  onProgress?: (done: number, total: number) => void,
): { teams: Team[]; shortfalls: Shortfall[] } {
  const prng = hmacPrng(seed, 'teams');
  const pool = [...inspectors].sort((a, b) => compareCodes(a.code, b.code));
  const load = new Map(pool.map((i) => [i.code, i.load]));
  const depts = [...new Set(departments)].sort(compareCodes);
  const size = teamSizeFor(depts, requestedSize);
  const teams: Team[] = [];
  const shortfalls: Shortfall[] = [];
  targets.forEach((t, n) => {
    const chosen: string[] = [];
    const eligible = pool.filter((i) => depts.includes(i.department) && recusalReason(i, t) === null);
    const pick = (dept: string | null): boolean => {
      const cands = eligible.filter((i) => !chosen.includes(i.code) && (dept === null || i.department === dept));
      if (!cands.length) return false;
      const least = Math.min(...cands.map((i) => load.get(i.code)!));
      const tied = cands.filter((i) => load.get(i.code) === least);
      const winner = tied[prng.below(tied.length)];
      chosen.push(winner.code);
      load.set(winner.code, least + 1);
      return true;
    };
    for (const d of depts) if (!pick(d)) shortfalls.push({ creditCode: t.creditCode, department: d });
    while (chosen.length < size) {
      // Extra places go round the departments, so a one-department team still has two.
      const d = depts[(chosen.length) % depts.length];
      if (!pick(d) && !pick(null)) {
        shortfalls.push({ creditCode: t.creditCode, department: '*' });
        break;
      }
    }
    teams.push({ creditCode: t.creditCode, inspectors: chosen });
    if (onProgress && (n + 1) % 1000 === 0) onProgress(n + 1, targets.length);
  });
  return { teams, shortfalls };
}

import { sha256Hex } from './prng.js';
import { DRAW_ALGORITHM, commitmentOf, compareCodes, drawTargets, seedOf, snapshotHash, type DirectoryEntry, type StratumOutcome } from './draw.js';
import { buildTeams, type Shortfall, type Team, type TeamInspector } from './teams.js';

/**
 * The published verification data of a draw (what `npm run draw:verify` re-runs) and its checker.
 * Risk classes are internal: strata are published under opaque labels (S1, S2, … in the rule's class
 * order; S0 for enterprises without a class); inspectors under their codes, each with the
 * enterprises they are recused from (declared conflicts and last time merged, reasons not shown).
 */
export interface PublicInspector {
  code: string;
  department: string;
  residenceRegionCode: string;
  available: boolean;
  excluded: string[];
  load: number;
}

export interface DrawBundle {
  algorithm: string;
  taskId: string;
  taskNo: string;
  parties: { party: string; commitment: string; reveal: string }[];
  seed: string;
  ratios: Record<string, number>;
  departments: string[];
  teamSize: number;
  directory: { hash: string; entries: [string, string, string][] };
  inspectors: { hash: string; entries: PublicInspector[] };
  result: { targets: { creditCode: string; stratum: string }[]; strata: StratumOutcome[]; teams: Team[]; shortfalls: Shortfall[] };
}

export function inspectorsHash(list: readonly PublicInspector[]): string {
  const lines = [...list]
    .sort((a, b) => compareCodes(a.code, b.code))
    .map((i) => `${i.code}|${i.department}|${i.residenceRegionCode}|${i.available ? 1 : 0}|${[...i.excluded].sort(compareCodes).join(',')}|${i.load}`);
  return sha256Hex(lines.join('\n'));
}

export function toTeamInspectors(list: readonly PublicInspector[]): TeamInspector[] {
  return list.map((i) => ({ code: i.code, department: i.department, residenceRegionCode: i.residenceRegionCode, available: i.available, conflicts: i.excluded, load: i.load }));
}

/** Runs targets and teams from the inputs: the one computation the server and the verifier share. */
export function computeDraw(
  input: { seed: string; entries: readonly DirectoryEntry[]; ratios: Record<string, number>; inspectors: readonly PublicInspector[]; departments: string[]; teamSize: number },
  onProgress?: (phase: 'targets' | 'teams', done: number, total: number) => void,
) {
  const { targets, strata } = drawTargets(input.seed, input.entries, input.ratios, (d, t) => onProgress?.('targets', d, t));
  const { teams, shortfalls } = buildTeams(input.seed, targets, toTeamInspectors(input.inspectors), input.departments, input.teamSize, (d, t) => onProgress?.('teams', d, t));
  return { targets, strata, teams, shortfalls };
}

export interface VerifyReport {
  ok: boolean;
  problems: string[];
  targets: { creditCode: string; stratum: string }[];
  teams: Team[];
}

/** Checks every commitment, the seed, both snapshot hashes, and re-runs the draw against the published result. */
export function verifyBundle(b: DrawBundle): VerifyReport {
  const problems: string[] = [];
  if (b.algorithm !== DRAW_ALGORITHM) problems.push(`unknown algorithm ${b.algorithm} (this verifier runs ${DRAW_ALGORITHM})`);
  for (const p of b.parties) if (commitmentOf(b.taskId, p.party, p.reveal) !== p.commitment) problems.push(`party ${p.party}: reveal does not match its commitment`);
  const seed = seedOf(b.parties);
  if (seed !== b.seed) problems.push('the seed is not the hash of the revealed parts');
  const entries: DirectoryEntry[] = b.directory.entries.map(([creditCode, regionCode, stratum]) => ({ creditCode, regionCode, stratum }));
  if (snapshotHash(entries) !== b.directory.hash) problems.push('the directory does not match its snapshot hash');
  if (inspectorsHash(b.inspectors.entries) !== b.inspectors.hash) problems.push('the inspector directory does not match its hash');
  const run = computeDraw({ seed, entries, ratios: b.ratios, inspectors: b.inspectors.entries, departments: b.departments, teamSize: b.teamSize });
  const targets = run.targets.map((t) => ({ creditCode: t.creditCode, stratum: t.stratum }));
  const targetLines = (list: { creditCode: string; stratum: string }[]) => list.map((t) => `${t.creditCode}|${t.stratum}`).join('\n');
  const teamLines = (list: Team[]) => list.map((t) => `${t.creditCode}|${t.inspectors.join(',')}`).join('\n');
  if (targetLines(targets) !== targetLines(b.result.targets)) problems.push('the re-run drew different targets');
  if (teamLines(run.teams) !== teamLines(b.result.teams)) problems.push('the re-run drew different teams');
  return { ok: problems.length === 0, problems, targets, teams: run.teams };
}

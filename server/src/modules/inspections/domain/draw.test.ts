import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { commitmentOf, drawTargets, sampleSize, seedOf, snapshotHash, candidateBound, targetKey, smallestKeys, type DirectoryEntry } from './draw.js';
import { buildTeams, recusalReason, type TeamInspector } from './teams.js';
import { computeDraw, inspectorsHash, verifyBundle, type DrawBundle, type PublicInspector } from './bundle.js';
import { hmacPrng, sha256Hex } from './prng.js';
import { ratioViolations, samplingRuleFor } from './sampling-rules.js';
import { checklistState, combineChecklist } from './visits.js';

const RATIOS = { A: 0.05, B: 0.2, C: 0.5, D: 0.8, '-': 0.1 };

function directory(n: number): DirectoryEntry[] {
  const classes = ['A', 'A', 'A', 'B', 'B', 'B', 'C', 'C', 'D', '-'];
  return Array.from({ length: n }, (_, i) => ({
    creditCode: `9133010${String(i).padStart(11, '0')}`,
    regionCode: ['330102', '330105', '330106'][i % 3],
    stratum: classes[i % classes.length],
  }));
}

describe('xf-draw/1 targets', () => {
  test('each stratum gets round(ratio × size) targets, whatever the order of the rows', () => {
    const entries = directory(1000);
    const seed = sha256Hex('s1');
    const a = drawTargets(seed, entries, RATIOS);
    const b = drawTargets(seed, [...entries].reverse(), RATIOS);
    assert.deepEqual(a.targets, b.targets);
    for (const s of a.strata) assert.equal(s.drawn, sampleSize(s.ratio, s.size));
    assert.deepEqual(a.strata.map((s) => s.stratum), ['A', 'B', 'C', 'D', '-']);
  });

  test('over repeated seeds every member is drawn at its class ratio (within sampling error)', () => {
    const entries = directory(200);
    const hits = new Map<string, number>();
    const seeds = 400;
    for (let s = 0; s < seeds; s++) {
      for (const t of drawTargets(sha256Hex(`seed-${s}`), entries, RATIOS).targets) hits.set(t.creditCode, (hits.get(t.creditCode) ?? 0) + 1);
    }
    for (const [cls, ratio] of Object.entries(RATIOS)) {
      const members = entries.filter((e) => e.stratum === cls);
      const k = sampleSize(ratio, members.length);
      const p = k / members.length;
      // the class's share over all seeds is exact; each member's frequency is binomial(seeds, p)
      const sd = Math.sqrt(seeds * p * (1 - p));
      for (const m of members) {
        const h = hits.get(m.creditCode) ?? 0;
        assert.ok(Math.abs(h - seeds * p) <= 5 * sd + 1, `${cls} ${m.creditCode}: ${h} vs ${seeds * p}`);
      }
      const mean = members.reduce((acc, m) => acc + (hits.get(m.creditCode) ?? 0), 0) / members.length / seeds;
      assert.ok(Math.abs(mean - ratio) <= 0.5 / members.length + 1e-9, `${cls}: mean ${mean} vs ${ratio}`);
    }
  });

  test('the pre-filter bound keeps the k smallest keys', () => {
    const entries = directory(5000).filter((e) => e.stratum === 'B');
    const seed = sha256Hex('bound');
    const k = sampleSize(0.2, entries.length);
    const bound = candidateBound(k, entries.length)!;
    const keyed = entries.map((e) => ({ ...e, key: targetKey(seed, 'B', e.creditCode) }));
    const cands = keyed.filter((e) => parseInt(e.key.slice(0, 8), 16) < bound);
    assert.ok(cands.length >= k);
    assert.deepEqual(smallestKeys(cands, k), smallestKeys(keyed, k));
  });

  test('commitments, seed and snapshot are deterministic; the PRNG is uniform enough', () => {
    assert.equal(commitmentOf('t', 'samr', 'x'), sha256Hex('t:samr:x'));
    assert.equal(seedOf([{ party: 'b', reveal: '2' }, { party: 'a', reveal: '1' }]), sha256Hex('a:1\nb:2'));
    const e = directory(10);
    assert.equal(snapshotHash(e), snapshotHash([...e].reverse()));
    const p = hmacPrng(sha256Hex('x'), 'l');
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) counts[p.below(3)]++;
    for (const c of counts) assert.ok(c > 850 && c < 1150);
  });
});

describe('teams and recusal', () => {
  function inspectors(): TeamInspector[] {
    const out: TeamInspector[] = [];
    for (const dept of ['samr', 'health', 'fire']) {
      for (let i = 0; i < 8; i++) {
        out.push({ code: `${dept}-${i}`, department: dept, residenceRegionCode: ['330102', '330105', '330106', '330108'][i % 4], available: i !== 7, conflicts: i === 0 ? ['913301000000000000'.slice(0, 7) + '0' + '00000000003'] : [], lastInspected: i === 1 ? [directory(20)[5].creditCode] : [], load: i % 2 });
      }
    }
    return out;
  }

  test('no team violates a recusal rule; each department is represented; at least two; balanced', () => {
    const pool = inspectors();
    for (let s = 0; s < 50; s++) {
      const seed = sha256Hex(`team-${s}`);
      const { targets } = drawTargets(seed, directory(60), { A: 0.5, B: 0.5, C: 0.5, D: 1, '-': 1 });
      const { teams, shortfalls } = buildTeams(seed, targets, pool, ['samr', 'health', 'fire'], 2);
      assert.equal(shortfalls.length, 0);
      const byCode = new Map(pool.map((i) => [i.code, i]));
      const loads = new Map(pool.map((i) => [i.code, i.load]));
      for (const team of teams) {
        const t = targets.find((x) => x.creditCode === team.creditCode)!;
        assert.ok(team.inspectors.length >= 3);
        assert.deepEqual(new Set(team.inspectors.map((c) => byCode.get(c)!.department)), new Set(['samr', 'health', 'fire']));
        for (const c of team.inspectors) {
          assert.equal(recusalReason(byCode.get(c)!, t), null, `${c} on ${t.creditCode}`);
          loads.set(c, loads.get(c)! + 1);
        }
      }
      for (const dept of ['samr', 'health', 'fire']) {
        const l = pool.filter((i) => i.department === dept && i.available).map((i) => loads.get(i.code)!);
        assert.ok(Math.max(...l) - Math.min(...l) <= 3, `${dept} loads ${l}`);
      }
    }
  });

  test('a one-department task still gets two inspectors; a shortfall is reported, not hidden', () => {
    const pool: TeamInspector[] = [
      { code: 'a', department: 'samr', residenceRegionCode: '330199', available: true, load: 0 },
      { code: 'b', department: 'samr', residenceRegionCode: '330102', available: true, load: 0 },
      { code: 'c', department: 'samr', residenceRegionCode: '330199', available: true, load: 0 },
    ];
    const t = [{ creditCode: 'X', regionCode: '330102', stratum: 'A', key: '0' }];
    const r = buildTeams(sha256Hex('1'), t, pool, ['samr'], 2);
    assert.deepEqual([...r.teams[0].inspectors].sort(), ['a', 'c']);
    const r2 = buildTeams(sha256Hex('1'), t, pool.slice(0, 2), ['samr'], 2);
    assert.equal(r2.shortfalls.length, 1);
  });
});

describe('bundle verification', () => {
  test('a bundle verifies; a changed reveal or directory does not', () => {
    const entries = directory(100);
    const parties = [{ party: 'observer', reveal: 'o' }, { party: 'samr', reveal: 's' }].map((p) => ({ ...p, commitment: commitmentOf('T', p.party, p.reveal) }));
    const seed = seedOf(parties);
    const insp: PublicInspector[] = ['1', '2', '3', '4'].map((c) => ({ code: `J${c}`, department: 'samr', residenceRegionCode: '330199', available: true, excluded: [], load: 0 }));
    const run = computeDraw({ seed, entries, ratios: RATIOS, inspectors: insp, departments: ['samr'], teamSize: 2 });
    const bundle: DrawBundle = {
      algorithm: 'xf-draw/1', taskId: 'T', taskNo: 'T1', parties, seed, ratios: RATIOS, departments: ['samr'], teamSize: 2,
      directory: { hash: snapshotHash(entries), entries: entries.map((e) => [e.creditCode, e.regionCode, e.stratum]) },
      inspectors: { hash: inspectorsHash(insp), entries: insp },
      result: { targets: run.targets.map((t) => ({ creditCode: t.creditCode, stratum: t.stratum })), strata: run.strata, teams: run.teams, shortfalls: run.shortfalls },
    };
    assert.deepEqual(verifyBundle(bundle).problems, []);
    assert.ok(!verifyBundle({ ...bundle, parties: [{ ...parties[0], reveal: 'z' }, parties[1]] }).ok);
    assert.ok(!verifyBundle({ ...bundle, directory: { ...bundle.directory, entries: bundle.directory.entries.slice(1) } }).ok);
  });
});

describe('rules', () => {
  test('ratios per province; checklist state', () => {
    assert.equal(samplingRuleFor('330102').id, 'daqing-2024');
    assert.equal(samplingRuleFor('370102').id, 'shandong-a-e');
    assert.deepEqual(ratioViolations(samplingRuleFor('33'), { A: 0.1 }), [{ riskClass: 'A', min: 0, max: 0.05 }]);
    assert.deepEqual(ratioViolations(samplingRuleFor('37'), { A: 0 }), [{ riskClass: 'A', min: 0.01, max: 0.05 }]);
    const list = combineChecklist([], 't1', [{ id: 'i1', department: 'samr', name: 'n', legalBasis: 'b' }]);
    const merged = combineChecklist(list, 't2', [{ id: 'i1', department: 'samr', name: 'n', legalBasis: 'b' }, { id: 'i2', department: 'fire', name: 'm', legalBasis: 'c' }]);
    assert.equal(merged.length, 2);
    assert.deepEqual(checklistState(merged), { complete: false, finding: false, failed: 0 });
  });
});

import type { TypedDbOrTx } from '../../platform/db/database.js';
import { findRuleSet, ruleSetForRegion, type RuleSet } from './domain/rule-sets.js';
import { NATIONAL_SCOPE, scopeOfRegion, toRuleSet } from './domain/rulebook.js';
import { rulebookRepository as repo, versionOf } from './rulebook.repository.js';

/**
 * Where the discretion engine gets its rule set: the rulebook's published versions (database),
 * read in the caller's transaction. A case reads the `id@version` it stores (it keeps that version
 * after a newer one is published); a new case reads the version active for its province, else the
 * national one. Published versions never change, so they are cached by key in this instance; which
 * version is active is read each time. A key the rulebook does not know (a database older than the
 * rulebook) falls back to the code constants.
 */
export function createRulebookStore() {
  const cache = new Map<string, RuleSet>();

  async function byKey(db: TypedDbOrTx, key: string): Promise<RuleSet | undefined> {
    const hit = cache.get(key);
    if (hit) return hit;
    const at = key.lastIndexOf('@');
    if (at < 0) return undefined;
    const v = await repo.versionByKey(db, key.slice(0, at), Number(key.slice(at + 1)));
    if (!v || v.status === 'draft') return findRuleSet(key);
    const rs = toRuleSet(versionOf(v, await repo.entriesOf(db, v.id)));
    cache.set(key, rs);
    return rs;
  }

  async function forRegion(db: TypedDbOrTx, regionCode: string): Promise<RuleSet> {
    const active = (await repo.activeOf(db, scopeOfRegion(regionCode))) ?? (await repo.activeOf(db, NATIONAL_SCOPE));
    if (!active) return ruleSetForRegion(regionCode);
    return (await byKey(db, `${active.rule_set_id}@${active.version}`)) ?? ruleSetForRegion(regionCode);
  }

  return {
    byKey,
    forRegion,
    /** The rule set a case uses: its stored key, else the one in force for its region. */
    async ofCase(db: TypedDbOrTx, row: { rule_set: string | null; region_code: string }): Promise<RuleSet> {
      return (row.rule_set ? await byKey(db, row.rule_set) : undefined) ?? forRegion(db, row.region_code);
    },
  };
}

export type RulebookStore = ReturnType<typeof createRulebookStore>;

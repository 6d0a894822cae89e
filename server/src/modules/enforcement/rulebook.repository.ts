import { z } from 'zod';
import type { Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.generated.js';
import type { TypedDbOrTx } from '../../platform/db/database.js';
import { LIST_KINDS, type RulebookEntry, type RulebookParams, type RulebookVersion } from './domain/rulebook.js';
import type { SourceTag } from './domain/rule-sets.js';

/**
 * The rulebook tables (migration 0055): versions and their entries. Rows derived from the
 * generated schema; enums narrowed and jsonb parsed in one mapping function per table.
 */

const SOURCE_TAGS: readonly SourceTag[] = ['LAW-TEXT', 'PAGE', 'CODE', 'UNVERIFIED'];
const Tag = z.enum(SOURCE_TAGS as [SourceTag, ...SourceTag[]]);
export const CitationSchema = z.object({ law: z.string(), article: z.string(), source: Tag, note: z.string().optional() });
export const EntrySourceSchema = z.object({ title: z.string(), tag: Tag, url: z.string().nullable() });
const Range = z.object({ minFen: z.number(), maxFen: z.number() });
const LevelsSchema = z.object({ lighter: Range.optional(), standard: Range.optional(), heavier: Range.optional(), mitigated: Range.optional() });
const ParamsSchema = z.object({ lighterShare: z.number(), heavierShare: z.number(), mitigatedFloorShare: z.number() });

export const VERSION_STATUSES = ['draft', 'published', 'superseded'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export type VersionRow = Omit<Selectable<DB['enforcement.rulebook_version']>, 'status' | 'params'> & { status: VersionStatus; params: RulebookParams };

function toVersion(r: Selectable<DB['enforcement.rulebook_version']>): VersionRow {
  const status = VERSION_STATUSES.find((s) => s === r.status);
  if (!status) throw new Error(`enforcement: unexpected rulebook status '${r.status}'`);
  return { ...r, status, params: ParamsSchema.parse(r.params) };
}

function toEntry(r: Selectable<DB['enforcement.rulebook_entry']>): RulebookEntry {
  const list = r.list === null ? null : LIST_KINDS.find((k) => k === r.list);
  if (list === undefined) throw new Error(`enforcement: unexpected rulebook list '${r.list}'`);
  return {
    code: r.code,
    name: r.name,
    list,
    conditions: r.conditions,
    violated: CitationSchema.parse(r.violated),
    penaltyBasis: CitationSchema.parse(r.penalty_basis),
    range: r.min_fen === null || r.max_fen === null ? null : { minFen: r.min_fen, maxFen: r.max_fen },
    ...(r.levels ? { levels: LevelsSchema.parse(r.levels) } : {}),
    source: EntrySourceSchema.parse(r.source),
    unverified: r.unverified,
  };
}

export function versionOf(v: VersionRow, entries: readonly RulebookEntry[]): RulebookVersion {
  return { ruleSetId: v.rule_set_id, version: v.version, scope: v.scope, effectiveFrom: v.effective_from, params: v.params, entries };
}

export const rulebookRepository = {
  async anyVersion(db: TypedDbOrTx): Promise<boolean> {
    return !!(await db.selectFrom('enforcement.rulebook_version').select('id').limit(1).executeTakeFirst());
  },

  async insertVersion(
    db: TypedDbOrTx,
    v: { rule_set_id: string; version: number; scope: string; status: VersionStatus; effective_from: string; params: RulebookParams; note: string; created_by: string | null; published_at?: Date | null },
  ): Promise<VersionRow | undefined> {
    const r = await db
      .insertInto('enforcement.rulebook_version')
      .values({ ...v, params: JSON.stringify(v.params) })
      .onConflict((oc) => oc.columns(['rule_set_id', 'version']).doNothing())
      .returningAll()
      .executeTakeFirst();
    return r && toVersion(r);
  },

  async replaceEntries(db: TypedDbOrTx, versionId: string, entries: readonly RulebookEntry[]): Promise<void> {
    await db.deleteFrom('enforcement.rulebook_entry').where('version_id', '=', versionId).execute();
    if (!entries.length) return;
    await db
      .insertInto('enforcement.rulebook_entry')
      .values(
        entries.map((e, i) => ({
          version_id: versionId,
          position: i,
          code: e.code,
          name: e.name,
          list: e.list,
          conditions: e.conditions,
          violated: JSON.stringify(e.violated),
          penalty_basis: JSON.stringify(e.penaltyBasis),
          min_fen: e.range?.minFen ?? null,
          max_fen: e.range?.maxFen ?? null,
          levels: e.levels ? JSON.stringify(e.levels) : null,
          source: JSON.stringify(e.source),
          unverified: e.unverified,
        })),
      )
      .execute();
  },

  async entriesOf(db: TypedDbOrTx, versionId: string): Promise<RulebookEntry[]> {
    return (await db.selectFrom('enforcement.rulebook_entry').selectAll().where('version_id', '=', versionId).orderBy('position').execute()).map(toEntry);
  },

  async getVersion(db: TypedDbOrTx, id: string, lock = false): Promise<VersionRow | undefined> {
    let q = db.selectFrom('enforcement.rulebook_version').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r && toVersion(r);
  },

  async versionByKey(db: TypedDbOrTx, ruleSetId: string, version: number): Promise<VersionRow | undefined> {
    const r = await db.selectFrom('enforcement.rulebook_version').selectAll().where('rule_set_id', '=', ruleSetId).where('version', '=', version).executeTakeFirst();
    return r && toVersion(r);
  },

  async activeOf(db: TypedDbOrTx, scope: string): Promise<VersionRow | undefined> {
    const r = await db.selectFrom('enforcement.rulebook_version').selectAll().where('scope', '=', scope).where('status', '=', 'published').executeTakeFirst();
    return r && toVersion(r);
  },

  async draftOf(db: TypedDbOrTx, scope: string): Promise<VersionRow | undefined> {
    const r = await db.selectFrom('enforcement.rulebook_version').selectAll().where('scope', '=', scope).where('status', '=', 'draft').executeTakeFirst();
    return r && toVersion(r);
  },

  async maxVersion(db: TypedDbOrTx, ruleSetId: string): Promise<number> {
    const r = await db.selectFrom('enforcement.rulebook_version').select((eb) => eb.fn.max('version').as('v')).where('rule_set_id', '=', ruleSetId).executeTakeFirst();
    return Number(r?.v ?? 0);
  },

  async listVersions(db: TypedDbOrTx): Promise<(VersionRow & { entry_count: number })[]> {
    const rows = await db
      .selectFrom('enforcement.rulebook_version as v')
      .selectAll('v')
      .select((eb) => eb.selectFrom('enforcement.rulebook_entry as e').select((e2) => e2.fn.countAll<number>().as('n')).whereRef('e.version_id', '=', 'v.id').as('entry_count'))
      .orderBy('v.scope')
      .orderBy('v.version', 'desc')
      .execute();
    return rows.map((r) => ({ ...toVersion(r), entry_count: Number(r.entry_count ?? 0) }));
  },

  async updateDraft(db: TypedDbOrTx, id: string, rowVersion: number, v: { params?: RulebookParams; note?: string; effective_from?: string }): Promise<VersionRow | undefined> {
    const r = await db
      .updateTable('enforcement.rulebook_version')
      .set({
        ...(v.params ? { params: JSON.stringify(v.params) } : {}),
        ...(v.note !== undefined ? { note: v.note } : {}),
        ...(v.effective_from ? { effective_from: v.effective_from } : {}),
        row_version: rowVersion + 1,
      })
      .where('id', '=', id)
      .where('row_version', '=', rowVersion)
      .where('status', '=', 'draft')
      .returningAll()
      .executeTakeFirst();
    return r && toVersion(r);
  },

  async setStatus(db: TypedDbOrTx, id: string, status: VersionStatus, published?: { by: string | null; at: Date }): Promise<void> {
    await db
      .updateTable('enforcement.rulebook_version')
      .set({ status, ...(published ? { published_by: published.by, published_at: published.at } : {}), row_version: (eb) => eb('row_version', '+', 1) })
      .where('id', '=', id)
      .execute();
  },
};

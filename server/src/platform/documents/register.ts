import { sql, type Insertable, type Selectable } from 'kysely';
import type { TypedDbOrTx } from '../db/database.js';
import type { DB } from '../db/schema.generated.js';

/**
 * The register of issued official documents (platform.document) and their gapless numbering
 * (platform.document_counter). The platform owns both tables; modules record, list, look up and
 * revoke their documents through these functions, inside their own transaction.
 */

export type IssuedDocument = Selectable<DB['platform.document']>;
export type NewIssuedDocument = Omit<Insertable<DB['platform.document']>, 'id' | 'revoked_at'>;

/** The next number of (office, kind, year), gapless: the counter row is locked until the caller's transaction ends. */
export async function nextDocumentNumber(db: TypedDbOrTx, office: string, kind: string, year: number): Promise<number> {
  const row = await db
    .insertInto('platform.document_counter')
    .values({ office, kind, year, last_number: 1 })
    .onConflict((oc) => oc.columns(['office', 'kind', 'year']).doUpdateSet({ last_number: sql<number>`platform.document_counter.last_number + 1` }))
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

export async function recordDocument(db: TypedDbOrTx, d: NewIssuedDocument): Promise<IssuedDocument> {
  return db.insertInto('platform.document').values(d).returningAll().executeTakeFirstOrThrow();
}

/** The documents of some subjects of one type, in issue order. */
export async function documentsOf(db: TypedDbOrTx, subjectType: string, subjectIds: readonly string[]): Promise<IssuedDocument[]> {
  if (!subjectIds.length) return [];
  return db
    .selectFrom('platform.document')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', 'in', [...subjectIds])
    .orderBy('issued_at')
    .orderBy('number')
    .execute();
}

export async function getDocument(db: TypedDbOrTx, id: string): Promise<IssuedDocument | undefined> {
  return db.selectFrom('platform.document').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function documentByVerifyCode(db: TypedDbOrTx, code: string): Promise<IssuedDocument | undefined> {
  return db.selectFrom('platform.document').selectAll().where('verify_code', '=', code).executeTakeFirst();
}

/** Marks the unrevoked documents of these kinds of one subject as revoked at `at`. */
export async function revokeDocuments(db: TypedDbOrTx, subject: { subjectType: string; subjectId: string; kinds: readonly string[] }, at: Date): Promise<void> {
  await db
    .updateTable('platform.document')
    .set({ revoked_at: at })
    .where('subject_type', '=', subject.subjectType)
    .where('subject_id', '=', subject.subjectId)
    .where('kind', 'in', [...subject.kinds])
    .where('revoked_at', 'is', null)
    .execute();
}

import { fileTypeFromBuffer } from 'file-type';
import type { Clock } from '../clock/clock.js';
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID, createHash } from 'node:crypto';
import type { Db, DbOrTx } from '../db/database.js';
import { AppError } from '../errors/app-error.js';

export const DEFAULT_ACCEPTED = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export interface StoredFile {
  id: string;
  originalName: string;
  mime: string;
  size: number;
  sha256: string;
}

/** Files on disk (a configurable folder), their metadata in the database, checked by content. */
export function createFileStore(deps: { db: Db; dir: string; maxBytes: number; clock: Clock }) {
  const root = path.resolve(deps.dir);

  function humanLimit() {
    return `${Math.round(deps.maxBytes / 1024 / 1024)} MB`;
  }

  return {
    maxBytes: deps.maxBytes,
    /**
     * Checks size and sniffs the real content type (the name and the client's type are not
     * trusted), writes the bytes, and records the file. Returns its metadata.
     */
    async save(
      tx: DbOrTx,
      input: { data: Buffer; originalName: string; ownerAccountId?: string | null; accepted?: readonly string[] },
    ): Promise<StoredFile> {
      if (input.data.length > deps.maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', { params: { limit: humanLimit() } });
      if (input.data.length === 0) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'file', code: 'required' }] });
      const accepted = input.accepted ?? DEFAULT_ACCEPTED;
      const type = await fileTypeFromBuffer(input.data);
      if (!type || !accepted.includes(type.mime)) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', { params: { accepted: accepted.map((m) => m.split('/')[1].toUpperCase()).join(', ') } });
      }
      return this.saveTrusted(tx, { data: input.data, originalName: input.originalName, mime: type.mime, ownerAccountId: input.ownerAccountId });
    },

    /** Saves bytes the platform produced itself (generated PDFs). */
    async saveTrusted(tx: DbOrTx, input: { data: Buffer; originalName: string; mime: string; ownerAccountId?: string | null }): Promise<StoredFile> {
      const id = randomUUID();
      const now = deps.clock.now();
      const key = path.join(String(now.getUTCFullYear()), String(now.getUTCMonth() + 1).padStart(2, '0'), id);
      const full = path.join(root, key);
      await fs.mkdir(path.dirname(full), { recursive: true });
      await fs.writeFile(full, input.data);
      const sha256 = createHash('sha256').update(input.data).digest('hex');
      // Control characters (U+0000–U+001F) in a client's file name are replaced on purpose.
      // eslint-disable-next-line no-control-regex -- the regex matches control characters by design
      const name = input.originalName.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || 'file';
      await tx
        .insertInto('platform.file')
        .values({ id, owner_account_id: input.ownerAccountId ?? null, original_name: name, mime: input.mime, size: input.data.length, sha256, storage_key: key })
        .execute();
      return { id, originalName: name, mime: input.mime, size: input.data.length, sha256 };
    },

    async get(id: string): Promise<(StoredFile & { ownerAccountId: string | null }) | null> {
      const row = await deps.db.selectFrom('platform.file').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return null;
      return { id: row.id, originalName: row.original_name, mime: row.mime, size: row.size, sha256: row.sha256, ownerAccountId: row.owner_account_id };
    },

    async read(id: string): Promise<Buffer> {
      const row = await deps.db.selectFrom('platform.file').select('storage_key').where('id', '=', id).executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND');
      return fs.readFile(path.join(root, row.storage_key));
    },
  };
}

export type FileStore = ReturnType<typeof createFileStore>;

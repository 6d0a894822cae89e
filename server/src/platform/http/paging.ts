import { AppError } from '../errors/app-error.js';

/** Opaque keyset cursor: the sort values of the last row of a page. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): unknown[] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(v)) throw new Error('not an array');
    return v;
  } catch {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'cursor', code: 'INVALID_CURSOR', message: 'invalid cursor' }] });
  }
}

/** Given limit+1 rows, returns the page and the cursor of its last row. */
export function toPage<T>(rows: T[], limit: number, key: (row: T) => unknown[]): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit && items.length ? encodeCursor(key(items[items.length - 1])) : null;
  return { items, nextCursor };
}

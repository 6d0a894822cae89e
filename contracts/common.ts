import { z } from 'zod';

/** The body of every error response. */
export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable error code (closed list, see docs/ARCHITECTURE.md)'),
      message: z.string().describe('Message in the language of Accept-Language'),
      fields: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/**
 * A whole number from a query string, read strictly: decimal digits only (`16`), never `0x10`,
 * `1e1`, `16.0` or ` 16` (which `Number()` would accept).
 */
export function queryInt(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  return z.preprocess((v) => (typeof v === 'string' && /^-?\d{1,15}$/.test(v) ? Number(v) : v), z.number().int().min(min).max(max));
}

/** A decimal number from a query string (`30.25`, `-120`), read strictly like `queryInt`. */
export function queryNumber(min: number, max: number) {
  return z.preprocess((v) => (typeof v === 'string' && /^-?\d{1,10}(\.\d{1,15})?$/.test(v) ? Number(v) : v), z.number().min(min).max(max));
}

/** Keyset paging: pass `nextCursor` back as `cursor` for the next page. */
export const PageQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: queryInt(1, 200).default(50),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const OkSchema = z.object({ ok: z.literal(true) });

export { LOCALES, type Locale } from './locales.js';

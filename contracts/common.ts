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

/** Keyset paging: pass `nextCursor` back as `cursor` for the next page. */
export const PageQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const OkSchema = z.object({ ok: z.literal(true) });

export { LOCALES, type Locale } from './locales.js';

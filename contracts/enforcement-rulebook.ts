import { z } from 'zod';

/** The rulebook (issue 11): lenient lists and discretion benchmarks as versioned data. */

const Tag = z.enum(['LAW-TEXT', 'PAGE', 'CODE', 'UNVERIFIED']);
const Citation = z.object({ law: z.string().max(200), article: z.string().max(200), source: Tag, note: z.string().max(1000).optional() });
const Range = z.object({ minFen: z.number().int().min(0).max(100_000_000_000), maxFen: z.number().int().min(0).max(100_000_000_000) });
const Params = z.object({ lighterShare: z.number().min(0).max(1), heavierShare: z.number().min(0).max(1), mitigatedFloorShare: z.number().min(0).max(1) });

export const RULEBOOK_LISTS = ['first_violation', 'minor'] as const;
export const RULEBOOK_STATUSES = ['draft', 'published', 'superseded'] as const;

export const RulebookEntrySchema = z.object({
  code: z.string().trim().min(1).max(80),
  name: z.string().trim().min(1).max(300),
  list: z.enum(RULEBOOK_LISTS).nullable(),
  conditions: z.string().max(1000),
  violated: Citation,
  penaltyBasis: Citation,
  range: Range.nullable(),
  levels: z.object({ lighter: Range.optional(), standard: Range.optional(), heavier: Range.optional(), mitigated: Range.optional() }).optional(),
  source: z.object({ title: z.string().max(300), tag: Tag, url: z.string().max(500).nullable() }),
  unverified: z.boolean(),
});

export const RulebookVersionSchema = z.object({
  id: z.string(),
  key: z.string(),
  ruleSetId: z.string(),
  version: z.number(),
  scope: z.string(),
  status: z.enum(RULEBOOK_STATUSES),
  effectiveFrom: z.string(),
  params: Params,
  note: z.string(),
  publishedAt: z.string().nullable(),
  rowVersion: z.number(),
  entryCount: z.number().optional(),
});
export const RulebookVersionDetailSchema = RulebookVersionSchema.extend({ entries: z.array(RulebookEntrySchema) });

export const RulebookDraftCreateSchema = z.object({ scope: z.string().regex(/^(national|\d{2})$/) }).strict();
export const RulebookDraftUpdateSchema = z
  .object({
    rowVersion: z.number().int().min(1),
    params: Params.optional(),
    note: z.string().max(2000).optional(),
    effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    entries: z.array(RulebookEntrySchema).max(500).optional(),
  })
  .strict();
export const RulebookPublishSchema = z.object({ rowVersion: z.number().int().min(1) }).strict();

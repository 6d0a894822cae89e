import { z } from 'zod';
import { queryInt } from './common.js';

export const ENTERPRISE_TYPES = [
  'limited_company',
  'joint_stock_company',
  'sole_proprietorship',
  'partnership',
  'individual_business',
  'farmer_cooperative',
  'branch',
  'foreign_invested',
] as const;
export const ENTERPRISE_STATUSES = ['active', 'deregistered', 'revoked', 'moved_out'] as const;

const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const InvestorSchema = z.object({
  name: z.string().min(1).max(200),
  kind: z.enum(['person', 'organisation']),
  amountFen: z.number().int().min(0),
});

/** The registered items, without defaults (an update names only what it changes). */
const EnterpriseItems = z.object({
  creditCode: z.string().min(1).max(30),
  name: z.string().trim().min(2).max(200),
  type: z.enum(ENTERPRISE_TYPES),
  legalRepName: z.string().trim().min(1).max(100),
  legalRepIdNumber: z.string().max(30).nullable().optional(),
  registeredCapitalFen: z.number().int().min(0).max(10_000_000_000_000),
  address: z.string().trim().min(2).max(300),
  regionCode: z.string().regex(/^\d{6}$/),
  industryCode: z.string().max(10),
  businessScope: z.string().max(4000),
  investors: z.array(InvestorSchema).max(200),
  establishedOn: DateString,
});

/** Create an enterprise (registrar). Codes are checked by the register's rules on top of this shape. */
export const EnterpriseCreateSchema = EnterpriseItems.extend({
  businessScope: EnterpriseItems.shape.businessScope.default(''),
  investors: EnterpriseItems.shape.investors.default([]),
}).strict();
export type EnterpriseCreate = z.infer<typeof EnterpriseCreateSchema>;

/**
 * A registrar's correction: only the items named change (no defaults: an address alone leaves the
 * business scope and the investors as they are). A new legal representative without an ID number
 * clears the previous person's; `legalRepIdNumber: null` clears it explicitly.
 */
export const EnterpriseUpdateSchema = EnterpriseItems.omit({ creditCode: true })
  .partial()
  .extend({ version: z.number().int().min(1), status: z.enum(ENTERPRISE_STATUSES).optional() })
  .strict();
export type EnterpriseUpdate = z.infer<typeof EnterpriseUpdateSchema>;

/** An enterprise as staff and bound businesses see it (the ID number masked). */
export const EnterpriseSchema = z
  .object({
    creditCode: z.string(),
    name: z.string(),
    type: z.enum(ENTERPRISE_TYPES),
    legalRepName: z.string(),
    legalRepIdMasked: z.string().nullable(),
    registeredCapitalFen: z.number(),
    address: z.string(),
    regionCode: z.string(),
    regionName: z.string().nullable(),
    industryCode: z.string(),
    industryName: z.string().nullable(),
    businessScope: z.string(),
    investors: z.array(InvestorSchema),
    status: z.enum(ENTERPRISE_STATUSES),
    establishedOn: z.string(),
    approvedOn: z.string().nullable(),
    deregisteredOn: z.string().nullable(),
    version: z.number(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Enterprise' });
export type EnterpriseDto = z.infer<typeof EnterpriseSchema>;

export const EnterpriseSummarySchema = EnterpriseSchema.pick({
  creditCode: true,
  name: true,
  type: true,
  legalRepName: true,
  regionCode: true,
  regionName: true,
  industryCode: true,
  status: true,
  establishedOn: true,
});

/** What the public look-up shows (as published on the enterprise credit publicity system). */
export const PublicEnterpriseSchema = EnterpriseSchema.pick({
  creditCode: true,
  name: true,
  type: true,
  legalRepName: true,
  registeredCapitalFen: true,
  address: true,
  regionName: true,
  industryName: true,
  businessScope: true,
  status: true,
  establishedOn: true,
});

export const EnterpriseSearchSchema = z.object({
  q: z.string().trim().max(100).optional(),
  region: z.string().regex(/^\d{2,6}$/).optional(),
  status: z.enum(ENTERPRISE_STATUSES).optional(),
  industry: z.string().max(10).optional(),
  cursor: z.string().max(500).optional(),
  limit: queryInt(1, 200).default(50),
});

export const ImportJobSchema = z.object({
  id: z.uuid(),
  status: z.enum(['validating', 'rejected', 'importing', 'done', 'failed']),
  fileName: z.string(),
  skipErrors: z.boolean(),
  total: z.number(),
  valid: z.number(),
  processed: z.number(),
  imported: z.number(),
  /** Rows refused (with their reasons in `errors`, up to 5,000 kept); duplicates found while importing are `skipped`. */
  skipped: z.number(),
  refused: z.number(),
  /** How the file was read: UTF-8, UTF-8 (BOM), UTF-16LE/BE or GB18030 (GBK). */
  encoding: z.string().nullable(),
  errors: z.array(z.object({ row: z.number(), field: z.string(), code: z.string(), message: z.string() })),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJobDto = z.infer<typeof ImportJobSchema>;

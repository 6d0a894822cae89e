import { z } from 'zod';

/** Early warnings (issue 11): computed signals, the warning list, the issued letter and its acknowledgement. */

const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Localized = z.object({ 'zh-CN': z.string(), 'zh-TW': z.string(), en: z.string() });
const Citation = z.object({ law: z.string(), article: z.string(), source: z.string(), note: z.string().optional() });

export const SIGNAL_RULES = ['complaints_rising', 'permit_expiring', 'repeat_findings'] as const;
export const SIGNAL_STATUSES = ['open', 'warned', 'cleared'] as const;
export const WARNING_STATUSES = ['issued', 'acknowledged'] as const;

export const WarningSignalsQuerySchema = z
  .object({ rule: z.enum(SIGNAL_RULES).optional(), status: z.enum(SIGNAL_STATUSES).optional(), q: z.string().max(100).optional() })
  .strict();

export const WarningListItemSchema = z.object({
  creditCode: z.string(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  computedOn: z.string(),
  open: z.boolean(),
  signals: z.array(
    z.object({ id: z.string(), rule: z.enum(SIGNAL_RULES), ruleVersion: z.string(), status: z.enum(SIGNAL_STATUSES), text: Localized, citation: Citation, warningId: z.string().nullable() }),
  ),
});

export const WarningIssueSchema = z.object({ creditCode: z.string().min(1).max(30), content: z.string().max(2000).optional() }).strict();
export const WarningAcknowledgeSchema = z.object({ version: z.number().int().min(1), note: z.string().max(500).optional() }).strict();

export const WarningSchema = z.object({
  id: z.string(),
  creditCode: z.string(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  status: z.enum(WARNING_STATUSES),
  signals: z.array(z.object({ rule: z.enum(SIGNAL_RULES), ruleVersion: z.string(), text: Localized })),
  content: z.string(),
  issuedOn: z.string(),
  issuedAt: z.string(),
  issuedByName: z.string().nullable(),
  acknowledgeDue: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  acknowledgementNote: z.string().nullable(),
  document: z.object({ id: z.string(), docNo: z.string(), title: z.string(), verifyUrl: z.string(), pdfUrl: z.string() }).nullable(),
  version: z.number(),
});

export const PermitCreateSchema = z
  .object({
    creditCode: z.string().min(1).max(30),
    permitType: z.string().trim().min(1).max(60),
    permitNo: z.string().trim().min(1).max(60),
    issuedOn: DateString.optional(),
    expiresOn: DateString,
  })
  .strict();
export const PermitSchema = z.object({ id: z.string(), creditCode: z.string(), permitType: z.string(), permitNo: z.string(), issuedOn: z.string().nullable(), expiresOn: z.string() });
export const RecomputeResultSchema = z.object({ enterprises: z.number(), open: z.number() });

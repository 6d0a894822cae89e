import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { AuditContext } from '../../../platform/audit/audit.js';
import { AppError, ruleViolation } from '../../../platform/errors/app-error.js';
import { creditRepository as repo } from '../credit.repository.js';
import { creditPolicy as P } from '../credit.policy.js';
import { reportTiming } from '../domain/annual-report.js';
import { CITES } from '../domain/rules.js';
import type { CreditDeps } from '../deps.js';

export interface AnnualReportInput {
  creditCode: string;
  year: number;
  public: Record<string, unknown>;
  private: Record<string, unknown>;
}

export function presentReport(r: { id: string; credit_code: string; year: number; filed_on: string; late: boolean; public_data: unknown }) {
  return { id: r.id, creditCode: r.credit_code, year: r.year, filedOn: r.filed_on, late: r.late, public: (r.public_data ?? {}) as Record<string, unknown> };
}

/**
 * A business files last year's annual report (1 January – 30 June; later = late, which then allows
 * applying for removal from the abnormal-operations list). Once per enterprise and year.
 */
export async function fileAnnualReport(deps: CreditDeps, actor: Actor, input: AnnualReportInput, ctx: AuditContext) {
  authorize(actor, P['report.file']);
  if (!actor.enterprises.includes(input.creditCode)) throw new AppError('NOT_FOUND');
  const today = deps.clock.today();
  const t = reportTiming(today, input.year);
  if (t.tooEarly) throw ruleViolation({ 'zh-CN': `${CITES.annualReport.source}：${input.year}年度报告自${input.year + 1}年1月1日起报送`, 'zh-TW': `${CITES.annualReport.source}：${input.year}年度報告自${input.year + 1}年1月1日起報送`, en: `${CITES.annualReport.source}: the ${input.year} report opens on 1 January ${input.year + 1}` });
  const row = await deps.db.transaction().execute(async (tx) => {
    const r = await repo.insertReport(tx, { credit_code: input.creditCode, year: input.year, filed_on: today, late: t.late, public_data: JSON.stringify(input.public), private_data: JSON.stringify(input.private) });
    if (!r) throw new AppError('DUPLICATE');
    await deps.audit.record(tx, ctx, { action: 'credit.annual-report.file', entityType: 'annual-report', entityId: r.id, after: { year: input.year, late: t.late } });
    return r;
  });
  return presentReport(row);
}

export async function listAnnualReports(deps: CreditDeps, actor: Actor) {
  authorize(actor, P['report.file']);
  return { items: (await repo.reportsOf(deps.db, actor.enterprises)).map(presentReport) };
}

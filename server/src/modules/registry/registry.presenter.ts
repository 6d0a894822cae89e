import type { EnterpriseDto } from '../../../../contracts/registry.js';
import type { EnterpriseRow, ImportJobRow } from './registry.repository.js';
import { regionName } from './domain/regions.js';
import { getIndustry } from './domain/industry.js';
import type { Locale } from '../../platform/i18n/i18n.js';

/** Row → API view, an explicit allow-list: the encrypted ID number never leaves the server. */
export function presentEnterprise(r: EnterpriseRow, locale: Locale = 'zh-CN'): EnterpriseDto {
  return {
    creditCode: r.credit_code,
    name: r.name,
    type: r.type,
    legalRepName: r.legal_rep_name,
    legalRepIdMasked: r.legal_rep_id_masked,
    registeredCapitalFen: Number(r.registered_capital_fen),
    address: r.address,
    regionCode: r.region_code,
    regionName: regionName(r.region_code, locale) ?? null,
    industryCode: r.industry_code,
    industryName: getIndustry(r.industry_code)?.name ?? null,
    businessScope: r.business_scope,
    investors: r.investors,
    status: r.status,
    establishedOn: r.established_on,
    approvedOn: r.approved_on,
    deregisteredOn: r.deregistered_on,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export function presentSummary(r: EnterpriseRow, locale: Locale = 'zh-CN') {
  const full = presentEnterprise(r, locale);
  return {
    creditCode: full.creditCode,
    name: full.name,
    type: full.type,
    legalRepName: full.legalRepName,
    regionCode: full.regionCode,
    regionName: full.regionName,
    industryCode: full.industryCode,
    status: full.status,
    establishedOn: full.establishedOn,
  };
}

export function presentPublic(r: EnterpriseRow, locale: Locale = 'zh-CN') {
  const full = presentEnterprise(r, locale);
  return {
    creditCode: full.creditCode,
    name: full.name,
    type: full.type,
    legalRepName: full.legalRepName,
    registeredCapitalFen: full.registeredCapitalFen,
    address: full.address,
    regionName: full.regionName,
    industryName: full.industryName,
    businessScope: full.businessScope,
    status: full.status,
    establishedOn: full.establishedOn,
  };
}

/** An import job → API view (the staged rows never leave the server). */
export function presentJob(j: ImportJobRow) {
  return {
    id: j.id,
    status: j.status,
    fileName: j.file_name,
    skipErrors: j.skip_errors,
    total: Number(j.total),
    valid: Number(j.valid),
    processed: Number(j.processed),
    imported: Number(j.imported),
    skipped: Number(j.skipped),
    refused: Number(j.refused ?? 0),
    encoding: j.encoding ?? null,
    errors: j.errors.map((e) => ({ row: e.row, field: e.field, code: e.code, message: e.message ?? e.code })),
    createdAt: new Date(j.created_at).toISOString(),
    finishedAt: j.finished_at ? new Date(j.finished_at).toISOString() : null,
  };
}

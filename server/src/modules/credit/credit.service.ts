import type { Actor } from '../../platform/auth/roles.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { CreditDeps } from './deps.js';
import type { RefusalReason } from './domain/rules.js';
import { presentRisk } from './credit.presenter.js';
import { listRecords } from './use-cases/list-records.js';
import { getPublicPage } from './use-cases/get-public-page.js';
import { checkRecordEligibility } from './use-cases/check-eligibility.js';
import { uploadProof } from './use-cases/upload-proof.js';
import { applyRepair, type ApplyRepairInput } from './use-cases/apply-repair.js';
import { listApplications, getApplication } from './use-cases/list-applications.js';
import { acceptApplication } from './use-cases/accept-application.js';
import { verifyApplication } from './use-cases/verify-application.js';
import { approveApplication } from './use-cases/approve-application.js';
import { refuseApplication } from './use-cases/refuse-application.js';
import { creditFigures } from './use-cases/credit-figures.js';
import { getRiskClass, listSystems, retrySync, updateSystem } from './use-cases/manage-systems.js';
import { getRiskBatch, runRiskBatch, startRiskBatch } from './use-cases/run-risk-batch.js';
import { fileAnnualReport, listAnnualReports, type AnnualReportInput } from './use-cases/file-annual-report.js';
import { receiveInboundNotice } from './use-cases/receive-inbound-notice.js';
import { expirePublicity } from './use-cases/expire-publicity.js';
import { listOverdueReports } from './use-cases/list-overdue-reports.js';
import { requeueFailedSyncs } from './use-cases/requeue-failed-syncs.js';
import { ingestPenalty } from './use-cases/ingest-penalty.js';
import type { EventPayload, ENFORCEMENT_PENALTY_PUBLISHED } from '../../../../contracts/events.js';

/** A thin map from the names routes, jobs, the demo and tests call to the use cases. */
export function createCreditService(deps: CreditDeps) {
  return {
    deps,
    listRecords: (actor: Actor, q: { kind?: string; status?: string }, locale: Locale) => listRecords(deps, actor, q, locale),
    publicPage: (creditCode: string, locale: Locale) => getPublicPage(deps, { creditCode }, locale),
    eligibility: (actor: Actor, recordId: string, locale: Locale) => checkRecordEligibility(deps, actor, { recordId }, locale),
    uploadProof: (actor: Actor, file: { data: Buffer; originalName: string }, ctx: AuditContext) => uploadProof(deps, actor, file, ctx),
    apply: (actor: Actor, input: ApplyRepairInput, ctx: AuditContext, locale: Locale) => applyRepair(deps, actor, input, ctx, locale),
    listApplications: (actor: Actor, q: { status?: string }, locale: Locale) => listApplications(deps, actor, q, locale),
    getApplication: (actor: Actor, id: string, locale: Locale) => getApplication(deps, actor, { id }, locale),
    accept: (actor: Actor, id: string, b: { version: number }, ctx: AuditContext, locale: Locale) => acceptApplication(deps, actor, { id, ...b }, ctx, locale),
    verify: (actor: Actor, id: string, b: { version: number; onSite: boolean; result: string }, ctx: AuditContext, locale: Locale) => verifyApplication(deps, actor, { id, ...b }, ctx, locale),
    approve: (actor: Actor, id: string, b: { version: number; note?: string }, ctx: AuditContext, locale: Locale) => approveApplication(deps, actor, { id, ...b }, ctx, locale),
    refuse: (actor: Actor, id: string, b: { version: number; reason: RefusalReason; note: string }, ctx: AuditContext, locale: Locale) => refuseApplication(deps, actor, { id, ...b }, ctx, locale),
    figures: (actor: Actor, locale: Locale) => creditFigures(deps, actor, locale),
    riskClass: async (actor: Actor, creditCode: string) => presentRisk(await getRiskClass(deps, actor, { creditCode })),
    startRiskBatch: (actor: Actor) => startRiskBatch(deps, actor),
    getRiskBatch: (actor: Actor, id: string) => getRiskBatch(deps, actor, id),
    runRiskBatch: (opts?: Parameters<typeof runRiskBatch>[1]) => runRiskBatch(deps, opts),
    fileAnnualReport: (actor: Actor, input: AnnualReportInput, ctx: AuditContext) => fileAnnualReport(deps, actor, input, ctx),
    listAnnualReports: (actor: Actor) => listAnnualReports(deps, actor),
    listSystems: (actor: Actor) => listSystems(deps, actor),
    updateSystem: (actor: Actor, input: { code: 'gsxt' | 'ccn'; endpointUrl: string | null; secret?: string }, ctx: AuditContext) => updateSystem(deps, actor, input, ctx),
    retrySync: (actor: Actor, id: string) => retrySync(deps, actor, { id }),
    inbound: (input: Parameters<typeof receiveInboundNotice>[1]) => receiveInboundNotice(deps, input),
    expirePublicity: () => expirePublicity(deps),
    listOverdueReports: () => listOverdueReports(deps),
    requeueFailedSyncs: () => requeueFailedSyncs(deps),
    /** The enforcement event's effect, for the demo seed (the outbox handler calls the same use case). */
    ingestPenalty: (p: EventPayload<typeof ENFORCEMENT_PENALTY_PUBLISHED>) => ingestPenalty(deps, p),
  };
}
export type CreditService = ReturnType<typeof createCreditService>;

/**
 * The complaints service: a thin map from the names routes, jobs and other modules call to the
 * use cases in `use-cases/` (one file each, `(deps, actor, input)`). No rule lives here; open the
 * use case named on the right to read one.
 */
import type { Actor } from '../../platform/auth/roles.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { TypedDbOrTx } from '../../platform/db/database.js';
import type { Intake, StationCreate } from '../../../../contracts/complaints.js';
import type { ComplaintRow } from './complaints.repository.js';
import type { MediationStep } from './domain/rules.js';
import { effectiveMediationDue } from './domain/deadlines.js';
import type { ComplaintsDeps } from './deps.js';
import { createStation } from './use-cases/create-station.js';
import { updateStation, type UpdateStationInput } from './use-cases/update-station.js';
import { listStations } from './use-cases/list-stations.js';
import { getStation } from './use-cases/get-station.js';
import { publicStation } from './use-cases/public-station.js';
import { findNearestStations, type NearestQuery } from './use-cases/find-nearest-stations.js';
import { stationCoverage, type CoverageInput } from './use-cases/station-coverage.js';
import { stationPoster } from './use-cases/station-poster.js';
import { authorize } from '../../platform/auth/policy.js';
import { complaintsPolicy as P } from './complaints.policy.js';
import { fileComplaint } from './use-cases/file-complaint.js';
import { enterComplaint } from './use-cases/enter-complaint.js';
import { import12315File } from './use-cases/import-12315-file.js';
import { trackComplaint } from './use-cases/track-complaint.js';
import { agreementPdf } from './use-cases/agreement-pdf.js';
import { listComplaints, type ListComplaintsQuery } from './use-cases/list-complaints.js';
import { getComplaint } from './use-cases/get-complaint.js';
import { listGrounds } from './use-cases/list-grounds.js';
import { acceptComplaint } from './use-cases/accept-complaint.js';
import { refuseComplaint } from './use-cases/refuse-complaint.js';
import { assignMediator } from './use-cases/assign-mediator.js';
import { recuseMediator } from './use-cases/recuse-mediator.js';
import { recordStep } from './use-cases/record-step.js';
import { pauseMediation } from './use-cases/pause-mediation.js';
import { resumeMediation } from './use-cases/resume-mediation.js';
import { concludeMediation, type ConcludeInput } from './use-cases/conclude-mediation.js';
import { recordFollowUp } from './use-cases/record-follow-up.js';
import { reopenComplaint } from './use-cases/reopen-complaint.js';
import { complaintFigures } from './use-cases/complaint-figures.js';
import { alertDeadlines } from './use-cases/alert-deadlines.js';
import { findComplaintForClaim, type ComplaintForClaim } from './use-cases/find-complaint-for-claim.js';
import { rerouteComplaint, type RerouteInput } from './use-cases/reroute-complaint.js';
import { listEligibleMediators } from './use-cases/eligible-mediators.js';
import { createHandlingUnit, createRoutingRule, getRoutingTable, updateRoutingRule, type RuleInput } from './use-cases/routing-table.js';
import { nearestByAddress } from './use-cases/nearest-by-address.js';
import { documentPdf } from './use-cases/agreement-pdf.js';

export type { ComplaintForClaim };

export function createComplaintsService(deps: ComplaintsDeps) {
  return {
    // ---- stations
    createStation: (actor: Actor, input: StationCreate, ctx: AuditContext) => createStation(deps, actor, input, ctx),
    updateStation: (actor: Actor, id: string, input: UpdateStationInput, ctx: AuditContext) => updateStation(deps, actor, id, input, ctx),
    listStations: (actor: Actor, q: { cursor?: string; limit: number }) => listStations(deps, actor, q),
    getStation: (actor: Actor, id: string) => getStation(deps, actor, id),
    publicStation: (id: string) => publicStation(deps, id),
    nearest: (q: NearestQuery) => findNearestStations(deps, q),
    nearestByAddress: (q: { address: string; limit: number }, locale: Locale) => nearestByAddress(deps, q, locale),
    coverage: (actor: Actor, input: CoverageInput) => stationCoverage(deps, actor, input),
    stationPoster: (actor: Actor, id: string) => stationPoster(deps, actor, id),

    // ---- intake and the consumer
    fileComplaint: (actor: Actor, input: Intake, ctx: AuditContext) => {
      authorize(actor, P['complaint.intake']);
      return fileComplaint(deps, actor, { intake: input, channel: 'web' }, ctx);
    },
    staffEntry: (actor: Actor, input: Intake, ctx: AuditContext) => enterComplaint(deps, actor, input, ctx),
    import12315: (actor: Actor, csv: Buffer, ctx: AuditContext, locale: Locale) => import12315File(deps, actor, { csv, locale }, ctx),
    track: (trackingNo: string, code: string, locale: Locale) => trackComplaint(deps, { trackingNo, code, locale }),
    /** Sends a new code to the phone on file (when the phone given matches; spaced; the old code stays valid). Always "ok". */
    resendCode: deps.access.resend,
    agreementPdfPublic: (trackingNo: string, code: string) => agreementPdf(deps, { access: { trackingNo, code } }),

    // ---- staff
    list: (actor: Actor, q: ListComplaintsQuery) => listComplaints(deps, actor, q),
    get: (actor: Actor, id: string, ctx?: AuditContext) => getComplaint(deps, actor, id, ctx),
    grounds: (locale: Locale) => listGrounds(locale),
    accept: (actor: Actor, id: string, version: number, ctx: AuditContext) => acceptComplaint(deps, actor, { id, version }, ctx),
    refuse: (actor: Actor, id: string, input: { version: number; ground: string; note: string }, ctx: AuditContext, locale: Locale) =>
      refuseComplaint(deps, actor, { ...input, id, locale }, ctx),
    assign: (actor: Actor, id: string, input: { version: number; mediatorId: string; mode: 'on_site' | 'remote' }, ctx: AuditContext) => assignMediator(deps, actor, { ...input, id }, ctx),
    recuse: (actor: Actor, id: string, input: { version: number; reason: string }, ctx: AuditContext) => recuseMediator(deps, actor, { ...input, id }, ctx),
    recordStep: (actor: Actor, id: string, input: { step: MediationStep; mode: 'on_site' | 'remote'; note: string; thirdParties?: string[] }, ctx: AuditContext) =>
      recordStep(deps, actor, { ...input, id }, ctx),
    pause: (actor: Actor, id: string, input: { version: number; reason: string }, ctx: AuditContext) => pauseMediation(deps, actor, { ...input, id }, ctx),
    resume: (actor: Actor, id: string, version: number, ctx: AuditContext) => resumeMediation(deps, actor, { id, version }, ctx),
    conclude: (actor: Actor, id: string, input: Omit<ConcludeInput, 'id' | 'locale'>, ctx: AuditContext, locale: Locale) => concludeMediation(deps, actor, { ...input, id, locale }, ctx),
    agreementPdf: (actor: Actor, id: string) => agreementPdf(deps, { actor, id }),
    followUp: (actor: Actor, id: string, input: { version: number; satisfaction: number; note: string; reopen: boolean }, ctx: AuditContext) => recordFollowUp(deps, actor, { ...input, id }, ctx),
    reopen: (actor: Actor, id: string, input: { version: number; reason: string }, ctx: AuditContext) => reopenComplaint(deps, actor, { ...input, id }, ctx),
    figures: (actor: Actor) => complaintFigures(deps, actor),
    documentPdf: (actor: Actor, id: string, documentId: string) => documentPdf(deps, actor, { id, documentId }),

    // ---- routing (issue 11)
    reroute: (actor: Actor, id: string, input: Omit<RerouteInput, 'id'>, ctx: AuditContext) => rerouteComplaint(deps, actor, { ...input, id }, ctx),
    eligibleMediators: (actor: Actor, id: string) => listEligibleMediators(deps, actor, { id }),
    routingTable: (actor: Actor) => getRoutingTable(deps, actor),
    createUnit: (actor: Actor, input: { name: string; kind: 'department' | 'industry_committee'; regionCode: string }, ctx: AuditContext) => createHandlingUnit(deps, actor, input, ctx),
    createRule: (actor: Actor, input: RuleInput, ctx: AuditContext) => createRoutingRule(deps, actor, input, ctx),
    updateRule: (actor: Actor, id: string, input: Partial<RuleInput> & { version: number }, ctx: AuditContext) => updateRoutingRule(deps, actor, { ...input, id }, ctx),
    /** The module job: in-app alerts to mediators whose mediation limit is near. */
    alertDeadlines: () => alertDeadlines(deps),

    // ---- module API for insurance (typed domain objects; pass `tx` to read in the caller's transaction)
    findForClaim: (trackingNo: string, tx?: TypedDbOrTx): Promise<ComplaintForClaim | null> => findComplaintForClaim(deps, { trackingNo }, tx),
    findForClaimById: (id: string, tx?: TypedDbOrTx): Promise<ComplaintForClaim | null> => findComplaintForClaim(deps, { id }, tx),
    /** The complaint for a consumer who proves access with the tracking number and code (NOT_FOUND otherwise). */
    verifyAccess: async (trackingNo: string, code: string): Promise<ComplaintForClaim> => (await findComplaintForClaim(deps, { trackingNo, code }))!,
    mediationDueOf: (row: ComplaintRow) => effectiveMediationDue(row, deps.calendar(), deps.clock.today()),
  };
}

export type ComplaintsService = ReturnType<typeof createComplaintsService>;

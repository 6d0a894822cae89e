import { createHash } from 'node:crypto';
import {
  ENFORCEMENT_DECISION_MADE as DECISION_MADE,
  ENFORCEMENT_PENALTY_PUBLISHED as PENALTY_PUBLISHED,
  ENFORCEMENT_PENALTY_WITHDRAWN as PENALTY_WITHDRAWN,
  type COMPLAINTS_REPORT_ACCEPTED,
  type EventPayload,
} from '../../../../contracts/events.js';
import type { Platform } from '../../platform/module.js';
import type { Actor } from '../../platform/auth/roles.js';
import { authorize, assertInScope, jurisdictionPrefix, type Rule } from '../../platform/auth/policy.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { AppError, ruleViolation } from '../../platform/errors/app-error.js';
import type { LocalizedText, Locale } from '../../platform/i18n/i18n.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { decodeCursor, toPage } from '../../platform/http/paging.js';
import { getTimeLimit, addCalendarDays } from '../../platform/calendar/index.js';
import { onceInTransaction } from '../../platform/outbox/outbox.js';
import { qrPngDataUrl } from '../../platform/documents/qr.js';
import type { RegistryService } from '../registry/index.js';
import { findRuleSet, ruleSetForRegion, ruleSetKey, type RuleSet } from './domain/rule-sets.js';
import { allowedRange, compileRuleSet, levelRanges, proposeOutcome, withinProposal, type CaseFacts, type Outcome } from './domain/discretion.js';
import {
  canStep,
  collectiveRequired,
  daysBetween,
  decisionDue,
  hearingRight,
  isMajor,
  lateFee,
  noticeRequired,
  onTheSpotExcess,
  reviewRequired,
  stepsOutOfOrder,
  verificationDue,
  yuan,
  type StepKind,
} from './domain/procedure.js';
import { caseDeadlineRecompute } from './use-cases/recompute-deadlines.js';
import { trackFollowUpVisit } from './use-cases/track-follow-up-visit.js';
import { superviseDeadlines } from './use-cases/supervise-deadlines.js';
import { assertCheckDue, assertHeldOnOrAfterSchedule } from './domain/interview-dates.js';
import { publicityEnds, publicityPlan, publicitySummary, redact, withdrawalDue } from './domain/publicity.js';
import { fieldError } from './domain/messages.js';
import { enforcementRepository as repo, type CaseRow, type CaseValues, type EngagementRow } from './enforcement.repository.js';
import { enforcementPolicy as P } from './enforcement.policy.js';
import { DEFAULT_TEMPLATES, officeOf, type DocumentIssuer } from './enforcement.documents.js';
import { presentCase, presentDocument, presentEngagement, presentSummary } from './enforcement.presenter.js';

/** Outbox events this module emits (declared in contracts/events.ts, for the credit module). */
export { DECISION_MADE, PENALTY_PUBLISHED, PENALTY_WITHDRAWN };

const BACKDATING_TOLERANCE_MS = 60_000;

interface StepInput {
  version: number;
  occurredAt?: string;
}

function rule(zh: string, tw: string, en: string): LocalizedText {
  return { 'zh-CN': zh, 'zh-TW': tw, en };
}

export function createEnforcementService(p: Platform, deps: { registry: RegistryService; docs: DocumentIssuer }) {
  const { db, clock, audit, outbox } = p;
  const { registry, docs } = deps;
  const cal = () => p.calendar.get();

  /** A date computation that the calendar cannot do yet (year not loaded) gives null: supervision shows it. */
  function safe(fn: () => string): string | null {
    try {
      return fn();
    } catch (err) {
      if (err instanceof AppError && err.code === 'CALENDAR_OUT_OF_RANGE') return null;
      throw err;
    }
  }

  // A loaded or corrected holiday year moves the open decision and publicity deadlines that depend on it.
  p.calendar.onChange(
    'enforcement',
    caseDeadlineRecompute({ notify: async (tx, accountId, title, body, link) => void (await p.notifier.notify(tx, { accountId, title, body, link })) }),
  );

  /** The decision due date counting the current pause (the clock stops while paused). */
  function dueOf(r: CaseRow): string | null {
    if (!r.paused_since || !r.opened_on) return r.decision_due;
    const frozen = Math.max(0, daysBetween(r.paused_since, clock.today()));
    return safe(() => decisionDue(cal(), r.opened_on!, r.paused_days + frozen, r.decision_extended));
  }

  function ruleSetOf(row: Pick<CaseRow, 'rule_set' | 'region_code'>): RuleSet {
    return (row.rule_set && findRuleSet(row.rule_set)) || ruleSetForRegion(row.region_code);
  }

  function readable(actor: Actor, row: CaseRow | undefined): CaseRow {
    if (!row) throw new AppError('NOT_FOUND');
    assertInScope(actor, { regionCode: row.region_code });
    return row;
  }

  function regionAllowed(actor: Actor, region: string) {
    const own = jurisdictionPrefix(actor);
    if (own && !region.startsWith(own)) throw new AppError('FORBIDDEN');
  }

  /**
   * Real-time operation: a client-supplied time earlier than now is back-dating. The attempt is
   * recorded (anomaly + audit) in its own transaction, so it survives the refusal.
   */
  async function refuseBackdating(actor: Actor, ctx: AuditContext, caseId: string | null, action: string, occurredAt?: string) {
    if (!occurredAt) return;
    const claimed = Date.parse(occurredAt);
    const now = clock.now();
    if (!(claimed < now.getTime() - BACKDATING_TOLERANCE_MS)) return;
    const detail = { action, claimedAt: new Date(claimed).toISOString(), serverTime: now.toISOString() };
    await db.transaction().execute(async (tx) => {
      await repo.insertAnomaly(tx, { kind: 'backdating', account_id: actor.id, actor_name: actor.displayName ?? actor.username, case_id: caseId, detail, at: now });
      await audit.record(tx, ctx, { action: 'enforcement.backdating-refused', entityType: 'enforcement_case', entityId: caseId, after: detail });
    });
    throw ruleViolation(
      rule(
        '实时操作，执法环节以系统时间记录，不得补录或倒签（声称时间早于当前时间）',
        '即時操作，執法環節以系統時間記錄，不得補錄或倒簽（聲稱時間早於當前時間）',
        'real-time operation: steps are recorded at the server time and cannot be back-dated',
      ),
      detail,
      [fieldError('occurredAt', 'BACKDATING')],
    );
  }

  async function officerAccounts(h: DbOrTx, ids: string[], region: string) {
    const unique = [...new Set(ids)];
    const rows = await repo.accounts(h, unique);
    const bad = unique.filter((id) => {
      const a = rows.find((r) => r.id === id);
      return !a || a.disabled || a.kind !== 'staff' || !(a.roles.includes('enforcement_officer')) || (a.jurisdiction && !region.startsWith(a.jurisdiction));
    });
    if (bad.length) {
      throw new AppError('VALIDATION_FAILED', { fields: [fieldError('officerIds', 'NOT_AN_OFFICER', { ids: bad.join(', ') })] });
    }
    return rows;
  }

  const TWO_OFFICERS = rule('执法人员不得少于两人（《行政处罚法》第四十二条）', '執法人員不得少於兩人（《行政處罰法》第四十二條）', 'at least two enforcement officers (Administrative Penalty Law art. 42)');

  /**
   * Runs one step of a case: checks the rule, back-dating, the version, the state machine and (for
   * officer steps) that the actor is one of the case's officers; applies the change; records the
   * step with the server time; audits last.
   */
  async function runStep(
    actor: Actor,
    ctx: AuditContext,
    id: string,
    input: StepInput,
    kind: StepKind,
    opts: { rule: Rule; officerOnly?: boolean },
    apply: (row: CaseRow, tx: DbOrTx) => Promise<{ values: CaseValues; data?: unknown }>,
  ): Promise<CaseRow> {
    authorize(actor, opts.rule);
    readable(actor, await repo.getCase(db, id));
    await refuseBackdating(actor, ctx, id, `case.${kind}`, input.occurredAt);
    return db.transaction().execute(async (tx) => {
      const row = readable(actor, await repo.getCaseForUpdate(tx, id));
      if (row.version !== input.version) throw new AppError('VERSION_CONFLICT', { params: { current: row.version } });
      if (!canStep(row.status as never, kind)) throw new AppError('INVALID_STATE', { params: { status: row.status, step: kind } });
      if (opts.officerOnly && row.status !== 'lead' && !row.officer_ids.includes(actor.id ?? '')) throw new AppError('FORBIDDEN');
      const { values, data } = await apply(row, tx);
      const now = clock.now();
      const updated = await repo.updateCase(tx, id, input.version, values, now);
      if (!updated) throw new AppError('VERSION_CONFLICT');
      await repo.insertStep(tx, { case_id: id, kind, recorded_at: now, actor_id: actor.id, actor_name: actor.displayName ?? actor.username, data: data ?? null });
      await audit.record(tx, ctx, {
        action: `enforcement.case.${kind}`,
        entityType: 'enforcement_case',
        entityId: id,
        before: { status: row.status, version: row.version },
        after: { status: updated.status, version: updated.version, ...(data && typeof data === 'object' ? (data as object) : {}) },
      });
      return updated;
    });
  }

  async function caseDto(row: CaseRow, locale: Locale) {
    const [steps, documents, publicity] = await Promise.all([
      repo.listSteps(db, row.id),
      repo.documentsOf(db, 'enforcement.case', [row.id]),
      repo.getPublicity(db, row.id),
    ]);
    let engine = null;
    if (row.facts) {
      try {
        engine = proposeOutcome({ ...(row.facts as CaseFacts), partyKind: row.party_kind }, ruleSetOf(row));
      } catch {
        engine = null;
      }
    }
    return presentCase(row, { steps, documents, publicity: publicity ?? null, engine, today: clock.today(), verifyUrl: docs.verifyUrl, dueOf, cal: cal() }, locale);
  }

  function officeValues(row: CaseRow) {
    const o = officeOf(row.region_code);
    return { reviewOrgan: o.reviewOrgan, court: '有管辖权的人民法院' };
  }

  function violationOf(row: CaseRow) {
    const t = ruleSetOf(row).violations.find((v) => v.code === row.violation_type);
    return t;
  }

  function penaltyText(row: Pick<CaseRow, 'penalty' | 'amount_fen'>): string {
    if (row.penalty === 'warning') return '警告';
    if (row.penalty === 'fine') return `罚款人民币${(Number(row.amount_fen) / 100).toLocaleString('zh-CN')}元`;
    return '不予行政处罚';
  }

  async function partyAddress(code: string | null) {
    if (!code) return '—';
    const e = await registry.findByCode(code);
    return e?.address ?? '—';
  }

  // ---------------- leads and the general procedure ----------------

  async function createLead(
    actor: Actor,
    input: { source: CaseRow['source']; sourceRef?: string; creditCode?: string; partyName?: string; partyKind: 'person' | 'organisation'; regionCode?: string; summary: string; occurredAt?: string },
    ctx: AuditContext,
    locale: Locale,
  ) {
    authorize(actor, P['lead.create']);
    await refuseBackdating(actor, ctx, null, 'lead.create', input.occurredAt);
    let region = input.regionCode;
    let partyName = input.partyName;
    let creditCode: string | null = null;
    if (input.creditCode) {
      const e = await registry.findByCode(input.creditCode);
      if (!e) throw new AppError('VALIDATION_FAILED', { fields: [fieldError('creditCode', 'NOT_FOUND')] });
      region = e.regionCode;
      partyName = partyName ?? e.name;
      creditCode = e.creditCode;
    }
    const missing = [...(!region ? ['regionCode'] : []), ...(!partyName ? ['partyName'] : [])];
    if (missing.length) throw new AppError('VALIDATION_FAILED', { fields: missing.map((path) => fieldError(path, 'required')) });
    regionAllowed(actor, region!);
    const row = await db.transaction().execute(async (tx) => {
      const created = await insertLead(tx, { source: input.source, source_ref: input.sourceRef ?? null, region_code: region!, credit_code: creditCode, party_name: partyName!, party_kind: input.partyKind, summary: input.summary, created_by: actor.id });
      await repo.insertStep(tx, { case_id: created.id, kind: 'lead', recorded_at: clock.now(), actor_id: actor.id, actor_name: actor.displayName ?? actor.username, data: { source: input.source } });
      await audit.record(tx, ctx, { action: 'enforcement.lead.create', entityType: 'enforcement_case', entityId: created.id, after: { caseNo: created.case_no, source: input.source, regionCode: region } });
      return created;
    });
    return caseDto(row, locale);
  }

  async function insertLead(tx: DbOrTx, v: CaseValues & { source: string; region_code: string; party_name: string }) {
    const today = clock.today();
    const seq = await repo.nextCaseSeq(tx);
    return repo.insertCase(tx, {
      ...v,
      case_no: `ZF-${today.slice(0, 4)}-${String(seq).padStart(6, '0')}`,
      procedure: 'general',
      status: 'lead',
      received_on: today,
      verification_due: safe(() => verificationDue(cal(), today, false)),
    });
  }

  /**
   * The outbox handler: a report accepted by the complaints module becomes a lead (idempotent by event
   * id). The payload is declared in contracts/events.ts (COMPLAINTS_REPORT_ACCEPTED).
   */
  async function leadFromReport(eventId: string, payload: EventPayload<typeof COMPLAINTS_REPORT_ACCEPTED>) {
    const str = (v: string | null | undefined) => v?.trim() || undefined;
    const code = str(payload.respondentCreditCode);
    const e = code ? await registry.findByCode(code) : null;
    const region = str(payload.regionCode) ?? e?.regionCode;
    if (!region) {
      p.log.warn({ eventId }, 'enforcement: report without a region ignored');
      return;
    }
    await onceInTransaction(db, 'enforcement.lead-from-report', eventId, async (tx) => {
      if (await repo.caseBySourceEvent(tx, eventId)) return;
      const created = await insertLead(tx, {
        source: 'complaint_report',
        source_ref: str(payload.trackingNo) ?? str(payload.complaintId) ?? null,
        source_event_id: eventId,
        region_code: region,
        credit_code: e?.creditCode ?? null,
        party_name: str(payload.respondentName) ?? e?.name ?? '未知当事人',
        party_kind: 'organisation',
        summary: (str(payload.facts) ?? '投诉举报线索').slice(0, 4000),
      });
      await repo.insertStep(tx, { case_id: created.id, kind: 'lead', recorded_at: clock.now(), actor_id: null, actor_name: 'system', data: { source: 'complaint_report', eventId } });
      await audit.record(tx, { actorName: 'system' }, { action: 'enforcement.lead.from-report', entityType: 'enforcement_case', entityId: created.id, after: { caseNo: created.case_no, eventId } });
    });
  }

  async function openCase(actor: Actor, id: string, input: StepInput & { officerIds: string[]; violationType?: string }, ctx: AuditContext, locale: Locale) {
    const row = await runStep(actor, ctx, id, input, 'open', { rule: P['case.step'] }, async (r, tx) => {
      const ids = [...new Set(input.officerIds)];
      if (ids.length < 2) throw ruleViolation(TWO_OFFICERS, {}, [fieldError('officerIds', 'AT_LEAST_TWO')]);
      if (!actor.id || !ids.includes(actor.id)) {
        throw ruleViolation(rule('立案人须为本案执法人员之一', '立案人須為本案執法人員之一', 'the officer who opens the case must be one of its officers'), {}, [fieldError('officerIds', 'MUST_INCLUDE_SELF')]);
      }
      await officerAccounts(tx, ids, r.region_code);
      if (input.violationType && !ruleSetOf(r).violations.some((v) => v.code === input.violationType)) {
        throw new AppError('VALIDATION_FAILED', { fields: [fieldError('violationType', 'UNKNOWN_VIOLATION_TYPE')] });
      }
      const today = clock.today();
      for (const o of ids.filter((x) => x !== actor.id)) {
        await p.notifier.notify(tx, {
          accountId: o,
          title: '执法案件协办',
          body: `${actor.displayName ?? ''}已将您列为案件 ${r.case_no}（${r.party_name}）的执法人员`,
          link: `/staff/enforcement/cases/${r.id}`,
          data: { caseId: r.id },
        });
      }
      return {
        values: {
          status: 'investigating',
          officer_ids: ids,
          opened_on: today,
          violation_type: input.violationType ?? r.violation_type,
          rule_set: ruleSetKey(ruleSetForRegion(r.region_code)),
          decision_due: safe(() => decisionDue(cal(), today, 0, false)),
        },
        data: { officerIds: ids },
      };
    });
    return caseDto(row, locale);
  }

  async function dismiss(actor: Actor, id: string, input: StepInput & { reason: string }, ctx: AuditContext, locale: Locale) {
    const row = await runStep(actor, ctx, id, input, 'dismiss', { rule: P['case.step'] }, async () => ({
      values: { status: 'dismissed', closed_on: clock.today() },
      data: { reason: input.reason },
    }));
    return caseDto(row, locale);
  }

  async function setFacts(actor: Actor, id: string, input: StepInput & { facts: Omit<CaseFacts, 'partyKind'> }, ctx: AuditContext, locale: Locale) {
    const row = await runStep(actor, ctx, id, input, 'facts', { rule: P['case.step'], officerOnly: true }, async (r) => {
      const rs = ruleSetOf(r);
      if (!rs.violations.some((v) => v.code === input.facts.violationType)) {
        throw new AppError('VALIDATION_FAILED', { fields: [fieldError('facts.violationType', 'UNKNOWN_VIOLATION_TYPE')] });
      }
      return { values: { facts: input.facts, violation_type: input.facts.violationType, rule_set: r.rule_set ?? ruleSetKey(rs) }, data: { facts: input.facts } };
    });
    return caseDto(row, locale);
  }

  async function addEvidence(actor: Actor, id: string, input: StepInput & { kind: string; description: string; fileId?: string }, ctx: AuditContext, locale: Locale) {
    const row = await runStep(actor, ctx, id, input, 'evidence', { rule: P['case.step'], officerOnly: true }, async () => ({
      values: {},
      data: { kind: input.kind, description: input.description, fileId: input.fileId ?? null },
    }));
    return caseDto(row, locale);
  }

  async function propose(
    actor: Actor,
    id: string,
    input: StepInput & { outcome: Outcome; amountFen: number; deviationReason?: string; serious: boolean; complex: boolean; publicInterest: boolean },
    ctx: AuditContext,
    locale: Locale,
  ) {
    const row = await runStep(actor, ctx, id, input, 'proposal', { rule: P['case.step'], officerOnly: true }, async (r) => {
      if (!r.facts) throw ruleViolation(rule('提出处理意见前须先录入案件事实', '提出處理意見前須先錄入案件事實', 'record the facts of the case before proposing a decision'));
      const rs = ruleSetOf(r);
      const engine = proposeOutcome({ ...(r.facts as CaseFacts), partyKind: r.party_kind }, rs);
      const t = rs.violations.find((v) => v.code === (r.facts as CaseFacts).violationType)!;
      if (input.outcome === 'no_penalty' && input.amountFen !== 0) {
        throw new AppError('VALIDATION_FAILED', { fields: [fieldError('amountFen', 'MUST_BE_ZERO')] });
      }
      if (input.outcome !== 'no_penalty' && input.amountFen > 0) {
        const range = allowedRange(input.outcome, engine, levelRanges(rs, t));
        if (input.amountFen < range.minFen || input.amountFen > range.maxFen) {
          throw ruleViolation(
            rule(
              `罚款金额超出法定幅度 ${yuan(range.minFen)}–${yuan(range.maxFen)}（${t.penaltyBasis.law}${t.penaltyBasis.article}）`,
              `罰款金額超出法定幅度 ${yuan(range.minFen)}–${yuan(range.maxFen)}（${t.penaltyBasis.law}${t.penaltyBasis.article}）`,
              `the fine is outside the statutory range ${yuan(range.minFen)}–${yuan(range.maxFen)} (${t.penaltyBasis.law} ${t.penaltyBasis.article})`,
            ),
            { minFen: range.minFen, maxFen: range.maxFen },
            [fieldError('amountFen', 'OUT_OF_RANGE')],
          );
        }
      }
      const outside = !withinProposal(engine, input.outcome, input.amountFen);
      if (outside && !input.deviationReason) {
        throw new AppError('VALIDATION_FAILED', { fields: [fieldError('deviationReason', 'REQUIRED_OUTSIDE_PROPOSAL')] });
      }
      const penalty = input.outcome === 'no_penalty' ? 'none' : input.amountFen === 0 ? 'warning' : 'fine';
      const flags = {
        outcome: input.outcome,
        amountFen: input.amountFen,
        partyKind: r.party_kind,
        outsideProposal: outside,
        serious: input.serious,
        complex: input.complex,
        publicInterest: input.publicInterest,
        hearingHeld: r.hearing_held,
      };
      return {
        values: {
          status: 'proposed',
          rule_set: r.rule_set ?? ruleSetKey(rs),
          proposal: engine,
          decided_outcome: input.outcome,
          amount_fen: input.amountFen,
          penalty,
          outside_proposal: outside,
          deviation_reason: outside ? input.deviationReason! : null,
          serious: input.serious || isMajor(flags, rs.procedure),
          complex: input.complex,
          public_interest: input.publicInterest,
          hearing_right: hearingRight(input.amountFen, r.party_kind, rs.procedure),
          review_required: reviewRequired(flags, rs.procedure),
          collective_required: collectiveRequired(flags, rs.procedure),
          review_result: null,
          reviewer_id: null,
          collective_done: false,
        },
        data: { outcome: input.outcome, amountFen: input.amountFen, engineOutcome: engine.outcome, outsideProposal: outside, ruleSet: engine.ruleSet },
      };
    });
    return caseDto(row, locale);
  }

  async function notify(actor: Actor, id: string, input: StepInput, ctx: AuditContext, locale: Locale) {
    const row = await runStep(actor, ctx, id, input, 'notice', { rule: P['case.step'], officerOnly: true }, async (r, tx) => {
      if (!noticeRequired(r.decided_outcome as Outcome)) {
        throw new AppError('INVALID_STATE', { text: rule('不予处罚的案件无需送达处罚告知书', '不予處罰的案件無需送達處罰告知書', 'a no-penalty case has no notice of intended penalty') });
      }
      const t = violationOf(r);
      const doc = await docs.issue(tx, {
        kind: 'penalty_notice',
        subjectType: 'enforcement.case',
        subjectId: r.id,
        regionCode: r.region_code,
        signer: '',
        issuedOn: clock.today(),
        actorId: actor.id,
        values: {
          partyName: r.party_name,
          facts: r.summary,
          violatedProvision: t ? `${t.violated.law}${t.violated.article}` : '有关规定',
          penaltyBasis: t ? `${t.penaltyBasis.law}${t.penaltyBasis.article}` : '有关规定',
          penalty: penaltyText(r),
          hearingRight: r.hearing_right ? '你（单位）有权要求举行听证，应当在收到本告知书之日起五个工作日内提出。' : '',
        },
      });
      return { values: { status: 'notified' }, data: { documentNo: doc.doc_no } };
    });
    return caseDto(row, locale);
  }

  async function statement(actor: Actor, id: string, input: StepInput & { statement: string; waived: boolean }, ctx: AuditContext, locale: Locale) {
    const row = await runStep(actor, ctx, id, input, 'statement', { rule: P['case.step'], officerOnly: true }, async () => ({
      values: {},
      data: { statement: input.statement, waived: input.waived },
    }));
    return caseDto(row, locale);
  }

  async function requestHearing(actor: Actor, id: string, input: StepInput & { hearingOn: string }, ctx: AuditContext, locale: Locale) {
    const row = await runStep(actor, ctx, id, input, 'hearing-request', { rule: P['case.step'], officerOnly: true }, async (r, tx) => {
      if (!r.hearing_right) {
        throw ruleViolation(rule('拟处罚未达到听证标准（《行政处罚法》第六十三条）', '擬處罰未達到聽證標準（《行政處罰法》第六十三條）', 'the intended penalty does not reach the hearing threshold (art. 63)'));
      }
      const today = clock.today();
      const earliest = safe(() => cal().deadline(today, getTimeLimit('penalty.hearing-notice')));
      if (earliest && input.hearingOn < earliest) {
        throw ruleViolation(
          rule(`听证应在通知七个工作日后举行，最早 ${earliest}（第六十四条）`, `聽證應在通知七個工作日後舉行，最早 ${earliest}（第六十四條）`, `the hearing must be at least 7 working days after the notice, earliest ${earliest} (art. 64)`),
          { earliest },
          [fieldError('hearingOn', 'TOO_EARLY')],
        );
      }
      const doc = await docs.issue(tx, {
        kind: 'hearing_notice',
        subjectType: 'enforcement.case',
        subjectId: r.id,
        regionCode: r.region_code,
        signer: '',
        issuedOn: today,
        actorId: actor.id,
        values: { partyName: r.party_name, hearingOn: input.hearingOn, caseNo: r.case_no },
      });
      // The hearing period is not counted in the time limit: the case is paused until it is held.
      return {
        values: { hearing_requested: true, ...(r.paused_since ? {} : { paused_since: today, pause_reason: 'hearing' }) },
        data: { hearingOn: input.hearingOn, documentNo: doc.doc_no },
      };
    });
    return caseDto(row, locale);
  }

  function resumeValues(r: CaseRow, extended = r.decision_extended): CaseValues {
    const today = clock.today();
    const paused = r.paused_since ? Math.max(0, daysBetween(r.paused_since, today)) : 0;
    const pausedDays = r.paused_days + paused;
    return {
      paused_days: pausedDays,
      paused_since: null,
      pause_reason: null,
      decision_due: r.opened_on ? safe(() => decisionDue(cal(), r.opened_on!, pausedDays, extended)) : r.decision_due,
    };
  }

  async function holdHearing(actor: Actor, id: string, input: StepInput & { minutes: string }, ctx: AuditContext, locale: Locale) {
    const row = await runStep(actor, ctx, id, input, 'hearing', { rule: P['case.step'], officerOnly: true }, async (r) => {
      if (!r.hearing_requested) throw new AppError('INVALID_STATE', { text: rule('当事人未要求听证', '當事人未要求聽證', 'the party has not requested a hearing') });
      return {
        values: { hearing_held: true, review_required: true, ...(r.pause_reason === 'hearing' ? resumeValues(r) : {}) },
        data: { minutes: input.minutes },
      };
    });
    return caseDto(row, locale);
  }

  async function review(actor: Actor, id: string, input: StepInput & { result: 'approved' | 'rejected'; opinion: string }, ctx: AuditContext, locale: Locale) {
    const row = await runStep(actor, ctx, id, input, 'review', { rule: P['case.review'] }, async (r) => {
      if (actor.id && r.officer_ids.includes(actor.id)) {
        throw ruleViolation(rule('本案调查人员不得担任法制审核人员（《行政处罚法》第五十八条）', '本案調查人員不得擔任法制審核人員（《行政處罰法》第五十八條）', 'an investigator of the case cannot be its legal reviewer (art. 58)'));
      }
      return { values: { review_result: input.result, reviewer_id: actor.id }, data: { result: input.result, opinion: input.opinion } };
    });
    return caseDto(row, locale);
  }

  async function collective(actor: Actor, id: string, input: StepInput & { conclusion: string; participants: string[] }, ctx: AuditContext, locale: Locale) {
    const row = await runStep(actor, ctx, id, input, 'collective', { rule: P['case.collective'] }, async () => ({
      values: { collective_done: true },
      data: { conclusion: input.conclusion, participants: input.participants },
    }));
    return caseDto(row, locale);
  }

  async function pause(actor: Actor, id: string, input: StepInput & { reason: string }, ctx: AuditContext, locale: Locale) {
    const row = await runStep(actor, ctx, id, input, 'pause', { rule: P['case.step'], officerOnly: true }, async (r) => {
      if (r.paused_since) throw new AppError('INVALID_STATE', { params: { paused: r.paused_since } });
      return { values: { paused_since: clock.today(), pause_reason: input.reason }, data: { reason: input.reason } };
    });
    return caseDto(row, locale);
  }

  async function resume(actor: Actor, id: string, input: StepInput, ctx: AuditContext, locale: Locale) {
    const row = await runStep(actor, ctx, id, input, 'resume', { rule: P['case.step'], officerOnly: true }, async (r) => {
      if (!r.paused_since) throw new AppError('INVALID_STATE');
      const values = resumeValues(r);
      return { values, data: { pausedDays: values.paused_days } };
    });
    return caseDto(row, locale);
  }

  async function extend(actor: Actor, id: string, input: StepInput & { kind: 'verification' | 'decision'; reason: string }, ctx: AuditContext, locale: Locale) {
    const row = await runStep(actor, ctx, id, input, 'extension', { rule: P['case.extension'] }, async (r) => {
      if (input.kind === 'verification') {
        if (r.status !== 'lead' || r.verification_extended) throw new AppError('INVALID_STATE');
        return { values: { verification_extended: true, verification_due: safe(() => verificationDue(cal(), r.received_on, true)) }, data: { kind: input.kind, reason: input.reason } };
      }
      if (r.status === 'lead' || r.decision_extended) throw new AppError('INVALID_STATE');
      const due = r.opened_on ? safe(() => decisionDue(cal(), r.opened_on!, r.paused_days, true)) : null;
      return { values: { decision_extended: true, decision_due: due }, data: { kind: input.kind, reason: input.reason, approvedBy: actor.displayName } };
    });
    return caseDto(row, locale);
  }

  async function decide(actor: Actor, id: string, input: StepInput, ctx: AuditContext, locale: Locale) {
    // Read outside the transaction (the embedded engine has one connection).
    const pre = await repo.getCase(db, id);
    const address = await partyAddress(pre?.credit_code ?? null);
    const row = await runStep(actor, ctx, id, input, 'decision', { rule: P['case.step'], officerOnly: true }, async (r, tx) => {
      if (r.paused_since) throw new AppError('INVALID_STATE', { text: rule('案件处于中止计算期限状态，请先恢复', '案件處於中止計算期限狀態，請先恢復', 'the case is paused; resume it first') });
      const outcome = r.decided_outcome as Outcome;
      if (noticeRequired(outcome) && r.status !== 'notified') {
        throw ruleViolation(rule('作出处罚决定前须告知当事人拟处罚内容及其权利（《行政处罚法》第四十四条）', '作出處罰決定前須告知當事人擬處罰內容及其權利（《行政處罰法》第四十四條）', 'the party must be told of the intended penalty and its rights first (art. 44)'));
      }
      if (r.hearing_requested && !r.hearing_held) {
        throw ruleViolation(rule('当事人要求听证的，须在听证后作出决定（第六十三条）', '當事人要求聽證的，須在聽證後作出決定（第六十三條）', 'the requested hearing must be held before the decision (art. 63)'));
      }
      const missing: string[] = [];
      if (r.review_required && r.review_result !== 'approved') missing.push('legal_review');
      if (r.collective_required && !r.collective_done) missing.push('collective_discussion');
      if (missing.length) {
        const zh = [missing.includes('legal_review') ? '法制审核（第五十八条）' : '', missing.includes('collective_discussion') ? '集体讨论（第五十七条第二款）' : ''].filter(Boolean).join('、');
        const tw = zh.replace('审核', '審核').replace('讨论', '討論').replace('条', '條').replace('条', '條');
        const en = missing.map((m) => (m === 'legal_review' ? 'legal review (art. 58)' : 'collective discussion (art. 57 ¶2)')).join(' and ');
        throw ruleViolation(rule(`本案须经${zh}后方可作出决定`, `本案須經${tw}後方可作出決定`, `this case needs ${en} before the decision`), { missing }, missing.map((m) => (fieldError(m, 'REQUIRED'))));
      }
      const today = clock.today();
      const rs = ruleSetOf(r);
      const t = violationOf(r);
      const office = officeValues(r);
      const proposal = r.proposal as { citations?: { law: string; article: string }[]; reasons?: string[] } | null;
      const lenient = proposal?.citations?.[0];
      const decisionKind = outcome === 'no_penalty' ? 'no_penalty_decision' : 'penalty_decision';
      const steps = await repo.listSteps(tx, r.id);
      const evidence = steps.filter((s) => s.kind === 'evidence').map((s) => (s.data as { description: string }).description);
      const decisionDoc = await docs.issue(tx, {
        kind: decisionKind,
        subjectType: 'enforcement.case',
        subjectId: r.id,
        regionCode: r.region_code,
        signer: '',
        issuedOn: today,
        actorId: actor.id,
        values: {
          partyName: r.party_name,
          creditCode: r.credit_code ?? '—',
          address,
          facts: r.summary,
          evidence: evidence.length ? evidence.join('、') : '现场检查笔录、询问笔录',
          violatedProvision: t ? `${t.violated.law}${t.violated.article}` : '有关规定',
          penaltyBasis: t ? `${t.penaltyBasis.law}${t.penaltyBasis.article}` : '有关规定',
          penalty: penaltyText(r),
          lenientReason: outcome === 'no_penalty' ? (lenient?.article === '第三十三条第二款' ? '当事人有证据足以证明没有主观过错' : '当事人违法行为轻微（初次违法）、危害后果轻微并及时改正') : '',
          lenientBasis: lenient ? `${lenient.law}${lenient.article}` : '《中华人民共和国行政处罚法》第三十三条',
          ...office,
        },
      });
      const plan = publicityPlan({ procedure: 'general', penalty: r.penalty ?? 'none', amountFen: Number(r.amount_fen ?? 0), partyKind: r.party_kind, decidedOn: today }, cal(), rs.procedure);
      const issued = [decisionDoc];
      if (plan.publish) {
        issued.push(
          await docs.issue(tx, {
            kind: 'credit_repair_notice',
            subjectType: 'enforcement.case',
            subjectId: r.id,
            regionCode: r.region_code,
            signer: '',
            issuedOn: today,
            actorId: actor.id,
            values: { partyName: r.party_name, decisionNo: decisionDoc.doc_no, period: plan.period === '3_months' ? '三个月' : '三年' },
          }),
        );
        await repo.insertPublicity(tx, { case_id: r.id, region_code: r.region_code, decided_on: today, publish_due: plan.publishDue, period: plan.period, status: 'pending', document_id: decisionDoc.id });
      }
      issued.push(
        await docs.issue(tx, {
          kind: 'compliance_guidance_letter',
          subjectType: 'enforcement.case',
          subjectId: r.id,
          regionCode: r.region_code,
          signer: '',
          issuedOn: today,
          actorId: actor.id,
          values: { partyName: r.party_name, violation: t?.name ?? r.summary, guidance: '建立健全进货查验、许可管理等内部制度，定期自查，及时整改。', officer: actor.displayName ?? '' },
        }),
        await docs.issue(tx, {
          kind: 'follow_up_letter',
          subjectType: 'enforcement.case',
          subjectId: r.id,
          regionCode: r.region_code,
          signer: '',
          issuedOn: today,
          actorId: actor.id,
          values: { partyName: r.party_name, caseNo: r.case_no, visitOn: addCalendarDays(today, 90) },
        }),
      );
      // The 回访函 promises a visit before that date: tracked as the deciding officer's obligation.
      await trackFollowUpVisit(p, tx, { caseId: r.id, caseNo: r.case_no, partyName: r.party_name, regionCode: r.region_code, ownerId: actor.id, visitBy: addCalendarDays(today, 90) });
      await outbox.append(
        tx,
        DECISION_MADE,
        {
          caseId: r.id,
          caseNo: r.case_no,
          procedure: 'general',
          creditCode: r.credit_code,
          regionCode: r.region_code,
          partyName: r.party_name,
          partyKind: r.party_kind,
          violationType: r.violation_type,
          outcome,
          penalty: r.penalty,
          amountFen: Number(r.amount_fen ?? 0),
          decidedOn: today,
          ruleSet: r.rule_set,
          documentNo: decisionDoc.doc_no,
          publish: plan.publish,
          publishDue: plan.publish ? plan.publishDue : null,
          publicityPeriod: plan.publish ? plan.period : null,
        },
        { orderingKey: r.credit_code ?? r.id },
      );
      return { values: { status: 'decided', decided_on: today }, data: { documents: issued.map((d) => d.doc_no), publish: plan.publish } };
    });
    return caseDto(row, locale);
  }

  async function serve(actor: Actor, id: string, input: StepInput, ctx: AuditContext, locale: Locale) {
    const row = await runStep(actor, ctx, id, input, 'service', { rule: P['case.step'], officerOnly: true }, async (r) => {
      const today = clock.today();
      const due = r.penalty === 'fine' ? safe(() => cal().deadline(today, getTimeLimit('penalty.payment'))) : null;
      return { values: { status: 'served', served_on: today, payment_due: due }, data: { paymentDue: due } };
    });
    return caseDto(row, locale);
  }

  async function pay(actor: Actor, id: string, input: StepInput & { amountFen: number }, ctx: AuditContext, locale: Locale) {
    const row = await runStep(actor, ctx, id, input, 'payment', { rule: P['case.step'], officerOnly: true }, async (r) => {
      if (r.penalty !== 'fine') throw new AppError('INVALID_STATE');
      const today = clock.today();
      const fine = Number(r.amount_fen);
      const fee = r.payment_due ? lateFee(fine, r.payment_due, today) : 0;
      if (input.amountFen !== fine + fee) {
        throw ruleViolation(
          rule(`应缴金额为 ${yuan(fine + fee)}（罚款 ${yuan(fine)}，加处罚款 ${yuan(fee)}，第七十二条）`, `應繳金額為 ${yuan(fine + fee)}（罰款 ${yuan(fine)}，加處罰款 ${yuan(fee)}，第七十二條）`, `the amount due is ${yuan(fine + fee)} (fine ${yuan(fine)}, late fee ${yuan(fee)}, art. 72)`),
          { dueFen: fine + fee, lateFeeFen: fee },
          [fieldError('amountFen', 'AMOUNT_DUE')],
        );
      }
      return { values: { status: 'paid', paid_on: today, late_fee_fen: fee }, data: { amountFen: input.amountFen, lateFeeFen: fee } };
    });
    return caseDto(row, locale);
  }

  async function close(actor: Actor, id: string, input: StepInput, ctx: AuditContext, locale: Locale) {
    const row = await runStep(actor, ctx, id, input, 'close', { rule: P['case.step'], officerOnly: true }, async (r) => {
      if (r.status === 'served' && r.penalty === 'fine') {
        throw ruleViolation(rule('罚款未缴纳，不能结案', '罰款未繳納，不能結案', 'the fine has not been paid'));
      }
      return { values: { status: 'closed', closed_on: clock.today() } };
    });
    return caseDto(row, locale);
  }

  async function fileOnTheSpot(actor: Actor, id: string, input: StepInput, ctx: AuditContext, locale: Locale) {
    const row = await runStep(actor, ctx, id, input, 'filing', { rule: P['case.step'], officerOnly: true }, async (r) => {
      if (r.procedure !== 'on_the_spot' || r.filed_on) throw new AppError('INVALID_STATE');
      return { values: { filed_on: clock.today() } };
    });
    return caseDto(row, locale);
  }

  async function revoke(actor: Actor, id: string, input: StepInput & { reason: string }, ctx: AuditContext, locale: Locale) {
    const row = await runStep(actor, ctx, id, input, 'revoke', { rule: P['case.revoke'] }, async (r, tx) => {
      const today = clock.today();
      const now = clock.now();
      await repo.revokeDocuments(tx, 'enforcement.case', r.id, ['penalty_decision', 'no_penalty_decision', 'on_the_spot_decision', 'credit_repair_notice'], now);
      const pub = await repo.getPublicity(tx, r.id);
      if (pub && pub.status !== 'withdrawn') {
        const due = safe(() => withdrawalDue(cal(), today));
        await repo.updatePublicity(tx, r.id, { status: 'withdrawn', revoked_on: today, withdraw_due: due, withdrawn_on: today, withdraw_reason: input.reason });
        if (pub.status === 'published') {
          await outbox.append(
            tx,
            PENALTY_WITHDRAWN,
            { caseId: r.id, caseNo: r.case_no, creditCode: r.credit_code, regionCode: r.region_code, revokedOn: today, withdrawnOn: today, withdrawDue: due, reason: input.reason },
            { orderingKey: r.credit_code ?? r.id },
          );
        }
      }
      return { values: { status: 'revoked', revoked_on: today }, data: { reason: input.reason } };
    });
    return caseDto(row, locale);
  }

  /** Publishes a decision (summary + redacted document) and starts its publicity period. */
  async function publish(actor: Actor, id: string, ctx: AuditContext, locale: Locale) {
    authorize(actor, P['case.publish']);
    await db.transaction().execute(async (tx) => {
      const r = readable(actor, await repo.getCaseForUpdate(tx, id));
      if (!canStep(r.status as never, 'publish')) throw new AppError('INVALID_STATE');
      const pub = await repo.getPublicity(tx, r.id);
      if (!pub || pub.status !== 'pending') throw new AppError('INVALID_STATE');
      const today = clock.today();
      const [doc] = pub.document_id ? [await repo.getDocument(tx, pub.document_id)] : [undefined];
      const t = violationOf(r);
      const summary = publicitySummary({
        docNo: doc?.doc_no ?? '',
        partyName: redact(r.party_name),
        creditCode: r.credit_code,
        violation: t?.name ?? redact(r.summary),
        penalty: penaltyText(r),
        office: officeOf(r.region_code).office,
        decidedOn: pub.decided_on,
      });
      const endsOn = publicityEnds(today, pub.period);
      await repo.updatePublicity(tx, r.id, { status: 'published', published_on: today, ends_on: endsOn, summary });
      await repo.insertStep(tx, { case_id: r.id, kind: 'publish', recorded_at: clock.now(), actor_id: actor.id, actor_name: actor.displayName ?? actor.username, data: { endsOn } });
      await outbox.append(
        tx,
        PENALTY_PUBLISHED,
        {
          caseId: r.id,
          caseNo: r.case_no,
          creditCode: r.credit_code,
          regionCode: r.region_code,
          partyName: r.party_name,
          violationType: r.violation_type,
          amountFen: Number(r.amount_fen ?? 0),
          documentNo: doc?.doc_no ?? null,
          decidedOn: pub.decided_on,
          publishedOn: today,
          period: pub.period,
          endsOn,
          onTime: !pub.publish_due || today <= pub.publish_due,
          summary,
        },
        { orderingKey: r.credit_code ?? r.id },
      );
      await audit.record(tx, ctx, { action: 'enforcement.case.publish', entityType: 'enforcement_case', entityId: r.id, after: { publishedOn: today, endsOn, period: pub.period } });
    });
    return getCase(actor, id, locale);
  }

  // ---------------- on-the-spot procedure ----------------

  async function onTheSpot(
    actor: Actor,
    input: { partyKind: 'person' | 'organisation'; partyName: string; creditCode?: string; regionCode?: string; violationType?: string; facts: string; penalty: 'warning' | 'fine'; amountFen: number; coOfficerId: string; occurredAt?: string },
    ctx: AuditContext,
    locale: Locale,
  ) {
    authorize(actor, P['lead.create']);
    await refuseBackdating(actor, ctx, null, 'on-the-spot', input.occurredAt);
    let region = input.regionCode;
    let creditCode: string | null = null;
    if (input.creditCode) {
      const e = await registry.findByCode(input.creditCode);
      if (!e) throw new AppError('VALIDATION_FAILED', { fields: [fieldError('creditCode', 'NOT_FOUND')] });
      region = e.regionCode;
      creditCode = e.creditCode;
    }
    if (!region) throw new AppError('VALIDATION_FAILED', { fields: [fieldError('regionCode', 'required')] });
    regionAllowed(actor, region);
    const rs = ruleSetForRegion(region);
    if (input.penalty === 'fine' && input.amountFen <= 0) throw new AppError('VALIDATION_FAILED', { fields: [fieldError('amountFen', 'MUST_BE_POSITIVE')] });
    if (input.penalty === 'warning' && input.amountFen !== 0) throw new AppError('VALIDATION_FAILED', { fields: [fieldError('amountFen', 'MUST_BE_ZERO')] });
    const limit = onTheSpotExcess(input.penalty, input.amountFen, input.partyKind, rs.procedure);
    if (limit !== null) {
      const who = input.partyKind === 'person' ? { zh: '公民', tw: '公民', en: 'a citizen' } : { zh: '法人或者其他组织', tw: '法人或者其他組織', en: 'an organisation' };
      throw new AppError('LIMIT_EXCEEDED', {
        text: {
          'zh-CN': `超出限额：当场处罚对${who.zh}的罚款不得超过 ${yuan(limit)}（《行政处罚法》第五十一条），请适用普通程序`,
          'zh-TW': `超出限額：當場處罰對${who.tw}的罰款不得超過 ${yuan(limit)}（《行政處罰法》第五十一條），請適用普通程序`,
          en: `Limit exceeded: an on-the-spot fine for ${who.en} may not exceed ${yuan(limit)} (Administrative Penalty Law art. 51); use the general procedure`,
        },
        params: { limitFen: limit },
        fields: [fieldError('amountFen', 'OVER_ON_THE_SPOT_LIMIT', { limit: yuan(limit) })],
      });
    }
    if (!actor.id || input.coOfficerId === actor.id) throw ruleViolation(TWO_OFFICERS, {}, [fieldError('coOfficerId', 'AT_LEAST_TWO')]);
    const officers = await officerAccounts(db, [actor.id, input.coOfficerId], region);
    if (input.violationType && !rs.violations.some((v) => v.code === input.violationType)) {
      throw new AppError('VALIDATION_FAILED', { fields: [fieldError('violationType', 'UNKNOWN_VIOLATION_TYPE')] });
    }
    const row = await db.transaction().execute(async (tx) => {
      const today = clock.today();
      const seq = await repo.nextCaseSeq(tx);
      const penalty = input.penalty;
      const created = await repo.insertCase(tx, {
        case_no: `DC-${today.slice(0, 4)}-${String(seq).padStart(6, '0')}`,
        procedure: 'on_the_spot',
        status: penalty === 'warning' ? 'closed' : 'served',
        source: 'on_the_spot',
        region_code: region!,
        credit_code: creditCode,
        party_name: input.partyName,
        party_kind: input.partyKind,
        violation_type: input.violationType ?? null,
        summary: input.facts,
        rule_set: ruleSetKey(rs),
        penalty,
        amount_fen: input.amountFen,
        officer_ids: [actor.id!, input.coOfficerId],
        received_on: today,
        opened_on: today,
        decided_on: today,
        served_on: today,
        payment_due: penalty === 'fine' ? safe(() => cal().deadline(today, getTimeLimit('penalty.payment'))) : null,
        closed_on: penalty === 'warning' ? today : null,
        created_by: actor.id,
      });
      const doc = await docs.issue(tx, {
        kind: 'on_the_spot_decision',
        subjectType: 'enforcement.case',
        subjectId: created.id,
        regionCode: region!,
        signer: '',
        issuedOn: today,
        actorId: actor.id,
        values: { partyName: input.partyName, facts: input.facts, penalty: penaltyText({ penalty, amount_fen: input.amountFen }), officers: officers.map((o) => o.display_name).join('、'), ...officeValues(created) },
      });
      await repo.insertStep(tx, { case_id: created.id, kind: 'on-the-spot', recorded_at: clock.now(), actor_id: actor.id, actor_name: actor.displayName ?? actor.username, data: { penalty, amountFen: input.amountFen, documentNo: doc.doc_no } });
      await outbox.append(
        tx,
        DECISION_MADE,
        { caseId: created.id, caseNo: created.case_no, procedure: 'on_the_spot', creditCode, regionCode: region, partyName: input.partyName, partyKind: input.partyKind, violationType: input.violationType ?? null, outcome: null, penalty, amountFen: input.amountFen, decidedOn: today, ruleSet: created.rule_set, documentNo: doc.doc_no, publish: false, publishDue: null, publicityPeriod: null },
        { orderingKey: creditCode ?? created.id },
      );
      await audit.record(tx, ctx, { action: 'enforcement.on-the-spot', entityType: 'enforcement_case', entityId: created.id, after: { caseNo: created.case_no, penalty, amountFen: input.amountFen, documentNo: doc.doc_no } });
      return created;
    });
    return caseDto(row, locale);
  }

  // ---------------- reads ----------------

  async function getCase(actor: Actor, id: string, locale: Locale) {
    authorize(actor, P['case.read']);
    return caseDto(readable(actor, await repo.getCase(db, id)), locale);
  }

  async function listCases(actor: Actor, q: { status?: string; procedure?: string; creditCode?: string; dueBefore?: string; cursor?: string; limit: number }) {
    authorize(actor, P['case.list']);
    const after = decodeCursor(q.cursor) as [string, string] | null;
    const rows = await repo.listCases(db, { regionPrefix: jurisdictionPrefix(actor), ...q, after: after ?? undefined, limit: q.limit + 1 });
    const page = toPage(rows, q.limit, (r) => [new Date(r.created_at).toISOString(), r.id]);
    const today = clock.today();
    return { items: page.items.map((r) => presentSummary(r, today, dueOf, cal())), nextCursor: page.nextCursor };
  }

  function ruleSetView(regionCode?: string) {
    const rs = regionCode ? ruleSetForRegion(regionCode) : ruleSetForRegion('000000');
    return {
      key: ruleSetKey(rs),
      province: rs.province,
      effectiveFrom: rs.effectiveFrom,
      lighterShare: rs.lighterShare,
      procedure: { hearingFen: rs.procedure.hearingFen, onTheSpotMaxFen: rs.procedure.onTheSpotMaxFen, majorFen: rs.procedure.majorFen, lowFineFen: rs.procedure.lowFineFen },
      violations: rs.violations.map((v) => ({
        code: v.code,
        name: v.name,
        range: v.range,
        firstViolationList: !!v.firstViolationList,
        minorList: !!v.minorList,
        levels: compileRuleSet(rs).types.get(v.code)!.levels,
        penaltyBasis: v.penaltyBasis,
      })),
    };
  }

  // ---------------- documents and templates ----------------

  async function listTemplates(actor: Actor) {
    authorize(actor, P['template.read']);
    await docs.ensure(db);
    return (await repo.listTemplates(db)).map((t) => ({ kind: t.kind, title: t.title, bodyTemplate: t.body_template, footer: t.footer, version: t.version }));
  }

  async function updateTemplate(actor: Actor, kind: string, input: { title: string; bodyTemplate: string; footer: string; version: number }, ctx: AuditContext) {
    authorize(actor, P['template.update']);
    if (!DEFAULT_TEMPLATES[kind]) throw new AppError('NOT_FOUND');
    docs.checkTemplate(kind, input.bodyTemplate);
    await docs.ensure(db);
    return db.transaction().execute(async (tx) => {
      const before = await repo.getTemplate(tx, kind);
      const row = await repo.updateTemplate(tx, kind, input.version, { title: input.title, body_template: input.bodyTemplate, footer: input.footer, updated_by: actor.id, updated_at: clock.now() });
      if (!row) throw new AppError('VERSION_CONFLICT');
      await audit.record(tx, ctx, { action: 'enforcement.template.update', entityType: 'enforcement_template', entityId: kind, before: before && { title: before.title, version: before.version }, after: { title: row.title, version: row.version } });
      return { kind: row.kind, title: row.title, bodyTemplate: row.body_template, footer: row.footer, version: row.version };
    });
  }

  async function documentPdf(actor: Actor, id: string) {
    authorize(actor, P['document.read']);
    const doc = await repo.getDocument(db, id);
    if (!doc || !doc.subject_type?.startsWith('enforcement.') || !doc.subject_id) throw new AppError('NOT_FOUND');
    const region =
      doc.subject_type === 'enforcement.case' ? (await repo.getCase(db, doc.subject_id))?.region_code : (await repo.getEngagement(db, doc.subject_id))?.region_code;
    assertInScope(actor, { regionCode: region ?? null });
    return { name: `${doc.doc_no}.pdf`, data: await p.files.read(doc.file_id) };
  }

  /** Public verification: the document's number, title, issuer, date and hash, and whether it is genuine. */
  async function verifyDocument(code: string) {
    const doc = await repo.documentByVerifyCode(db, code);
    if (!doc) throw new AppError('NOT_FOUND');
    let intact: boolean;
    try {
      intact = createHash('sha256').update(await p.files.read(doc.file_id)).digest('hex') === doc.sha256;
    } catch {
      intact = false;
    }
    return {
      genuine: intact && !doc.revoked_at,
      docNo: doc.doc_no,
      title: doc.title,
      issuer: doc.office,
      issuedOn: new Date(new Date(doc.issued_at).getTime() + 8 * 3600_000).toISOString().slice(0, 10),
      sha256: doc.sha256,
      revoked: !!doc.revoked_at,
    };
  }

  // ---------------- service and health-check ----------------

  async function enterpriseInScope(actor: Actor, code: string) {
    const e = await registry.findByCode(code);
    if (!e) throw new AppError('NOT_FOUND');
    assertInScope(actor, { regionCode: e.regionCode });
    return e;
  }

  async function engagementDto(row: EngagementRow) {
    const documents = await repo.documentsOf(db, 'enforcement.engagement', [row.id]);
    return presentEngagement(row, documents, docs.verifyUrl);
  }

  async function createEngagement(
    actor: Actor,
    input: { kind: EngagementRow['kind']; creditCode: string; caseId?: string; satisfaction?: number; content?: string; signals?: string[]; scheduledOn?: string; reason?: string; occurredAt?: string },
    ctx: AuditContext,
  ) {
    authorize(actor, P['engagement.create']);
    await refuseBackdating(actor, ctx, input.caseId ?? null, `engagement.${input.kind}`, input.occurredAt);
    const e = await enterpriseInScope(actor, input.creditCode);
    const need = (cond: boolean, path: string) => (cond ? [] : [fieldError(path, 'required')]);
    const today = clock.today();
    const fields = [
      ...(input.kind === 'follow_up' ? need(input.satisfaction !== undefined, 'satisfaction') : []),
      ...(['guidance', 'assistance', 'warning'].includes(input.kind) ? need(!!input.content, 'content') : []),
      ...(input.kind === 'warning' ? need(!!input.signals?.length, 'signals') : []),
      ...(input.kind === 'interview' ? [...need(!!input.scheduledOn, 'scheduledOn'), ...need(!!input.reason, 'reason')] : []),
    ];
    if (input.kind === 'interview' && input.scheduledOn && input.scheduledOn < today) fields.push(fieldError('scheduledOn', 'IN_THE_PAST'));
    if (fields.length) throw new AppError('VALIDATION_FAILED', { fields });
    if (input.caseId) {
      const c = await repo.getCase(db, input.caseId);
      if (!c || c.credit_code !== e.creditCode) throw new AppError('VALIDATION_FAILED', { fields: [fieldError('caseId', 'NOT_THIS_ENTERPRISE')] });
    }
    const row = await db.transaction().execute(async (tx) => {
      const data: Record<string, unknown> = {};
      if (input.satisfaction !== undefined) data.satisfaction = input.satisfaction;
      if (input.content) data.content = input.content;
      if (input.signals) data.signals = input.signals;
      if (input.scheduledOn) data.scheduledOn = input.scheduledOn;
      if (input.reason) data.reason = input.reason;
      const created = await repo.insertEngagement(tx, {
        kind: input.kind,
        credit_code: e.creditCode,
        region_code: e.regionCode,
        case_id: input.caseId ?? null,
        officer_id: actor.id,
        officer_name: actor.displayName ?? actor.username,
        occurred_on: input.kind === 'interview' ? input.scheduledOn! : today,
        status: input.kind === 'interview' ? 'scheduled' : 'done',
        data,
      });
      if (input.kind === 'interview') {
        await docs.issue(tx, {
          kind: 'interview_notice',
          subjectType: 'enforcement.engagement',
          subjectId: created.id,
          regionCode: e.regionCode,
          signer: '',
          issuedOn: today,
          actorId: actor.id,
          values: { partyName: e.name, reason: input.reason!, scheduledOn: input.scheduledOn! },
        });
      }
      await audit.record(tx, ctx, { action: `enforcement.engagement.${input.kind}`, entityType: 'enforcement_engagement', entityId: created.id, after: { creditCode: e.creditCode, ...data } });
      return created;
    });
    return engagementDto(row);
  }

  async function updateInterview(
    actor: Actor,
    id: string,
    input: { version: number; occurredAt?: string },
    ctx: AuditContext,
    from: string,
    to: string,
    change: (data: Record<string, unknown>) => Record<string, unknown>,
  ) {
    authorize(actor, P['engagement.create']);
    const existing = await repo.getEngagement(db, id);
    if (!existing || existing.kind !== 'interview') throw new AppError('NOT_FOUND');
    assertInScope(actor, { regionCode: existing.region_code });
    await refuseBackdating(actor, ctx, existing.case_id, `interview.${to}`, input.occurredAt);
    const row = await db.transaction().execute(async (tx) => {
      const cur = (await repo.getEngagement(tx, id))!;
      if (cur.version !== input.version) throw new AppError('VERSION_CONFLICT');
      if (cur.status !== from) throw new AppError('INVALID_STATE', { params: { status: cur.status } });
      const updated = await repo.updateEngagement(tx, id, input.version, { status: to, data: change({ ...cur.data }) });
      if (!updated) throw new AppError('VERSION_CONFLICT');
      await audit.record(tx, ctx, { action: `enforcement.interview.${to}`, entityType: 'enforcement_engagement', entityId: id, before: { status: cur.status }, after: { status: to } });
      return updated;
    });
    return engagementDto(row);
  }

  async function interviewMinutes(actor: Actor, id: string, input: { version: number; minutes: string; commitments: { item: string; dueOn: string }[]; occurredAt?: string }, ctx: AuditContext) {
    const today = clock.today();
    const bad = input.commitments.findIndex((c) => c.dueOn < today);
    if (bad >= 0) throw new AppError('VALIDATION_FAILED', { fields: [fieldError(`commitments.${bad}.dueOn`, 'IN_THE_PAST')] });
    return updateInterview(actor, id, input, ctx, 'scheduled', 'held', (d) => (assertHeldOnOrAfterSchedule(today, d.scheduledOn as string | undefined), {
      ...d,
      heldOn: today,
      minutes: input.minutes,
      commitments: input.commitments.map((c) => ({ ...c, fulfilled: null })),
      followUpDue: input.commitments.map((c) => c.dueOn).sort().at(-1),
    }));
  }

  async function interviewCheck(actor: Actor, id: string, input: { version: number; result: string; fulfilled: number[]; early?: boolean; occurredAt?: string }, ctx: AuditContext) {
    return updateInterview(actor, id, input, ctx, 'held', 'checked', (d) => (assertCheckDue(clock.today(), d.followUpDue as string | undefined, !!input.early), {
      ...d,
      ...(input.early ? { earlyCheck: true } : {}),
      checkedOn: clock.today(),
      checkResult: input.result,
      commitments: ((d.commitments as { item: string; dueOn: string }[]) ?? []).map((c, i) => ({ ...c, fulfilled: input.fulfilled.includes(i) })),
    }));
  }

  async function timeline(actor: Actor, code: string) {
    authorize(actor, P['engagement.read']);
    const e = await enterpriseInScope(actor, code);
    const [cases, engagements] = await Promise.all([repo.casesOfEnterprise(db, e.creditCode), repo.engagementsOf(db, e.creditCode)]);
    const caseDocs = await repo.documentsOf(db, 'enforcement.case', cases.map((c) => c.id));
    const engDocs = await repo.documentsOf(db, 'enforcement.engagement', engagements.map((g) => g.id));
    const items: { date: string; type: string; id: string; title: string; status: string }[] = [];
    for (const c of cases) {
      items.push({ date: c.received_on, type: c.procedure === 'on_the_spot' ? 'on_the_spot' : 'case', id: c.id, title: `${c.case_no} ${c.summary}`.slice(0, 200), status: c.status });
      if (c.decided_on && c.procedure === 'general') items.push({ date: c.decided_on, type: 'decision', id: c.id, title: `${c.case_no} ${penaltyText(c)}`, status: c.decided_outcome ?? '' });
    }
    for (const g of engagements) items.push({ date: g.occurred_on, type: g.kind, id: g.id, title: String(g.data.reason ?? g.data.content ?? (g.data.satisfaction !== undefined ? `满意度 ${g.data.satisfaction}` : g.kind)).slice(0, 200), status: g.status });
    for (const d of [...caseDocs, ...engDocs]) {
      items.push({ date: new Date(new Date(d.issued_at).getTime() + 8 * 3600_000).toISOString().slice(0, 10), type: 'document', id: d.id, title: `${d.title} ${d.doc_no}`, status: d.revoked_at ? 'revoked' : 'issued' });
    }
    items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return { creditCode: e.creditCode, name: e.name, items };
  }

  async function serviceCard(actor: Actor) {
    authorize(actor, P['service-card.read']);
    const [acc] = await repo.accounts(db, [actor.id!]);
    const rateUrl = `${p.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/rate/${actor.id}`;
    return {
      officerId: actor.id!,
      officerName: acc?.display_name ?? actor.displayName,
      contact: acc?.email ?? null,
      rateUrl,
      qrPng: await qrPngDataUrl(rateUrl, 256),
      ratings: await repo.ratingStats(db, actor.id!),
    };
  }

  async function rate(officerId: string, input: { score: number; comment?: string }) {
    const [acc] = await repo.accounts(db, [officerId]);
    if (!acc || !acc.roles.includes('enforcement_officer')) throw new AppError('NOT_FOUND');
    await repo.insertRating(db, { officer_id: officerId, score: input.score, comment: input.comment ?? null });
    return { ok: true as const };
  }

  // ---------------- supervision and figures ----------------

  async function supervision(actor: Actor) {
    authorize(actor, P['supervision.read']);
    const prefix = jurisdictionPrefix(actor);
    const today = clock.today();
    const active = await repo.casesInRegion(db, prefix, ['lead', 'investigating', 'proposed', 'notified', 'decided', 'served', 'paid', 'closed']);
    const overdueCases: { id: string; caseNo: string; stage: string; due: string }[] = [];
    const lacking: { id: string; caseNo: string; missing: string[] }[] = [];
    const perOfficer = new Map<string, { overdue: number; deviations: number }>();
    const bump = (ids: string[], k: 'overdue' | 'deviations') => {
      for (const o of ids) {
        const v = perOfficer.get(o) ?? { overdue: 0, deviations: 0 };
        v[k]++;
        perOfficer.set(o, v);
      }
    };
    for (const c of active) {
      if (c.status === 'lead' && c.verification_due && c.verification_due < today) overdueCases.push({ id: c.id, caseNo: c.case_no, stage: 'verification', due: c.verification_due });
      if (['investigating', 'proposed', 'notified'].includes(c.status) && c.decision_due) {
        const due = dueOf(c);
        if (due && due < today) {
          overdueCases.push({ id: c.id, caseNo: c.case_no, stage: 'decision', due });
          bump(c.officer_ids, 'overdue');
        }
      }
      if (c.procedure === 'general' && c.decided_on) {
        const missing = [...(c.review_required && c.review_result !== 'approved' ? ['legal_review'] : []), ...(c.collective_required && !c.collective_done ? ['collective_discussion'] : [])];
        if (missing.length) lacking.push({ id: c.id, caseNo: c.case_no, missing });
      }
      if (c.outside_proposal) bump(c.officer_ids, 'deviations');
    }
    const general = active.filter((c) => c.procedure === 'general');
    const kinds = await repo.stepKindsByCase(db, general.map((c) => c.id));
    const outOfOrder = general
      .map((c) => ({ id: c.id, caseNo: c.case_no, steps: stepsOutOfOrder((kinds.get(c.id) ?? []) as StepKind[]) as string[] }))
      .filter((x) => x.steps.length);
    const pubs = await repo.overduePublicity(db, prefix, today);
    const caseNo = new Map(active.map((c) => [c.id, c.case_no]));
    const anomalies = await repo.anomalyCounts(db);
    const officerIds = [...new Set([...perOfficer.keys(), ...anomalies.keys()])];
    const accounts = await repo.accounts(db, officerIds);
    const names = new Map(accounts.map((a) => [a.id, a.display_name]));
    // Officers of this jurisdiction (theirs overlaps the viewer's).
    const visible = new Set(accounts.filter((a) => !prefix || !a.jurisdiction || a.jurisdiction.startsWith(prefix) || prefix.startsWith(a.jurisdiction)).map((a) => a.id));
    const officerAnomalies = officerIds
      .map((id) => ({
        officerId: id,
        officerName: names.get(id) ?? anomalies.get(id)?.name ?? null,
        backdatingAttempts: anomalies.get(id)?.count ?? 0,
        overdueCases: perOfficer.get(id)?.overdue ?? 0,
        deviations: perOfficer.get(id)?.deviations ?? 0,
      }))
      .filter((o) => o.backdatingAttempts > 0 || o.overdueCases > 0 || o.deviations >= 2)
      .filter((o) => perOfficer.has(o.officerId) || visible.has(o.officerId));
    return {
      asOf: today,
      overdueCases,
      stepsOutOfOrder: outOfOrder,
      decisionsLackingReview: lacking,
      publicationOverdue: pubs.map((x) => ({ id: x.case_id, caseNo: caseNo.get(x.case_id) ?? '', due: x.publish_due! })),
      officerAnomalies,
      deadlines: superviseDeadlines(active, cal(), today, dueOf),
    };
  }

  async function figures(actor: Actor, year: number) {
    authorize(actor, P['figures.read']);
    const prefix = jurisdictionPrefix(actor);
    const range = (y: number) => [`${y}-01-01`, `${y}-12-31`] as const;
    const [a, b] = await Promise.all([repo.caseFigures(db, prefix, ...range(year)), repo.caseFigures(db, prefix, ...range(year - 1))]);
    const [ea, eb] = await Promise.all([repo.engagementFigures(db, prefix, ...range(year)), repo.engagementFigures(db, prefix, ...range(year - 1))]);
    const yoy = (cur: number, prev: number) => ({ year: cur, previous: prev, change: prev ? Math.round(((cur - prev) / prev) * 1000) / 10 : null });
    return {
      year,
      cases: yoy(a.cases, b.cases),
      notPenalised: yoy(a.notPenalised, b.notPenalised),
      mitigatedOrLighter: yoy(a.mitigated, b.mitigated),
      onTheSpot: yoy(a.onTheSpot, b.onTheSpot),
      interviews: yoy(ea.interviews, eb.interviews),
      followUps: yoy(ea.followUps, eb.followUps),
      fineTotalFen: yoy(a.fines, b.fines),
    };
  }

  function preview(actor: Actor, input: { facts: Omit<CaseFacts, 'partyKind'>; partyKind: 'person' | 'organisation'; regionCode?: string }) {
    authorize(actor, P['rules.read']);
    const rs = ruleSetForRegion(input.regionCode ?? actor.jurisdiction ?? '000000');
    if (!rs.violations.some((v) => v.code === input.facts.violationType)) {
      throw new AppError('VALIDATION_FAILED', { fields: [fieldError('facts.violationType', 'UNKNOWN_VIOLATION_TYPE')] });
    }
    return proposeOutcome({ ...input.facts, partyKind: input.partyKind }, rs);
  }

  return {
    createLead,
    leadFromReport,
    openCase,
    dismiss,
    setFacts,
    addEvidence,
    propose,
    notify,
    statement,
    requestHearing,
    holdHearing,
    review,
    collective,
    pause,
    resume,
    extend,
    decide,
    serve,
    pay,
    close,
    fileOnTheSpot,
    revoke,
    publish,
    onTheSpot,
    getCase,
    listCases,
    async officers(actor: Actor) {
      authorize(actor, P['case.list']);
      const rows = await repo.officers(db, jurisdictionPrefix(actor));
      return { items: rows.map((r) => ({ id: r.id, name: r.display_name, jurisdiction: r.jurisdiction })) };
    },
    ruleSetView(actor: Actor, regionCode?: string) {
      authorize(actor, P['rules.read']);
      return ruleSetView(regionCode ?? actor.jurisdiction ?? undefined);
    },
    preview,
    listTemplates,
    updateTemplate,
    documentPdf,
    verifyDocument,
    createEngagement,
    interviewMinutes,
    interviewCheck,
    async getEngagement(actor: Actor, id: string) {
      authorize(actor, P['engagement.read']);
      const row = await repo.getEngagement(db, id);
      if (!row) throw new AppError('NOT_FOUND');
      assertInScope(actor, { regionCode: row.region_code });
      return engagementDto(row);
    },
    timeline,
    serviceCard,
    rate,
    supervision,
    figures,
    presentDocument: (d: Parameters<typeof presentDocument>[0]) => presentDocument(d, docs.verifyUrl),
  };
}

export type EnforcementService = ReturnType<typeof createEnforcementService>;

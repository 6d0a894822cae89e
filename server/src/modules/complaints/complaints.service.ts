import { randomInt } from 'node:crypto';
import type { Platform } from '../../platform/module.js';
import type { Actor } from '../../platform/auth/roles.js';
import { authorize, assertInScope, hasRole, jurisdictionPrefix } from '../../platform/auth/policy.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import { localize, type Locale } from '../../platform/i18n/i18n.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { decodeCursor, toPage } from '../../platform/http/paging.js';
import { getTimeLimit, addCalendarDays, formatDue } from '../../platform/calendar/index.js';
import { renderPdf } from '../../platform/documents/pdf.js';
import { renderPoster, renderOfficialDocument, type OfficialDocumentTemplate } from '../../platform/documents/templates.js';
import type { Intake, StationCreate } from '../../../../contracts/complaints.js';
import { COMPLAINTS_MEDIATION_CONCLUDED, COMPLAINTS_REPORT_ACCEPTED, type EventInput } from '../../../../contracts/events.js';
import type { RegistryService } from '../registry/index.js';
import { validateMobilePhone, maskPhone, regionName, validateIdNumber, maskIdNumber, coversRegion } from '../registry/index.js';
import { fieldMessage } from '../../platform/http/field-messages.js';
import { complaintsRepository as repo, communityRepository, type ComplaintRow, type StationRow } from './complaints.repository.js';
import { complaintsPolicy as P } from './complaints.policy.js';
import { complaintDeadlineRecompute } from './use-cases/recompute-deadlines.js';
import { MEDIATION_FOLLOW_UP, trackMediationFollowUp } from './use-cases/track-follow-up.js';
import { presentComplaint, presentPublic, presentStation, presentSummary, groundLabel, intakeUrl, effectiveMediationDue } from './complaints.presenter.js';
import {
  validateIntake,
  respondentKey,
  mediationFailed,
  pauseLength,
  DUPLICATE_WINDOW_DAYS,
  ALERT_WORKING_DAYS,
  COMPLAINT_FIELD_MESSAGES,
  REFUSAL_GROUNDS,
  TERMINATION_GROUNDS,
  STEP_LABELS,
  type MediationStep,
} from './domain/rules.js';
import { parse12315, TooManyRowsError, MAX_IMPORT_ROWS } from './domain/import-12315.js';
import { decodeText } from '../../platform/text/decode-text.js';
import { CODE_PLACEHOLDER } from './domain/access-code.js';
import { createComplaintAccess } from './use-cases/complaint-access.js';
import { boundingBox, chinaWeekdayTime, coverage, isOpenAt, rankByDistance, CIRCLE_MINUTES } from './domain/geo.js';

/** Outbox topic: a report (举报) was accepted as an enforcement lead. Payload: see ReportAcceptedEvent. */
export const REPORT_ACCEPTED = COMPLAINTS_REPORT_ACCEPTED;
/** Outbox topic: a mediation ended (agreement, no agreement or termination). */
export const MEDIATION_CONCLUDED = COMPLAINTS_MEDIATION_CONCLUDED;

export type ReportAcceptedEvent = EventInput<typeof COMPLAINTS_REPORT_ACCEPTED>;

/** What the insurance module needs to know about a complaint to check a claim's triggers. */
export interface ComplaintForClaim {
  id: string;
  trackingNo: string;
  kind: 'complaint' | 'report';
  status: ComplaintRow['status'];
  outcome: ComplaintRow['outcome'];
  terminationGround: string | null;
  mediationFailed: boolean;
  regionCode: string | null;
  category: string | null;
  amountFen: number | null;
  occurredOn: string | null;
  receivedOn: string;
  complainantName: string;
  complainantPhone: string;
  respondentName: string;
  respondentCreditCode: string | null;
}

const MEDIATION_AGREEMENT: OfficialDocumentTemplate = {
  kind: 'mediation_agreement',
  title: '消费纠纷调解协议书',
  bodyTemplate: [
    '投诉编号：{{trackingNo}}',
    '投诉人：{{complainant}}',
    '被投诉人：{{respondent}}',
    '地址：{{respondentAddress}}',
    '争议事实：{{facts}}',
    '经调解员{{mediator}}主持调解，双方自愿达成如下协议：{{terms}}',
    '本协议自双方签字之日起生效，一式三份，双方各执一份，调解机构存档一份。',
    '投诉人（签字）：　　　　　　被投诉人（签字/盖章）：',
  ].join('\n'),
  footer: '本协议依据《市场监督管理投诉举报处理暂行办法》第二十二条制作。',
};

export interface ComplaintsDeps {
  registry: Pick<RegistryService, 'findByCode' | 'findByExactName'>;
}

export function createComplaintsService(p: Platform, deps: ComplaintsDeps) {
  const { db, crypto, audit, outbox, notifier, clock } = p;
  const cal = () => p.calendar.get();
  /** n working days after `start`, or null when the calendar does not cover the result yet (nothing is guessed). */
  function workingDaysAfter(start: string, n: number): string | null {
    try {
      return cal().addWorkingDays(start, n);
    } catch (err) {
      if (err instanceof AppError && err.code === 'CALENDAR_OUT_OF_RANGE') return null;
      throw err;
    }
  }
  const baseUrl = () => p.config.PUBLIC_BASE_URL;

  const access = createComplaintAccess(p);
  function newTrackingNo(kind: 'complaint' | 'report', receivedOn: string) {
    return `${kind === 'complaint' ? 'TS' : 'JB'}${receivedOn.replace(/-/g, '')}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
  }

  function readable(actor: Actor, row: ComplaintRow | undefined): ComplaintRow {
    if (!row) throw new AppError('NOT_FOUND');
    assertInScope(actor, { regionCode: row.region_code });
    return row;
  }

  function tooManyRows(rows: number): AppError {
    const params = { rows, limit: MAX_IMPORT_ROWS };
    return new AppError('VALIDATION_FAILED', {
      params,
      fields: [{
        path: 'file',
        code: 'TOO_MANY_ROWS',
        params,
        text: { 'zh-CN': '文件有 {rows} 行，每次最多导入 {limit} 行，请拆分后分批导入；本次未导入任何数据', 'zh-TW': '檔案有 {rows} 列，每次最多匯入 {limit} 列，請拆分後分批匯入；本次未匯入任何資料', en: 'The file has {rows} rows; at most {limit} can be imported at once. Split it; nothing was imported' },
      }],
    });
  }

  function stale(): AppError {
    return new AppError('VERSION_CONFLICT');
  }

  function requireStatus(row: ComplaintRow, ...statuses: ComplaintRow['status'][]) {
    if (!statuses.includes(row.status)) throw new AppError('INVALID_STATE', { params: { status: row.status } });
  }

  /** The assigned mediator (or an admin) may record the mediation. */
  function assertMediator(actor: Actor, row: ComplaintRow) {
    authorize(actor, P['complaint.mediate']);
    if (row.mediator_id !== actor.id && !hasRole(actor, 'admin')) throw new AppError('FORBIDDEN');
  }

  async function detail(actor: Actor, id: string) {
    const row = readable(actor, await repo.get(db, id));
    return presentComplaint(row, await repo.entries(db, id), cal(), clock.today());
  }

  /** Runs a state change of one complaint: locks it, checks the version, writes the audit last. */
  async function change(
    actor: Actor,
    id: string,
    version: number,
    ctx: AuditContext,
    action: string,
    fn: (tx: DbOrTx, row: ComplaintRow) => Promise<Record<string, unknown> | null>,
    after?: (tx: DbOrTx, row: ComplaintRow, before: ComplaintRow) => Promise<void>,
  ) {
    await db.transaction().execute(async (tx) => {
      const before = readable(actor, await repo.getForUpdate(tx, id));
      if (before.version !== version) throw stale();
      const patch = await fn(tx, before);
      let row = before;
      if (patch) {
        const updated = await repo.update(tx, id, version, patch);
        if (!updated) throw stale();
        row = updated;
      }
      await after?.(tx, row, before);
      await audit.record(tx, ctx, { action, entityType: 'complaint', entityId: id, before: { status: before.status, version: before.version }, after: { status: row.status, ...(patch ?? {}) } });
    });
    return detail(actor, id);
  }

  async function entry(tx: DbOrTx, complaintId: string, kind: string, actor: Actor | null, note = '', extra: { step?: string; mode?: string; data?: unknown } = {}) {
    await repo.addEntry(tx, {
      complaint_id: complaintId,
      kind,
      step: extra.step ?? null,
      mode: extra.mode ?? null,
      note,
      data: extra.data ?? null,
      actor_name: actor?.displayName ?? actor?.username ?? null,
      at: clock.now(),
    });
  }

  async function tellConsumer(tx: DbOrTx, row: ComplaintRow, title: string, body: string) {
    await notifier.notify(tx, { phone: crypto.decrypt(row.complainant_phone_enc), title, body: `${body}（编号 ${row.tracking_no}）` });
  }

  // A loaded or corrected holiday year moves the open mediation deadlines that depend on it.
  p.calendar.onChange(
    'complaints',
    complaintDeadlineRecompute({
      entry: (tx, id, kind, note, data) => entry(tx, id, kind, null, note, { data }),
      notifyMediator: async (tx, row, title, body) => {
        if (row.mediator_id) await notifier.notify(tx, { accountId: row.mediator_id, title, body, link: `/staff/complaints/${row.id}` });
      },
      tellConsumer,
    }),
  );

  /** Matches the respondent to the register: by code when given, else by a unique exact name. */
  async function matchRespondent(name: string, code: string | null | undefined) {
    if (code) {
      const e = await deps.registry.findByCode(code);
      if (e) return e;
    }
    return deps.registry.findByExactName(name);
  }

  async function getStationOr404(id: string): Promise<StationRow> {
    const s = await repo.getStation(db, id);
    if (!s) throw new AppError('NOT_FOUND');
    return s;
  }

  // ------------------------------------------------------------------ intake
  /**
   * Files a complaint or report. Anyone (rate limited), or staff for walk-ins and calls. The same
   * idempotency key returns the first complaint; the consumer gets the tracking number and a code by SMS.
   */
  async function file(actor: Actor, input: Intake, ctx: AuditContext, channel: 'web' | 'qr' | 'staff' | 'import') {
    const phone = validateMobilePhone(input.complainantPhone);
    const today = clock.today();
    const errors = validateIntake({ ...input, amountFen: input.amountFen ?? null, occurredOn: input.occurredOn ?? null }, phone.errors, today);
    const idNumber = input.complainantIdNumber?.trim() ? validateIdNumber(input.complainantIdNumber, today) : null;
    for (const code of idNumber?.errors ?? []) errors.push({ path: 'complainantIdNumber', code, text: fieldMessage(code) });
    if (errors.length) throw new AppError('VALIDATION_FAILED', { fields: errors });
    const phoneIndex = crypto.blindIndex(phone.normalized);

    if (input.idempotencyKey) {
      const prior = await repo.byIdempotencyKey(db, input.idempotencyKey);
      if (prior) return replay(prior, phoneIndex);
    }
    const station = input.stationId ? await getStationOr404(input.stationId) : null;
    const enterprise = await matchRespondent(input.respondentName, input.respondentCreditCode);
    const regionCode = enterprise?.regionCode ?? input.regionCode ?? station?.region_code ?? null;
    const limit = getTimeLimit(input.kind === 'complaint' ? 'complaint.acceptance' : 'report.verification');
    const acceptanceDue = workingDaysAfter(today, limit.days);
    const rKey = respondentKey(enterprise?.creditCode ?? null, input.respondentName);
    const dup = await repo.findDuplicate(db, phoneIndex, rKey, addCalendarDays(today, -DUPLICATE_WINDOW_DAYS));
    const result = await db.transaction().execute(async (tx) => {
      let row: ComplaintRow | undefined;
      let issued: { code: string; hash: string } | undefined;
      for (let attempt = 0; attempt < 5 && !row; attempt++) {
        const trackingNo = newTrackingNo(input.kind, today);
        issued = access.issue(trackingNo);
        row = await repo.insertComplaint(tx, {
          tracking_no: trackingNo,
          kind: input.kind,
          channel: station && channel === 'web' ? 'qr' : channel,
          station_id: station?.id ?? null,
          status: 'received',
          complainant_name: input.complainantName.trim(),
          complainant_phone_enc: crypto.encrypt(phone.normalized),
          complainant_phone_masked: maskPhone(phone.normalized),
          complainant_phone_index: phoneIndex,
          complainant_address: input.complainantAddress.trim(),
          complainant_id_enc: idNumber ? crypto.encrypt(idNumber.normalized) : null,
          complainant_id_masked: idNumber ? maskIdNumber(idNumber.normalized) : null,
          respondent_name: input.respondentName.trim(),
          respondent_address: input.respondentAddress.trim(),
          respondent_credit_code: enterprise?.creditCode ?? null,
          respondent_key: rKey,
          region_code: regionCode,
          category: input.category ?? null,
          request: input.request.trim(),
          facts: input.facts.trim(),
          amount_fen: input.amountFen ?? null,
          occurred_on: input.occurredOn ?? null,
          idempotency_key: input.idempotencyKey ?? null,
          duplicate_of: dup?.id ?? null,
          access_code_hash: issued.hash,
          received_on: today,
          received_at: clock.now(),
          acceptance_due: acceptanceDue,
        });
        // The same idempotency key won a race: replay that complaint (after this transaction).
        if (!row && input.idempotencyKey && (await repo.byIdempotencyKey(tx, input.idempotencyKey))) return null;
      }
      if (!row) throw new AppError('INTERNAL', { text: { 'zh-CN': '无法生成编号，请重试', 'zh-TW': '無法產生編號，請重試', en: 'Could not allocate a tracking number; try again' } });
      const created = row!;
      await entry(tx, created.id, 'received', actor.kind === 'anonymous' ? null : actor, '', { data: { channel: created.channel, stationId: created.station_id } });
      await notifier.notify(tx, {
        phone: phone.normalized,
        title: input.kind === 'complaint' ? '投诉已收到' : '举报已收到',
        secrets: { code: issued!.code },
        body: `编号 ${created.tracking_no}，查询码 ${CODE_PLACEHOLDER}。${acceptanceDue ? `我们将在 ${formatDue(cal(), acceptanceDue, today)} 前决定是否受理。` : '我们将在七个工作日内决定是否受理。'}凭编号和查询码可查询进度。`,
      });
      await audit.record(tx, ctx, {
        action: 'complaint.file',
        entityType: 'complaint',
        entityId: created.id,
        after: { trackingNo: created.tracking_no, kind: created.kind, channel: created.channel, regionCode, duplicateOf: created.duplicate_of },
      });
      return created;
    });
    if (!result) return replay((await repo.byIdempotencyKey(db, input.idempotencyKey!))!, phoneIndex);
    return {
      trackingNo: result.tracking_no,
      kind: result.kind,
      receivedOn: result.received_on,
      acceptanceDue: result.acceptance_due,
      possibleDuplicate: !!result.duplicate_of,
      replayed: false,
    };
  }

  function replay(prior: ComplaintRow, phoneIndex: string) {
    // A key reused by a different person is not a double submit: refuse rather than disclose.
    if (prior.complainant_phone_index !== phoneIndex) throw new AppError('DUPLICATE', { fields: [{ path: 'idempotencyKey', code: 'DUPLICATE' }] });
    return {
      trackingNo: prior.tracking_no,
      kind: prior.kind,
      receivedOn: prior.received_on,
      acceptanceDue: prior.acceptance_due,
      possibleDuplicate: !!prior.duplicate_of,
      replayed: true,
    };
  }

  const byAccess = access.verify;

  return {
    // ---------------------------------------------------------------- stations
    async createStation(actor: Actor, input: StationCreate, ctx: AuditContext) {
      authorize(actor, P['station.manage']);
      const own = jurisdictionPrefix(actor);
      if (own && !input.regionCode.startsWith(own)) throw new AppError('FORBIDDEN');
      return db.transaction().execute(async (tx) => {
        const row = await repo.insertStation(tx, {
          name: input.name,
          type: input.type,
          address: input.address,
          region_code: input.regionCode,
          lat: input.lat,
          lng: input.lng,
          opening_hours: input.openingHours,
          mediators: input.mediators,
          phone: input.phone ?? null,
          active: input.active,
        });
        await audit.record(tx, ctx, { action: 'station.create', entityType: 'station', entityId: row.id, after: { name: row.name, type: row.type, regionCode: row.region_code } });
        return presentStation(row, baseUrl());
      });
    },

    async updateStation(actor: Actor, id: string, input: Partial<StationCreate> & { version: number }, ctx: AuditContext) {
      authorize(actor, P['station.manage']);
      return db.transaction().execute(async (tx) => {
        const before = await repo.getStation(tx, id);
        if (!before) throw new AppError('NOT_FOUND');
        assertInScope(actor, { regionCode: before.region_code });
        if (input.regionCode) assertInScope(actor, { regionCode: input.regionCode });
        const patch: Record<string, unknown> = {};
        const map: [keyof StationCreate, string][] = [
          ['name', 'name'], ['type', 'type'], ['address', 'address'], ['regionCode', 'region_code'], ['lat', 'lat'], ['lng', 'lng'],
          ['openingHours', 'opening_hours'], ['mediators', 'mediators'], ['phone', 'phone'], ['active', 'active'],
        ];
        for (const [k, col] of map) if (input[k] !== undefined) patch[col] = input[k];
        const row = await repo.updateStation(tx, id, input.version, patch);
        if (!row) throw stale();
        await audit.record(tx, ctx, { action: 'station.update', entityType: 'station', entityId: id, before: { version: before.version }, after: patch });
        return presentStation(row, baseUrl());
      });
    },

    async listStations(actor: Actor, q: { cursor?: string; limit: number }) {
      authorize(actor, P['station.read']);
      const after = decodeCursor(q.cursor) as [string, string] | null;
      const rows = await repo.listStations(db, { regionPrefix: jurisdictionPrefix(actor), limit: q.limit + 1, afterName: after?.[0], afterId: after?.[1] });
      const page = toPage(rows, q.limit, (r) => [r.name, r.id]);
      return { items: page.items.map((r) => presentStation(r, baseUrl())), nextCursor: page.nextCursor };
    },

    async getStation(actor: Actor, id: string) {
      authorize(actor, P['station.read']);
      const row = await getStationOr404(id);
      assertInScope(actor, { regionCode: row.region_code });
      return presentStation(row, baseUrl());
    },

    /** The station's name and hours for the phone form opened from its QR code (public). */
    async publicStation(id: string) {
      const row = await getStationOr404(id);
      if (!row.active) throw new AppError('NOT_FOUND');
      return presentStation({ ...row, mediators: [] }, baseUrl());
    },

    /**
     * The nearest open-or-closed active stations to a position: a bounding-box prefilter on the
     * (lat, lng) index, then exact haversine distance; the box widens once if it finds too few.
     */
    async nearest(q: { lat: number; lng: number; limit: number; radius: number }) {
      const now = chinaWeekdayTime(clock.now());
      let radius = q.radius;
      let rows: StationRow[] = [];
      for (let i = 0; i < 2; i++) {
        rows = await repo.stationsNear(db, boundingBox(q, radius), q, q.limit * 3 + 5);
        if (rows.length >= q.limit) break;
        radius *= 4;
      }
      const within = rankByDistance(q, rows.map((r) => ({ ...r, lat: Number(r.lat), lng: Number(r.lng) })), q.limit).filter((r) => r.meters <= radius);
      return {
        items: within.map(({ station: s, meters, walkingMinutes }) => ({
          id: s.id,
          name: s.name,
          type: s.type as StationCreate['type'],
          address: s.address,
          lat: s.lat,
          lng: s.lng,
          meters,
          walkingMinutes,
          openNow: isOpenAt(s.opening_hours ?? [], now.isoWeekday, now.hhmm),
          intakeUrl: intakeUrl(baseUrl(), s.id),
        })),
      };
    },

    /** Share of community points within N minutes' walk of a station open at `at` (default now). */
    async coverage(actor: Actor, input: { points?: { name: string; lat: number; lng: number }[]; minutes?: number; at?: string }) {
      authorize(actor, P['station.read']);
      const when = chinaWeekdayTime(input.at ? new Date(input.at) : clock.now());
      const points = input.points ?? (await communityRepository.list(db, jurisdictionPrefix(actor))).map((r) => ({ name: r.name, lat: Number(r.lat), lng: Number(r.lng) }));
      const open = (await repo.activeStations(db))
        .filter((s) => isOpenAt(s.opening_hours ?? [], when.isoWeekday, when.hhmm))
        .map((s) => ({ id: s.id, lat: Number(s.lat), lng: Number(s.lng) }));
      const minutes = input.minutes ?? CIRCLE_MINUTES;
      return { ...coverage(points, open, minutes), minutes, openStations: open.length };
    },

    /** A printable A4 poster whose QR code opens the phone intake form bound to the station. */
    async stationPoster(actor: Actor, id: string): Promise<{ pdf: Buffer; fileName: string }> {
      authorize(actor, P['station.read']);
      const row = await getStationOr404(id);
      assertInScope(actor, { regionCode: row.region_code });
      const hours = (row.opening_hours ?? []).map((h) => `${h.days.map((d) => '一二三四五六日'[d - 1]).join('、')} ${h.open}–${h.close}`).join('；');
      const doc = renderPoster({
        title: row.name,
        subtitle: '扫码投诉 · 就近调解 · 放心消费',
        url: intakeUrl(baseUrl(), row.id),
        lines: [`地址：${row.address}`, ...(hours ? [`开放时间：星期${hours}`] : []), ...(row.phone ? [`电话：${row.phone}`] : []), '手机扫码即可提交投诉，凭编号和短信查询码查询进度'],
      });
      return { pdf: await renderPdf(doc, { creationDate: clock.now() }), fileName: `station-${row.id}.pdf` };
    },

    // ---------------------------------------------------------------- intake
    async fileComplaint(actor: Actor, input: Intake, ctx: AuditContext) {
      authorize(actor, P['complaint.intake']);
      return file(actor, input, ctx, 'web');
    },

    async staffEntry(actor: Actor, input: Intake, ctx: AuditContext) {
      authorize(actor, P['complaint.staff-entry']);
      const own = jurisdictionPrefix(actor);
      const res = await file(actor, { ...input, regionCode: input.regionCode ?? (own && own.length === 6 ? own : null) }, ctx, 'staff');
      const row = (await repo.byTrackingNo(db, res.trackingNo))!;
      return { ...res, id: row.id };
    },

    /**
     * Imports a 12315 export (CSV). Every row goes through the same checks as the form; the 12315
     * registration number is the idempotency key, so importing the same file twice creates nothing new.
     */
    async import12315(actor: Actor, csv: Buffer, ctx: AuditContext, locale: Locale) {
      authorize(actor, P['complaint.staff-entry']);
      const { text, encoding } = decodeText(csv);
      let parsed: ReturnType<typeof parse12315>;
      try {
        parsed = parse12315(text);
      } catch (err) {
        if (err instanceof TooManyRowsError) throw tooManyRows(err.rows);
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'file', code: 'invalid_format', text: fieldMessage('invalid_format') }] });
      }
      const own = jurisdictionPrefix(actor);
      const errors: { line: number; path: string; code: string; message: string }[] = parsed.errors.map((e) => ({
        ...e,
        message: localize(COMPLAINT_FIELD_MESSAGES[e.code] ?? fieldMessage(e.code) ?? { 'zh-CN': e.code, 'zh-TW': e.code, en: e.code }, locale, { limit: 10_000_000 }),
      }));
      let created = 0;
      let replayed = 0;
      for (const row of parsed.rows) {
        try {
          const res = await file(actor, { ...row.intake, regionCode: own && own.length === 6 ? own : null, idempotencyKey: `12315:${row.externalNo}` }, ctx, 'import');
          if (res.replayed) replayed++;
          else created++;
        } catch (err) {
          if (!(err instanceof AppError) || (err.code !== 'VALIDATION_FAILED' && err.code !== 'DUPLICATE')) throw err;
          const fields = err.fields.length ? err.fields : [{ path: '', code: err.code }];
          for (const f of fields) errors.push({ line: row.line, path: f.path, code: f.code, message: f.text ? localize(f.text, locale, f.params) : err.messageIn(locale) });
        }
      }
      // Every row is accounted for: created, replayed (imported before) or refused with its reasons.
      const refused = new Set(errors.map((e) => e.line)).size;
      return { total: parsed.rows.length + new Set(parsed.errors.map((e) => e.line)).size, created, replayed, refused, encoding, errors: errors.sort((a, b) => a.line - b.line) };
    },

    async track(trackingNo: string, code: string, locale: Locale) {
      const row = await byAccess(trackingNo, code);
      return presentPublic(row, await repo.entries(db, row.id), cal(), clock.today(), locale);
    },

    /** Sends a new code to the phone on file (when the phone given matches; spaced; the old code stays valid). Always "ok". */
    resendCode: access.resend,

    async agreementPdfPublic(trackingNo: string, code: string) {
      const row = await byAccess(trackingNo, code);
      if (!row.agreement_file_id) throw new AppError('NOT_FOUND');
      return { pdf: await p.files.read(row.agreement_file_id), fileName: `agreement-${row.tracking_no}.pdf` };
    },

    // ---------------------------------------------------------------- staff
    async list(actor: Actor, q: { status?: string; kind?: string; cursor?: string; limit: number }) {
      authorize(actor, P['complaint.list']);
      const after = decodeCursor(q.cursor) as [string, string] | null;
      const rows = await repo.list(db, { regionPrefix: jurisdictionPrefix(actor), status: q.status, kind: q.kind, after: after ?? undefined, limit: q.limit + 1 });
      const page = toPage(rows, q.limit, (r) => [new Date(r.received_at).toISOString(), r.id]);
      const today = clock.today();
      return { items: page.items.map((r) => presentSummary(r, cal(), today)), nextCursor: page.nextCursor };
    },

    /** The full complaint (complainant's data included): every view is an audited read. */
    async get(actor: Actor, id: string, ctx?: AuditContext) {
      authorize(actor, P['complaint.read']);
      const dto = await detail(actor, id);
      if (ctx) await db.transaction().execute((tx) => audit.record(tx, ctx, { action: 'complaint.view', entityType: 'complaint', entityId: id }));
      return dto;
    },

    grounds(locale: Locale) {
      const g = (x: { id: string; article: string; label: Parameters<typeof localize>[0] }) => ({ id: x.id, article: x.article, label: localize(x.label, locale) });
      return { refusal: REFUSAL_GROUNDS.map(g), termination: TERMINATION_GROUNDS.map(g) };
    },

    /** Accept (art. 14). A report becomes an enforcement lead (outbox `complaints.report-accepted`). */
    async accept(actor: Actor, id: string, version: number, ctx: AuditContext) {
      authorize(actor, P['complaint.decide']);
      return change(actor, id, version, ctx, 'complaint.accept', async (_tx, row) => {
        requireStatus(row, 'received');
        const today = clock.today();
        if (row.kind === 'report') return { status: 'forwarded', accepted_on: today, accepted_at: clock.now() };
        const limit = getTimeLimit('complaint.mediation');
        return { status: 'accepted', accepted_on: today, accepted_at: clock.now(), mediation_due: workingDaysAfter(today, limit.days) };
      }, async (tx, row) => {
        await entry(tx, row.id, 'accepted', actor);
        if (row.kind === 'report') {
          const event: ReportAcceptedEvent = {
            complaintId: row.id,
            trackingNo: row.tracking_no,
            regionCode: row.region_code,
            respondentCreditCode: row.respondent_credit_code,
            respondentName: row.respondent_name,
            respondentAddress: row.respondent_address,
            facts: row.facts,
            receivedOn: row.received_on,
            acceptedOn: row.accepted_on!,
          };
          await outbox.append(tx, REPORT_ACCEPTED, event, { orderingKey: row.id });
          await tellConsumer(tx, row, '举报已受理', '您的举报已转为执法线索，将依法核查处理');
        } else {
          await tellConsumer(tx, row, '投诉已受理', `您的投诉已受理，我们将组织调解，调解期限至 ${row.mediation_due ? formatDue(cal(), row.mediation_due, row.accepted_on) : '受理之日起四十五个工作日'}`);
        }
      });
    },

    /** Refuse on a statutory ground (art. 15), telling the consumer why. */
    async refuse(actor: Actor, id: string, input: { version: number; ground: string; note: string }, ctx: AuditContext, locale: Locale) {
      authorize(actor, P['complaint.decide']);
      if (!REFUSAL_GROUNDS.some((g) => g.id === input.ground)) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'ground', code: 'invalid_value' }] });
      return change(actor, id, input.version, ctx, 'complaint.refuse', async (_tx, row) => {
        requireStatus(row, 'received');
        return { status: 'refused', refusal_ground: input.ground, refusal_note: input.note, concluded_on: clock.today() };
      }, async (tx, row) => {
        await entry(tx, row.id, 'refused', actor, input.note, { data: { ground: input.ground } });
        await tellConsumer(tx, row, '投诉不予受理', `不予受理，理由：${groundLabel('refusal', input.ground, locale)}`);
      });
    },

    /** Assigns a mediator (an account with the mediator role who has not recused). */
    async assign(actor: Actor, id: string, input: { version: number; mediatorId: string; mode: 'on_site' | 'remote' }, ctx: AuditContext) {
      authorize(actor, P['complaint.assign']);
      const acc = (await db.selectFrom('platform.account').select(['id', 'display_name', 'roles', 'jurisdiction', 'disabled']).where('id', '=', input.mediatorId).executeTakeFirst()) as
        | { id: string; display_name: string; roles: string[]; jurisdiction: string | null; disabled: boolean }
        | undefined;
      if (!acc || acc.disabled || !acc.roles.includes('mediator')) {
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'mediatorId', code: 'NOT_A_MEDIATOR', text: { 'zh-CN': '该账户不是调解员', 'zh-TW': '該帳戶不是調解員', en: 'This account is not a mediator' } }] });
      }
      return change(actor, id, input.version, ctx, 'complaint.assign', async (_tx, row) => {
        requireStatus(row, 'accepted', 'mediating');
        // A mediator who could not see the complaint cannot mediate it (issue 9, finding 7).
        if (!coversRegion(acc.jurisdiction, row.region_code)) {
          throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'mediatorId', code: 'OUTSIDE_JURISDICTION', text: { 'zh-CN': '该调解员的辖区不包括此投诉所在区划', 'zh-TW': '該調解員的轄區不包括此投訴所在區劃', en: "The complaint's region is outside this mediator's jurisdiction" } }] });
        }
        if ((row.recused ?? []).includes(acc.id)) {
          throw new AppError('RULE_VIOLATION', { text: { 'zh-CN': '该调解员已申请回避，不能指派（第十九条）', 'zh-TW': '該調解員已申請迴避，不能指派（第十九條）', en: 'This mediator has recused and cannot be assigned (art. 19)' } });
        }
        return { status: 'mediating', mediator_id: acc.id, mediator_name: acc.display_name, mediation_mode: input.mode };
      }, async (tx, row) => {
        await entry(tx, row.id, 'assigned', actor, acc.display_name, { mode: input.mode });
        await notifier.notify(tx, { accountId: acc.id, title: '新的调解任务', body: `投诉 ${row.tracking_no}（${row.respondent_name}），调解期限 ${row.mediation_due ? formatDue(cal(), row.mediation_due, row.accepted_on) : '受理之日起四十五个工作日'}`, link: `/staff/complaints/${row.id}` });
      });
    },

    /** The assigned mediator recuses (art. 19): the case goes back to be assigned to someone else. */
    async recuse(actor: Actor, id: string, input: { version: number; reason: string }, ctx: AuditContext) {
      authorize(actor, P['complaint.mediate']);
      return change(actor, id, input.version, ctx, 'complaint.recuse', async (_tx, row) => {
        requireStatus(row, 'mediating');
        if (row.mediator_id !== actor.id && !hasRole(actor, 'admin')) throw new AppError('FORBIDDEN');
        return { status: 'accepted', recused: [...(row.recused ?? []), row.mediator_id], mediator_id: null, mediator_name: null };
      }, async (tx, row) => {
        await entry(tx, row.id, 'recused', actor, input.reason);
      });
    },

    /** One of the six steps 听辨劝借让和, recorded by the assigned mediator. */
    async recordStep(actor: Actor, id: string, input: { step: MediationStep; mode: 'on_site' | 'remote'; note: string; thirdParties?: string[] }, ctx: AuditContext) {
      authorize(actor, P['complaint.mediate']);
      await db.transaction().execute(async (tx) => {
        const row = readable(actor, await repo.getForUpdate(tx, id));
        assertMediator(actor, row);
        requireStatus(row, 'mediating');
        if (row.paused_since) throw new AppError('INVALID_STATE', { text: { 'zh-CN': '调解已暂停（检测、鉴定中），请先恢复', 'zh-TW': '調解已暫停（檢測、鑑定中），請先恢復', en: 'Mediation is paused for testing or appraisal; resume it first' } });
        await entry(tx, id, 'step', actor, input.note, { step: input.step, mode: input.mode, data: input.thirdParties?.length ? { thirdParties: input.thirdParties } : null });
        await audit.record(tx, ctx, { action: 'complaint.step', entityType: 'complaint', entityId: id, after: { step: input.step, label: STEP_LABELS[input.step]['zh-CN'], mode: input.mode } });
      });
      return detail(actor, id);
    },

    /** Pauses the mediation clock for testing, inspection or appraisal (art. 20). */
    async pause(actor: Actor, id: string, input: { version: number; reason: string }, ctx: AuditContext) {
      authorize(actor, P['complaint.mediate']);
      return change(actor, id, input.version, ctx, 'complaint.pause', async (_tx, row) => {
        assertMediator(actor, row);
        requireStatus(row, 'mediating');
        if (row.paused_since) throw new AppError('INVALID_STATE');
        return { paused_since: clock.today(), paused_reason: input.reason };
      }, async (tx, row) => entry(tx, row.id, 'paused', actor, input.reason));
    },

    async resume(actor: Actor, id: string, version: number, ctx: AuditContext) {
      authorize(actor, P['complaint.mediate']);
      return change(actor, id, version, ctx, 'complaint.resume', async (_tx, row) => {
        assertMediator(actor, row);
        if (row.status !== 'mediating' || !row.paused_since) throw new AppError('INVALID_STATE');
        const days = pauseLength(cal(), row.paused_since, clock.today());
        const total = row.paused_working_days + days;
        return {
          paused_since: null,
          paused_reason: null,
          paused_working_days: total,
          mediation_due: workingDaysAfter(row.accepted_on!, getTimeLimit('complaint.mediation').days + total),
        };
      }, async (tx, row, before) => entry(tx, row.id, 'resumed', actor, '', { data: { pausedWorkingDays: row.paused_working_days - before.paused_working_days } }));
    },

    /**
     * Ends the mediation: agreement (a mediation agreement PDF), no agreement, or termination on an
     * art. 21 ground. Both parties are told (the consumer by SMS, the respondent via the outbox event).
     */
    async conclude(
      actor: Actor,
      id: string,
      input: { version: number; outcome: 'agreement' | 'no_agreement' | 'terminated'; terminationGround?: string | null; note: string; agreementTerms?: string | null },
      ctx: AuditContext,
      locale: Locale,
    ) {
      authorize(actor, P['complaint.mediate']);
      if (input.outcome === 'terminated' && !TERMINATION_GROUNDS.some((g) => g.id === input.terminationGround)) {
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'terminationGround', code: 'required' }] });
      }
      if (input.outcome === 'agreement' && !input.agreementTerms?.trim()) {
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'agreementTerms', code: 'required' }] });
      }
      return change(actor, id, input.version, ctx, 'complaint.conclude', async (tx, row) => {
        assertMediator(actor, row);
        requireStatus(row, 'mediating');
        if (row.paused_since) throw new AppError('INVALID_STATE', { text: { 'zh-CN': '调解已暂停（检测、鉴定中），请先恢复', 'zh-TW': '調解已暫停（檢測、鑑定中），請先恢復', en: 'Mediation is paused for testing or appraisal; resume it first' } });
        const today = clock.today();
        let fileId: string | null = null;
        if (input.outcome === 'agreement') {
          const region = regionName(row.region_code) ?? '';
          const doc = renderOfficialDocument({
            template: MEDIATION_AGREEMENT,
            values: {
              trackingNo: row.tracking_no,
              complainant: row.complainant_name,
              respondent: row.respondent_name,
              respondentAddress: row.respondent_address,
              facts: row.facts,
              mediator: row.mediator_name ?? '',
              terms: input.agreementTerms!.trim(),
            },
            docNo: `调协〔${today.slice(0, 4)}〕${row.tracking_no.slice(-8)}号`,
            issuer: { name: '', office: `${region ? `杭州市${region}` : ''}市场监督管理局` },
            issuedAt: today,
            verifyUrl: `${baseUrl()}/m/track?no=${row.tracking_no}`,
          });
          const pdf = await renderPdf(doc, { creationDate: clock.now() });
          fileId = (await p.files.saveTrusted(tx, { data: pdf, originalName: `调解协议书-${row.tracking_no}.pdf`, mime: 'application/pdf' })).id;
        }
        return {
          status: 'closed',
          outcome: input.outcome,
          termination_ground: input.outcome === 'terminated' ? input.terminationGround : null,
          outcome_note: input.note,
          agreement_terms: input.agreementTerms ?? null,
          agreement_file_id: fileId,
          concluded_on: today,
          concluded_at: clock.now(),
          termination_notice_due: input.outcome === 'agreement' ? null : workingDaysAfter(today, getTimeLimit('complaint.mediation-termination-notice').days),
        };
      }, async (tx, row) => {
        await entry(tx, row.id, 'concluded', actor, input.note, { data: { outcome: input.outcome, terminationGround: row.termination_ground } });
        const text =
          input.outcome === 'agreement'
            ? '调解成功，双方已达成调解协议'
            : input.outcome === 'no_agreement'
              ? '调解未能达成协议；符合条件的，可申请放心消费险赔付'
              : `终止调解，理由：${groundLabel('termination', row.termination_ground, locale)}`;
        await tellConsumer(tx, row, '调解结果', text);
        await entry(tx, row.id, 'respondent-notified', actor, text);
        await trackMediationFollowUp(p, tx, row);
        await outbox.append(tx, MEDIATION_CONCLUDED, {
          complaintId: row.id,
          trackingNo: row.tracking_no,
          outcome: row.outcome,
          terminationGround: row.termination_ground,
          respondentCreditCode: row.respondent_credit_code,
          respondentName: row.respondent_name,
          regionCode: row.region_code,
          concludedOn: row.concluded_on,
        }, { orderingKey: row.id });
      });
    },

    async agreementPdf(actor: Actor, id: string) {
      authorize(actor, P['complaint.read']);
      const row = readable(actor, await repo.get(db, id));
      if (!row.agreement_file_id) throw new AppError('NOT_FOUND');
      return { pdf: await p.files.read(row.agreement_file_id), fileName: `agreement-${row.tracking_no}.pdf` };
    },

    /** The follow-up visit (回访) with a satisfaction score; an unsatisfied consumer may have it reopened. */
    async followUp(actor: Actor, id: string, input: { version: number; satisfaction: number; note: string; reopen: boolean }, ctx: AuditContext) {
      authorize(actor, P['complaint.follow-up']);
      return change(actor, id, input.version, ctx, 'complaint.follow-up', async (_tx, row) => {
        requireStatus(row, 'closed', 'refused');
        const patch: Record<string, unknown> = { satisfaction: input.satisfaction, follow_up_note: input.note, feedback_at: row.feedback_at ?? clock.now() };
        if (input.reopen) Object.assign(patch, reopenPatch(row));
        return patch;
      }, async (tx, row) => {
        await entry(tx, row.id, 'follow-up', actor, input.note, { data: { satisfaction: input.satisfaction } });
        await p.obligations.fulfilFor(tx, MEDIATION_FOLLOW_UP, 'complaints.complaint', row.id, actor.id, input.note);
        if (input.reopen) await entry(tx, row.id, 'reopened', actor, input.note);
      });
    },

    /** Reopens a closed case where it left off (mediating with the same mediator, or back to assignment). */
    async reopen(actor: Actor, id: string, input: { version: number; reason: string }, ctx: AuditContext) {
      authorize(actor, P['complaint.follow-up']);
      return change(actor, id, input.version, ctx, 'complaint.reopen', async (_tx, row) => {
        requireStatus(row, 'closed', 'refused');
        return reopenPatch(row);
      }, async (tx, row) => entry(tx, row.id, 'reopened', actor, input.reason));
    },

    async figures(actor: Actor) {
      authorize(actor, P['complaint.figures']);
      const own = jurisdictionPrefix(actor);
      const f = await repo.figures(db, own);
      const stations = await repo.countStations(db, own);
      const num = (v: unknown) => (v == null ? null : Math.round(Number(v) * 100) / 100);
      const concluded = Number(f.concluded);
      const agreements = Number(f.agreements);
      return {
        complaints: Number(f.complaints),
        concludedMediations: concluded,
        agreements,
        mediationSuccessRate: concluded ? Math.round((agreements / concluded) * 10_000) / 10_000 : null,
        stages: { acceptHours: num(f.accept_hours), handleHours: num(f.handle_hours), feedbackHours: num(f.feedback_hours) },
        averageSatisfaction: num(f.satisfaction),
        stations,
      };
    },

    /** The module job: in-app alerts to mediators whose 45-working-day limit is near. */
    async alertDeadlines(): Promise<number> {
      const today = clock.today();
      const threshold = workingDaysAfter(today, ALERT_WORKING_DAYS) ?? '9999-12-31';
      const rows = await repo.mediationsToAlert(db, threshold);
      for (const row of rows) {
        await db.transaction().execute(async (tx) => {
          const res = await tx
            .updateTable('complaints.complaint')
            .set({ alerted_due: row.mediation_due })
            .where('id', '=', row.id)
            .where((eb) => eb.or([eb('alerted_due', 'is', null), eb('alerted_due', '<>', row.mediation_due)]))
            .executeTakeFirst();
          if (!Number(res.numUpdatedRows)) return;
          if (row.mediator_id) {
            await notifier.notify(tx, {
              accountId: row.mediator_id,
              title: row.mediation_due! < today ? '调解已超期' : '调解期限将至',
              body: `投诉 ${row.tracking_no} 的调解期限为 ${formatDue(cal(), row.mediation_due!, row.accepted_on)}（45 个工作日，第二十一条）`,
              link: `/staff/complaints/${row.id}`,
            });
          }
          await entry(tx, row.id, 'deadline-alert', null, row.mediation_due!);
        });
      }
      return rows.length;
    },

    // ---------------------------------------------------------------- for the insurance module
    async findForClaim(trackingNo: string): Promise<ComplaintForClaim | null> {
      const row = await repo.byTrackingNo(db, trackingNo.trim().toUpperCase());
      return row ? forClaim(row) : null;
    },
    async findForClaimById(id: string): Promise<ComplaintForClaim | null> {
      const row = await repo.get(db, id);
      return row ? forClaim(row) : null;
    },
    /** The complaint for a consumer who proves access with the tracking number and code. */
    async verifyAccess(trackingNo: string, code: string): Promise<ComplaintForClaim> {
      return forClaim(await byAccess(trackingNo, code));
    },
    mediationDueOf: (row: ComplaintRow) => effectiveMediationDue(row, cal(), clock.today()),
  };

  function reopenPatch(row: ComplaintRow): Record<string, unknown> {
    if (row.status === 'refused') return { status: 'received', refusal_ground: null, refusal_note: null, concluded_on: null, reopened_count: row.reopened_count + 1 };
    return {
      status: row.mediator_id ? 'mediating' : 'accepted',
      outcome: null,
      termination_ground: null,
      agreement_file_id: null,
      concluded_on: null,
      concluded_at: null,
      termination_notice_due: null,
      reopened_count: row.reopened_count + 1,
    };
  }

  function forClaim(row: ComplaintRow): ComplaintForClaim {
    return {
      id: row.id,
      trackingNo: row.tracking_no,
      kind: row.kind,
      status: row.status,
      outcome: row.outcome,
      terminationGround: row.termination_ground,
      mediationFailed: row.status === 'closed' && mediationFailed(row.outcome, row.termination_ground),
      regionCode: row.region_code,
      category: row.category,
      amountFen: row.amount_fen == null ? null : Number(row.amount_fen),
      occurredOn: row.occurred_on,
      receivedOn: row.received_on,
      complainantName: row.complainant_name,
      complainantPhone: crypto.decrypt(row.complainant_phone_enc),
      respondentName: row.respondent_name,
      respondentCreditCode: row.respondent_credit_code,
    };
  }
}

export type ComplaintsService = ReturnType<typeof createComplaintsService>;

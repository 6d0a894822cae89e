import type { Platform } from '../../platform/module.js';
import type { Actor } from '../../platform/auth/roles.js';
import { authorize, assertInScope, jurisdictionPrefix } from '../../platform/auth/policy.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import { localize, type Locale } from '../../platform/i18n/i18n.js';
import type { TypedDbOrTx } from '../../platform/db/database.js';
import { decodeCursor, toPage } from '../../platform/http/paging.js';
import type { EnterpriseCreate } from '../../../../contracts/registry.js';
import { ENTERPRISE_CHANGED, ENTERPRISE_REGISTERED, REGISTRY_IMPORT_ACCEPTED as REGISTRY_IMPORT } from '../../../../contracts/events.js';
import { validateEnterprise, nameIndex, grams, type EnterpriseInput, type Enterprise, ENTERPRISE_TYPES } from './domain/enterprise.js';
import { validateCreditCode } from './domain/credit-code.js';
import { maskIdNumber } from './domain/id-number.js';
import { searchKey } from './domain/chinese-text.js';
import { normalizeIdentifier } from './domain/normalize.js';
import { registryRepository as repo, toEnterprise, type EnterpriseRow, type EnterpriseValues, type ImportJobRow, type StagedRow } from './registry.repository.js';
import { registryPolicy as P } from './registry.policy.js';
import { presentEnterprise, presentSummary, presentPublic } from './registry.presenter.js';
import { parseImportCsv, type ImportRowError } from './domain/import-csv.js';
import { mayMoveRegion, seesScope } from './domain/jurisdiction.js';
import { decodeText } from '../../platform/text/decode-text.js';

export { ENTERPRISE_REGISTERED, ENTERPRISE_CHANGED, REGISTRY_IMPORT };

/** The register's use cases. Routes call these; other modules call them through index.ts. */
export function createRegistryService(p: Platform) {
  const { db, crypto, audit, outbox, clock } = p;

  function toValues(input: EnterpriseInput): EnterpriseValues {
    const idx = nameIndex(input.name);
    const id = input.legalRepIdNumber ? normalizeIdentifier(input.legalRepIdNumber) : null;
    return {
      credit_code: normalizeIdentifier(input.creditCode),
      name: input.name.trim(),
      name_key: idx.key,
      name_grams: idx.grams,
      type: input.type,
      legal_rep_name: input.legalRepName.trim(),
      legal_rep_id_enc: id ? crypto.encrypt(id) : null,
      legal_rep_id_masked: id ? maskIdNumber(id) : null,
      registered_capital_fen: input.registeredCapitalFen,
      address: input.address.trim(),
      region_code: input.regionCode,
      industry_code: input.industryCode,
      business_scope: input.businessScope ?? '',
      investors: input.investors ?? [],
      phone_enc: null,
      status: input.status ?? 'active',
      established_on: input.establishedOn,
      approved_on: input.establishedOn,
      deregistered_on: null,
    };
  }

  function readable(actor: Actor, row: EnterpriseRow | undefined): EnterpriseRow {
    if (!row) throw new AppError('NOT_FOUND');
    assertInScope(actor, { regionCode: row.region_code, creditCode: row.credit_code });
    return row;
  }

  async function search(actor: Actor, query: { q?: string; region?: string; status?: string; industry?: string; cursor?: string; limit: number }, locale: Locale) {
    authorize(actor, P['enterprise.list']);
    const after = decodeCursor(query.cursor)?.[0] as string | undefined;
    const prefixes: string[] = [];
    const own = jurisdictionPrefix(actor);
    if (query.region) {
      // A filter inside the jurisdiction narrows it; one outside it finds nothing.
      if (own && !query.region.startsWith(own) && !own.startsWith(query.region)) return { items: [], nextCursor: null };
      prefixes.push(own && own.length > query.region.length ? own : query.region);
    } else if (own) prefixes.push(own);
    const rows = await repo.search(db, {
      q: query.q ? searchTerms(query.q) : undefined,
      regionPrefixes: prefixes,
      status: query.status,
      industryPrefix: query.industry,
      codes: actor.kind === 'business' ? actor.enterprises : undefined,
      afterCode: after,
      limit: query.limit + 1,
    });
    const page = toPage(rows, query.limit, (r) => [r.credit_code]);
    return { items: page.items.map((r) => presentSummary(r, locale)), nextCursor: page.nextCursor };
  }

  return {
    search,

    async get(actor: Actor, code: string, locale: Locale) {
      authorize(actor, P['enterprise.read']);
      return presentEnterprise(readable(actor, await repo.get(db, normalizeIdentifier(code))), locale);
    },

    /** Internal read for other modules (no actor check: the caller has already authorised). */
    async findByCode(code: string) {
      const row = await repo.get(db, normalizeIdentifier(code));
      return row ? presentEnterprise(row) : null;
    },

    /**
     * The one enterprise whose name equals `name` (Simplified and Traditional folded), or null
     * when there is none or more than one. For matching a name given by a consumer.
     */
    async findByExactName(name: string) {
      const key = searchKey(name);
      if (!key) return null;
      const rows = await repo.byNameKey(db, key, 2);
      return rows.length === 1 ? presentEnterprise(rows[0]) : null;
    },

    /** The legal representative's full ID number: only for registrars, and the view is audited. */
    async revealLegalRepId(actor: Actor, code: string, ctx: AuditContext) {
      authorize(actor, P['enterprise.read-personal']);
      const row = readable(actor, await repo.get(db, normalizeIdentifier(code)));
      await db.transaction().execute((tx) =>
        audit.record(tx, ctx, { action: 'enterprise.view-personal-data', entityType: 'enterprise', entityId: row.credit_code, after: { field: 'legalRepIdNumber' } }),
      );
      return { idNumber: row.legal_rep_id_enc ? crypto.decrypt(row.legal_rep_id_enc) : null };
    },

    async create(actor: Actor, input: EnterpriseCreate, ctx: AuditContext, locale: Locale) {
      authorize(actor, P['enterprise.create']);
      const { errors } = validateEnterprise(input as EnterpriseInput, clock.today());
      if (errors.length) throw new AppError('VALIDATION_FAILED', { fields: errors });
      const values = toValues(input as EnterpriseInput);
      if (jurisdictionPrefix(actor) && !values.region_code.startsWith(jurisdictionPrefix(actor)!)) {
        throw new AppError('FORBIDDEN');
      }
      return db.transaction().execute(async (tx) => {
        if (await repo.exists(tx, values.credit_code)) throw new AppError('DUPLICATE', { fields: [{ path: 'creditCode', code: 'DUPLICATE' }] });
        await repo.insert(tx, values);
        const row = (await repo.get(tx, values.credit_code))!;
        const dto = presentEnterprise(row, locale);
        await outbox.append(tx, ENTERPRISE_REGISTERED, { creditCode: dto.creditCode, regionCode: dto.regionCode }, { orderingKey: dto.creditCode });
        await audit.record(tx, ctx, { action: 'enterprise.create', entityType: 'enterprise', entityId: dto.creditCode, after: auditView(row) });
        return dto;
      });
    },

    async update(actor: Actor, code: string, input: Partial<EnterpriseCreate> & { version: number; status?: string }, ctx: AuditContext, locale: Locale) {
      authorize(actor, P['enterprise.update']);
      const normalized = normalizeIdentifier(code);
      return db.transaction().execute(async (tx) => {
        const before = readable(actor, await repo.getForUpdate(tx, normalized));
        const row = await applyUpdate(tx, before, input, 'enterprise.update', ctx, actor);
        return presentEnterprise(row, locale);
      });
    },

    /**
     * The enterprise with this credit code, read in the caller's transaction (or the database), as the
     * register's domain object; null when there is none. No actor check: the caller has authorised.
     */
    async findEnterprise(tx: TypedDbOrTx, code: string): Promise<Enterprise | null> {
      const row = await repo.get(tx, normalizeIdentifier(code));
      return row ? toEnterprise(row) : null;
    },

    /**
     * Applies registered-item changes inside the caller's transaction (the registration-change
     * workflow calls this): locks and reads the enterprise once, lets `check` refuse it (the caller's
     * own rule, e.g. "only an active enterprise"), checks the version, validates, writes, emits
     * enterprise.changed, audits. `decider` is the registrar approving (null: approved automatically),
     * whose jurisdiction must cover both regions when the change moves the enterprise.
     */
    async applyChange(
      tx: TypedDbOrTx,
      input: { creditCode: string; items: Partial<EnterpriseCreate> & { version?: number; status?: string }; check?: (before: Enterprise) => void },
      ctx: AuditContext,
      decider: Actor | null,
    ): Promise<{ before: Enterprise; after: Enterprise }> {
      const before = await repo.getForUpdate(tx, normalizeIdentifier(input.creditCode));
      if (!before) throw new AppError('NOT_FOUND');
      input.check?.(toEnterprise(before));
      const row = await applyUpdate(tx, before, { ...input.items, version: input.items.version ?? before.version }, 'enterprise.change', ctx, decider);
      return { before: toEnterprise(before), after: toEnterprise(row) };
    },

    async publicSearch(q: string, limit: number, locale: Locale) {
      authorize({ ...ANON }, P['enterprise.public-lookup']);
      if (!q.trim()) return [];
      const rows = await repo.search(db, { q: searchTerms(q), limit });
      return rows.map((r) => presentPublic(r, locale));
    },

    async publicGet(code: string, locale: Locale) {
      const row = await repo.get(db, normalizeIdentifier(code));
      if (!row) throw new AppError('NOT_FOUND');
      return presentPublic(row, locale);
    },

    /**
     * Validates a whole CSV file first. A file with errors imports nothing unless `skipErrors`;
     * otherwise the rows are queued and imported by the worker, reporting progress on the job.
     */
    async startImport(actor: Actor, input: { csv: Buffer; fileName: string; skipErrors: boolean }, ctx: AuditContext, locale: Locale) {
      authorize(actor, P['enterprise.import']);
      const { text, encoding } = decodeText(input.csv);
      const parsed = parseImportCsv(text, clock.today());
      const errors: ImportRowError[] = [...parsed.errors];
      // Codes already in the register, or repeated in the file, are errors too (looked up in batches:
      // one query with 70,000 codes would pass PostgreSQL's 65,535 bind-parameter limit).
      const existing = new Set<string>();
      for (const chunk of chunks(parsed.rows.map((r) => r.input.creditCode), IMPORT_LOOKUP_BATCH)) {
        for (const c of await repo.existingCodes(db, chunk)) existing.add(c);
      }
      const seen = new Set<string>();
      const own = jurisdictionPrefix(actor);
      const good: typeof parsed.rows = [];
      for (const r of parsed.rows) {
        const rowErrors: ImportRowError[] = [];
        if (existing.has(r.input.creditCode)) rowErrors.push({ row: r.row, field: 'creditCode', code: 'DUPLICATE' });
        else if (seen.has(r.input.creditCode)) rowErrors.push({ row: r.row, field: 'creditCode', code: 'DUPLICATE_IN_FILE' });
        if (own && !r.input.regionCode.startsWith(own)) rowErrors.push({ row: r.row, field: 'regionCode', code: 'OUTSIDE_JURISDICTION' });
        seen.add(r.input.creditCode);
        if (rowErrors.length) errors.push(...rowErrors);
        else good.push(r);
      }
      const total = parsed.total;
      const refused = new Set(errors.filter((e) => e.row > 0).map((e) => e.row)).size;
      const rejected = errors.length > 0 && !input.skipErrors;
      const job = await db.transaction().execute(async (tx) => {
        const row = await repo.createImportJob(tx, {
          file_name: input.fileName.slice(0, 200),
          skip_errors: input.skipErrors,
          created_by: actor.id,
          jurisdiction: own,
          status: rejected ? 'rejected' : good.length ? 'importing' : 'done',
          total,
          valid: good.length,
          refused,
          encoding,
          errors: errors.map((e) => ({ ...e, message: localizeImportError(e, locale) })).slice(0, MAX_STORED_ERRORS),
          // Staged rows never hold an ID number in clear: it waits encrypted, as in the register.
          rows: rejected ? null : good.map((g) => stageRow(g)),
        });
        if (!rejected && good.length) await outbox.append(tx, REGISTRY_IMPORT, { jobId: row.id, ctx });
        await audit.record(tx, ctx, {
          action: rejected ? 'enterprise.import-rejected' : 'enterprise.import-accepted',
          entityType: 'import_job',
          entityId: row.id,
          after: { fileName: input.fileName, encoding, total, valid: good.length, refused, errors: errors.length },
        });
        return row;
      });
      return presentJob(job, locale);
    },

    async getImport(actor: Actor, id: string, locale: Locale) {
      authorize(actor, P['enterprise.import']);
      const job = await repo.getImportJob(db, id);
      // Jobs are scoped like the enterprises they carry: a district sees its own, the city all of its districts'.
      if (!job || !seesScope(jurisdictionPrefix(actor), job.jurisdiction)) throw new AppError('NOT_FOUND');
      return presentJob(job, locale);
    },

    /**
     * Worker side of an import: inserts the validated rows in batches, recording progress after each.
     * One run does at most IMPORT_BATCHES_PER_RUN batches, then queues the rest as a new outbox event
     * (so a long import shows progress, lets other work through, and resumes where it stopped).
     */
    async runImport(jobId: string, ctx: AuditContext) {
      const job = await repo.getImportJob(db, jobId);
      if (!job || job.status !== 'importing') return;
      const staged = job.rows ?? [];
      let processed = Number(job.processed);
      let imported = Number(job.imported);
      let skipped = Number(job.skipped);
      const batchSize = IMPORT_BATCH_SIZE;
      for (let n = 1; processed < staged.length; n++) {
        const batch = staged.slice(processed, processed + batchSize).map(unstageRow);
        const last = n >= IMPORT_BATCHES_PER_RUN;
        await db.transaction().execute(async (tx) => {
          const existing = await repo.existingCodes(tx, batch.map((b) => normalizeIdentifier(b.input.creditCode)));
          const fresh = batch.filter((b) => !existing.has(normalizeIdentifier(b.input.creditCode)));
          await repo.insertMany(tx, fresh.map((b) => toValues(b.input)));
          for (const f of fresh) {
            await outbox.append(tx, ENTERPRISE_REGISTERED, { creditCode: normalizeIdentifier(f.input.creditCode), regionCode: f.input.regionCode }, { orderingKey: normalizeIdentifier(f.input.creditCode) });
          }
          processed += batch.length;
          imported += fresh.length;
          skipped += batch.length - fresh.length;
          const done = processed >= staged.length;
          await repo.updateImportJob(tx, jobId, {
            processed,
            imported,
            skipped,
            ...(done ? { status: 'done', finished_at: clock.now(), rows: null } : {}),
          });
          if (done) await audit.record(tx, ctx, { action: 'enterprise.import-done', entityType: 'import_job', entityId: jobId, after: { imported, skipped } });
          else if (last) await outbox.append(tx, REGISTRY_IMPORT, { jobId, ctx });
        });
        if (last) return;
      }
    },
  };

  /** An import row as staged in the job table: the ID number encrypted. */
  function stageRow(g: { row: number; input: EnterpriseInput }): StagedRow {
    const { legalRepIdNumber, ...rest } = g.input;
    return { row: g.row, input: rest, idEnc: legalRepIdNumber ? crypto.encrypt(legalRepIdNumber) : null };
  }
  function unstageRow(s: StagedRow): { row: number; input: EnterpriseInput } {
    return { row: s.row, input: { ...s.input, legalRepIdNumber: s.idEnc ? crypto.decrypt(s.idEnc) : null } };
  }

  async function applyUpdate(
    tx: TypedDbOrTx,
    before: EnterpriseRow,
    input: Partial<EnterpriseCreate> & { version: number; status?: string },
    action: string,
    ctx: AuditContext,
    /** Who makes the change (null: an automatic approval, which may not move the enterprise). */
    by: Actor | null,
  ): Promise<EnterpriseRow> {
    if (input.version !== before.version) throw new AppError('VERSION_CONFLICT');
    if (input.regionCode !== undefined && input.regionCode !== before.region_code) {
      if (!by || !mayMoveRegion(jurisdictionPrefix(by), before.region_code, input.regionCode)) throw regionMoveRefused();
    }
    const merged: EnterpriseInput = {
      creditCode: before.credit_code,
      name: input.name ?? before.name,
      type: (input.type ?? before.type) as EnterpriseInput['type'],
      legalRepName: input.legalRepName ?? before.legal_rep_name,
      legalRepIdNumber: input.legalRepIdNumber === undefined ? undefined : input.legalRepIdNumber,
      registeredCapitalFen: input.registeredCapitalFen ?? Number(before.registered_capital_fen),
      address: input.address ?? before.address,
      regionCode: input.regionCode ?? before.region_code,
      industryCode: input.industryCode ?? before.industry_code,
      businessScope: input.businessScope ?? before.business_scope,
      investors: (input.investors ?? before.investors) as EnterpriseInput['investors'],
      establishedOn: input.establishedOn ?? before.established_on,
      status: (input.status ?? before.status) as EnterpriseInput['status'],
    };
    const { errors } = validateEnterprise(merged, clock.today());
    if (errors.length) throw new AppError('VALIDATION_FAILED', { fields: errors });
    const values = toValues(merged);
    const changes: Partial<EnterpriseValues> = {};
    for (const k of Object.keys(values) as (keyof EnterpriseValues)[]) {
      if (k === 'credit_code' || k === 'approved_on' || k === 'phone_enc') continue;
      if (k === 'legal_rep_id_enc' || k === 'legal_rep_id_masked') {
        if (input.legalRepIdNumber === undefined) continue;
      }
      if (JSON.stringify(values[k]) !== JSON.stringify(before[k as keyof EnterpriseRow])) (changes as Record<string, unknown>)[k] = values[k];
    }
    if (changes.status === 'deregistered') changes.deregistered_on = clock.today();
    changes.approved_on = clock.today();
    const row = await repo.update(tx, before.credit_code, before.version, changes);
    if (!row) throw new AppError('VERSION_CONFLICT');
    const changed = Object.keys(changes).filter((k) => !['name_key', 'name_grams', 'approved_on', 'legal_rep_id_enc'].includes(k));
    await outbox.append(tx, ENTERPRISE_CHANGED, { creditCode: row.credit_code, regionCode: row.region_code, fields: changed, version: row.version }, { orderingKey: row.credit_code });
    await audit.record(tx, ctx, { action, entityType: 'enterprise', entityId: row.credit_code, before: auditView(before), after: auditView(row) });
    return row;
  }
}

/** Rows inserted per transaction (× ~20 columns, well under PostgreSQL's 65,535 parameters). */
const IMPORT_BATCH_SIZE = 500;
/** Batches per worker run before the rest is queued again (progress is visible between runs). */
export const IMPORT_BATCHES_PER_RUN = 20;
/** Codes looked up per query when checking an import against the register. */
const IMPORT_LOOKUP_BATCH = 5000;
/** Row errors kept on a job (the count of refused rows is always exact). */
const MAX_STORED_ERRORS = 5000;

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** A move of an enterprise to a region the registrar does not cover both ends of (issue 9, finding 7). */
function regionMoveRefused(): AppError {
  return new AppError('FORBIDDEN', {
    fields: [{ path: 'regionCode', code: 'OUTSIDE_JURISDICTION' }],
    text: {
      'zh-CN': '变更行政区划须由辖区同时覆盖原区划和新区划的登记人员（或市级登记人员）办理',
      'zh-TW': '變更行政區劃須由轄區同時涵蓋原區劃和新區劃的登記人員（或市級登記人員）辦理',
      en: 'Moving an enterprise to another region needs a registrar whose jurisdiction covers both regions (or a city registrar)',
    },
  });
}

const ANON: Actor = { id: null, kind: 'anonymous', username: null, displayName: null, roles: [], jurisdiction: null, orgUnitId: null, enterprises: [], via: 'anonymous' };

/** The audit keeps the registered items but never the ID number in clear. */
function auditView(r: EnterpriseRow) {
  const { legal_rep_id_enc: _enc, name_grams: _g, name_key: _k, created_at: _c, updated_at: _u, ...rest } = r;
  return rest;
}

/**
 * Bigrams that occur in most enterprise names. They add nothing to the index look-up (the LIKE
 * check still applies the whole query), so they are left out when the query has others.
 */
const COMMON_GRAMS = new Set(['有限', '限公', '公司', '责任', '任公', '股份', '份有', '杭州', '科技', '技有', '贸易', '易有', '服务', '务有', '管理', '理有', '经营', '营部']);

function searchTerms(q: string) {
  const code = normalizeIdentifier(q);
  const isCodeLike = /^[0-9A-Z]{2,18}$/.test(code);
  const key = searchKey(q);
  const all = key ? grams(key) : [];
  const rare = all.filter((g) => !COMMON_GRAMS.has(g));
  return { code: isCodeLike ? code : undefined, nameKey: key || undefined, grams: key ? (rare.length ? rare : all) : undefined };
}

const IMPORT_MESSAGES: Record<string, { 'zh-CN': string; 'zh-TW': string; en: string }> = {
  DUPLICATE: { 'zh-CN': '该统一社会信用代码已在登记库中', 'zh-TW': '該統一社會信用代碼已在登記庫中', en: 'This credit code is already registered' },
  DUPLICATE_IN_FILE: { 'zh-CN': '文件中重复出现的统一社会信用代码', 'zh-TW': '檔案中重複出現的統一社會信用代碼', en: 'This credit code appears twice in the file' },
  OUTSIDE_JURISDICTION: { 'zh-CN': '行政区划不在您的辖区内', 'zh-TW': '行政區劃不在您的轄區內', en: 'The region is outside your jurisdiction' },
};

function localizeImportError(e: ImportRowError & { text?: FieldError['text'] }, locale: Locale): string {
  if (e.text) return localize(e.text, locale, e.params);
  const t = IMPORT_MESSAGES[e.code];
  return t ? t[locale] : e.code;
}

function presentJob(j: ImportJobRow, _locale: Locale) {
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

export type RegistryService = ReturnType<typeof createRegistryService>;
export { ENTERPRISE_TYPES, validateCreditCode };

import { randomInt } from 'node:crypto';
import type { Platform } from '../../platform/module.js';
import type { Actor } from '../../platform/auth/roles.js';
import { authorize, assertInScope, jurisdictionPrefix } from '../../platform/auth/policy.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Locale, LocalizedText } from '../../platform/i18n/i18n.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { decodeCursor, toPage } from '../../platform/http/paging.js';
import type { PolicyCreate } from '../../../../contracts/insurance.js';
import type { ComplaintForClaim, ComplaintsService } from '../complaints/index.js';
import { insuranceRepository as repo, type ClaimRow, type PolicyRow } from './insurance.repository.js';
import { insurancePolicy as P } from './insurance.policy.js';
import { presentClaim, presentConditions, presentPolicy, presentPublicClaim } from './insurance.presenter.js';
import { approvalLimit, evaluateConditions, failing, type ClaimBasis, type Condition, type LiabilityFinding } from './domain/triggers.js';

export interface InsuranceDeps {
  complaints: Pick<ComplaintsService, 'findForClaim' | 'findForClaimById' | 'verifyAccess' | 'figures' | 'coverage'>;
}

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** Policies, claims and payouts of the assured-consumption insurance. */
export function createInsuranceService(p: Platform, deps: InsuranceDeps) {
  const { db, crypto, audit, notifier, clock } = p;

  function policyTerms(pol: PolicyRow) {
    return { startsOn: pol.starts_on, endsOn: pol.ends_on, coveredRegions: pol.covered_regions, categories: pol.categories, purchaseCapFen: Number(pol.purchase_cap_fen) };
  }

  async function check(c: ComplaintForClaim, liability?: LiabilityFinding | null): Promise<{ policy: PolicyRow | null; conditions: Condition[] }> {
    const day = c.occurredOn ?? c.receivedOn;
    const policy = (await repo.policyOn(db, day)) ?? null;
    const conditions = evaluateConditions(
      { kind: c.kind, status: c.status, mediationFailed: c.mediationFailed, regionCode: c.regionCode, category: c.category, amountFen: c.amountFen, occurredOn: day },
      policy ? policyTerms(policy) : null,
      liability,
    );
    return { policy, conditions };
  }

  /** The refusal of a claim whose conditions fail: the message names every failing one. */
  function conditionsFail(bad: Condition[]): AppError {
    const join = (l: keyof LocalizedText, sep: string) => bad.map((c) => c.label[l]).join(sep);
    return new AppError('RULE_VIOLATION', {
      text: {
        'zh-CN': `不符合放心消费险赔付条件：${join('zh-CN', '；')}`,
        'zh-TW': `不符合放心消費險賠付條件：${join('zh-TW', '；')}`,
        en: `The assured-consumption insurance conditions are not met: ${join('en', '; ')}`,
      },
      fields: bad.map((c) => ({ path: `conditions.${c.id}`, code: 'CONDITION_FAILED', text: c.label })),
    });
  }

  async function tellClaimant(tx: DbOrTx, claim: ClaimRow, title: string, body: string) {
    await notifier.notify(tx, { phone: crypto.decrypt(claim.claimant_phone_enc), title, body: `${body}（理赔编号 ${claim.claim_no}）` });
  }

  async function file(c: ComplaintForClaim, input: { claimedFen: number; lossDescription: string }, channel: 'online' | 'offline', ctx: AuditContext) {
    const { policy, conditions } = await check(c);
    const bad = failing(conditions);
    if (bad.length || !policy) throw conditionsFail(bad);
    return db.transaction().execute(async (tx) => {
      if (await repo.openClaimOf(tx, c.id)) throw new AppError('DUPLICATE', { text: { 'zh-CN': '该投诉已有理赔申请', 'zh-TW': '該投訴已有理賠申請', en: 'A claim for this complaint already exists' } });
      const claim = await repo.insertClaim(tx, {
        claim_no: `BX${clock.today().replace(/-/g, '')}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`,
        policy_id: policy.id,
        complaint_id: c.id,
        tracking_no: c.trackingNo,
        channel,
        claimant_name: c.complainantName,
        claimant_phone_enc: crypto.encrypt(c.complainantPhone),
        region_code: c.regionCode,
        category: c.category!,
        purchase_fen: c.amountFen!,
        claimed_fen: input.claimedFen,
        loss_description: input.lossDescription,
        conditions,
      });
      await tellClaimant(tx, claim, '理赔申请已受理', `放心消费险理赔申请已提交，申请金额 ${yuan(input.claimedFen)}，我们将尽快审核`);
      await audit.record(tx, ctx, { action: 'claim.file', entityType: 'insurance-claim', entityId: claim.id, after: { claimNo: claim.claim_no, channel, claimedFen: input.claimedFen, complaintId: c.id } });
      return claim;
    });
  }

  function readable(actor: Actor, row: ClaimRow | undefined): ClaimRow {
    if (!row) throw new AppError('NOT_FOUND');
    assertInScope(actor, { regionCode: row.region_code });
    return row;
  }

  /** A reviewer's change of a claim in one transaction (version- and status-checked, audited last). */
  async function review(
    actor: Actor,
    id: string,
    version: number,
    from: ClaimRow['status'],
    ctx: AuditContext,
    action: string,
    locale: Locale,
    fn: (tx: DbOrTx, row: ClaimRow) => Promise<Record<string, unknown>>,
    notice: (row: ClaimRow) => [string, string],
  ) {
    authorize(actor, P['claim.review']);
    const row = await db.transaction().execute(async (tx) => {
      const before = readable(actor, await repo.getClaim(tx, id));
      if (before.status !== from) throw new AppError('INVALID_STATE', { params: { status: before.status } });
      if (before.version !== version) throw new AppError('VERSION_CONFLICT');
      // The claim row is claimed first (conditional on version and status), so a second approval of
      // the same claim waits here and then finds nothing to update.
      const locked = await repo.updateClaim(tx, id, version, from, { reviewed_by: actor.displayName ?? actor.username });
      if (!locked) throw new AppError('VERSION_CONFLICT');
      const patch = await fn(tx, locked);
      const after = (await repo.updateClaim(tx, id, locked.version, from, patch))!;
      const [title, body] = notice(after);
      await tellClaimant(tx, after, title, body);
      await audit.record(tx, ctx, { action, entityType: 'insurance-claim', entityId: id, before: { status: before.status, version }, after: { status: after.status, ...patch } });
      return after;
    });
    return presentClaim(row, locale);
  }

  /** Claims filed, paid (count and amount) and each policy's remaining aggregate. */
  async function claimFigures(actor: Actor) {
    authorize(actor, P['figures.read']);
    const f = await repo.figures(db, jurisdictionPrefix(actor));
    return {
      claims: Number(f.claims),
      paidCount: Number(f.paid_count),
      paidFen: Number(f.paid_fen),
      approvedUnpaidFen: Number(f.approved_unpaid_fen),
      refused: Number(f.refused),
      policies: (await repo.listPolicies(db)).map((r) => ({ id: r.id, year: r.year, aggregateLimitFen: Number(r.aggregate_limit_fen), paidFen: Number(r.paid_fen), remainingFen: Number(r.aggregate_limit_fen) - Number(r.paid_fen) })),
    };
  }

  return {
    // ---- policies
    async createPolicy(actor: Actor, input: PolicyCreate, ctx: AuditContext) {
      authorize(actor, P['policy.manage']);
      if (input.endsOn < input.startsOn) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'endsOn', code: 'too_small' }] });
      if (input.perAccidentLimitFen > input.aggregateLimitFen) {
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'perAccidentLimitFen', code: 'too_big', params: { maximum: input.aggregateLimitFen } }] });
      }
      return db.transaction().execute(async (tx) => {
        const row = await repo.insertPolicy(tx, {
          year: input.year,
          policy_no: input.policyNo,
          insurer: input.insurer,
          premium_fen: input.premiumFen,
          aggregate_limit_fen: input.aggregateLimitFen,
          per_accident_limit_fen: input.perAccidentLimitFen,
          purchase_cap_fen: input.purchaseCapFen,
          covered_regions: input.coveredRegions,
          categories: input.categories,
          starts_on: input.startsOn,
          ends_on: input.endsOn,
        });
        await audit.record(tx, ctx, { action: 'policy.create', entityType: 'insurance-policy', entityId: row.id, after: input });
        return presentPolicy(row);
      });
    },

    async listPolicies(actor: Actor) {
      authorize(actor, P['policy.read']);
      return { items: (await repo.listPolicies(db)).map(presentPolicy) };
    },

    // ---- eligibility
    /** The §H conditions for a complaint, each with pass/fail (consumer: tracking number + code). */
    async publicEligibility(trackingNo: string, code: string, locale: Locale) {
      const c = await deps.complaints.verifyAccess(trackingNo, code);
      const { policy, conditions } = await check(c);
      return { trackingNo: c.trackingNo, eligible: failing(conditions).length === 0 && !!policy, policyId: policy?.id ?? null, conditions: presentConditions(conditions, locale) };
    },

    async eligibility(actor: Actor, trackingNo: string, locale: Locale) {
      authorize(actor, P['claim.read']);
      const c = await deps.complaints.findForClaim(trackingNo);
      if (!c) throw new AppError('NOT_FOUND');
      assertInScope(actor, { regionCode: c.regionCode });
      const { policy, conditions } = await check(c);
      return { trackingNo: c.trackingNo, eligible: failing(conditions).length === 0 && !!policy, policyId: policy?.id ?? null, conditions: presentConditions(conditions, locale) };
    },

    // ---- claims
    /** Online claim by the consumer, who proves access with the tracking number and code. */
    async fileOnline(input: { trackingNo: string; code: string; claimedFen: number; lossDescription: string }, ctx: AuditContext, locale: Locale) {
      const c = await deps.complaints.verifyAccess(input.trackingNo, input.code);
      return presentPublicClaim(await file(c, input, 'online', ctx), locale);
    },

    /** Offline claim entered by staff for the consumer. */
    async fileOffline(actor: Actor, input: { trackingNo: string; claimedFen: number; lossDescription: string }, ctx: AuditContext, locale: Locale) {
      authorize(actor, P['claim.file-offline']);
      const c = await deps.complaints.findForClaim(input.trackingNo);
      if (!c) throw new AppError('NOT_FOUND');
      assertInScope(actor, { regionCode: c.regionCode });
      return presentClaim(await file(c, input, 'offline', ctx), locale);
    },

    async publicClaims(trackingNo: string, code: string, locale: Locale) {
      const c = await deps.complaints.verifyAccess(trackingNo, code);
      return { items: (await repo.claimsOfComplaint(db, c.id)).map((r) => presentPublicClaim(r, locale)) };
    },

    async list(actor: Actor, q: { status?: string; cursor?: string; limit: number }, locale: Locale) {
      authorize(actor, P['claim.read']);
      const after = decodeCursor(q.cursor) as [string, string] | null;
      const rows = await repo.listClaims(db, { regionPrefix: jurisdictionPrefix(actor), status: q.status, after: after ?? undefined, limit: q.limit + 1 });
      const page = toPage(rows, q.limit, (r) => [new Date(r.created_at).toISOString(), r.id]);
      return { items: page.items.map((r) => presentClaim(r, locale)), nextCursor: page.nextCursor };
    },

    /** The full claim (claimant's data included): every view is an audited read. */
    async get(actor: Actor, id: string, locale: Locale, ctx?: AuditContext) {
      authorize(actor, P['claim.read']);
      const dto = presentClaim(readable(actor, await repo.getClaim(db, id)), locale);
      if (ctx) await db.transaction().execute((tx) => audit.record(tx, ctx, { action: 'claim.view', entityType: 'insurance_claim', entityId: id }));
      return dto;
    },

    /** Evidence (photos, receipts: PDF, JPEG, PNG; size limited) for a claim still under review. */
    async addEvidence(actor: Actor | null, id: string, file: { data: Buffer; originalName: string }, ctx: AuditContext, locale: Locale, access?: { trackingNo: string; code: string }) {
      let row: ClaimRow | undefined;
      if (access) {
        const c = await deps.complaints.verifyAccess(access.trackingNo, access.code);
        row = await repo.getClaim(db, id);
        if (!row || row.complaint_id !== c.id) throw new AppError('NOT_FOUND');
      } else {
        authorize(actor!, P['claim.file-offline']);
        row = readable(actor!, await repo.getClaim(db, id));
      }
      if (row.status !== 'submitted') throw new AppError('INVALID_STATE', { params: { status: row.status } });
      const claim = row;
      await db.transaction().execute(async (tx) => {
        const saved = await p.files.save(tx, { data: file.data, originalName: file.originalName, ownerAccountId: actor?.id ?? null });
        await repo.addEvidence(tx, claim.id, { fileId: saved.id, name: saved.originalName, mime: saved.mime, size: saved.size });
        await audit.record(tx, ctx, { action: 'claim.evidence', entityType: 'insurance-claim', entityId: claim.id, after: { fileId: saved.id, mime: saved.mime, size: saved.size } });
      });
      return presentPublicClaim((await repo.getClaim(db, id))!, locale);
    },

    /**
     * Approves within the claimed amount, the per-accident limit and the remaining aggregate. The
     * aggregate holds under concurrency: the payout is added with one conditional update.
     */
    async approve(actor: Actor, id: string, input: { version: number; approvedFen: number; liability: LiabilityFinding; claimBasis: ClaimBasis; note?: string }, ctx: AuditContext, locale: Locale) {
      authorize(actor, P['claim.review']);
      // The trigger conditions, with the reviewer's liability finding, are checked before the
      // transaction (they read the complaint through the complaints module's api).
      const current = readable(actor, await repo.getClaim(db, id));
      const c = await deps.complaints.findForClaimById(current.complaint_id);
      if (!c) throw new AppError('NOT_FOUND');
      const { conditions } = await check(c, input.liability);
      const bad = failing(conditions);
      if (bad.length && current.status === 'submitted') throw conditionsFail(bad);
      return review(actor, id, input.version, 'submitted', ctx, 'claim.approve', locale, async (tx, row) => {
        const policy = (await repo.getPolicy(tx, row.policy_id))!;
        const lim = approvalLimit(input.approvedFen, Number(row.claimed_fen), Number(policy.per_accident_limit_fen), Number(policy.aggregate_limit_fen) - Number(policy.paid_fen));
        if (!lim.ok) throw limitExceeded(lim.limit, lim.maxFen);
        const reserved = await repo.reserve(tx, policy.id, input.approvedFen);
        if (!reserved) {
          // Another approval used up the aggregate since we read it.
          const now = (await repo.getPolicy(tx, policy.id))!;
          throw limitExceeded('aggregate', Math.max(0, Number(now.aggregate_limit_fen) - Number(now.paid_fen)));
        }
        return { status: 'approved', approved_fen: input.approvedFen, liability: input.liability, claim_basis: input.claimBasis, approved_at: clock.now(), conditions };
      }, (row) => ['理赔已核准', `放心消费险理赔已核准，金额 ${yuan(Number(row.approved_fen))}，将直接支付给您`]);
    },

    async refuse(actor: Actor, id: string, input: { version: number; reason: string }, ctx: AuditContext, locale: Locale) {
      return review(actor, id, input.version, 'submitted', ctx, 'claim.refuse', locale, async () => ({ status: 'refused', refusal_reason: input.reason, refused_at: clock.now() }), () => [
        '理赔未予核准',
        `放心消费险理赔未予核准，理由：${input.reason}`,
      ]);
    },

    /** Records the payout made directly to the consumer. */
    async pay(actor: Actor, id: string, input: { version: number; payoutRef: string }, ctx: AuditContext, locale: Locale) {
      return review(actor, id, input.version, 'approved', ctx, 'claim.pay', locale, async () => ({ status: 'paid', payout_ref: input.payoutRef, paid_at: clock.now() }), (row) => [
        '理赔款已支付',
        `放心消费险理赔款 ${yuan(Number(row.approved_fen))} 已支付`,
      ]);
    },

    /**
     * The figures of the consumer-protection practice in one place: mediation success rate, time in
     * each fast stage, station coverage (community points within 5 minutes' walk of a station open
     * today at 10:00 China time) and claims paid.
     */
    async combinedFigures(actor: Actor) {
      authorize(actor, P['figures.read']);
      const mediation = await deps.complaints.figures(actor);
      const cov = await deps.complaints.coverage(actor, { at: `${clock.today()}T02:00:00.000Z` });
      const claims = await claimFigures(actor);
      return {
        ...mediation,
        coverage: { share: cov.share, covered: cov.covered, total: cov.total, minutes: cov.minutes, openStations: cov.openStations },
        claims: { count: claims.claims, paidCount: claims.paidCount, paidFen: claims.paidFen, approvedUnpaidFen: claims.approvedUnpaidFen, refused: claims.refused },
      };
    },

    figures: claimFigures,
  };
}

function limitExceeded(limit: 'claimed' | 'per_accident' | 'aggregate', maxFen: number): AppError {
  const names: Record<typeof limit, LocalizedText> = {
    claimed: { 'zh-CN': '申请金额', 'zh-TW': '申請金額', en: 'the amount claimed' },
    per_accident: { 'zh-CN': '每次事故赔偿限额', 'zh-TW': '每次事故賠償限額', en: 'the per-accident limit' },
    aggregate: { 'zh-CN': '保单累计赔偿限额剩余额度', 'zh-TW': '保單累計賠償限額剩餘額度', en: 'the remaining aggregate limit of the policy' },
  };
  const amount = `¥${(maxFen / 100).toFixed(2)}`;
  return new AppError('LIMIT_EXCEEDED', {
    text: {
      'zh-CN': `超出限额：${names[limit]['zh-CN']}（最多 ${amount}）`,
      'zh-TW': `超出限額：${names[limit]['zh-TW']}（最多 ${amount}）`,
      en: `Limit exceeded: ${names[limit].en} (at most ${amount})`,
    },
    params: { limit, maxFen },
  });
}

export type InsuranceService = ReturnType<typeof createInsuranceService>;

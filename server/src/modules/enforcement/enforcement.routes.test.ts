import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { COMPLAINTS_REPORT_ACCEPTED as REPORT_ACCEPTED } from '../../../../contracts/events.js';
import { enforcementFixture, FIRST_VIOLATION, SC, e1, e2 } from '../../../test/fixtures/enforcement-routes.js';

describe('enforcement routes: the general and on-the-spot procedures', () => {
  const f = enforcementFixture();
  let { t, o1, o2, o3, gsOfficer, reviewer, reviewerOfficer, leader, credit, business } = f;
  before(() => ({ t, o1, o2, o3, gsOfficer, reviewer, reviewerOfficer, leader, credit, business } = f));
  const openCase: typeof f.openCase = (...a) => f.openCase(...a);
  const stepOk: typeof f.stepOk = (...a) => f.stepOk(...a);

  test('first violation: the engine proposes no penalty with art. 33 ¶1, the decision package is issued and verifiable', async () => {
    const c = await openCase();
    assert.equal(c.status, 'investigating');
    assert.equal(c.decisionDue, '2026-06-01'); // 90 days from 2026-03-02, 05-31 is a Sunday
    // The co-officer is told in the app.
    const note = await t.platform.db.selectFrom('platform.notification').select(['title', 'link']).where('account_id', '=', o2.accountId).executeTakeFirst();
    assert.equal(note?.link, `/staff/enforcement/cases/${c.id}`);
    const withFacts = await stepOk(o1, c.id, 'facts', { facts: FIRST_VIOLATION });
    assert.equal(withFacts.engine.outcome, 'no_penalty');
    assert.equal(withFacts.engine.mandatory, false);
    assert.equal(withFacts.engine.citations[0].article, '第三十三条第一款');
    assert.equal(withFacts.ruleSet, 'samr-national@1');
    const proposed = await stepOk(o1, c.id, 'proposal', { outcome: 'no_penalty', amountFen: 0 });
    assert.equal(proposed.outsideProposal, false);
    assert.equal(proposed.reviewRequired, false);
    // A legal reviewer may still approve.
    const reviewed = await stepOk(reviewer, c.id, 'review', { result: 'approved', opinion: '同意不予处罚。' });
    assert.equal(reviewed.reviewResult, 'approved');
    const decided = await stepOk(o2, c.id, 'decision');
    assert.equal(decided.status, 'decided');
    assert.equal(decided.decidedOn, '2026-03-02');
    assert.deepEqual(decided.documents.map((d: { kind: string }) => d.kind).sort(), ['compliance_guidance_letter', 'follow_up_letter', 'no_penalty_decision']);
    assert.equal(decided.publicity, null, 'a no-penalty decision is not published');
    const doc = decided.documents.find((d: { kind: string }) => d.kind === 'no_penalty_decision');
    assert.match(doc.docNo, /^上城市监不罚〔2026〕\d+号$/);
    const pdf = await o1.get(doc.pdfUrl);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const verified = await t.anonymous().get(`/api/public/documents/${doc.verifyCode}`);
    assert.equal(verified.status, 200);
    assert.deepEqual(
      { genuine: verified.body.genuine, docNo: verified.body.docNo, title: verified.body.title, issuer: verified.body.issuer, sha256: verified.body.sha256 },
      { genuine: true, docNo: doc.docNo, title: '不予行政处罚决定书', issuer: '杭州市上城区市场监督管理局', sha256: doc.sha256 },
    );
    assert.equal((await t.anonymous().get('/api/public/documents/not-a-real-code')).status, 404);
    // Service, then closure (no fine to pay).
    await stepOk(o1, c.id, 'service');
    const closed = await stepOk(o1, c.id, 'close');
    assert.equal(closed.status, 'closed');
    assert.deepEqual(closed.steps.map((s: { kind: string }) => s.kind), ['lead', 'open', 'facts', 'proposal', 'review', 'reasoning', 'decision', 'service', 'close']);
  });

  test('documents are numbered per office and year without gaps', async () => {
    const numbers: number[] = [];
    for (let i = 0; i < 2; i++) {
      const c = await openCase();
      await stepOk(o1, c.id, 'facts', { facts: FIRST_VIOLATION });
      await stepOk(o1, c.id, 'proposal', { outcome: 'no_penalty', amountFen: 0 });
      const d = await stepOk(o1, c.id, 'decision');
      numbers.push(Number(/〔2026〕(\d+)号/.exec(d.documents.find((x: { kind: string }) => x.kind === 'no_penalty_decision').docNo)![1]));
    }
    assert.equal(numbers[1], numbers[0] + 1);
  });

  test('a major case cannot be decided before legal review and collective discussion', async () => {
    const c = await openCase(e2.creditCode);
    await stepOk(o1, c.id, 'facts', { facts: { violationType: 'ad.false', firstViolation: false, harm: 'significant', corrected: false } });
    const proposed = await stepOk(o1, c.id, 'proposal', { outcome: 'standard', amountFen: 50_000_000 });
    assert.equal(proposed.serious, true);
    assert.equal(proposed.reviewRequired, true);
    assert.equal(proposed.collectiveRequired, true);
    assert.equal(proposed.hearingRight, true);
    const noticed = await stepOk(o1, c.id, 'notice');
    assert.equal(noticed.status, 'notified');
    assert.ok(noticed.documents.some((d: { kind: string }) => d.kind === 'penalty_notice'));

    const early = await o1.post(`/api/enforcement/cases/${c.id}/decision`, { version: noticed.version });
    assert.equal(early.status, 422);
    assert.equal(early.body.error.code, 'RULE_VIOLATION');
    assert.match(early.body.error.message, /法制审核/);
    assert.match(early.body.error.message, /集体讨论/);

    // Only legal reviewers record reviews, and never an officer of the case.
    const byOfficer = await o1.post(`/api/enforcement/cases/${c.id}/review`, { version: noticed.version, result: 'approved', opinion: '同意' });
    assert.equal(byOfficer.status, 403);
    const c2 = await openCase(e2.creditCode, [reviewerOfficer, o1]);
    const own = await reviewerOfficer.post(`/api/enforcement/cases/${c2.id}/facts`, { version: c2.version, facts: FIRST_VIOLATION });
    assert.equal(own.status, 200);
    await stepOk(reviewerOfficer, c2.id, 'proposal', { outcome: 'no_penalty', amountFen: 0 });
    const selfReview = await reviewerOfficer.post(`/api/enforcement/cases/${c2.id}/review`, { version: (await o1.get(`/api/enforcement/cases/${c2.id}`)).body.version, result: 'approved', opinion: '同意' });
    assert.equal(selfReview.status, 422);
    assert.match(selfReview.body.error.message, /调查人员不得担任法制审核/);

    await stepOk(reviewer, c.id, 'review', { result: 'approved', opinion: '事实清楚，证据确凿，同意。' });
    const stillEarly = await o1.post(`/api/enforcement/cases/${c.id}/decision`, { version: (await o1.get(`/api/enforcement/cases/${c.id}`)).body.version });
    assert.equal(stillEarly.status, 422);
    assert.doesNotMatch(stillEarly.body.error.message, /法制审核/);
    assert.match(stillEarly.body.error.message, /集体讨论/);
    const byOfficerCollective = await o1.post(`/api/enforcement/cases/${c.id}/collective`, { version: (await o1.get(`/api/enforcement/cases/${c.id}`)).body.version, conclusion: '同意', participants: ['甲', '乙', '丙'] });
    assert.equal(byOfficerCollective.status, 403);
    await stepOk(leader, c.id, 'collective', { conclusion: '经集体讨论，同意处罚。', participants: ['局长', '副局长', '法规科长'] });
    const decided = await stepOk(o1, c.id, 'decision');
    assert.equal(decided.status, 'decided');
    assert.deepEqual(
      decided.documents.map((d: { kind: string }) => d.kind).sort(),
      ['compliance_guidance_letter', 'credit_repair_notice', 'follow_up_letter', 'penalty_decision', 'penalty_notice'],
    );
    // Publicity: within 20 working days of the decision, 3 years for this fine.
    assert.equal(decided.publicity.status, 'pending');
    assert.equal(decided.publicity.publishDue, t.platform.calendar.get().addWorkingDays('2026-03-02', 20));
    assert.equal(decided.publicity.period, '3_years');
    const published = await credit.post(`/api/enforcement/cases/${c.id}/publish`);
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(published.body.publicity.publishedOn, '2026-03-02');
    assert.equal(published.body.publicity.endsOn, '2029-03-02');
    const events = await t.platform.db.selectFrom('platform.outbox_event').select(['topic']).execute().catch(() => []);
    void events;

    // Revoked: the publicity is withdrawn at once (deadline 3 working days) and the decision no longer verifies.
    const revoked = await stepOk(leader, c.id, 'revoke', { reason: '行政复议决定撤销。' });
    assert.equal(revoked.status, 'revoked');
    assert.equal(revoked.publicity.status, 'withdrawn');
    assert.equal(revoked.publicity.withdrawDue, '2026-03-05');
    assert.equal(revoked.publicity.withdrawnOn, '2026-03-02');
    const decision = revoked.documents.find((d: { kind: string }) => d.kind === 'penalty_decision');
    const v = await t.anonymous().get(`/api/public/documents/${decision.verifyCode}`);
    assert.equal(v.body.genuine, false);
    assert.equal(v.body.revoked, true);
  });

  test('an amount outside the statutory range is refused with the range named; a deviation needs a reason and review', async () => {
    const c = await openCase();
    await stepOk(o1, c.id, 'facts', { facts: { violationType: 'food.unlicensed-bulk', firstViolation: false, harm: 'significant', corrected: false, mitigating: ['eliminated_harm'] } });
    const cur = await o1.get(`/api/enforcement/cases/${c.id}`);
    assert.equal(cur.body.engine.outcome, 'lighter');
    assert.deepEqual(cur.body.engine.amountRange, { minFen: 5_000_000, maxFen: 6_500_000 });
    const over = await o1.post(`/api/enforcement/cases/${c.id}/proposal`, { version: cur.body.version, outcome: 'heavier', amountFen: 20_000_000, deviationReason: '情节恶劣' });
    assert.equal(over.status, 422);
    assert.match(over.body.error.message, /¥50,000–¥100,000/);
    const noReason = await o1.post(`/api/enforcement/cases/${c.id}/proposal`, { version: cur.body.version, outcome: 'standard', amountFen: 8_000_000 });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.error.fields[0].path, 'deviationReason');
    assert.equal(noReason.body.error.fields[0].message, '偏离裁量建议的，须说明理由');
    const outside = await stepOk(o1, c.id, 'proposal', { outcome: 'standard', amountFen: 8_000_000, deviationReason: '当事人拒不配合调查' });
    assert.equal(outside.outsideProposal, true);
    assert.equal(outside.reviewRequired, true);
    assert.equal(outside.collectiveRequired, false);
    const inside = await stepOk(o1, c.id, 'proposal', { outcome: 'lighter', amountFen: 6_000_000 });
    assert.equal(inside.outsideProposal, false);
    assert.equal(inside.reviewRequired, false);
  });

  test('an on-the-spot fine over ¥3,000 for an organisation is refused with the limit named', async () => {
    const base = { partyKind: 'organisation', partyName: '杭州某超市有限公司', creditCode: e1.creditCode, violationType: 'price.no-tag', circumstances: { firstViolation: false, harm: 'minor', corrected: false }, facts: '未按规定明码标价。', penalty: 'fine', coOfficerId: o2.accountId };
    const over = await o1.post('/api/enforcement/on-the-spot', { ...base, amountFen: 300_001 });
    assert.equal(over.status, 422);
    assert.equal(over.body.error.code, 'LIMIT_EXCEEDED');
    assert.match(over.body.error.message, /¥3,000/);
    assert.match(over.body.error.message, /第五十一条/);
    const person = await o1.post('/api/enforcement/on-the-spot', { ...base, partyKind: 'person', partyName: '王五', creditCode: undefined, regionCode: SC, amountFen: 20_001 });
    assert.equal(person.status, 422);
    assert.match(person.body.error.message, /¥200/);
    const alone = await o1.post('/api/enforcement/on-the-spot', { ...base, amountFen: 200_000, coOfficerId: o1.accountId });
    assert.equal(alone.status, 422);
    const ok = await o1.post('/api/enforcement/on-the-spot', { ...base, amountFen: 300_000 });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.procedure, 'on_the_spot');
    assert.equal(ok.body.status, 'served');
    assert.equal(ok.body.documents[0].kind, 'on_the_spot_decision');
    assert.equal(ok.body.publicity, null, 'on-the-spot decisions are not published');
    const filed = await stepOk(o1, ok.body.id, 'filing');
    assert.equal(filed.filedOn, '2026-03-02');
    const warning = await o1.post('/api/enforcement/on-the-spot', { ...base, penalty: 'warning', amountFen: 0, deviationReason: '当场改正，仅予警告' });
    assert.equal(warning.status, 201);
    assert.equal(warning.body.status, 'closed');
  });

  test('back-dating a step is refused and the attempt is audited', async () => {
    const c = await openCase();
    const past = new Date(t.clock.now().getTime() - 3600_000).toISOString();
    const res = await o1.post(`/api/enforcement/cases/${c.id}/facts`, { version: c.version, facts: FIRST_VIOLATION, occurredAt: past });
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'RULE_VIOLATION');
    assert.equal(res.body.error.fields[0].code, 'BACKDATING');
    const entries = await t.platform.audit.list({ limit: 20, entityType: 'enforcement_case', entityId: c.id });
    const entry = entries.find((e) => e.action === 'enforcement.backdating-refused');
    assert.ok(entry, 'the refused attempt is in the audit log');
    assert.equal(entry!.actorId, o1.accountId);
    assert.equal((entry!.after as { claimedAt: string }).claimedAt, past);
    // Nothing changed on the case.
    const after = await o1.get(`/api/enforcement/cases/${c.id}`);
    assert.equal(after.body.version, c.version);
    assert.equal(after.body.facts, null);
    // The current time is accepted; the recorded time is the server's.
    const now = await o1.post(`/api/enforcement/cases/${c.id}/facts`, { version: c.version, facts: FIRST_VIOLATION, occurredAt: t.clock.now().toISOString() });
    assert.equal(now.status, 200);
    assert.equal(now.body.steps.at(-1).recordedAt, t.clock.now().toISOString());
    // Supervision shows the officer.
    const sup = await leader.get('/api/enforcement/supervision');
    assert.equal(sup.status, 200);
    assert.equal(sup.body.officerAnomalies.find((o: { officerId: string }) => o.officerId === o1.accountId)?.backdatingAttempts, 1);
  });

  test('two officers editing the same case: the second gets a version conflict', async () => {
    const c = await openCase();
    const a = await o1.post(`/api/enforcement/cases/${c.id}/facts`, { version: c.version, facts: FIRST_VIOLATION });
    const b = await o2.post(`/api/enforcement/cases/${c.id}/evidence`, { version: c.version, kind: 'evidence', description: '现场照片' });
    assert.equal(a.status, 200);
    assert.equal(b.status, 409);
    assert.equal(b.body.error.code, 'VERSION_CONFLICT');
  });

  test('denials: log-in, roles, jurisdiction, case officers, validation and the state machine', async () => {
    const c = await openCase();
    assert.equal((await t.anonymous().get('/api/enforcement/cases')).status, 401);
    assert.equal((await business.get('/api/enforcement/cases')).status, 403);
    assert.equal((await gsOfficer.get(`/api/enforcement/cases/${c.id}`)).status, 404);
    const gsList = await gsOfficer.get('/api/enforcement/cases');
    assert.equal(gsList.body.items.some((x: { id: string }) => x.id === c.id), false);
    const own = await o1.get('/api/enforcement/cases?status=investigating&limit=200');
    assert.ok(own.body.items.some((x: { id: string }) => x.id === c.id));
    // Not an officer of this case.
    const notMine = await o3.post(`/api/enforcement/cases/${c.id}/facts`, { version: c.version, facts: FIRST_VIOLATION });
    assert.equal(notMine.status, 403);
    // A lead outside the officer's district is refused; one officer is not enough.
    assert.equal((await gsOfficer.post('/api/enforcement/leads', { source: 'staff', creditCode: e1.creditCode, summary: 'x' })).status, 403);
    const lead = await o1.post('/api/enforcement/leads', { source: 'public_proposal', creditCode: e1.creditCode, summary: '群众反映' });
    const one = await o1.post(`/api/enforcement/cases/${lead.body.id}/open`, { version: lead.body.version, officerIds: [o1.accountId] });
    assert.equal(one.status, 400);
    assert.equal(one.body.error.fields[0].path, 'officerIds');
    const other = await o1.post(`/api/enforcement/cases/${lead.body.id}/open`, { version: lead.body.version, officerIds: [o1.accountId, gsOfficer.accountId] });
    assert.equal(other.status, 400);
    // The state machine: a lead cannot be decided.
    const early = await o1.post(`/api/enforcement/cases/${lead.body.id}/decision`, { version: lead.body.version });
    assert.equal(early.status, 409);
    assert.equal(early.body.error.code, 'INVALID_STATE');
    // No proposal without facts.
    const noFacts = await o1.post(`/api/enforcement/cases/${c.id}/proposal`, { version: c.version, outcome: 'standard', amountFen: 100 });
    assert.equal(noFacts.status, 422);
    assert.equal((await o1.get('/api/enforcement/cases/00000000-0000-0000-0000-000000000000')).status, 404);
    // Officers to pick from: the district's, not another district's.
    const officers = await o1.get('/api/enforcement/officers');
    assert.equal(officers.status, 200);
    const ids = officers.body.items.map((x: { id: string }) => x.id);
    assert.ok(ids.includes(o2.accountId) && !ids.includes(gsOfficer.accountId));
    assert.equal((await business.get('/api/enforcement/officers')).status, 403);
    // The rule set and the engine preview.
    const rs = await o1.get('/api/enforcement/rule-set');
    assert.equal(rs.status, 200);
    assert.ok(rs.body.violations.length >= 6);
    const preview = await o1.post('/api/enforcement/engine/propose', { facts: FIRST_VIOLATION, partyKind: 'organisation' });
    assert.equal(preview.body.outcome, 'no_penalty');
    assert.match(preview.body.reasons[0].text, /首违不罚/);
  });

  test('general-procedure fines: low fine 3 months publicity, service, late fee and payment', async () => {
    const c = await openCase();
    await stepOk(o1, c.id, 'facts', { facts: { violationType: 'price.no-tag', firstViolation: false, harm: 'significant', corrected: false } });
    await stepOk(o1, c.id, 'proposal', { outcome: 'standard', amountFen: 200_000 });
    await stepOk(o1, c.id, 'notice');
    await stepOk(o1, c.id, 'statement', { statement: '无异议', waived: true });
    const decided = await stepOk(o1, c.id, 'decision');
    assert.equal(decided.publicity.period, '3_months');
    const served = await stepOk(o1, c.id, 'service');
    assert.equal(served.paymentDue, '2026-03-17');
    t.clock.set('2026-03-19T02:00:00Z'); // two days late: 6% late fee
    try {
    const wrong = await o1.post(`/api/enforcement/cases/${c.id}/payment`, { version: served.version, amountFen: 200_000 });
    assert.equal(wrong.status, 422);
    assert.match(wrong.body.error.message, /¥2,120/);
    const paid = await stepOk(o1, c.id, 'payment', { amountFen: 212_000 });
    assert.equal(paid.lateFeeFen, 12_000);
    const pub = await credit.post(`/api/enforcement/cases/${c.id}/publish`);
    assert.equal(pub.body.publicity.endsOn, '2026-06-19');
    const closed = await stepOk(o1, c.id, 'close');
    assert.equal(closed.status, 'closed');
    } finally {
      t.clock.set('2026-03-02T02:00:00Z');
    }
  });

  test('a hearing pauses the time limit and makes legal review required', async () => {
    const c = await openCase(e2.creditCode);
    await stepOk(o1, c.id, 'facts', { facts: { violationType: 'food.expired', firstViolation: false, harm: 'significant', corrected: false } });
    await stepOk(o1, c.id, 'proposal', { outcome: 'standard', amountFen: 7_500_000 });
    // ¥75,000 < ¥100,000: no hearing right for an organisation.
    await stepOk(o1, c.id, 'notice');
    const noRight = await o1.post(`/api/enforcement/cases/${c.id}/hearing-request`, { version: (await o1.get(`/api/enforcement/cases/${c.id}`)).body.version, hearingOn: '2026-03-20' });
    assert.equal(noRight.status, 422);

    const h = await openCase(e2.creditCode);
    await stepOk(o1, h.id, 'facts', { facts: { violationType: 'ad.false', firstViolation: false, harm: 'minor', corrected: true, mitigating: ['eliminated_harm'] } });
    await stepOk(o1, h.id, 'proposal', { outcome: 'lighter', amountFen: 20_000_000 });
    await stepOk(o1, h.id, 'notice');
    const tooSoon = await o1.post(`/api/enforcement/cases/${h.id}/hearing-request`, { version: (await o1.get(`/api/enforcement/cases/${h.id}`)).body.version, hearingOn: '2026-03-05' });
    assert.equal(tooSoon.status, 422);
    const requested = await stepOk(o1, h.id, 'hearing-request', { hearingOn: '2026-03-16' });
    assert.equal(requested.pausedSince, '2026-03-02');
    assert.ok(requested.documents.some((d: { kind: string }) => d.kind === 'hearing_notice'));
    t.clock.set('2026-03-16T02:00:00Z');
    try {
    const held = await stepOk(o1, h.id, 'hearing', { minutes: '听证笔录' });
    assert.equal(held.pausedDays, 14);
    assert.equal(held.decisionDue, '2026-06-15');
    assert.equal(held.reviewRequired, true);
    } finally {
      t.clock.set('2026-03-02T02:00:00Z');
    }
  });

  test('complaints.report-accepted events become leads, once per event', async () => {
    const eventId = '7d9f3c2e-1111-4a2b-9c3d-000000000001';
    await t.platform.db.transaction().execute((tx) =>
      t.platform.outbox.append(
        tx,
        REPORT_ACCEPTED,
        { complaintId: 'c1', trackingNo: 'JB-2026-0001', regionCode: SC, respondentCreditCode: e1.creditCode, respondentName: e1.name, respondentAddress: e1.address, facts: '举报销售过期食品', receivedOn: '2026-03-01', acceptedOn: '2026-03-02' },
        { eventId },
      ),
    );
    await t.worker.drain();
    const svc = t.modules.find((m) => m.name === 'enforcement')!.api as { leadFromReport(id: string, p: Record<string, unknown>): Promise<void> };
    await svc.leadFromReport(eventId, { trackingNo: 'JB-2026-0001', respondentCreditCode: e1.creditCode, facts: 'x' });
    const rows = await t.platform.db.selectFrom('enforcement.case').selectAll().where('source_event_id', '=', eventId).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0].source, 'complaint_report');
    assert.equal(rows[0].source_ref, 'JB-2026-0001');
    assert.equal(rows[0].status, 'lead');
    assert.equal(rows[0].verification_due, '2026-03-23');
    assert.equal(rows[0].summary, '举报销售过期食品');
    assert.equal(rows[0].party_name, e1.name);
  });

  test('interviews, warnings, follow-ups: timeline, service card and figures', async () => {
    const w = await o1.post('/api/enforcement/engagements', { kind: 'warning', creditCode: e1.creditCode, signals: ['complaints_rising'], content: '近期投诉上升，请自查。' });
    assert.equal(w.status, 201, JSON.stringify(w.body));
    const bad = await o1.post('/api/enforcement/engagements', { kind: 'interview', creditCode: e1.creditCode });
    assert.equal(bad.status, 400);
    const iv = await o1.post('/api/enforcement/engagements', { kind: 'interview', creditCode: e1.creditCode, scheduledOn: '2026-03-10', reason: '多次被投诉' });
    assert.equal(iv.status, 201);
    assert.equal(iv.body.status, 'scheduled');
    assert.equal(iv.body.documents[0].kind, 'interview_notice');
    // Not held before its date (the clock of this file may have moved on: restored below).
    const saved = t.clock.now().toISOString();
    t.clock.set('2026-03-09T02:00:00Z');
    const early = await o1.post(`/api/enforcement/engagements/${iv.body.id}/minutes`, { version: iv.body.version, minutes: '约谈记录', commitments: [{ item: '建立进货查验制度', dueOn: '2026-04-01' }] });
    assert.equal(early.status, 422);
    assert.equal(early.body.error.code, 'RULE_VIOLATION');
    assert.match(early.body.error.message, /2026-03-10/);
    t.clock.set('2026-03-10T02:00:00Z');
    const held = await o1.post(`/api/enforcement/engagements/${iv.body.id}/minutes`, { version: iv.body.version, minutes: '约谈记录', commitments: [{ item: '建立进货查验制度', dueOn: '2026-04-01' }] });
    assert.equal(held.status, 200);
    assert.equal(held.body.data.followUpDue, '2026-04-01');
    const stale = await o1.post(`/api/enforcement/engagements/${iv.body.id}/check`, { version: iv.body.version, result: '已整改', fulfilled: [0] });
    assert.equal(stale.status, 409);
    // The check waits for the commitments' due date, unless recorded as an early check.
    const notYet = await o1.post(`/api/enforcement/engagements/${iv.body.id}/check`, { version: held.body.version, result: '已整改', fulfilled: [0] });
    assert.equal(notYet.status, 422);
    assert.match(notYet.body.error.message, /2026-04-01/);
    const checked = await o1.post(`/api/enforcement/engagements/${iv.body.id}/check`, { version: held.body.version, result: '已整改', fulfilled: [0], early: true });
    assert.equal(checked.body.status, 'checked');
    assert.equal(checked.body.data.earlyCheck, true);
    t.clock.set(saved);
    const fu = await o1.post('/api/enforcement/engagements', { kind: 'follow_up', creditCode: e1.creditCode, satisfaction: 5 });
    assert.equal(fu.status, 201);
    assert.equal((await gsOfficer.post('/api/enforcement/engagements', { kind: 'follow_up', creditCode: e1.creditCode, satisfaction: 4 })).status, 404);
    const tl = await o1.get(`/api/enforcement/enterprises/${e1.creditCode}/timeline`);
    assert.equal(tl.status, 200);
    const types = new Set(tl.body.items.map((i: { type: string }) => i.type));
    for (const k of ['case', 'decision', 'warning', 'interview', 'follow_up', 'document', 'on_the_spot']) assert.ok(types.has(k), k);
    const card = await o1.get('/api/enforcement/service-card');
    assert.equal(card.status, 200);
    assert.match(card.body.qrPng, /^data:image\/png;base64,/);
    assert.equal((await t.anonymous().post(`/api/public/service-cards/${o1.accountId}/ratings`, { score: 5 })).status, 201);
    assert.equal((await t.anonymous().post(`/api/public/service-cards/${reviewer.accountId}/ratings`, { score: 5 })).status, 404);
    assert.equal((await o1.get('/api/enforcement/service-card')).body.ratings.count, 1);
    const fig = await leader.get('/api/enforcement/figures?year=2026');
    assert.equal(fig.status, 200);
    assert.ok(fig.body.notPenalised.year >= 2);
    assert.ok(fig.body.onTheSpot.year >= 2);
    assert.equal(fig.body.interviews.year, 1);
    assert.equal(fig.body.followUps.year, 1);
    assert.equal(fig.body.cases.previous, 0);
    assert.equal((await o1.get('/api/enforcement/figures?year=2026')).status, 403);
  });
});

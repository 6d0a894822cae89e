import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { enforcementFixture, FIRST_VIOLATION, e1 } from '../../../test/fixtures/enforcement-routes.js';

describe('enforcement routes: time limits, supervision, documents and templates', () => {
  const f = enforcementFixture();
  let { t, o1, gsOfficer, reviewer, leader } = f;
  before(() => ({ t, o1, gsOfficer, reviewer, leader } = f));
  const openCase: typeof f.openCase = (...a) => f.openCase(...a);
  const stepOk: typeof f.stepOk = (...a) => f.stepOk(...a);

  test('pause, resume and an approved extension move the deadline; dismissal closes a lead', async () => {
    const c = await openCase();
    assert.equal(c.decisionDue, '2026-06-01');
    const paused = await stepOk(o1, c.id, 'pause', { reason: 'testing' });
    assert.equal(paused.pausedSince, '2026-03-02');
    const twice = await o1.post(`/api/enforcement/cases/${c.id}/pause`, { version: paused.version, reason: 'testing' });
    assert.equal(twice.status, 409);
    t.clock.set('2026-03-12T02:00:00Z');
    try {
      // While paused the shown deadline moves day by day.
      assert.equal((await o1.get(`/api/enforcement/cases/${c.id}`)).body.decisionDue, '2026-06-10');
      const resumed = await stepOk(o1, c.id, 'resume');
      assert.equal(resumed.pausedDays, 10);
      assert.equal(resumed.decisionDue, '2026-06-10'); // 100 days from 03-02
    } finally {
      t.clock.set('2026-03-02T02:00:00Z');
    }
    // Extensions are approved by the bureau's leaders only, once.
    const cur = await o1.get(`/api/enforcement/cases/${c.id}`);
    assert.equal((await o1.post(`/api/enforcement/cases/${c.id}/extension`, { version: cur.body.version, kind: 'decision', reason: '案情复杂' })).status, 403);
    const ext = await stepOk(leader, c.id, 'extension', { kind: 'decision', reason: '案情复杂，需补充鉴定' });
    assert.equal(ext.decisionExtended, true);
    assert.equal(ext.decisionDue, '2026-07-10'); // 90 + 30 + 10 days from 03-02
    assert.equal((await leader.post(`/api/enforcement/cases/${c.id}/extension`, { version: ext.version, kind: 'decision', reason: 'again' })).status, 409);

    const lead = await o1.post('/api/enforcement/leads', { source: 'transfer', creditCode: e1.creditCode, summary: '外地移送' });
    const vext = await stepOk(leader, lead.body.id, 'extension', { kind: 'verification', reason: '需进一步核查' });
    assert.equal(vext.verificationDue, t.platform.calendar.get().addWorkingDays('2026-03-02', 30));
    const dismissed = await stepOk(o1, lead.body.id, 'dismiss', { reason: '不属于本局管辖' });
    assert.equal(dismissed.status, 'dismissed');
  });

  test('supervision flags overdue leads and cases, and publication past its deadline', async () => {
    const lead = await o1.post('/api/enforcement/leads', { source: 'staff', creditCode: e1.creditCode, summary: '巡查发现' });
    const c = await openCase();
    const pubCase = await openCase();
    await stepOk(o1, pubCase.id, 'facts', { facts: { violationType: 'price.no-tag', firstViolation: false, harm: 'significant', corrected: false } });
    await stepOk(o1, pubCase.id, 'proposal', { outcome: 'standard', amountFen: 200_000 });
    await stepOk(o1, pubCase.id, 'notice');
    await stepOk(o1, pubCase.id, 'decision');
    t.clock.set('2026-06-15T02:00:00Z');
    try {
      const sup = await leader.get('/api/enforcement/supervision');
      assert.equal(sup.status, 200);
      const overdue = new Map(sup.body.overdueCases.map((x: { id: string; stage: string }) => [x.id, x.stage]));
      assert.equal(overdue.get(lead.body.id), 'verification');
      assert.equal(overdue.get(c.id), 'decision');
      assert.ok(sup.body.publicationOverdue.some((x: { id: string }) => x.id === pubCase.id));
      assert.deepEqual(sup.body.decisionsLackingReview, []);
      assert.deepEqual(sup.body.stepsOutOfOrder, []);
      assert.ok(sup.body.officerAnomalies.find((o: { officerId: string }) => o.officerId === o1.accountId).overdueCases >= 1);
      const list = await o1.get('/api/enforcement/cases?dueBefore=2026-06-14&status=investigating&limit=200');
      assert.ok(list.body.items.some((x: { id: string; overdue: boolean }) => x.id === c.id && x.overdue));
      assert.equal((await o1.get('/api/enforcement/supervision')).status, 403);
    } finally {
      t.clock.set('2026-03-02T02:00:00Z');
    }
  });

  test('document PDFs are limited to the jurisdiction', async () => {
    const c = await openCase();
    await stepOk(o1, c.id, 'facts', { facts: FIRST_VIOLATION });
    await stepOk(o1, c.id, 'proposal', { outcome: 'no_penalty', amountFen: 0 });
    const d = await stepOk(o1, c.id, 'decision');
    assert.equal((await gsOfficer.get(d.documents[0].pdfUrl)).status, 404);
    assert.equal((await t.anonymous().get(d.documents[0].pdfUrl)).status, 401);
    assert.equal((await reviewer.get(d.documents[0].pdfUrl)).status, 200);
  });

  test('templates are stored and editable by legal reviewers, with version checks', async () => {
    const list = await reviewer.get('/api/enforcement/templates');
    assert.equal(list.status, 200);
    const kinds = list.body.items.map((x: { kind: string }) => x.kind);
    for (const k of ['penalty_decision', 'no_penalty_decision', 'on_the_spot_decision', 'penalty_notice', 'hearing_notice', 'credit_repair_notice', 'compliance_guidance_letter', 'follow_up_letter']) assert.ok(kinds.includes(k), k);
    const fl = list.body.items.find((x: { kind: string }) => x.kind === 'follow_up_letter');
    const body = { title: '回访告知函', bodyTemplate: fl.bodyTemplate, footer: fl.footer, version: fl.version };
    assert.equal((await o1.request('PUT', '/api/enforcement/templates/follow_up_letter', body)).status, 403);
    const bad = await reviewer.request('PUT', '/api/enforcement/templates/follow_up_letter', { ...body, bodyTemplate: '{{nope}}' });
    assert.equal(bad.status, 400);
    const ok = await reviewer.request('PUT', '/api/enforcement/templates/follow_up_letter', body);
    assert.equal(ok.status, 200);
    assert.equal(ok.body.version, fl.version + 1);
    assert.equal((await reviewer.request('PUT', '/api/enforcement/templates/follow_up_letter', body)).status, 409);
  });
});

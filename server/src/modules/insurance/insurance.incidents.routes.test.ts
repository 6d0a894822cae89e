// Issue 11, practice 7: the per-accident limit holds across the claims of one accident (several
// consumers of one incident), under concurrency; the mass-incident basis needs ≥ 5 people.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type Client } from '../../../test/harness.js';

const SC = '330102';
let seq = 0;

describe('insurance incidents', () => {
  let t: TestApp;
  let leader: Client;
  let mediator: Client;
  let analyst: Client;
  let policyId: string;
  const body = { liability: 'non_intentional_liable', claimBasis: 'fully_liable_over_capacity' };

  /** A complaint whose mediation failed, and a claim filed for it by staff. */
  async function claim(claimedFen = 300_000): Promise<{ id: string; version: number }> {
    const res = await t.anonymous().post('/api/public/complaints', {
      kind: 'complaint', complainantName: '周敏', complainantPhone: `135${String(++seq * 15_485_863 + 10_000_000).slice(-8)}`, complainantAddress: '杭州市上城区',
      respondentName: '上城某火锅店', respondentAddress: '杭州市上城区解放路1号', regionCode: SC, category: 'food', request: '赔偿', facts: '同桌多人食物中毒', amountFen: 500_000,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const id = (await leader.get('/api/complaints?status=received&limit=200')).body.items.find((i: { trackingNo: string }) => i.trackingNo === res.body.trackingNo).id;
    let c = (await leader.post(`/api/complaints/${id}/accept`, { version: 1 })).body;
    c = (await leader.post(`/api/complaints/${id}/assign`, { version: c.version, mediatorId: mediator.accountId })).body;
    assert.equal((await mediator.post(`/api/complaints/${id}/conclude`, { version: c.version, outcome: 'no_agreement', note: '商家无力赔偿' })).status, 200);
    const filed = await mediator.post('/api/insurance/claims', { trackingNo: res.body.trackingNo, claimedFen, lossDescription: '医疗费' });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    return { id: filed.body.id, version: filed.body.version };
  }
  const incident = (people: number) => leader.post('/api/insurance/incidents', { policyId, title: `上城某火锅店食物中毒（${people} 人）`, occurredOn: '2026-02-20', peopleAffected: people });

  before(async () => {
    t = await createTestApp({ clock: '2026-03-02T02:00:00Z' });
    leader = await t.as({ roles: ['bureau_leader'], jurisdiction: '3301' });
    mediator = await t.as({ roles: ['mediator'], jurisdiction: SC });
    analyst = await t.as({ roles: ['analyst'], jurisdiction: '3301' });
    const pol = await leader.post('/api/insurance/policies', {
      year: 2026, policyNo: 'PZHA2026INC', insurer: '中原农业保险', premiumFen: 120_000_000, aggregateLimitFen: 3_000_000_000, perAccidentLimitFen: 500_000,
      coveredRegions: [SC], startsOn: '2026-01-01', endsOn: '2026-12-31',
    });
    assert.equal(pol.status, 201, JSON.stringify(pol.body));
    policyId = pol.body.id;
  });
  after(() => t.close());

  test('incidents: opened by reviewers, listed for staff, refused to others', async () => {
    const spec = { policyId: '00000000-0000-4000-8000-000000000000', title: '某事故', occurredOn: '2026-02-20', peopleAffected: 2 };
    assert.equal((await t.anonymous().post('/api/insurance/incidents', spec)).status, 401);
    assert.equal((await mediator.post('/api/insurance/incidents', spec)).status, 403);
    assert.equal((await leader.post('/api/insurance/incidents', spec)).status, 404);
    assert.equal((await leader.post('/api/insurance/incidents', { ...spec, policyId, peopleAffected: 0 })).status, 400);
    const res = await incident(2);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.limitFen, 500_000);
    assert.equal(res.body.massIncident, false);
    const list = await analyst.get(`/api/insurance/incidents?policyId=${policyId}`);
    assert.equal(list.status, 200);
    assert.ok(list.body.items.some((i: { id: string }) => i.id === res.body.id));
    assert.equal((await t.anonymous().get('/api/insurance/incidents')).status, 401);
  });

  test('claims of one accident share the per-accident limit', async () => {
    const inc = (await incident(3)).body;
    const a = await claim();
    const b = await claim();
    const ok = await leader.post(`/api/insurance/claims/${a.id}/approve`, { version: a.version, approvedFen: 300_000, incidentId: inc.id, ...body });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.incidentId, inc.id);
    const over = await leader.post(`/api/insurance/claims/${b.id}/approve`, { version: b.version, approvedFen: 300_000, incidentId: inc.id, ...body });
    assert.equal(over.status, 422);
    assert.equal(over.body.error.code, 'LIMIT_EXCEEDED');
    assert.equal(over.body.error.params?.maxFen ?? 200_000, 200_000);
    assert.match(over.body.error.message, /每次事故/);
    const rest = await leader.post(`/api/insurance/claims/${b.id}/approve`, { version: b.version, approvedFen: 200_000, incidentId: inc.id, ...body });
    assert.equal(rest.status, 200, JSON.stringify(rest.body));
    const after = (await leader.get(`/api/insurance/incidents?policyId=${policyId}`)).body.items.find((i: { id: string }) => i.id === inc.id);
    assert.deepEqual([after.approvedFen, after.remainingFen, after.claims], [500_000, 0, 2]);
    // a claim without an incident is an incident of its own, with the full limit
    const alone = await claim();
    const own = await leader.post(`/api/insurance/claims/${alone.id}/approve`, { version: alone.version, approvedFen: 300_000, ...body });
    assert.equal(own.status, 200, JSON.stringify(own.body));
    assert.ok(own.body.incidentId && own.body.incidentId !== inc.id);
  });

  test('concurrent approvals of one accident never pass its limit', async () => {
    const inc = (await incident(6)).body;
    const claims = [];
    for (let i = 0; i < 6; i++) claims.push(await claim(200_000));
    const results = await Promise.all(claims.map((c) => leader.post(`/api/insurance/claims/${c.id}/approve`, { version: c.version, approvedFen: 150_000, incidentId: inc.id, ...body })));
    const statuses = results.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 200).length, 3, JSON.stringify(statuses));
    assert.ok(statuses.every((s) => s === 200 || s === 422), JSON.stringify(statuses));
    const after = (await leader.get(`/api/insurance/incidents?policyId=${policyId}`)).body.items.find((i: { id: string }) => i.id === inc.id);
    assert.equal(after.approvedFen, 450_000);
    assert.ok(after.approvedFen <= after.limitFen);
  });

  test('the mass-incident basis needs at least 5 people affected', async () => {
    const small = (await incident(4)).body;
    const c = await claim();
    const mass = { liability: 'non_intentional_liable', claimBasis: 'mass_incident' };
    const refused = await leader.post(`/api/insurance/claims/${c.id}/approve`, { version: c.version, approvedFen: 100_000, incidentId: small.id, ...mass });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.error.code, 'RULE_VIOLATION');
    assert.match(refused.body.error.message, /5/);
    const alone = await leader.post(`/api/insurance/claims/${c.id}/approve`, { version: c.version, approvedFen: 100_000, ...mass });
    assert.equal(alone.status, 422);
    const big = (await incident(5)).body;
    assert.equal(big.massIncident, true);
    const ok = await leader.post(`/api/insurance/claims/${c.id}/approve`, { version: c.version, approvedFen: 100_000, incidentId: big.id, ...mass });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    // an unknown incident is refused before anything is reserved
    const other = await claim();
    assert.equal((await leader.post(`/api/insurance/claims/${other.id}/approve`, { version: other.version, approvedFen: 1, incidentId: '00000000-0000-4000-8000-000000000000', ...body })).status, 400);
  });
});

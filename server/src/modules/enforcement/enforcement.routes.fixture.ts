import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type Client } from '../../../test/harness.js';
import { makeCreditCode } from '../registry/domain/credit-code.js';

/** The shared set-up of the enforcement route tests: one app per test file, its officers and three enterprises. */

export const SC = '330102';
export const GS = '330105';

export function enterprise(region: string, seq: number) {
  return {
    creditCode: makeCreditCode('9', '1', region, `E${String(seq).padStart(7, '0')}`),
    name: `杭州执法测试${seq}餐饮有限公司`,
    type: 'limited_company',
    legalRepName: '李四',
    registeredCapitalFen: 10_000_000,
    address: '浙江省杭州市上城区解放路100号',
    regionCode: region,
    industryCode: '5179',
    businessScope: '餐饮',
    establishedOn: '2020-01-02',
  };
}

export const FIRST_VIOLATION = { violationType: 'food.unlicensed-bulk', firstViolation: true, harm: 'minor', corrected: true };
export const e1 = enterprise(SC, 1);
export const e2 = enterprise(SC, 2);
export const eGs = enterprise(GS, 3);

type Body = Awaited<ReturnType<Client['get']>>['body'];

export interface EnforcementFixture {
  t: TestApp;
  o1: Client;
  o2: Client;
  o3: Client;
  gsOfficer: Client;
  reviewer: Client;
  reviewerOfficer: Client;
  leader: Client;
  credit: Client;
  business: Client;
  /** A lead registered and opened as a case by the first of `officers`. */
  openCase(creditCode?: string, officers?: Client[]): Promise<Body>;
  /** Takes a step at the case's current version and expects 200. */
  stepOk(c: Client, id: string, path: string, body?: Record<string, unknown>): Promise<Body>;
}

/** Registers the before/after hooks of a test file; the returned object is filled in before the first test. */
export function enforcementFixture(): EnforcementFixture {
  const f = {} as EnforcementFixture;
  before(async () => {
    // A Monday in 2026, so every deadline stays inside the loaded calendar.
    const t = await createTestApp({ clock: '2026-03-02T02:00:00Z', config: { SESSION_HOURS: 24 * 365 } });
    const registrar = await t.as({ roles: ['registrar'], jurisdiction: '3301' });
    for (const e of [e1, e2, eGs]) assert.equal((await registrar.post('/api/enterprises', e)).status, 201);
    Object.assign(f, {
      t,
      o1: await t.as({ roles: ['enforcement_officer'], jurisdiction: SC }),
      o2: await t.as({ roles: ['enforcement_officer'], jurisdiction: SC }),
      o3: await t.as({ roles: ['enforcement_officer'], jurisdiction: SC }),
      gsOfficer: await t.as({ roles: ['enforcement_officer'], jurisdiction: GS }),
      reviewer: await t.as({ roles: ['legal_reviewer'], jurisdiction: '3301' }),
      reviewerOfficer: await t.as({ roles: ['legal_reviewer', 'enforcement_officer'], jurisdiction: SC }),
      leader: await t.as({ roles: ['bureau_leader'], jurisdiction: '3301' }),
      credit: await t.as({ roles: ['credit_officer'], jurisdiction: '3301' }),
      business: await t.as({ kind: 'business', enterprises: [e1.creditCode] }),
    });
  });
  after(() => f.t.close());
  f.openCase = async (creditCode = e1.creditCode, officers = [f.o1, f.o2]) => {
    const lead = await officers[0].post('/api/enforcement/leads', { source: 'inspection', creditCode, summary: '当事人未取得食品经营许可销售散装食品。' });
    assert.equal(lead.status, 201, JSON.stringify(lead.body));
    assert.equal(lead.body.status, 'lead');
    const opened = await officers[0].post(`/api/enforcement/cases/${lead.body.id}/open`, { version: lead.body.version, officerIds: officers.map((o) => o.accountId) });
    assert.equal(opened.status, 200, JSON.stringify(opened.body));
    return opened.body;
  };
  f.stepOk = async (c, id, path, body = {}) => {
    const cur = await c.get(`/api/enforcement/cases/${id}`);
    const res = await c.post(`/api/enforcement/cases/${id}/${path}`, { version: cur.body.version, ...body });
    assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  return f;
}

// Issue 11: every change of the register, whatever its origin, goes through one pipeline to the
// feed, the deliveries, reconciliation and the one (truthful) notice.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type Client } from '../../../test/harness.js';
import { makeCreditCode } from '../registry/domain/credit-code.js';
import { startSimulator, type Simulator } from './simulator/simulator.js';
import { DEMO_DEPARTMENTS, demoSecret } from './simulator/departments.js';
import type { ExchangeService } from './exchange.service.js';

const SC = '330102';
function enterprise(seq: number) {
  return {
    creditCode: makeCreditCode('9', '1', SC, `P${String(seq).padStart(7, '0')}`),
    name: `杭州管道测试${seq}有限公司`,
    type: 'limited_company',
    legalRepName: '张三',
    registeredCapitalFen: 100_000_000,
    address: '浙江省杭州市上城区延安路1号',
    regionCode: SC,
    industryCode: '5179',
    businessScope: '贸易',
    investors: [{ name: '甲', kind: 'person', amountFen: 100_000_000 }],
    establishedOn: '2020-01-02',
  };
}
type Note = { title: string; body: string; data: { changeId?: string; notice?: string } };

describe('exchange: one pipeline for every register change', () => {
  let t: TestApp;
  let sim: Simulator;
  let admin: Client;
  let registrar: Client;
  let business: Client;
  let exchange: ExchangeService;
  let commerceToken = '';
  const e1 = enterprise(1);
  const e2 = enterprise(2);
  const e3 = enterprise(3);
  const pushed = () => DEMO_DEPARTMENTS.filter((d) => d.simulated).map((d) => d.code);

  before(async () => {
    t = await createTestApp();
    exchange = t.modules.find((m) => m.name === 'exchange')!.api as ExchangeService;
    sim = await startSimulator({ basePort: 0, now: () => t.clock.now().getTime() });
    admin = await t.as({ roles: ['admin'] });
    registrar = await t.as({ roles: ['registrar'], jurisdiction: '3301' });
    for (const d of DEMO_DEPARTMENTS) {
      const { simulated, ...def } = d;
      // A generous timeout: this file checks the pipeline, not a slow department (the machine may be busy).
      const res = await admin.post('/api/exchange/departments', { ...def, timeoutMs: 20_000, endpointUrl: simulated ? sim.get(d.code).url : null, secret: demoSecret(d.code) });
      assert.equal(res.status, 201);
      if (d.code === 'commerce') commerceToken = res.body.apiToken;
    }
    for (const e of [e1, e2]) assert.equal((await registrar.post('/api/enterprises', e)).status, 201);
    business = await t.as({ kind: 'business', enterprises: [e1.creditCode, e2.creditCode] });
  });
  after(async () => {
    await t.close();
    await sim.close();
  });

  const notesOf = async (changeId: string): Promise<Note[]> =>
    (await business.get('/api/notifications?limit=100')).body.items.filter((x: Note) => x.data?.changeId === changeId);

  test('a registration reaches every department (no notice: nobody filed it)', async () => {
    await t.worker.drain();
    for (const code of pushed()) assert.ok(sim.get(code).copy.has(e1.creditCode), `${code} has no copy of the new enterprise`);
    assert.equal(sim.get('tax').copy.get(e1.creditCode)!.data.scjydz, e1.address);
    const list = await registrar.get('/api/exchange/changes?status=approved&limit=200');
    const reg = list.body.items.filter((c: { creditCode: string; origin: string }) => c.creditCode === e1.creditCode);
    assert.deepEqual(reg.map((c: { origin: string }) => c.origin), ['registration']);
  });

  test("a registrar's correction reaches every department mapping it, with old → new values, and the business is told once", async () => {
    const cur = (await registrar.get(`/api/enterprises/${e1.creditCode}`)).body;
    const res = await registrar.patch(`/api/enterprises/${e1.creditCode}`, { version: cur.version, address: '浙江省杭州市上城区解放路99号' });
    assert.equal(res.status, 200);
    await t.worker.drain();
    assert.equal(sim.get('tax').copy.get(e1.creditCode)!.data.scjydz, '浙江省杭州市上城区解放路99号');
    assert.equal(sim.get('bank-accounts').copy.get(e1.creditCode)!.data.zcdz, '浙江省杭州市上城区解放路99号');
    assert.equal(sim.get('customs').copy.get(e1.creditCode)!.data.Address, '浙江省杭州市上城区解放路99号');
    const list = await registrar.get('/api/exchange/changes?status=approved&limit=200');
    const corr = list.body.items.find((c: { creditCode: string; origin: string }) => c.creditCode === e1.creditCode && c.origin === 'correction');
    assert.ok(corr);
    const detail = (await registrar.get(`/api/exchange/changes/${corr.id}`)).body;
    assert.deepEqual(detail.values, [{ field: 'address', before: e1.address, after: '浙江省杭州市上城区解放路99号' }]);
    assert.ok(detail.deliveries.length >= 3);
    assert.ok(detail.completedAt);
    const notes = await notesOf(corr.id);
    assert.equal(notes.length, 1);
    assert.equal(notes[0].data.notice, 'complete');
    assert.match(notes[0].body, /均已确认/);
    // The business sees the correction too; another business does not.
    assert.equal((await business.get(`/api/exchange/changes/${corr.id}`)).status, 200);
    assert.equal((await (await t.as({ kind: 'business', enterprises: [] })).get(`/api/exchange/changes/${corr.id}`)).status, 404);
  });

  test('a filed change is delivered once, not again through the register event', async () => {
    const tax = sim.get('tax');
    const seen = tax.received.length;
    const filed = await business.post('/api/exchange/changes', { creditCode: e2.creditCode, items: { businessScope: '贸易；咨询' }, idempotencyKey: 'pipeline-once-1' });
    assert.equal(filed.status, 201);
    assert.equal((await registrar.post(`/api/exchange/changes/${filed.body.id}/approve`, {})).status, 200);
    await t.worker.drain();
    const got = tax.received.slice(seen).filter((r) => r.creditCode === e2.creditCode);
    assert.equal(got.length, 1);
    const list = await registrar.get('/api/exchange/changes?limit=200');
    assert.equal(list.body.items.filter((c: { creditCode: string; origin: string }) => c.creditCode === e2.creditCode && c.origin === 'correction').length, 0);
    assert.equal(tax.copy.get(e2.creditCode)!.data.jyfw, '贸易；咨询');
  });

  test('a deregistration reaches the department that maps the status', async () => {
    const cur = (await registrar.get(`/api/enterprises/${e2.creditCode}`)).body;
    assert.equal((await registrar.patch(`/api/enterprises/${e2.creditCode}`, { version: cur.version, status: 'deregistered' })).status, 200);
    await t.worker.drain();
    assert.equal(sim.get('statistics').copy.get(e2.creditCode)!.data.yyzt, '2');
  });

  test('the notice says which departments are pending; one closing notice follows when the last confirms', async () => {
    sim.get('social-insurance').control({ fail: true });
    const filed = await business.post('/api/exchange/changes', { creditCode: e1.creditCode, items: { name: '杭州管道测试一号有限公司' }, idempotencyKey: 'pipeline-notice-1' });
    assert.equal((await registrar.post(`/api/exchange/changes/${filed.body.id}/approve`, {})).status, 200);
    await t.worker.drain();
    t.clock.advance(241 * 60_000);
    assert.equal(await exchange.notifyOverdue(), 1);
    let notes = await notesOf(filed.body.id);
    assert.equal(notes.length, 1);
    assert.equal(notes[0].data.notice, 'interim');
    assert.doesNotMatch(notes[0].body, /均已确认|无需另行办理。/);
    assert.match(notes[0].body, /尚未确认：[^。]*社会保险/);
    sim.get('social-insurance').control({ fail: false });
    t.clock.advance(60_000);
    await t.worker.drain();
    notes = await notesOf(filed.body.id);
    assert.equal(notes.length, 2);
    assert.deepEqual(notes.map((n) => n.data.notice).sort(), ['closing', 'interim']);
    assert.match(notes.find((n) => n.data.notice === 'closing')!.body, /全部相关部门/);
    t.clock.advance(60_000);
    await t.worker.drain();
    assert.equal((await notesOf(filed.body.id)).length, 2, 'never a third');
  });

  test('reconciliation reports what a pull department has not read', async () => {
    const auth = { authorization: `Bearer ${commerceToken}` };
    const first = await registrar.post('/api/exchange/reconciliations', {});
    const unread = first.body.drifts.filter((d: { kind: string; departmentCode: string }) => d.kind === 'unread' && d.departmentCode === 'commerce');
    assert.ok(unread.length >= 1);
    assert.ok(unread.some((d: { creditCode: string }) => d.creditCode === e1.creditCode));
    let after = 0;
    for (;;) {
      const page = await t.anonymous().get(`/api/exchange/feed?after=${after}&limit=500`, auth);
      assert.equal(page.status, 200);
      after = page.body.lastCursor;
      if (page.body.nextCursor === null) break;
    }
    await t.anonymous().get(`/api/exchange/feed?after=${after}`, auth);
    t.clock.advance(1000);
    const second = await registrar.post('/api/exchange/reconciliations', {});
    assert.deepEqual(second.body.drifts.filter((d: { kind: string }) => d.kind === 'unread'), []);
    assert.equal((await business.post('/api/exchange/reconciliations', {})).status, 403);
  });

  test('an import publishes one event per batch and every imported enterprise is shared', async () => {
    const header = 'credit_code,name,type,legal_rep_name,legal_rep_id_number,registered_capital,address,region_code,industry_code,business_scope,established_on';
    const rows = [3, 4, 5].map((i) => {
      const e = enterprise(i);
      return `${e.creditCode},${e.name},limited_company,李四,,1000000.00,${e.address},${e.regionCode},${e.industryCode},贸易,2019-05-06`;
    });
    const boundary = '----xfpipeline';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="batch.csv"\r\nContent-Type: text/csv\r\n\r\n${[header, ...rows].join('\n')}\r\n--${boundary}--\r\n`;
    const res = await registrar.request('POST', '/api/enterprises/imports', Buffer.from(body), { 'content-type': `multipart/form-data; boundary=${boundary}` });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    await t.worker.drain();
    const events = await t.platform.db.selectFrom('platform.outbox_event').select('topic').where('topic', 'in', ['registry.enterprises-imported', 'enterprise.registered']).execute();
    // One row per (event, handler): the batch is one event with one consumer.
    assert.equal(events.filter((e) => e.topic === 'registry.enterprises-imported').length, 1);
    for (const i of [3, 4, 5]) assert.ok(sim.get('tax').copy.has(enterprise(i).creditCode), `import ${i} not shared`);
    void e3;
  });
});

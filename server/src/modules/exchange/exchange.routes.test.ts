import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type Client } from '../../../test/harness.js';
import { makeCreditCode } from '../registry/domain/credit-code.js';
import type { RegistryService } from '../registry/index.js';
import { startSimulator, type Simulator } from './simulator/simulator.js';
import { DEMO_DEPARTMENTS, demoSecret } from './simulator/departments.js';
import { mapView, registerView, type FieldMapping } from './domain/mapping.js';
import { copiesDiffer } from './domain/figures.js';
import type { ExchangeService } from './exchange.service.js';

const SC = '330102';
const GS = '330105';

function enterprise(region: string, seq: number, extra: Record<string, unknown> = {}) {
  return {
    creditCode: makeCreditCode('9', '1', region, `X${String(seq).padStart(7, '0')}`),
    name: `杭州交换测试${seq}有限公司`,
    type: 'limited_company',
    legalRepName: '张三',
    registeredCapitalFen: 100_000_000,
    address: '浙江省杭州市上城区延安路1号',
    regionCode: region,
    industryCode: '5179',
    businessScope: '贸易',
    investors: [{ name: '甲', kind: 'person', amountFen: 100_000_000 }],
    establishedOn: '2020-01-02',
    ...extra,
  };
}

describe('exchange: automatic change', () => {
  let t: TestApp;
  let sim: Simulator;
  let admin: Client;
  let registrar: Client;
  let gsRegistrar: Client;
  let business: Client;
  let otherBusiness: Client;
  let registry: RegistryService;
  let exchange: ExchangeService;
  const deps = new Map<string, { id: string; mapping: FieldMapping[]; version: number }>();
  let commerceToken = '';
  const e1 = enterprise(SC, 1);
  const e2 = enterprise(SC, 2);
  const e3 = enterprise(SC, 3);
  const g1 = enterprise(GS, 4);
  let n = 0;
  const key = () => `key-${++n}-${Date.now()}`;

  before(async () => {
    t = await createTestApp();
    registry = t.modules.find((m) => m.name === 'registry')!.api as RegistryService;
    exchange = t.modules.find((m) => m.name === 'exchange')!.api as ExchangeService;
    sim = await startSimulator({ basePort: 0, now: () => t.clock.now().getTime() });
    admin = await t.as({ roles: ['admin'] });
    registrar = await t.as({ roles: ['registrar'], jurisdiction: '3301' });
    gsRegistrar = await t.as({ roles: ['registrar'], jurisdiction: GS });
    for (const e of [e1, e2, e3, g1]) assert.equal((await registrar.post('/api/enterprises', e)).status, 201);
    business = await t.as({ kind: 'business', enterprises: [e1.creditCode, e2.creditCode, e3.creditCode, g1.creditCode] });
    otherBusiness = await t.as({ kind: 'business', enterprises: [] });
    for (const d of DEMO_DEPARTMENTS) {
      const { simulated, ...def } = d;
      const res = await admin.post('/api/exchange/departments', {
        ...def,
        endpointUrl: simulated ? sim.get(d.code).url : null,
        secret: demoSecret(d.code),
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      deps.set(d.code, { id: res.body.id, mapping: res.body.mapping, version: res.body.version });
      if (d.code === 'commerce') commerceToken = res.body.apiToken;
    }
    // The registrations reach every department through the one pipeline (issue 11).
    await t.worker.drain();
  });
  after(async () => {
    await t.close();
    await sim.close();
  });

  async function expected(code: string, creditCode: string) {
    const e = await registry.findByCode(creditCode);
    return mapView(deps.get(code)!.mapping, registerView(e!));
  }

  async function assertCopiesEqualRegister(creditCode: string, codes = [...sim.departments.keys()]) {
    for (const code of codes) {
      const copy = sim.get(code).copy.get(creditCode);
      assert.ok(copy, `${code} has no copy of ${creditCode}`);
      assert.deepEqual(copiesDiffer(await expected(code, creditCode), copy.data), [], `${code} differs`);
    }
  }

  async function fileAndApprove(creditCode: string, items: Record<string, unknown>) {
    const filed = await business.post('/api/exchange/changes', { creditCode, items, idempotencyKey: key() });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    if (filed.body.status === 'approved') return filed.body;
    const ok = await registrar.post(`/api/exchange/changes/${filed.body.id}/approve`, {});
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    return ok.body;
  }

  test('the catalogue is admin-only; secrets never appear in reads', async () => {
    assert.equal((await t.anonymous().get('/api/exchange/departments')).status, 401);
    assert.equal((await business.get('/api/exchange/departments')).status, 403);
    const list = await registrar.get('/api/exchange/departments');
    assert.equal(list.status, 200);
    assert.equal(list.body.items.length, DEMO_DEPARTMENTS.length);
    assert.equal(JSON.stringify(list.body).includes(demoSecret('tax')), false);
    const create = await registrar.post('/api/exchange/departments', { code: 'x-dept', name: '某部门', kind: 'local', deliveryMode: 'pull', mapping: [{ target: 'a', source: ['name'] }] });
    assert.equal(create.status, 403);
    const dup = await admin.post('/api/exchange/departments', { code: 'tax', name: '重复', kind: 'local', deliveryMode: 'pull', mapping: [{ target: 'a', source: ['name'] }] });
    assert.equal(dup.status, 409);
    const noEndpoint = await admin.post('/api/exchange/departments', { code: 'x-push', name: '推送部门', kind: 'local', deliveryMode: 'push', mapping: [{ target: 'a', source: ['name'] }] });
    assert.equal(noEndpoint.status, 400);
    assert.equal(noEndpoint.body.error.fields[0].code, 'ENDPOINT_REQUIRED');
  });

  test('a mapping naming an unknown field or transform is refused with the reason', async () => {
    const res = await admin.post(
      '/api/exchange/departments',
      {
        code: 'bad-map',
        name: '映射有误的部门',
        kind: 'local',
        deliveryMode: 'pull',
        mapping: [
          { target: 'a', source: ['nickname'] },
          { target: 'b', source: ['name'], transforms: [{ type: 'rot13' }] },
        ],
      },
      { 'accept-language': 'en' },
    );
    assert.equal(res.status, 400);
    assert.deepEqual(
      res.body.error.fields.map((f: { path: string; code: string }) => [f.path, f.code]),
      [
        ['mapping.0.source.0', 'MAPPING_UNKNOWN_FIELD'],
        ['mapping.1.transforms.0.type', 'MAPPING_UNKNOWN_TRANSFORM'],
      ],
    );
    assert.match(res.body.error.fields[0].message, /no field "nickname"/);
    const d = deps.get('seal-filing')!;
    const upd = await admin.patch(`/api/exchange/departments/${d.id}`, { version: d.version, mapping: [{ target: 'x', source: ['creditCode'], transforms: [{ type: 'codeTable', table: 'nope' }] }] });
    assert.equal(upd.status, 400);
    assert.equal(upd.body.error.fields[0].code, 'MAPPING_UNKNOWN_CODE_TABLE');
    const stale = await admin.patch(`/api/exchange/departments/${d.id}`, { version: d.version + 5, name: '新名字' });
    assert.equal(stale.status, 409);
  });

  test('the preview lists only departments whose mapped fields change, with what they get', async () => {
    const res = await business.post('/api/exchange/changes/preview', { creditCode: e1.creditCode, items: { businessScope: '贸易；技术服务' } });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.changedFields, ['businessScope']);
    assert.deepEqual(res.body.departments.map((d: { code: string }) => d.code).sort(), ['commerce', 'tax']);
    assert.deepEqual(res.body.departments.find((d: { code: string }) => d.code === 'tax').fields, [{ target: 'jyfw', source: ['businessScope'], before: '贸易', after: '贸易；技术服务' }]);
    const capital = await business.post('/api/exchange/changes/preview', { creditCode: e1.creditCode, items: { registeredCapitalFen: 150_000_000 } });
    const stats = capital.body.departments.find((d: { code: string }) => d.code === 'statistics');
    assert.deepEqual(stats.fields, [{ target: 'zczbwy', source: ['registeredCapitalFen'], before: '100.00', after: '150.00' }]);
    assert.equal((await otherBusiness.post('/api/exchange/changes/preview', { creditCode: e1.creditCode, items: { name: '别家公司名称' } })).status, 404);
  });

  test('file → approve → drain: every mapped department holds the transformed register data, and the business is told once', async () => {
    const filed = await business.post('/api/exchange/changes', {
      creditCode: e1.creditCode,
      items: { name: '杭州交换测试一号科技有限公司', address: '浙江省杭州市上城区解放路100号', legalRepName: '李四', registeredCapitalFen: 200_000_000 },
      idempotencyKey: key(),
      contactPhone: '13800000002',
    });
    assert.equal(filed.status, 201);
    assert.equal(filed.body.status, 'pending');
    assert.deepEqual(filed.body.kinds, ['address', 'legalRepName', 'name', 'registeredCapitalFen']);
    // Another district's registrar does not see it; a business cannot decide.
    assert.equal((await gsRegistrar.post(`/api/exchange/changes/${filed.body.id}/approve`, {})).status, 404);
    assert.equal((await gsRegistrar.get(`/api/exchange/changes/${filed.body.id}`)).status, 404);
    assert.equal((await business.post(`/api/exchange/changes/${filed.body.id}/approve`, {})).status, 403);
    assert.equal((await otherBusiness.get(`/api/exchange/changes/${filed.body.id}`)).status, 404);
    const queue = await registrar.get('/api/exchange/changes?status=pending');
    assert.ok(queue.body.items.some((c: { id: string }) => c.id === filed.body.id));

    const approved = await registrar.post(`/api/exchange/changes/${filed.body.id}/approve`, {});
    assert.equal(approved.status, 200);
    assert.equal(approved.body.status, 'approved');
    assert.equal((await registry.findByCode(e1.creditCode))!.name, '杭州交换测试一号科技有限公司');
    const pushed = approved.body.deliveries.filter((d: { channel: string }) => d.channel === 'push').map((d: { departmentCode: string }) => d.departmentCode).sort();
    assert.deepEqual(pushed, [...sim.departments.keys()].sort());
    assert.equal(approved.body.deliveries.find((d: { departmentCode: string }) => d.departmentCode === 'commerce').status, 'published');
    assert.equal((await registrar.post(`/api/exchange/changes/${filed.body.id}/approve`, {})).status, 409);

    await t.worker.drain();
    await assertCopiesEqualRegister(e1.creditCode);
    // The XML department received XML and holds the same transformed values.
    assert.equal(sim.get('customs').copy.get(e1.creditCode)!.data.CompanyName, '杭州交换测试一号科技有限公司');
    assert.equal(sim.get('statistics').copy.get(e1.creditCode)!.data.qhdm, '330102000000');
    assert.equal(sim.get('tax').copy.get(e1.creditCode)!.data.zczb, '2000000.00');

    const done = await business.get(`/api/exchange/changes/${filed.body.id}`);
    assert.ok(done.body.completedAt);
    assert.ok(done.body.deliveries.every((d: { status: string }) => ['acknowledged', 'published'].includes(d.status)));
    const notes = (await business.get('/api/notifications?limit=100')).body.items.filter((x: { data: { changeId?: string } }) => x.data?.changeId === filed.body.id);
    assert.equal(notes.length, 1);
    assert.equal(notes[0].data.departments.length, DEMO_DEPARTMENTS.length);
    assert.match(notes[0].body, /国家税务总局杭州市税务局：已确认/);
    // The deadline job later does not notify a second time.
    t.clock.advance(241 * 60_000);
    await exchange.notifyOverdue();
    const again = (await business.get('/api/notifications?limit=100')).body.items.filter((x: { data: { changeId?: string } }) => x.data?.changeId === filed.body.id);
    assert.equal(again.length, 1);
  });

  test('the same idempotency key makes one change', async () => {
    const k = key();
    const body = { creditCode: e2.creditCode, items: { address: '浙江省杭州市上城区清泰街1号' }, idempotencyKey: k };
    const first = await business.post('/api/exchange/changes', body);
    const second = await business.post('/api/exchange/changes', body);
    assert.equal(first.status, 201);
    assert.equal(second.status, 200);
    assert.equal(second.body.id, first.body.id);
    const list = await registrar.get('/api/exchange/changes?status=pending&limit=200');
    assert.equal(list.body.items.filter((c: { creditCode: string }) => c.creditCode === e2.creditCode).length, 1);
  });

  test('bad filings: unbound enterprise, nothing changed, anonymous, reject needs a reason', async () => {
    assert.equal((await otherBusiness.post('/api/exchange/changes', { creditCode: e1.creditCode, items: { address: '某地址某号' } })).status, 404);
    assert.equal((await t.anonymous().post('/api/exchange/changes', { creditCode: e1.creditCode, items: {} })).status, 401);
    assert.equal((await registrar.post('/api/exchange/changes', { creditCode: e1.creditCode, items: { address: '某地址某号' } })).status, 403);
    const same = await business.post('/api/exchange/changes', { creditCode: e2.creditCode, items: { legalRepName: '张三' } });
    assert.equal(same.status, 400);
    assert.equal(same.body.error.fields[0].code, 'NO_CHANGE');
    const unknown = await business.post('/api/exchange/changes', { creditCode: e2.creditCode, items: { nickname: 'x' } });
    assert.equal(unknown.status, 400);
    const filed = await business.post('/api/exchange/changes', { creditCode: e2.creditCode, items: { legalRepName: '王五' } });
    assert.equal((await registrar.post(`/api/exchange/changes/${filed.body.id}/reject`, {})).status, 400);
    const rejected = await registrar.post(`/api/exchange/changes/${filed.body.id}/reject`, { reason: '缺少股东会决议' });
    assert.equal(rejected.status, 200);
    assert.equal(rejected.body.status, 'rejected');
    assert.equal((await registry.findByCode(e2.creditCode))!.legalRepName, '张三');
  });

  test('a change to a deregistered enterprise is refused', async () => {
    const e = await registry.findByCode(g1.creditCode);
    const pending = await business.post('/api/exchange/changes', { creditCode: g1.creditCode, items: { address: '浙江省杭州市拱墅区湖墅南路1号' } });
    assert.equal(pending.status, 201);
    assert.equal((await registrar.patch(`/api/enterprises/${g1.creditCode}`, { version: e!.version, status: 'deregistered' })).status, 200);
    const res = await business.post('/api/exchange/changes', { creditCode: g1.creditCode, items: { name: '注销后改名有限公司' } });
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'RULE_VIOLATION');
    assert.match(res.body.error.message, /注销/);
    const late = await gsRegistrar.post(`/api/exchange/changes/${pending.body.id}/approve`, {});
    assert.equal(late.status, 422);
  });

  test('low-risk items are approved automatically', async () => {
    assert.equal((await registrar.request('PUT', '/api/exchange/settings', { lowRiskKinds: ['businessScope'], notifyDeadlineMinutes: 60 })).status, 403);
    const s = await admin.request('PUT', '/api/exchange/settings', { lowRiskKinds: ['businessScope'], notifyDeadlineMinutes: 60 });
    assert.equal(s.status, 200);
    const bad = await admin.request('PUT', '/api/exchange/settings', { lowRiskKinds: ['nickname'], notifyDeadlineMinutes: 60 });
    assert.equal(bad.status, 400);
    const filed = await business.post('/api/exchange/changes', { creditCode: e3.creditCode, items: { businessScope: '软件开发' }, idempotencyKey: key() });
    assert.equal(filed.status, 201);
    assert.equal(filed.body.status, 'approved');
    assert.equal(filed.body.autoApproved, true);
    await t.worker.drain();
    assert.equal(sim.get('tax').copy.get(e3.creditCode)!.data.jyfw, '软件开发');
    // Only tax maps the business scope among the pushed departments.
    assert.equal(sim.get('housing-fund').received.filter((r) => r.creditCode === e3.creditCode && r.cursor >= filed.body.feedCursor).length, 0);
  });

  test('a department down for the whole burst catches up in order once it is back; the failure is a registrar task', async () => {
    const hf = sim.get('housing-fund');
    const seen = hf.received.length;
    hf.control({ fail: true });
    const names = ['一', '二', '三', '四', '五'].map((x) => `杭州交换测试三号${x}期有限公司`);
    for (const name of names) await fileAndApprove(e3.creditCode, { name });
    await t.worker.drain();
    assert.notEqual(hf.copy.get(e3.creditCode)?.data.dwmc, names[4]);
    await assertCopiesEqualRegister(e3.creditCode, ['tax', 'social-insurance', 'medical-insurance', 'customs', 'bank-accounts', 'seal-filing', 'statistics']);
    const tasks = await registrar.get(`/api/exchange/deliveries?status=failed&departmentId=${deps.get('housing-fund')!.id}`);
    assert.equal(tasks.status, 200);
    assert.equal(tasks.body.items.length, 1, 'later deliveries wait behind the first one of the same enterprise');
    assert.match(tasks.body.items[0].lastError, /HTTP 503/);
    assert.equal((await gsRegistrar.get('/api/exchange/deliveries?status=failed')).body.items.length, 0);
    const monitor = await registrar.get('/api/exchange/monitor/departments');
    const row = monitor.body.items.find((d: { code: string }) => d.code === 'housing-fund');
    assert.equal(row.backlog, 5);
    assert.ok(row.failed >= 1);

    hf.control({ fail: false });
    t.clock.advance(60_000);
    await t.worker.drain();
    await assertCopiesEqualRegister(e3.creditCode, ['housing-fund']);
    const cursors = hf.received.slice(seen).filter((r) => r.creditCode === e3.creditCode).map((r) => r.cursor);
    assert.equal(cursors.length, 5);
    assert.deepEqual(cursors, [...cursors].sort((a, b) => a - b), 'delivered in feed order');
    assert.ok(hf.received.every((r) => r.applied));
    assert.equal(hf.duplicates, 0);
    const still = await registrar.get(`/api/exchange/deliveries?status=failed&departmentId=${deps.get('housing-fund')!.id}`);
    assert.equal(still.body.items.length, 0);
  });

  test('a department answering garbage or late is handled; a signed callback acknowledges; a registrar retry re-queues', async () => {
    sim.get('seal-filing').control({ garbage: true });
    sim.get('bank-accounts').control({ ackLate: true });
    const change = await fileAndApprove(e2.creditCode, { legalRepName: '赵六' });
    await t.worker.drain();
    const view = (await registrar.get(`/api/exchange/changes/${change.id}`)).body;
    const by = (code: string) => view.deliveries.find((d: { departmentCode: string }) => d.departmentCode === code);
    assert.equal(by('seal-filing').status, 'failed');
    assert.match(by('seal-filing').lastError, /invalid acknowledgement/);
    assert.equal(by('bank-accounts').status, 'awaiting_callback');
    assert.equal(by('tax').status, 'acknowledged');
    assert.equal(view.completedAt, null);

    // The late acknowledgement: a forged one is refused, the signed one is accepted (twice is harmless).
    const pending = sim.get('bank-accounts').pendingCallbacks.find((c) => c.deliveryId === by('bank-accounts').id)!;
    const cb = sim.get('bank-accounts').signedCallback(pending.deliveryId, pending.reference);
    const forged = await t.anonymous().post(`/api/exchange/callbacks/${pending.deliveryId}`, { ...cb.body, reference: 'FORGED' }, cb.headers);
    assert.equal(forged.status, 401);
    // A prototype key id names no key (401, not a 500).
    for (const keyId of ['__proto__', 'constructor', 'toString']) {
      const r = await t.anonymous().post(`/api/exchange/callbacks/${pending.deliveryId}`, cb.body, { ...cb.headers, 'x-xf-key-id': keyId });
      assert.equal(r.status, 401, keyId);
    }
    // A correctly signed callback outside the time window (an old one replayed) is refused.
    const stale = sim.get('bank-accounts').signedCallback(pending.deliveryId, pending.reference);
    t.clock.advance(10 * 60_000);
    assert.equal((await t.anonymous().post(`/api/exchange/callbacks/${pending.deliveryId}`, stale.body, stale.headers)).status, 401);
    t.clock.advance(-10 * 60_000);
    assert.equal((await t.anonymous().post(`/api/exchange/callbacks/${pending.deliveryId}`, cb.body, cb.headers)).status, 200);
    // A replay of the same signed callback is refused.
    assert.equal((await t.anonymous().post(`/api/exchange/callbacks/${pending.deliveryId}`, cb.body, cb.headers)).status, 409);

    // The registrar retries the failed delivery once the department is fixed.
    assert.equal((await registrar.post(`/api/exchange/deliveries/${by('tax').id}/retry`, {})).status, 409);
    assert.equal((await gsRegistrar.post(`/api/exchange/deliveries/${by('seal-filing').id}/retry`, {})).status, 404);
    sim.get('seal-filing').control({ garbage: false });
    const retry = await registrar.post(`/api/exchange/deliveries/${by('seal-filing').id}/retry`, {});
    assert.equal(retry.status, 200);
    assert.equal(retry.body.status, 'queued');
    t.clock.advance(60_000);
    await t.worker.drain();
    const after = (await registrar.get(`/api/exchange/changes/${change.id}`)).body;
    assert.ok(after.deliveries.every((d: { status: string }) => ['acknowledged', 'published'].includes(d.status)), JSON.stringify(after.deliveries.map((d: { status: string }) => d.status)));
    assert.equal(after.deliveries.find((d: { departmentCode: string }) => d.departmentCode === 'bank-accounts').reference, pending.reference);
    assert.ok(after.completedAt);
    await assertCopiesEqualRegister(e2.creditCode, ['seal-filing', 'bank-accounts']);
    sim.get('bank-accounts').control({ ackLate: false });
  });

  test('a department that hangs delays no other department', async () => {
    const mi = deps.get('medical-insurance')!;
    const upd = await admin.patch(`/api/exchange/departments/${mi.id}`, { version: mi.version, timeoutMs: 200 });
    assert.equal(upd.status, 200);
    mi.version = upd.body.version;
    sim.get('medical-insurance').control({ slowMs: 1500 });
    const change = await fileAndApprove(e1.creditCode, { legalRepName: '钱七' });
    await t.worker.drain();
    const view = (await registrar.get(`/api/exchange/changes/${change.id}`)).body;
    const hung = view.deliveries.find((d: { departmentCode: string }) => d.departmentCode === 'medical-insurance');
    assert.equal(hung.status, 'failed');
    assert.match(hung.lastError, /timed out after 200 ms/);
    assert.ok(view.deliveries.filter((d: { departmentCode: string }) => d.departmentCode !== 'medical-insurance').every((d: { status: string }) => ['acknowledged', 'published'].includes(d.status)));
    sim.get('medical-insurance').control({ slowMs: 0 });
    t.clock.advance(60_000);
    await t.worker.drain();
    await assertCopiesEqualRegister(e1.creditCode);
  });

  test('when a department never answers, the deadline job tells the business once with each status', async () => {
    sim.get('social-insurance').control({ fail: true });
    const change = await fileAndApprove(e2.creditCode, { address: '浙江省杭州市上城区望江路8号' });
    await t.worker.drain();
    assert.equal(await exchange.notifyOverdue(), 0);
    t.clock.advance(61 * 60_000);
    assert.equal(await exchange.notifyOverdue(), 1);
    assert.equal(await exchange.notifyOverdue(), 0);
    const notes = (await business.get('/api/notifications?limit=100')).body.items.filter((x: { data: { changeId?: string } }) => x.data?.changeId === change.id);
    assert.equal(notes.length, 1);
    const si = notes[0].data.departments.find((d: { code: string }) => d.code === 'social-insurance');
    assert.equal(si.status, 'failed');
    sim.get('social-insurance').control({ fail: false });
    t.clock.advance(60_000);
    await t.worker.drain();
    // Issue 11: the first notice said which department was pending; one closing notice follows.
    const later = (await business.get('/api/notifications?limit=100')).body.items.filter((x: { data: { changeId?: string } }) => x.data?.changeId === change.id);
    assert.deepEqual(later.map((x: { data: { notice?: string } }) => x.data.notice).sort(), ['closing', 'interim']);
  });

  test('the pull feed returns only mapped fields and replays from an old cursor', async () => {
    const auth = { authorization: `Bearer ${commerceToken}` };
    const all = await t.anonymous().get('/api/exchange/feed?after=0&limit=500', auth);
    assert.equal(all.status, 200);
    assert.ok(all.body.items.length >= 2);
    const allowed = ['tyshxydm', 'qymc', 'jyfw', 'tzr'];
    for (const item of all.body.items) {
      assert.deepEqual(Object.keys(item.data).sort(), [...allowed].sort());
      assert.ok(item.changed.every((c: string) => allowed.includes(c)));
    }
    // An address-only change does not concern commerce.
    assert.ok(all.body.items.every((i: { changed: string[] }) => i.changed.length > 0));
    const cursors = all.body.items.map((i: { cursor: number }) => i.cursor);
    assert.deepEqual(cursors, [...cursors].sort((a: number, b: number) => a - b));
    const replay = await t.anonymous().get(`/api/exchange/feed?after=${cursors[0]}&limit=500`, auth);
    assert.deepEqual(replay.body.items.map((i: { cursor: number }) => i.cursor), cursors.slice(1));
    const page = await t.anonymous().get('/api/exchange/feed?after=0&limit=1', auth);
    assert.ok(page.body.nextCursor !== null);
    // Only department tokens read the feed.
    assert.equal((await business.get('/api/exchange/feed')).status, 403);
    assert.equal((await t.anonymous().get('/api/exchange/feed')).status, 401);
    assert.equal((await t.anonymous().get('/api/exchange/feed', { authorization: 'Bearer xf_nope' })).status, 401);
    // An admin issues a fresh token (push-only departments have none); only admins manage keys.
    const issued = await admin.post(`/api/exchange/departments/${deps.get('commerce')!.id}/api-token`, {});
    assert.equal(issued.status, 200);
    assert.equal((await t.anonymous().get('/api/exchange/feed?after=0', { authorization: `Bearer ${issued.body.apiToken}` })).status, 200);
    assert.equal((await admin.post(`/api/exchange/departments/${deps.get('housing-fund')!.id}/api-token`, {})).status, 409);
    assert.equal((await registrar.post(`/api/exchange/departments/${deps.get('tax')!.id}/rotate-secret`, {})).status, 403);
    assert.equal((await registrar.get(`/api/exchange/departments/${deps.get('tax')!.id}`)).status, 200);
    assert.equal((await registrar.get('/api/exchange/departments/00000000-0000-4000-8000-000000000000')).status, 404);
    // A rotated secret: deliveries are signed with the new key; the simulator learns it.
    const rot = await admin.post(`/api/exchange/departments/${deps.get('tax')!.id}/rotate-secret`, {});
    assert.equal(rot.status, 200);
    assert.equal(rot.body.previousKeyId, 'tax-1');
    const tax = sim.get('tax');
    tax.secrets = { ...tax.secrets, [rot.body.keyId]: rot.body.secret };
    await fileAndApprove(e1.creditCode, { businessScope: '贸易；咨询' });
    await t.worker.drain();
    assert.equal(tax.copy.get(e1.creditCode)!.data.jyfw, '贸易；咨询');
  });

  test('reconciliation lists drifts; figures summarise the work', async () => {
    await t.worker.drain();
    // The pull department (commerce) reads the feed to its end, then asks once more from there.
    const auth = { authorization: `Bearer ${commerceToken}` };
    let after = 0;
    for (;;) {
      const page = await t.anonymous().get(`/api/exchange/feed?after=${after}&limit=500`, auth);
      after = page.body.lastCursor;
      if (page.body.nextCursor === null) break;
    }
    await t.anonymous().get(`/api/exchange/feed?after=${after}`, auth);
    const clean = await registrar.post('/api/exchange/reconciliations', {});
    assert.equal(clean.status, 200);
    assert.deepEqual(clean.body.drifts, []);
    assert.ok(clean.body.checked > 0);
    // A department's copy drifts: the run names it.
    sim.get('statistics').copy.get(e1.creditCode)!.data.dwxxmc = '被篡改的名称';
    t.clock.advance(1000);
    const drift = await registrar.post('/api/exchange/reconciliations', {});
    assert.deepEqual(drift.body.drifts, [{ departmentCode: 'statistics', departmentName: '杭州市统计局', creditCode: e1.creditCode, kind: 'different', fields: ['dwxxmc'] }]);
    assert.equal((await registrar.get('/api/exchange/reconciliations/latest')).body.id, drift.body.id);
    assert.equal((await business.post('/api/exchange/reconciliations', {})).status, 403);

    const fig = await registrar.get('/api/exchange/figures');
    assert.equal(fig.status, 200);
    assert.ok(fig.body.changesHandled >= 8);
    assert.ok(fig.body.departmentsPerChange > 1);
    assert.ok(fig.body.propagationMs.completed >= 1);
    assert.equal(typeof fig.body.propagationMs.median, 'number');
    assert.ok(fig.body.failuresByDepartment.find((d: { code: string }) => d.code === 'housing-fund').failures >= 1);
    assert.equal((await business.get('/api/exchange/figures')).status, 403);
  });
});

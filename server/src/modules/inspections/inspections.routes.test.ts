import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { deliveredSms } from '../../../test/sms.js';
import { seedRegistryDemo } from '../registry/registry.demo.js';
import { CREDIT_RISK_CLASS_CHANGED } from '../../../../contracts/events.js';
import { multipart, secretFor, tinyMp4 } from './inspections.test-support.js';
import { verifyBundle } from './domain/bundle.js';
import { recusalReason } from './domain/teams.js';
import { qrPngBuffer } from '../../platform/documents/qr.js';

describe('inspections API', () => {
  let t: TestApp;
  let planner: Client;
  let codes: { credit_code: string; region_code: string; name: string }[] = [];
  const inspectors: Client[] = [];
  let fieldId = '';

  before(async () => {
    t = await createTestApp({ config: { DEMO_ENTERPRISES: 600 } });
    await seedRegistryDemo(t.platform, { seed: 7, accounts: {} });
    codes = await t.platform.db.selectFrom('registry.enterprise').select(['credit_code', 'region_code', 'name']).where('region_code', 'like', '3301%').where('status', '=', 'active').orderBy('credit_code').limit(120).execute();
    planner = await t.as({ roles: ['inspection_planner'], jurisdiction: '3301' });
    for (const d of [['samr', '市场监管局'], ['health', '卫生健康委'], ['fire', '消防救援支队']]) {
      assert.equal((await planner.post('/api/inspections/departments', { code: d[0], name: d[1] })).status, 201);
    }
    const f = await planner.post('/api/inspections/fields', { code: 'catering', name: '餐饮服务', industryCodes: ['62'] });
    assert.equal(f.status, 201, JSON.stringify(f.body));
    fieldId = f.body.id;
    for (const [dept, name, basis] of [
      ['samr', '食品经营许可证', '《食品安全法》第三十五条'],
      ['samr', '从业人员健康证明', '《食品安全法》第四十五条'],
      ['health', '公共场所卫生许可', '《公共场所卫生管理条例》第八条'],
      ['fire', '消防通道畅通', '《消防法》第二十八条'],
    ]) assert.equal((await planner.post('/api/inspections/items', { fieldId, departmentCode: dept, name, legalBasis: basis })).status, 201);
    const dir = await planner.post('/api/inspections/directories', { fieldId, name: '餐饮主体名录', regionCode: '3301' });
    const added = await planner.post(`/api/inspections/directories/${dir.body.id}/targets`, { creditCodes: [...codes.map((c) => c.credit_code), '91330100MA00000000'.slice(0, 18)] });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    assert.equal(added.body.total, codes.length);
    // classes arrive from the credit module's event
    await t.platform.db.transaction().execute(async (tx) => {
      for (const [i, c] of codes.entries()) {
        if (i % 5 === 4) continue; // unclassed
        await t.platform.outbox.append(tx, CREDIT_RISK_CLASS_CHANGED, { creditCode: c.credit_code, regionCode: c.region_code, riskClass: 'ABCD'[i % 4], previousClass: null, rulesVersion: 't1', computedAt: '2026-11-01T00:00:00Z' });
      }
    });
    await t.worker.drain();
    const regions = ['330102', '330105', '330106', '330108', '330110'];
    for (const dept of ['samr', 'health', 'fire']) {
      for (let i = 0; i < 4; i++) {
        const c = await t.as({ roles: ['inspector'], jurisdiction: '3301' });
        inspectors.push(c);
        const r = await planner.post('/api/inspections/inspectors', { name: `${dept}检查员${i}`, accountId: c.accountId, departmentCode: dept, regionCode: '3301', residenceRegionCode: regions[(i + inspectors.length) % regions.length], qualifications: ['执法证'], conflicts: i === 0 ? [codes[3].credit_code] : [] });
        assert.equal(r.status, 201, JSON.stringify(r.body));
      }
    }
  });
  after(() => t?.close());

  async function commitAndReveal(taskId: string, parties: string[]) {
    const secrets = parties.map((p) => secretFor(taskId, p));
    for (const s of secrets) assert.equal((await planner.post(`/api/inspections/tasks/${taskId}/commitments`, { party: s.party, commitment: s.commitment })).status, 200);
    for (const s of secrets) assert.equal((await planner.post(`/api/inspections/tasks/${taskId}/reveals`, { party: s.party, reveal: s.reveal })).status, 200);
  }

  test('a joint task: ratios within the rule, commit–reveal, a verifiable draw with recusal, a checklist, a finding → lead, publication', async () => {
    const bad = await planner.post('/api/inspections/tasks', { title: 'x', fieldId, regionCode: '3301', departments: ['samr'], periodStart: '2026-11-20', periodEnd: '2026-12-20', ratios: { A: 0.5 } });
    assert.equal(bad.status, 422);
    const created = await planner.post('/api/inspections/tasks', { title: '餐饮行业一业一查', fieldId, regionCode: '3301', departments: ['samr', 'health', 'fire'], periodStart: '2026-11-20', periodEnd: '2026-12-20', ratios: { A: 0.05, B: 0.2, C: 0.5, D: 0.8 } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const task = created.body;
    assert.deepEqual(task.parties.map((p: { party: string }) => p.party), ['fire', 'health', 'observer', 'samr']);
    // the draw refuses until everyone revealed; a reveal before all commit is refused
    assert.equal((await planner.post(`/api/inspections/tasks/${task.id}/draw`)).status, 422);
    const s = secretFor(task.id, 'samr');
    await planner.post(`/api/inspections/tasks/${task.id}/commitments`, { party: 'samr', commitment: s.commitment });
    assert.equal((await planner.post(`/api/inspections/tasks/${task.id}/reveals`, { party: 'samr', reveal: s.reveal })).status, 422);
    assert.equal((await planner.post(`/api/inspections/tasks/${task.id}/commitments`, { party: 'samr', commitment: s.commitment })).status, 422);
    const rest = ['fire', 'health', 'observer'].map((p) => secretFor(task.id, p));
    for (const r of rest) await planner.post(`/api/inspections/tasks/${task.id}/commitments`, { party: r.party, commitment: r.commitment });
    assert.equal((await planner.post(`/api/inspections/tasks/${task.id}/reveals`, { party: 'fire', reveal: 'wrong-secret' })).status, 422);
    for (const r of [s, ...rest]) assert.equal((await planner.post(`/api/inspections/tasks/${task.id}/reveals`, { party: r.party, reveal: r.reveal })).status, 200);
    assert.equal((await inspectors[0].post(`/api/inspections/tasks/${task.id}/draw`)).status, 403);
    const drawn = await planner.post(`/api/inspections/tasks/${task.id}/draw`);
    assert.equal(drawn.status, 200, JSON.stringify(drawn.body));
    assert.equal(drawn.body.status, 'drawn');
    assert.ok(drawn.body.visits.length > 10);
    assert.equal((await planner.post(`/api/inspections/tasks/${task.id}/draw`)).status, 409);
    // every team: ≥ 3 (one per department), no recusal violated
    const bundle = (await t.platform.db.selectFrom('inspections.draw').select('bundle').where('task_id', '=', task.id).executeTakeFirstOrThrow()).bundle as unknown as Parameters<typeof verifyBundle>[0];
    assert.deepEqual(verifyBundle(bundle).problems, []);
    const pool = new Map(bundle.inspectors.entries.map((i) => [i.code, i]));
    const regionOf = new Map(bundle.directory.entries.map(([c, r]) => [c, r]));
    for (const team of bundle.result.teams) {
      assert.ok(team.inspectors.length >= 3);
      for (const c of team.inspectors) assert.equal(recusalReason(pool.get(c)!, { creditCode: team.creditCode, regionCode: regionOf.get(team.creditCode)! }), null);
    }
    assert.ok(!bundle.result.teams.some((x) => x.creditCode === codes[3].credit_code && x.inspectors.includes('SAMR-0001')));
    // the inspector's phone list and checklist
    const visit = drawn.body.visits[0];
    const member = visit.team[0].code as string;
    const idx = ['SAMR', 'HEALTH', 'FIRE'].indexOf(member.split('-')[0]) * 4 + Number(member.split('-')[1]) - 1;
    const me = inspectors[idx];
    const outsider = inspectors.find((_, i) => !visit.team.some((m: { code: string }) => ['SAMR', 'HEALTH', 'FIRE'].indexOf(m.code.split('-')[0]) * 4 + Number(m.code.split('-')[1]) - 1 === i))!;
    const mine = await me.get('/api/inspections/visits/mine');
    assert.ok(mine.body.items.some((v: { id: string }) => v.id === visit.id));
    assert.equal((await outsider.get(`/api/inspections/visits/${visit.id}`)).status, 404);
    assert.equal((await planner.post(`/api/inspections/visits/${visit.id}/items/${visit.checklist[0].itemId}`, { result: 'pass' })).status, 403);
    assert.equal((await me.post(`/api/inspections/visits/${visit.id}/complete`, { version: visit.version })).status, 422);
    const png = await qrPngBuffer('evidence', 64);
    const up = multipart({}, [{ field: 'file', name: 'photo.png', data: png, type: 'image/png' }]);
    const photo = await me.request('POST', `/api/inspections/visits/${visit.id}/items/${visit.checklist[0].itemId}/photos`, up.payload, up.headers);
    assert.equal(photo.status, 200, JSON.stringify(photo.body));
    assert.equal(photo.body.checklist[0].photoFileIds.length, 1);
    const txt = multipart({}, [{ field: 'file', name: 'x.png', data: Buffer.from('not an image'), type: 'image/png' }]);
    assert.equal((await me.request('POST', `/api/inspections/visits/${visit.id}/items/${visit.checklist[0].itemId}/photos`, txt.payload, txt.headers)).status, 415);
    let v = photo.body;
    for (const [i, item] of visit.checklist.entries()) {
      const r = await me.post(`/api/inspections/visits/${visit.id}/items/${item.itemId}`, { result: i === 0 ? 'fail' : 'pass', note: i === 0 ? '许可证过期' : undefined });
      assert.equal(r.status, 200);
      v = r.body;
    }
    const done = await me.post(`/api/inspections/visits/${visit.id}/complete`, { version: v.version, summary: '发现一项问题' });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.finding, true);
    assert.ok(done.body.publishDue > '2026-12-01');
    await t.worker.drain();
    const lead = await t.platform.db.selectFrom('enforcement.case').select(['source', 'credit_code']).where('source', '=', 'inspection').execute();
    assert.deepEqual(lead.map((l) => l.credit_code), [visit.creditCode]);
    // publication needs every visit done
    assert.equal((await planner.post(`/api/inspections/tasks/${task.id}/publish`)).status, 422);
    for (const other of drawn.body.visits.slice(1)) {
      const m = other.team[0].code as string;
      const c = inspectors[['SAMR', 'HEALTH', 'FIRE'].indexOf(m.split('-')[0]) * 4 + Number(m.split('-')[1]) - 1];
      let cur = other;
      for (const item of other.checklist) cur = (await c.post(`/api/inspections/visits/${other.id}/items/${item.itemId}`, { result: 'pass' })).body;
      assert.equal((await c.post(`/api/inspections/visits/${other.id}/complete`, { version: cur.version })).status, 200);
    }
    const pub = await planner.post(`/api/inspections/tasks/${task.id}/publish`);
    assert.equal(pub.status, 200, JSON.stringify(pub.body));
    const page = await t.anonymous().get(`/api/public/inspections/tasks/${task.id}`);
    assert.equal(page.status, 200);
    assert.equal(page.body.visits.length, drawn.body.visits.length);
    assert.match(page.body.verification.command, /npm run draw:verify -- http/);
    assert.ok(!JSON.stringify(page.body).includes('"A"'));
    const json = await t.anonymous().get(`/api/public/inspections/tasks/${task.id}/draw.json`);
    assert.deepEqual(verifyBundle(json.body).problems, []);
    const figures = await planner.get('/api/inspections/figures');
    assert.ok(figures.body.drawsByClass.length >= 4);
    assert.equal(figures.body.enterprisesChecked, drawn.body.visits.length);
  });

  test("a second department's task drawing the same enterprise in the period joins the open visit", async () => {
    const mk = async (departments: string[], title: string) => {
      const r = await planner.post('/api/inspections/tasks', { title, fieldId, regionCode: '3301', departments, periodStart: '2026-12-01', periodEnd: '2026-12-31', ratios: { A: 0.05, B: 0.2, C: 0.6, D: 1 } });
      await commitAndReveal(r.body.id, r.body.parties.map((p: { party: string }) => p.party));
      return (await planner.post(`/api/inspections/tasks/${r.body.id}/draw`)).body;
    };
    const one = await mk(['samr'], '市场监管专项');
    const two = await mk(['health'], '卫生专项');
    assert.ok(two.visitsAvoided > 0, 'D is drawn in full by both, so some enterprise is shared');
    const shared = two.visits.find((v: { taskNos: string[] }) => v.taskNos.length === 2);
    assert.ok(shared);
    assert.deepEqual(new Set(shared.checklist.map((i: { department: string }) => i.department)), new Set(['samr', 'health']));
    assert.ok(shared.taskNos.includes(one.taskNo) && shared.taskNos.includes(two.taskNo));
  });

  test('the public order: phone-verified proposals, one support per phone, moderation, the top proposal becomes a task; its video and result are on its page', async () => {
    const anon = t.anonymous();
    async function session(phone: string) {
      assert.equal((await anon.post('/api/public/inspections/phone-codes', { phone })).status, 200);
      await t.worker.drain();
      const sms = (await deliveredSms(t.platform)).filter((m) => m.to.endsWith(phone.slice(-4)));
      const code = /(\d{6})/.exec(sms[sms.length - 1].body)![1];
      assert.equal((await anon.post('/api/public/inspections/phone-sessions', { phone, code: '000000' === code ? '111111' : '000000' })).status, 400);
      const r = await anon.post('/api/public/inspections/phone-sessions', { phone, code });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.token as string;
    }
    const tokens = [await session('13900000001'), await session('13900000002'), await session('13900000003')];
    assert.equal((await anon.post('/api/public/inspections/proposals', { token: 'nope', title: 't', body: 'b', regionCode: '330102' })).status, 401);
    const a = (await anon.post('/api/public/inspections/proposals', { token: tokens[0], title: '学校周边小餐馆卫生', body: '希望检查学校周边餐馆后厨卫生', regionCode: '330102' })).body;
    const b = (await anon.post('/api/public/inspections/proposals', { token: tokens[1], title: '外卖后厨', body: '外卖店后厨脏乱', regionCode: '330102' })).body;
    const c = (await anon.post('/api/public/inspections/proposals', { token: tokens[2], title: '重复建议', body: '同上', regionCode: '330102' })).body;
    assert.equal((await anon.post(`/api/public/inspections/proposals/${a.id}/supports`, { token: tokens[0] })).status, 409);
    assert.equal((await anon.post(`/api/public/inspections/proposals/${a.id}/supports`, { token: tokens[1] })).body.supports, 2);
    // merge c into a: c's supporter moves with traceability
    assert.equal((await inspectors[0].post(`/api/inspections/proposals/${c.id}/moderate`, { action: 'merge', version: c.version, targetId: a.id })).status, 403);
    const merged = await planner.post(`/api/inspections/proposals/${c.id}/moderate`, { action: 'merge', version: c.version, targetId: a.id });
    assert.equal(merged.status, 200, JSON.stringify(merged.body));
    assert.equal(merged.body.mergedInto, a.id);
    const aPage = await anon.get(`/api/public/inspections/proposals/${a.id}`);
    assert.equal(aPage.body.supports, 3);
    assert.deepEqual(aPage.body.mergedFrom, [c.proposalNo]);
    assert.equal((await planner.post(`/api/inspections/proposals/${b.id}/moderate`, { action: 'reject', version: b.version })).status, 422);
    // the top proposal (a) becomes a surprise task
    const target = codes.find((x) => x.region_code.startsWith('330102')) ?? codes[0];
    const adopted = await planner.post('/api/inspections/proposals/adopt', { fieldId, departments: ['samr', 'health'], creditCodes: [target.credit_code], periodStart: '2026-11-21', periodEnd: '2026-11-30' });
    assert.equal(adopted.status, 201, JSON.stringify(adopted.body));
    assert.equal(adopted.body.proposalId, a.id);
    assert.equal(adopted.body.kind, 'surprise');
    await commitAndReveal(adopted.body.id, adopted.body.parties.map((p: { party: string }) => p.party));
    const drawn = (await planner.post(`/api/inspections/tasks/${adopted.body.id}/draw`)).body;
    assert.equal(drawn.visits.length, 1);
    const visit = drawn.visits[0];
    for (const m of visit.team) {
      const i = ['SAMR', 'HEALTH', 'FIRE'].indexOf(m.code.split('-')[0]) * 4 + Number(m.code.split('-')[1]) - 1;
      let cur = (await inspectors[i].get(`/api/inspections/visits/${visit.id}`)).body;
      for (const item of cur.checklist) if (!item.result) cur = (await inspectors[i].post(`/api/inspections/visits/${visit.id}/items/${item.itemId}`, { result: 'pass' })).body;
      if (cur.status === 'open') assert.equal((await inspectors[i].post(`/api/inspections/visits/${visit.id}/complete`, { version: cur.version, summary: '后厨整洁' })).status, 200);
    }
    assert.equal((await planner.post(`/api/inspections/tasks/${adopted.body.id}/publish`)).status, 200);
    // a video with the proposal: type and size checked; range requests
    const mp4 = tinyMp4(5000);
    const up = multipart({ title: '点单突击检查 学校周边', proposalId: a.id }, [{ field: 'file', name: 'v.mp4', data: mp4, type: 'video/mp4' }]);
    assert.equal((await t.anonymous().request('POST', '/api/inspections/videos', up.payload, up.headers)).status, 401);
    const video = await planner.request('POST', '/api/inspections/videos', up.payload, up.headers);
    assert.equal(video.status, 201, JSON.stringify(video.body));
    const badType = multipart({ title: 'x' }, [{ field: 'file', name: 'v.mp4', data: Buffer.from('plain text, not a video'), type: 'video/mp4' }]);
    assert.equal((await planner.request('POST', '/api/inspections/videos', badType.payload, badType.headers)).status, 415);
    const whole = await t.http!.inject({ method: 'GET', url: video.body.streamUrl });
    assert.equal(whole.statusCode, 200);
    assert.equal(whole.rawPayload.length, mp4.length);
    const part = await t.http!.inject({ method: 'GET', url: video.body.streamUrl, headers: { range: 'bytes=100-199' } });
    assert.equal(part.statusCode, 206);
    assert.equal(part.headers['content-range'], `bytes 100-199/${mp4.length}`);
    assert.deepEqual(part.rawPayload, mp4.subarray(100, 200));
    const tail = await t.http!.inject({ method: 'GET', url: video.body.streamUrl, headers: { range: 'bytes=-10' } });
    assert.equal(tail.statusCode, 206);
    assert.deepEqual(tail.rawPayload, mp4.subarray(mp4.length - 10));
    assert.equal((await t.http!.inject({ method: 'GET', url: video.body.streamUrl, headers: { range: `bytes=${mp4.length}-` } })).statusCode, 416);
    const poster = await t.http!.inject({ method: 'GET', url: video.body.posterUrl });
    assert.equal(poster.statusCode, 200);
    assert.match(String(poster.headers['content-type']), /image\/svg\+xml/);
    // views: once per visitor per day
    assert.equal((await anon.post(`/api/public/inspections/videos/${video.body.id}/views`, { visitor: 'visitor-0001' })).body.counted, true);
    assert.equal((await anon.post(`/api/public/inspections/videos/${video.body.id}/views`, { visitor: 'visitor-0001' })).body.counted, false);
    assert.equal((await anon.post(`/api/public/inspections/videos/${video.body.id}/views`, { visitor: 'visitor-0002' })).body.views, 2);
    // solved, and the page shows the task's result and the video
    const cur = (await planner.get('/api/inspections/proposals')).body.items.find((p: { id: string }) => p.id === a.id);
    assert.equal((await planner.post(`/api/inspections/proposals/${a.id}/moderate`, { action: 'solve', version: cur.version, answer: '后厨问题已整改' })).status, 200);
    const pageNow = (await anon.get(`/api/public/inspections/proposals/${a.id}`)).body;
    assert.equal(pageNow.status, 'adopted');
    assert.match(pageNow.answer, /SJ2026/);
    assert.equal(pageNow.problemSolved, true);
    assert.equal(pageNow.task.visits.length, 1);
    assert.equal(pageNow.videos[0].views, 2);
    const figures = (await anon.get('/api/public/inspections/figures')).body;
    assert.equal(figures.participants, 3);
    assert.equal(figures.problemsSolved, 1);
    assert.deepEqual(figures.drawsByClass, []);
  });

  test('denials: anonymous, wrong role, outside the jurisdiction', async () => {
    const anon = t.anonymous();
    for (const url of ['/api/inspections/catalogue', '/api/inspections/tasks', '/api/inspections/inspectors', '/api/inspections/plans', '/api/inspections/visits/mine', '/api/inspections/proposals', '/api/inspections/figures']) {
      assert.equal((await anon.get(url)).status, 401, url);
    }
    const mediator = await t.as({ roles: ['mediator'], jurisdiction: '3301' });
    assert.equal((await mediator.get('/api/inspections/tasks')).status, 403);
    assert.equal((await inspectors[0].post('/api/inspections/fields', { code: 'x1', name: 'x', industryCodes: [] })).status, 403);
    assert.equal((await inspectors[0].post('/api/inspections/plans', { year: 2026, title: 'p', regionCode: '3301' })).status, 403);
    const other = await t.as({ roles: ['inspection_planner'], jurisdiction: '3302' });
    const list = (await planner.get('/api/inspections/tasks')).body.items;
    assert.equal((await other.get(`/api/inspections/tasks/${list[0].id}`)).status, 404);
    assert.equal((await other.post('/api/inspections/directories', { fieldId, name: 'x', regionCode: '3301' })).status, 404);
    assert.equal((await planner.post('/api/inspections/plans', { year: 2026, title: '2026年度联合抽查计划', fieldId, regionCode: '3301' })).status, 201);
    assert.equal((await planner.get('/api/inspections/plans')).body.items.length, 1);
    assert.equal((await anon.get('/api/public/inspections/tasks/00000000-0000-4000-8000-000000000000')).status, 404);
    const unpublished = list.find((x: { status: string }) => x.status !== 'published');
    assert.equal((await anon.get(`/api/public/inspections/tasks/${unpublished.id}/draw.json`)).status, 404);
    assert.equal((await anon.post('/api/public/inspections/phone-codes', { phone: '123' })).status, 400);
    const insp = (await planner.get('/api/inspections/inspectors')).body.items[0];
    const off = await planner.patch(`/api/inspections/inspectors/${insp.id}`, { available: false });
    assert.equal(off.body.available, false);
  });
});

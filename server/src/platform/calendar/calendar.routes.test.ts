import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/harness.js';

describe('calendar routes', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('working days across 2025 National Day', async () => {
    const res = await t.anonymous().get('/api/calendar/working-days?from=2025-09-26&add=7');
    assert.equal(res.status, 200);
    assert.equal(res.body.result, '2025-10-13');
  });

  test('a deadline in 2027 is provisional until an admin loads the 2027 notice', async () => {
    const predicted = await t.anonymous().get('/api/calendar/working-days?from=2026-12-20&add=15');
    assert.equal(predicted.status, 200);
    assert.equal(predicted.body.result, '2027-01-11');
    assert.equal(predicted.body.provisional, true);
    assert.deepEqual(predicted.body.dependsOn, [2027]);
    const refused = await t.anonymous().get('/api/calendar/working-days?from=2028-12-20&add=15', { 'accept-language': 'en' });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.error.code, 'CALENDAR_OUT_OF_RANGE');
    assert.match(refused.body.error.message, /2004–2028/);
    const admin = await t.as({ roles: ['admin'] });
    const registrar = await t.as({ roles: ['registrar'] });
    const notice = { year: 2027, source: '国务院办公厅关于2027年部分节假日安排的通知（测试）', days: [{ date: '2027-01-01', workday: false, name: '元旦' }] };
    assert.equal((await registrar.post('/api/admin/calendar/years', notice)).status, 403);
    // From 1 November (the clock is at 20 Nov 2026) the admin is reminded that the 2027 notice is due.
    const before = (await admin.get('/api/admin/calendar')).body;
    assert.equal(before.nextYearDue, true);
    assert.deepEqual(before.provisionalYears, [2027, 2028]);
    assert.equal((await admin.post('/api/admin/calendar/years', { ...notice, days: [{ date: '2028-01-01', workday: false, name: 'x' }] })).status, 400);
    const dup = await admin.post('/api/admin/calendar/years', { ...notice, days: [notice.days[0], notice.days[0]] }, { 'accept-language': 'en' });
    assert.equal(dup.status, 400);
    assert.equal(dup.body.error.fields[0].path, 'days.1.date');
    assert.equal(dup.body.error.fields[0].code, 'DUPLICATE');
    assert.equal(dup.body.error.fields[0].message, 'Date 2027-01-01 is listed twice');
    const impossible = await admin.post('/api/admin/calendar/years', { ...notice, days: [{ date: '2027-02-30', workday: false, name: 'x' }] });
    assert.equal(impossible.status, 400);
    assert.equal(impossible.body.error.fields[0].path, 'days.0.date');
    assert.equal(impossible.body.error.fields[0].code, 'INVALID_DATE');
    assert.equal(impossible.body.error.fields[0].message, '日期 2027-02-30 不存在或格式不正确');
    assert.equal((await admin.post('/api/admin/calendar/years', notice)).status, 200);
    const ok = await t.anonymous().get('/api/calendar/working-days?from=2026-12-20&add=15');
    assert.equal(ok.status, 200);
    assert.equal(ok.body.result, '2027-01-11');
    assert.equal(ok.body.provisional, false);
    const afterLoad = (await admin.get('/api/admin/calendar')).body;
    assert.equal(afterLoad.nextYearDue, false);
    assert.equal(afterLoad.lastYear, 2027);
    // The 2028 notice as a file (multipart): a bad line is refused naming it; a good file loads.
    const upload = (who: typeof admin, csv: string) => {
      const b = '----xfcal';
      const payload = Buffer.concat([
        Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="year"\r\n\r\n2028\r\n`),
        Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="2028.csv"\r\nContent-Type: text/csv\r\n\r\n`),
        Buffer.from(csv),
        Buffer.from(`\r\n--${b}--\r\n`),
      ]);
      return who.request('POST', '/api/admin/calendar/years/import', payload, { 'content-type': `multipart/form-data; boundary=${b}`, 'accept-language': 'zh-CN' });
    };
    const file = '# source: 国务院办公厅关于2028年部分节假日安排的通知（测试）\ndate,type,name\n2028-01-03,休,元旦\n';
    assert.equal((await upload(registrar, file)).status, 403);
    const badFile = await upload(admin, `${file}2028-01-03,休,元旦\n`);
    assert.equal(badFile.status, 400);
    assert.equal(badFile.body.error.fields[0].path, 'line 4.date');
    assert.equal(badFile.body.error.fields[0].message, '日期 2028-01-03 重复');
    const imported = await upload(admin, file);
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    assert.equal(imported.body.days, 1);
    assert.equal((await admin.get('/api/admin/calendar')).body.lastYear, 2028);
  });
});

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { createTestApp, type TestApp, type Client } from '../../../test/harness.js';
import { MAX_IMPORT_ROWS } from './domain/import-12315.js';

/** Issue 9, finding 8: the 12315 import accounts for every row and reads GBK exports. */
const HEADER = '登记编号,诉求类型,投诉人姓名,联系电话,投诉人地址,被投诉人名称,被投诉人地址,诉求内容,事实经过,涉及金额';

async function upload(who: Client, file: Buffer) {
  const boundary = '----xf12315b';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="12315.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return who.request('POST', '/api/complaints/imports', payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

describe('12315 import: every row accounted for', () => {
  let t: TestApp;
  let mediator: Client;
  before(async () => {
    t = await createTestApp();
    mediator = await t.as({ roles: ['mediator'], jurisdiction: '330102' });
  });
  after(() => t.close());

  test('a file over the limit is refused whole, with the limit named; nothing is imported', async () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `12330${String(i).padStart(6, '0')},投诉,张伟,139${String(i).padStart(8, '0')},杭州市上城区,某店${i},杭州市上城区,退款,质量问题,10`);
    const res = await upload(mediator, Buffer.from([HEADER, ...rows].join('\n')));
    assert.equal(res.status, 400, JSON.stringify(res.body).slice(0, 300));
    assert.equal(res.body.error.code, 'VALIDATION_FAILED');
    assert.equal(res.body.error.fields[0].code, 'TOO_MANY_ROWS');
    assert.match(res.body.error.fields[0].message, new RegExp(`${MAX_IMPORT_ROWS + 1}.*${MAX_IMPORT_ROWS}`));
    const en = await upload(mediator, Buffer.from([HEADER, ...rows].join('\n')));
    assert.ok(en.body.error.fields[0].message.includes(String(MAX_IMPORT_ROWS)));
    assert.equal((await mediator.get('/api/complaints?limit=10')).body.items.length, 0);
  });

  test('a GBK export: created + replayed + refused = total, each refused row with its reasons', async () => {
    const csv = [
      HEADER,
      '1233019001,投诉,张伟,13955550001,杭州市上城区,某餐饮公司,杭州市上城区延安路1号,退款,菜品变质,88.00',
      '1233019002,投诉,李娜,12345,杭州市上城区,某超市,杭州市上城区,退款,过期食品,',
      ',投诉,王芳,13955550003,杭州市上城区,某药店,杭州市上城区,退款,无证经营,',
      '1233019004,举报,赵强,13955550004,杭州市上城区,某商行,杭州市上城区,查处,虚假宣传,',
      '1233019005,投诉,钱多,13955550005,杭州市上城区,某商场,杭州市上城区,退款,金额有误,abc',
    ].join('\r\n');
    const first = await upload(mediator, iconv.encode(csv, 'gbk'));
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.encoding, 'GB18030');
    assert.equal(first.body.total, 5);
    assert.equal(first.body.created, 2);
    assert.equal(first.body.replayed, 0);
    assert.equal(first.body.refused, 3);
    assert.equal(first.body.created + first.body.replayed + first.body.refused, first.body.total);
    assert.deepEqual([...new Set(first.body.errors.map((e: { line: number }) => e.line))].sort(), [3, 4, 6]);
    const names = (await mediator.get('/api/complaints?limit=50')).body.items.map((i: { respondentName: string }) => i.respondentName).sort();
    assert.deepEqual(names, ['某商行', '某餐饮公司'].sort());

    const again = await upload(mediator, Buffer.from(csv, 'utf8'));
    assert.equal(again.body.encoding, 'UTF-8');
    assert.equal(again.body.created, 0);
    assert.equal(again.body.replayed, 2);
    assert.equal(again.body.created + again.body.replayed + again.body.refused, again.body.total);
  });
});

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { createTestApp, type TestApp, type Client } from '../../../test/harness.js';
import { makeCreditCode } from './domain/credit-code.js';
import { computeIdNumberCheck } from './domain/id-number.js';
import { IMPORT_BATCHES_PER_RUN } from './registry.service.js';

/** Issue 9, finding 8: imports of any size up to the limit, in any encoding Excel writes, every row accounted for. */
const HEADER = 'credit_code,name,type,legal_rep_name,legal_rep_id_number,registered_capital,address,region_code,industry_code,business_scope,established_on';
const REGION = '330106';

function code(i: number) {
  return makeCreditCode('9', '1', REGION, `K${String(i).padStart(7, '0')}`);
}
function idNumber(i: number) {
  const id17 = `${REGION}1980${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
  return id17 + computeIdNumberCheck(id17);
}
/** A short row (70,000 of them stay under the 10 MB upload limit); every 7th carries an ID number. */
function line(i: number) {
  return `${code(i)},导入${i}有限公司,limited_company,李四,${i % 7 === 0 ? idNumber(i) : ''},100,杭州市${i}号,${REGION},6513,软件,2019-05-06`;
}

async function upload(c: Client, file: Buffer, skipErrors: boolean) {
  const boundary = '----xflarge';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="skipErrors"\r\n\r\n${skipErrors}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="list.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.request('POST', '/api/enterprises/imports', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

describe('large and non-UTF-8 imports', () => {
  let t: TestApp;
  let registrar: Client;
  before(async () => {
    t = await createTestApp();
    registrar = await t.as({ roles: ['registrar'], jurisdiction: '3301' });
  });
  after(() => t.close());

  test('70,000 UTF-8 rows: checked in batches, imported with progress, every row accounted for, no ID number in clear while staged', async () => {
    const N = 70_000;
    const lines = Array.from({ length: N }, (_, i) => line(i));
    // refused rows: a bad industry code, a repeat of an earlier code, a region not in the code table
    lines[100] = lines[100]!.replace(',6513,', ',9999,');
    lines[200] = line(199);
    lines[300] = lines[300]!.replace(`,${REGION},`, ',110101,');
    const file = Buffer.from([HEADER, ...lines].join('\n'), 'utf8');
    assert.ok(file.length < 10 * 1024 * 1024, `${file.length} bytes`);
    // one of them is registered already: found in the batched look-up, refused as DUPLICATE
    assert.equal((await registrar.post('/api/enterprises', { creditCode: code(500), name: '导入500有限公司', type: 'limited_company', legalRepName: '李四', registeredCapitalFen: 10000, address: '杭州市500号', regionCode: REGION, industryCode: '6513', businessScope: '软件', establishedOn: '2019-05-06' })).status, 201);

    const res = await upload(registrar, file, true);
    assert.equal(res.status, 202, JSON.stringify(res.body).slice(0, 500));
    assert.equal(res.body.encoding, 'UTF-8');
    assert.equal(res.body.total, N);
    assert.equal(res.body.refused, 4);
    assert.equal(res.body.valid, N - 4);
    assert.deepEqual(res.body.errors.map((e: { row: number; code: string }) => `${e.row}:${e.code}`).sort(), ['101:INDUSTRY_CODE_INVALID', '201:DUPLICATE_IN_FILE', '301:REGION_CODE_UNKNOWN', '501:DUPLICATE'].sort());

    // staged rows hold no ID number in clear
    const staged = await t.platform.db.selectFrom('registry.import_job').select(['rows']).where('id', '=', res.body.id).executeTakeFirstOrThrow();
    const stagedText = typeof staged.rows === 'string' ? staged.rows : JSON.stringify(staged.rows);
    assert.equal(stagedText.includes(idNumber(7)), false);
    assert.equal(stagedText.includes(idNumber(69_993)), false);

    // one worker round: part of the rows, progress recorded
    await t.worker.drain({ maxRounds: 1 });
    const partial = await registrar.get(`/api/enterprises/imports/${res.body.id}`);
    assert.equal(partial.body.status, 'importing');
    assert.equal(partial.body.processed, IMPORT_BATCHES_PER_RUN * 500);
    assert.ok(partial.body.processed < partial.body.valid);

    await t.worker.drain();
    const job = await registrar.get(`/api/enterprises/imports/${res.body.id}`);
    assert.equal(job.body.status, 'done');
    assert.equal(job.body.processed, N - 4);
    assert.equal(job.body.imported + job.body.skipped + job.body.refused, N);
    assert.equal(job.body.imported, N - 4);
    const count = await t.platform.db.selectFrom('registry.enterprise').select((eb) => eb.fn.countAll().as('n')).where('region_code', '=', REGION).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), N - 4 + 1);
    const last = await registrar.get(`/api/enterprises/${code(69_993)}`);
    assert.equal(last.status, 200);
    assert.equal(last.body.name, '导入69993有限公司');
    assert.match(last.body.legalRepIdMasked, /^330106\*{8}/);
  });

  test('a GBK file (Excel on a Chinese Windows) is read as GB18030, not as mojibake; the encoding is shown', async () => {
    const header = '统一社会信用代码,企业名称,企业类型,法定代表人,法定代表人身份证号,注册资本,住所,行政区划代码,行业代码,经营范围,成立日期';
    const rows = [
      `${code(90_001)},杭州西湖龙井茶叶有限公司,limited_company,王芳,,500,浙江省杭州市西湖区龙井路1号,${REGION},6513,茶叶销售,2018-03-04`,
      `${code(90_002)},杭州湖滨美食餐饮有限公司,limited_company,赵强,,80,浙江省杭州市西湖区北山街2号,${REGION},6513,餐饮服务,2017-08-09`,
    ];
    const gbk = iconv.encode([header, ...rows].join('\r\n'), 'gbk');
    const res = await upload(registrar, gbk, false);
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.equal(res.body.encoding, 'GB18030');
    assert.equal(res.body.valid, 2);
    assert.equal(res.body.refused, 0);
    await t.worker.drain();
    const e = await registrar.get(`/api/enterprises/${code(90_001)}`);
    assert.equal(e.status, 200);
    assert.equal(e.body.name, '杭州西湖龙井茶叶有限公司');
    assert.equal(e.body.legalRepName, '王芳');
    assert.equal(e.body.address, '浙江省杭州市西湖区龙井路1号');
    // the same file with a UTF-8 BOM reads the same
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([header, rows[1]!.replace(code(90_002), code(90_003)).replace('杭州湖滨美食餐饮有限公司', '杭州湖滨美食餐饮二店有限公司')].join('\n'), 'utf8')]);
    const b = await upload(registrar, bom, false);
    assert.equal(b.body.encoding, 'UTF-8 (BOM)');
    assert.equal(b.body.valid, 1);
  });
});

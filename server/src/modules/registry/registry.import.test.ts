import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type Client } from '../../../test/harness.js';
import { makeCreditCode } from './domain/credit-code.js';

const HEADER = 'credit_code,name,type,legal_rep_name,legal_rep_id_number,registered_capital,address,region_code,industry_code,business_scope,established_on';
function line(i: number, overrides: Partial<Record<string, string>> = {}) {
  const v = {
    code: makeCreditCode('9', '1', '330106', `KMP${String(i).padStart(5, '0')}`),
    name: `杭州导入${i}号科技有限公司`,
    capital: '1000000.50',
    region: '330106',
    industry: '6513',
    ...overrides,
  };
  return `${v.code},${v.name},limited_company,李四,,${v.capital},浙江省杭州市西湖区文三路${i}号,${v.region},${v.industry},软件开发,2019-05-06`;
}

async function upload(c: Client, t: TestApp, csv: string, skipErrors: boolean) {
  const boundary = '----xf' + Math.random().toString(16).slice(2);
  const body =
    `--${boundary}\r\nContent-Disposition: form-data; name="skipErrors"\r\n\r\n${skipErrors}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="list.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
  return c.request('POST', '/api/enterprises/imports', Buffer.from(body), { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

describe('CSV import', () => {
  let t: TestApp;
  let registrar: Client;
  before(async () => {
    t = await createTestApp();
    registrar = await t.as({ roles: ['registrar'], jurisdiction: '3301' });
  });
  after(() => t.close());

  test('a clean file is imported by the worker with progress recorded', async () => {
    const csv = [HEADER, ...Array.from({ length: 1200 }, (_, i) => line(i))].join('\n');
    const res = await upload(registrar, t, csv, false);
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.equal(res.body.status, 'importing');
    assert.equal(res.body.valid, 1200);
    await t.worker.drain();
    const job = await registrar.get(`/api/enterprises/imports/${res.body.id}`);
    assert.equal(job.body.status, 'done');
    assert.equal(job.body.processed, 1200);
    assert.equal(job.body.imported, 1200);
    const one = await registrar.get(`/api/enterprises/${makeCreditCode('9', '1', '330106', 'KMP00007')}`);
    assert.equal(one.status, 200);
    assert.equal(one.body.registeredCapitalFen, 100000050);
  });

  test('a file with errors imports nothing and reports each bad row', async () => {
    const csv = [HEADER, line(5000), line(5001, { code: '91350203M0001QAY9B' }), line(5002, { region: '110101' }), line(5003, { capital: 'abc' })].join('\n');
    const res = await upload(registrar, t, csv, false);
    assert.equal(res.status, 202);
    assert.equal(res.body.status, 'rejected');
    const rows = res.body.errors.map((e: { row: number }) => e.row).sort();
    assert.deepEqual(rows, [2, 3, 4]);
    assert.match(res.body.errors.find((e: { row: number }) => e.row === 2).message, /[\u4e00-\u9fff]/);
    await t.worker.drain();
    assert.equal((await registrar.get(`/api/enterprises/${makeCreditCode('9', '1', '330106', 'KMP05000')}`)).status, 404);
  });

  test('with skipErrors the good rows are imported', async () => {
    const csv = [HEADER, line(6000), line(6001, { industry: '9999' })].join('\n');
    const res = await upload(registrar, t, csv, true);
    assert.equal(res.body.status, 'importing');
    assert.equal(res.body.errors.length, 1);
    await t.worker.drain();
    assert.equal((await registrar.get(`/api/enterprises/${makeCreditCode('9', '1', '330106', 'KMP06000')}`)).status, 200);
  });

  test('importing is for registrars, and the uploaded file must be a CSV with the required columns', async () => {
    const inspector = await t.as({ roles: ['inspector'], jurisdiction: '3301' });
    assert.equal((await upload(inspector, t, [HEADER, line(7000)].join('\n'), false)).status, 403);
    const bad = await upload(registrar, t, 'a,b\n1,2', false);
    assert.equal(bad.body.status, 'rejected');
    assert.ok(bad.body.errors.some((e: { code: string }) => e.code === 'CSV_COLUMN_MISSING'));
  });
});

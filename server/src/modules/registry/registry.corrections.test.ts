// Issue 11: a registrar's correction changes only what it names, and a new legal representative
// never keeps the previous person's ID number.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type Client } from '../../../test/harness.js';
import { makeCreditCode } from './domain/credit-code.js';
import { computeIdNumberCheck } from './domain/id-number.js';

const SC = '330102';
const idNumber = (seq: number) => {
  const id17 = `${SC}19800101${String(seq).padStart(3, '0')}`;
  return id17 + computeIdNumberCheck(id17);
};

function enterprise(seq: number) {
  return {
    creditCode: makeCreditCode('9', '1', SC, `C${String(seq).padStart(7, '0')}`),
    name: `杭州更正测试${seq}有限公司`,
    type: 'limited_company',
    legalRepName: '张三',
    legalRepIdNumber: idNumber(seq),
    registeredCapitalFen: 100_000_000,
    address: '浙江省杭州市上城区延安路1号',
    regionCode: SC,
    industryCode: '5179',
    businessScope: '贸易；技术服务',
    investors: [{ name: '甲', kind: 'person', amountFen: 100_000_000 }],
    establishedOn: '2020-01-02',
  };
}

describe('registry corrections (issue 11)', () => {
  let t: TestApp;
  let registrar: Client;
  let other: Client;
  const e1 = enterprise(1);
  const e2 = enterprise(2);

  before(async () => {
    t = await createTestApp();
    registrar = await t.as({ roles: ['registrar'], jurisdiction: '3301' });
    other = await t.as({ roles: ['registrar'], jurisdiction: '330105' });
    for (const e of [e1, e2]) assert.equal((await registrar.post('/api/enterprises', e)).status, 201);
  });
  after(() => t.close());

  test('an address-only correction keeps the business scope and the investors', async () => {
    const cur = (await registrar.get(`/api/enterprises/${e1.creditCode}`)).body;
    const res = await registrar.patch(`/api/enterprises/${e1.creditCode}`, { version: cur.version, address: '浙江省杭州市上城区解放路99号' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.address, '浙江省杭州市上城区解放路99号');
    assert.equal(res.body.businessScope, e1.businessScope);
    assert.deepEqual(res.body.investors, e1.investors);
    assert.equal(res.body.legalRepIdMasked, cur.legalRepIdMasked);
    assert.equal(res.body.version, cur.version + 1);
  });

  test('a correction is refused outside the jurisdiction, on a stale version, and with a bad ID number', async () => {
    const cur = (await registrar.get(`/api/enterprises/${e1.creditCode}`)).body;
    assert.equal((await other.patch(`/api/enterprises/${e1.creditCode}`, { version: cur.version, address: '某地某路1号' })).status, 404);
    assert.equal((await registrar.patch(`/api/enterprises/${e1.creditCode}`, { version: cur.version - 1, address: '某地某路1号' })).status, 409);
    const bad = await registrar.patch(`/api/enterprises/${e1.creditCode}`, { version: cur.version, legalRepName: '李四', legalRepIdNumber: '330102198001010000' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.fields[0].path, 'legalRepIdNumber');
    assert.equal((await t.anonymous().patch(`/api/enterprises/${e1.creditCode}`, { version: cur.version, address: '某地某路1号' })).status, 401);
  });

  test('a new legal representative without an ID number clears the previous one; with one, replaces it', async () => {
    let cur = (await registrar.get(`/api/enterprises/${e2.creditCode}`)).body;
    assert.ok(cur.legalRepIdMasked);
    const cleared = await registrar.patch(`/api/enterprises/${e2.creditCode}`, { version: cur.version, legalRepName: '李四' });
    assert.equal(cleared.status, 200);
    assert.equal(cleared.body.legalRepName, '李四');
    assert.equal(cleared.body.legalRepIdMasked, null);
    assert.equal((await registrar.post(`/api/enterprises/${e2.creditCode}/legal-rep-id`, {})).body.idNumber, null);
    cur = cleared.body;
    const replaced = await registrar.patch(`/api/enterprises/${e2.creditCode}`, { version: cur.version, legalRepName: '王五', legalRepIdNumber: idNumber(77) });
    assert.equal(replaced.status, 200);
    assert.equal((await registrar.post(`/api/enterprises/${e2.creditCode}/legal-rep-id`, {})).body.idNumber, idNumber(77));
    // The same representative with a corrected name spelling keeps the number only when it is the same name.
    const same = await registrar.patch(`/api/enterprises/${e2.creditCode}`, { version: replaced.body.version, address: '浙江省杭州市上城区清泰街2号' });
    assert.equal(same.body.legalRepIdMasked, replaced.body.legalRepIdMasked);
  });
});

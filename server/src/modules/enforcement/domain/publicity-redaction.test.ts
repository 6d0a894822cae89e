import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { maskPersonName, redact, redactDecisionValues } from './publicity.js';

describe('published copies are redacted (Order 45 art. 6)', () => {
  test('ID numbers, mobile and fixed phones are masked wherever they appear', () => {
    const out = redact('身份证号码11010519491231002X，电话13812345678，座机0571-87654321。');
    assert.ok(!out.includes('11010519491231002X'));
    assert.ok(!out.includes('13812345678'));
    assert.ok(!out.includes('87654321'));
    assert.match(out, /110105\*{8}002X/);
  });
  test('a natural person: the name keeps its surname, the address is hidden; an organisation keeps its name', () => {
    assert.equal(maskPersonName('王小五'), '王**');
    const person = redactDecisionValues({ partyName: '王小五', address: '杭州市上城区解放路1号', facts: '王小五在解放路摆摊销售。' }, 'person', '（已依法隐去）');
    assert.deepEqual(person, { partyName: '王**', address: '（已依法隐去）', facts: '王**在解放路摆摊销售。' });
    const org = redactDecisionValues({ partyName: '杭州某公司', address: '杭州市上城区解放路1号' }, 'organisation', '（已依法隐去）');
    assert.equal(org.address, '杭州市上城区解放路1号');
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse12315 } from './import-12315.js';

describe('12315 export import', () => {
  test('maps the Chinese headers, keeps the registration number, reports unreadable lines', () => {
    const csv = [
      '\uFEFF登记编号,诉求类型,投诉人姓名,联系电话,投诉人地址,被投诉人名称,被投诉人地址,诉求内容,事实经过,涉及金额,发生日期,其他列',
      '1233011001,投诉,张伟,13912345678,杭州市上城区,某餐饮公司,杭州市上城区延安路1号,退款,菜品变质,"1,288.50",2025/09/20,x',
      '1233011002,举报,李娜,13812345678,,某超市,杭州市拱墅区,,销售过期食品,,,',
      ',投诉,王芳,13712345678,a,b,c,d,e,,,',
      '1233011004,投诉,赵六,13612345678,a,b,c,d,e,十元,,',
    ].join('\n');
    const r = parse12315(csv);
    assert.equal(r.rows.length, 2);
    assert.equal(r.rows[0].externalNo, '1233011001');
    assert.equal(r.rows[0].intake.amountFen, 128_850);
    assert.equal(r.rows[0].intake.occurredOn, '2025-09-20');
    assert.equal(r.rows[1].intake.kind, 'report');
    assert.deepEqual(r.errors, [
      { line: 4, path: 'externalNo', code: 'required' },
      { line: 5, path: 'amountFen', code: 'COMPLAINT_AMOUNT_INVALID' },
    ]);
  });
});

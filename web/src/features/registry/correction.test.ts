import { test } from 'node:test';
import assert from 'node:assert/strict';
import { correctionItems, diffLines } from './correction';

const current = {
  name: '杭州某某有限公司',
  address: '旧地址1号',
  legalRepName: '张三',
  legalRepIdMasked: '330102********1234',
  registeredCapitalFen: 100_000_000,
  businessScope: '贸易',
  industryCode: '5179',
  status: 'active',
};

test('only the items that differ are sent (an address alone leaves the rest)', () => {
  const items = correctionItems(current, { ...current, address: ' 新地址2号 ', capitalWan: 100 });
  assert.deepEqual(items, { address: '新地址2号' });
  assert.deepEqual(diffLines(current, items), [{ field: 'address', before: '旧地址1号', after: '新地址2号' }]);
});

test('a new representative without a number shows the number cleared', () => {
  const items = correctionItems(current, { legalRepName: '李四' });
  assert.deepEqual(items, { legalRepName: '李四' });
  assert.deepEqual(diffLines(current, items).map((l) => [l.field, l.after]), [
    ['legalRepName', '李四'],
    ['legalRepIdNumber', null],
  ]);
});

test('capital in 万元 and a status change are sent in register units', () => {
  assert.deepEqual(correctionItems(current, { capitalWan: 150, status: 'deregistered' }), { registeredCapitalFen: 150_000_000, status: 'deregistered' });
});

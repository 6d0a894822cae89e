import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validateMapping, mapView, mappedChanges, isAffected, fenToYuan, fenToWanyuan, changedSourceFields, type RegisterView } from './mapping.js';
import { toXml, fromXml } from './xml.js';

const view: RegisterView = {
  creditCode: '91330102MA2XXXXX1A',
  name: '杭州测试贸易有限公司',
  type: 'limited_company',
  legalRepName: '张三',
  registeredCapitalFen: 123_456_789,
  address: '杭州市上城区延安路1号',
  regionCode: '330102',
  industryCode: '6531',
  businessScope: '贸易',
  investors: [{ name: '甲', kind: 'person', amountFen: 100 }, { name: '乙公司', kind: 'organisation', amountFen: 200 }],
  status: 'active',
  establishedOn: '2020-01-02',
};

describe('mapping validation', () => {
  test('a good mapping is accepted in normal form', () => {
    const { mapping, errors } = validateMapping([
      { target: 'nsrmc', source: ['name'], transforms: [] },
      { target: 'zczb', source: 'registeredCapitalFen', transforms: [{ type: 'amount', unit: 'wanyuan' }] },
      { target: 'dz', source: ['regionCode', 'address'], transforms: [{ type: 'join', separator: '|' }] },
    ]);
    assert.deepEqual(errors, []);
    assert.deepEqual(mapping[1].source, ['registeredCapitalFen']);
  });

  test('an unknown field, transform or code table is refused with the reason and where', () => {
    const { errors } = validateMapping([
      { target: 'a', source: ['nickname'], transforms: [] },
      { target: 'b', source: ['name'], transforms: [{ type: 'rot13' }] },
      { target: 'c', source: ['regionCode'], transforms: [{ type: 'codeTable', table: 'nope' }] },
    ]);
    assert.deepEqual(
      errors.map((e) => [e.path, e.code]),
      [
        ['mappings.0.source.0', 'MAPPING_UNKNOWN_FIELD'],
        ['mappings.1.transforms.0.type', 'MAPPING_UNKNOWN_TRANSFORM'],
        ['mappings.2.transforms.0.table', 'MAPPING_UNKNOWN_CODE_TABLE'],
      ],
    );
    assert.match(errors[0].text!['zh-CN'], /登记库中没有字段/);
    assert.equal(errors[0].params?.field, 'nickname');
  });

  test('bad options, duplicate targets, several sources without join and an empty mapping are refused', () => {
    const { errors } = validateMapping([
      { target: 'a', source: ['name'], transforms: [{ type: 'date', format: 'DD/MM/YYYY' }] },
      { target: 'a', source: ['name'], transforms: [] },
      { target: 'c', source: ['name', 'address'], transforms: [] },
      { target: '1bad', source: [], transforms: [{ type: 'amount', unit: 'usd' }] },
    ]);
    assert.deepEqual(errors.map((e) => e.code).sort(), [
      'MAPPING_BAD_OPTION',
      'MAPPING_BAD_OPTION',
      'MAPPING_BAD_TARGET',
      'MAPPING_DUPLICATE_TARGET',
      'MAPPING_JOIN_REQUIRED',
      'MAPPING_NO_SOURCE',
    ]);
    assert.equal(validateMapping([]).errors[0].code, 'MAPPING_EMPTY');
  });
});

describe('mapping transforms', () => {
  test('code tables, enums, dates, amounts and joins', () => {
    const { mapping, errors } = validateMapping([
      { target: 'qhdm', source: ['regionCode'], transforms: [{ type: 'codeTable', table: 'region-stats-12' }] },
      { target: 'hydm', source: ['industryCode'], transforms: [{ type: 'codeTable', table: 'industry-gbt4754-2011' }] },
      { target: 'lx', source: ['type'], transforms: [{ type: 'enum', map: { limited_company: '有限责任公司' }, default: '其他' }] },
      { target: 'zt', source: ['status'], transforms: [{ type: 'enum', map: { deregistered: '注销' }, default: '存续' }] },
      { target: 'clrq', source: ['establishedOn'], transforms: [{ type: 'date', format: 'YYYYMMDD' }] },
      { target: 'zczbYuan', source: ['registeredCapitalFen'], transforms: [{ type: 'amount', unit: 'yuan' }] },
      { target: 'zczbWan', source: ['registeredCapitalFen'], transforms: [{ type: 'amount', unit: 'wanyuan' }] },
      { target: 'gd', source: ['investors'], transforms: [{ type: 'join', separator: '、' }] },
      { target: 'dz', source: ['regionCode', 'address'], transforms: [{ type: 'join', separator: ' ' }] },
      { target: 'raw', source: ['investors'], transforms: [] },
    ]);
    assert.deepEqual(errors, []);
    assert.deepEqual(mapView(mapping, view), {
      qhdm: '330102000000',
      hydm: '6530',
      lx: '有限责任公司',
      zt: '存续',
      clrq: '20200102',
      zczbYuan: '1234567.89',
      zczbWan: '123.456789',
      gd: '甲、乙公司',
      dz: '330102 杭州市上城区延安路1号',
      raw: view.investors,
    });
  });

  test('amounts are exact in integer arithmetic', () => {
    assert.equal(fenToYuan(1), '0.01');
    assert.equal(fenToYuan(10_000_000_000_000), '100000000000.00');
    assert.equal(fenToWanyuan(1_000_000), '1.00');
    assert.equal(fenToWanyuan(1_500_000), '1.50');
    assert.equal(fenToWanyuan(1), '0.000001');
  });

  test('a change concerns a department only when one of its mapped fields changed', () => {
    const { mapping } = validateMapping([{ target: 'mc', source: ['name'], transforms: [] }, { target: 'hy', source: ['industryCode'], transforms: [{ type: 'codeTable', table: 'industry-division' }] }]);
    const after = { ...view, address: '新地址', industryCode: '6532' };
    assert.deepEqual(changedSourceFields(view, after), ['address', 'industryCode']);
    assert.equal(isAffected(mapping, ['address']), false);
    assert.equal(isAffected(mapping, ['industryCode']), true);
    // The industry changed but the division the department keeps did not: nothing to send.
    assert.deepEqual(mappedChanges(mapping, view, after), []);
    assert.deepEqual(mappedChanges(mapping, view, { ...view, name: '新名称有限公司' }), [{ target: 'mc', source: ['name'], before: view.name, after: '新名称有限公司' }]);
  });
});

describe('xml adapter', () => {
  test('round-trips a flat record with escaping', () => {
    const rec = { eventId: 'e1', data: { mc: 'A&B <公司>', dz: null, gd: '甲、乙' } };
    const xml = toXml('change', rec);
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?><change><eventId>e1<\/eventId>/);
    assert.match(xml, /A&amp;B &lt;公司&gt;/);
    assert.deepEqual(fromXml(xml), rec);
  });
});

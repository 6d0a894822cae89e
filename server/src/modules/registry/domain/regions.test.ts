import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateCreditCode, makeCreditCode } from './credit-code.js';
import { REGIONS, childRegions, getRegion, isWithinJurisdiction, jurisdictionPrefix, regionName } from './regions.js';

test('the demo regions form one tree of six-digit codes', () => {
  assert.deepEqual(REGIONS.map((r) => r.code), ['330000', '330100', '330102', '330105', '330106']);
  for (const r of REGIONS) {
    assert.match(r.code, /^\d{6}$/);
    if (r.parent) assert.ok(getRegion(r.parent), r.code);
  }
  assert.deepEqual(childRegions('330100').map((r) => r.code), ['330102', '330105', '330106']);
});

test('regionName in each locale', () => {
  assert.equal(regionName('330106'), '西湖区');
  assert.equal(regionName('330106', 'zh-TW'), '西湖區');
  assert.equal(regionName('330106', 'en'), 'Xihu District');
  assert.equal(regionName('330100'), '杭州市');
  assert.equal(regionName('999999'), undefined);
});

test('isWithinJurisdiction by province, city and district prefixes', () => {
  assert.equal(isWithinJurisdiction('330102', '33'), true);
  assert.equal(isWithinJurisdiction('330102', '3301'), true);
  assert.equal(isWithinJurisdiction('330102', '330102'), true);
  assert.equal(isWithinJurisdiction('330105', '330102'), false);
  assert.equal(isWithinJurisdiction('320102', '33'), false);
  assert.equal(isWithinJurisdiction('320102', null), true);
  assert.equal(isWithinJurisdiction('', null), false);
  assert.equal(isWithinJurisdiction(null, '33'), false);
  assert.throws(() => isWithinJurisdiction('330102', ''), RangeError);
  assert.throws(() => isWithinJurisdiction('330102', '330'), RangeError);
});

test('jurisdictionPrefix per level', () => {
  assert.equal(jurisdictionPrefix('330102', 'province'), '33');
  assert.equal(jurisdictionPrefix('330102', 'city'), '3301');
  assert.equal(jurisdictionPrefix('330102', 'district'), '330102');
  assert.equal(jurisdictionPrefix('330102', 'national'), null);
  assert.equal(isWithinJurisdiction('330106', jurisdictionPrefix('330100', 'city')), true);
  assert.throws(() => jurisdictionPrefix('3301', 'city'), RangeError);
});

test('demo region codes build credit codes without warnings', () => {
  for (const r of REGIONS) {
    const v = validateCreditCode(makeCreditCode('9', '1', r.code, 'MA2H0001'));
    assert.equal(v.valid, true);
    assert.deepEqual(v.warnings, []);
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseRule, districtFromAddress, industryMatches, routeRegion, sectionOf, type NamedRegion, type RoutingRule } from './routing.js';

const REGIONS: NamedRegion[] = [
  { code: '330000', name: '浙江省', level: 'province', parent: null },
  { code: '330100', name: '杭州市', level: 'city', parent: '330000' },
  { code: '330102', name: '上城区', level: 'district', parent: '330100' },
  { code: '330105', name: '拱墅区', level: 'district', parent: '330100' },
  { code: '330106', name: '西湖区', level: 'district', parent: '330100' },
];

test('a district is read from an address, full or short name', () => {
  assert.equal(districtFromAddress('浙江省杭州市西湖区文三路 1 号', REGIONS), '330106');
  assert.equal(districtFromAddress('杭州 拱墅 大关路', REGIONS), '330105');
  assert.equal(districtFromAddress('杭州市某路', REGIONS), null);
  assert.equal(districtFromAddress('上城区与西湖区交界', REGIONS), null);
  assert.equal(districtFromAddress('', REGIONS), null);
});

test('routing order: station, respondent, district, address, city queue', () => {
  const all = { stationRegion: '330102', respondentRegion: '330105', givenRegion: '330106', respondentAddress: '西湖区' };
  assert.deepEqual(routeRegion(all, REGIONS), { regionCode: '330102', routedBy: 'station' });
  assert.deepEqual(routeRegion({ ...all, stationRegion: null }, REGIONS), { regionCode: '330105', routedBy: 'respondent' });
  assert.deepEqual(routeRegion({ ...all, stationRegion: null, respondentRegion: null }, REGIONS), { regionCode: '330106', routedBy: 'district' });
  assert.deepEqual(routeRegion({ respondentAddress: '杭州市拱墅区湖墅南路', complainantAddress: '上城区' }, REGIONS), { regionCode: '330105', routedBy: 'address' });
  assert.deepEqual(routeRegion({ respondentAddress: '某地', complainantAddress: '上城区清波街道' }, REGIONS), { regionCode: '330102', routedBy: 'address' });
  assert.deepEqual(routeRegion({ respondentAddress: '网店', complainantAddress: '杭州' }, REGIONS), { regionCode: '330100', routedBy: 'city_queue' });
  assert.deepEqual(routeRegion({ givenRegion: '999999' }, REGIONS), { regionCode: '330100', routedBy: 'city_queue' });
  // a district of the city the table does not list yet is kept (the city's officers see it)
  assert.deepEqual(routeRegion({ givenRegion: '330110' }, REGIONS), { regionCode: '330110', routedBy: 'district' });
});

test('industry prefixes match GB/T 4754 classes and sections', () => {
  assert.equal(sectionOf('6110'), 'H');
  assert.equal(industryMatches('H', '6210'), true);
  assert.equal(industryMatches('62', '6210'), true);
  assert.equal(industryMatches('621', '6220'), false);
  assert.equal(industryMatches('F', '5211'), true);
  assert.equal(industryMatches('62', null), false);
});

test('the most specific active rule wins, then the priority', () => {
  const rules: RoutingRule[] = [
    { id: 'a', category: 'food', industryPrefix: null, unitId: 'food-committee', priority: 100, active: true },
    { id: 'b', category: 'food', industryPrefix: 'H', unitId: 'catering', priority: 100, active: true },
    { id: 'c', category: null, industryPrefix: null, unitId: 'fallback', priority: 100, active: true },
    { id: 'd', category: 'food', industryPrefix: '62', unitId: 'off', priority: 1, active: false },
  ];
  assert.equal(chooseRule(rules, 'food', '6210')?.unitId, 'catering');
  assert.equal(chooseRule(rules, 'food', null)?.unitId, 'food-committee');
  assert.equal(chooseRule(rules, 'shopping', '5211')?.unitId, 'fallback');
  assert.equal(chooseRule([], 'food', null), null);
});

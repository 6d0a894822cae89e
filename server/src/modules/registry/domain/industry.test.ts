import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  getIndustry,
  industryClassCodes,
  industryClassesUnder,
  industryDataSource,
  industryPath,
  isIndustryCode,
  isValidIndustryClass,
} from './industry.js';

test('the table keeps its provenance and has 1381 classes', () => {
  const source = industryDataSource();
  assert.match(source.standard, /GB\/T 4754-2017/);
  assert.ok(source.provenance.length > 0);
  const classes = industryClassCodes();
  assert.equal(classes.length, 1381);
  assert.ok(classes.every((c) => /^\d{4}$/.test(c)));
  assert.equal(new Set(classes).size, classes.length);
});

test('getIndustry looks up every level', () => {
  assert.equal(getIndustry('A')?.name, '农、林、牧、渔业');
  assert.equal(getIndustry('a')?.level, 'section');
  assert.equal(getIndustry('01')?.name, '农业');
  assert.equal(getIndustry('011')?.name, '谷物种植');
  assert.deepEqual(
    { ...getIndustry('0111'), note: undefined },
    { code: '0111', level: 'class', name: '稻谷种植', parent: '011', note: undefined },
  );
  assert.equal(getIndustry('3741')?.name, '飞机制造');
  assert.equal(getIndustry('3741')?.level, 'class');
  assert.equal(getIndustry('9999'), undefined);
  assert.equal(getIndustry(''), undefined);
});

test('isValidIndustryClass accepts 4-digit classes only; isIndustryCode any level', () => {
  assert.equal(isValidIndustryClass('0111'), true);
  assert.equal(isValidIndustryClass(' 3741 '), true);
  for (const c of ['A', '01', '011', '0110', '9999', '111', '', null, undefined]) assert.equal(isValidIndustryClass(c), false, String(c));
  for (const c of ['A', '01', '011', '0111']) assert.equal(isIndustryCode(c), true, c);
  assert.equal(isIndustryCode('0110'), false);
});

test('industryPath runs section → division → group → class', () => {
  assert.deepEqual(
    industryPath('0111').map((e) => [e.level, e.code, e.name]),
    [
      ['section', 'A', '农、林、牧、渔业'],
      ['division', '01', '农业'],
      ['group', '011', '谷物种植'],
      ['class', '0111', '稻谷种植'],
    ],
  );
  assert.deepEqual(industryPath('011').map((e) => e.code), ['A', '01', '011']);
  assert.deepEqual(industryPath('3741').map((e) => e.level), ['section', 'division', 'group', 'class']);
  assert.deepEqual(industryPath('0000'), []);
});

test('every class has a full four-level path', () => {
  for (const c of industryClassCodes()) assert.equal(industryPath(c).length, 4, c);
});

test('industryClassesUnder expands search codes to classes', () => {
  assert.deepEqual(industryClassesUnder('011'), ['0111', '0112', '0113', '0119']);
  assert.ok(industryClassesUnder('01').includes('0111'));
  const sectionA = industryClassesUnder('A');
  assert.ok(sectionA.includes('0111') && sectionA.every((c) => Number(c.slice(0, 2)) <= 5));
  assert.deepEqual(industryClassesUnder('0111'), ['0111']);
  assert.deepEqual(industryClassesUnder('ZZ'), []);
  const total = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T']
    .reduce((n, s) => n + industryClassesUnder(s).length, 0);
  assert.equal(total, 1381);
});

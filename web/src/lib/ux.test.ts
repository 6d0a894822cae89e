import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeLabel, hasCodeLabel, humanize } from './codes';
import { regionName } from './regions';
import { readUrlState, writeUrlState } from './url-state';
import { exportFileName, fetchAllPages, toSheetRows } from './export';
import { themeTokens } from './elder';

test('codeLabel: the raw codes reviewers saw are labels in every language', () => {
  for (const code of ['published', 'qr', 'closed', 'standard', 'issued', 'VALIDATION_FAILED', 'CSV_COLUMN_MISSING', 'too_big']) {
    assert.ok(hasCodeLabel(code), code);
    for (const l of ['zh-CN', 'zh-TW', 'en'] as const) assert.notEqual(codeLabel(code, undefined, l), code, `${code} in ${l}`);
  }
  assert.equal(codeLabel('published', undefined, 'zh-CN'), '已公示');
  assert.equal(codeLabel('qr', undefined, 'en'), 'QR code');
  assert.equal(codeLabel('some_new_code'), 'some new code', 'unknown codes never show underscores');
  assert.equal(codeLabel(null), '—');
  assert.equal(humanize('A_B-c'), 'a b c');
});

test('regionName: 330102 is 上城区, prefixes name their city or province', () => {
  assert.equal(regionName('330102', 'zh-CN'), '上城区');
  assert.equal(regionName('330102', 'zh-TW'), '上城區');
  assert.equal(regionName('330102', 'en'), 'Shangcheng District');
  assert.equal(regionName('3301', 'zh-CN'), '杭州市');
  assert.equal(regionName('33', 'zh-CN'), '浙江省');
  assert.equal(regionName('999999', 'zh-CN'), '999999');
  assert.equal(regionName(null), '—');
});

test('url state: read with defaults, write drops empty and default values, keeps other keys', () => {
  const s = new URLSearchParams('status=open&other=1');
  assert.deepEqual(readUrlState(s, { status: undefined, q: undefined, sort: 'due' }), { status: 'open', q: undefined, sort: 'due' });
  const next = writeUrlState(s, { status: undefined, q: '张三', sort: 'due' }, { sort: 'due' });
  assert.equal(next.toString(), `other=1&q=${encodeURIComponent('张三')}`);
});

test('export: the sheet is the header and exactly the given rows; every page is fetched', async () => {
  const rows = toSheetRows([{ title: '编号', value: (r: { n: string }) => r.n }, { title: '金额', value: () => null }], [{ n: 'A1' }, { n: 'A2' }]);
  assert.deepEqual(rows, [['编号', '金额'], ['A1', ''], ['A2', '']]);
  const pages: Record<string, { items: number[]; nextCursor: string | null }> = { start: { items: [1, 2], nextCursor: 'b' }, b: { items: [3], nextCursor: null } };
  assert.deepEqual(await fetchAllPages(async (c) => pages[c ?? 'start']!), [1, 2, 3]);
  assert.equal(exportFileName('投诉/举报', '2026-12-02'), '投诉-举报-2026-12-02.xlsx');
});

/** WCAG relative luminance contrast of a #rrggbb colour on white. */
function contrastOnWhite(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  const lum = 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
  return 1.05 / (lum + 0.05);
}

test('theme: tertiary text and placeholders reach 4.5:1 on white; elder mode reaches 7:1', () => {
  const base = themeTokens(false);
  for (const k of ['colorTextTertiary', 'colorTextPlaceholder', 'colorTextDescription', 'colorError', 'colorWarning', 'colorSuccess'] as const) {
    assert.ok(contrastOnWhite(base[k]) >= 4.5, `${k} ${base[k]} ${contrastOnWhite(base[k]).toFixed(2)}`);
  }
  const elder = themeTokens(true);
  assert.ok(contrastOnWhite(elder.colorTextTertiary) >= 7);
  assert.ok('fontSize' in elder && elder.fontSize >= 18);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { searchKey, toHalfWidth, toSimplified } from './chinese-text.js';

test('Traditional and Simplified names meet on one search key', () => {
  assert.equal(searchKey('臺灣銀行'), searchKey('台湾银行'));
  assert.equal(searchKey('臺灣銀行'), '台湾银行');
  assert.equal(searchKey('滙豐銀行'), searchKey('汇丰银行'));
  assert.equal(searchKey('衞生'), searchKey('卫生'));
  assert.equal(searchKey('杭州市西湖區市場監督管理局'), '杭州市西湖区市场监督管理局');
});

test('searchKey lower-cases, folds width and drops whitespace', () => {
  assert.equal(searchKey('  ＡＢＣ　有限 公司 '), 'abc有限公司');
  assert.equal(searchKey('Hangzhou XiHu Tea Co.'), 'hangzhouxihuteaco.');
  assert.equal(searchKey(''), '');
  assert.equal(searchKey(null), '');
});

test('toSimplified leaves Simplified text unchanged', () => {
  for (const s of ['杭州市西湖区', '乾隆', '面包', '干净', '着装']) assert.equal(toSimplified(s), s);
  assert.equal(toSimplified('發展'), '发展');
});

test('toHalfWidth folds full-width ASCII and the ideographic space only', () => {
  assert.equal(toHalfWidth('ＡＢＣ１２３（）　'), 'ABC123() ');
  assert.equal(toHalfWidth('西湖'), '西湖');
});

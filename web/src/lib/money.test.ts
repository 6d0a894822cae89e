// The one money formatter and the fen/yuan conversions of the web app.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fenToWan, fenToYuan, formatWanYuan, formatYuan, wanToFen, yuanToFen } from './money';

describe('formatYuan', () => {
  test('fen → yuan with two decimals and grouping, in every locale', () => {
    assert.equal(formatYuan(329900, 'zh-CN'), '¥3,299.00');
    assert.equal(formatYuan(329900, 'zh-TW'), '¥3,299.00');
    assert.equal(formatYuan(329950, 'en'), '¥3,299.50');
    assert.equal(formatYuan(1, 'en'), '¥0.01');
    assert.equal(formatYuan(0, 'zh-CN'), '¥0.00');
    assert.equal(formatYuan(-20000, 'zh-CN'), '-¥200.00');
  });

  test('no amount is a dash, not ¥0', () => {
    assert.equal(formatYuan(null, 'zh-CN'), '—');
    assert.equal(formatYuan(undefined, 'en'), '—');
  });
});

describe('formatWanYuan', () => {
  test('registered capital in 万元 / 萬元 / ×10k CNY', () => {
    assert.equal(formatWanYuan(123456789, 'zh-CN'), '123.4568 万元');
    assert.equal(formatWanYuan(100_000_000, 'zh-TW'), '100 萬元');
    assert.equal(formatWanYuan(1_500_000_000_00, 'en'), '150,000 ×10k CNY');
    assert.equal(formatWanYuan(null, 'en'), '—');
  });
});

describe('fen conversions', () => {
  test('yuan and 万元 form values round to whole fen', () => {
    assert.equal(yuanToFen(0.29), 29);
    assert.equal(yuanToFen(1234.565), 123457);
    assert.equal(yuanToFen(null), 0);
    assert.equal(fenToYuan(20000), 200);
    assert.equal(fenToYuan(undefined), 0);
    assert.equal(wanToFen(100), 100_000_000);
    assert.equal(wanToFen(0.0001), 100);
    assert.equal(fenToWan(123_000_000), 123);
  });
});

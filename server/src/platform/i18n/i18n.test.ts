import { test } from 'node:test';
import assert from 'node:assert/strict';
import { negotiateLocale } from './i18n.js';

test('negotiateLocale picks zh-CN by default and honours zh-TW and en', () => {
  assert.equal(negotiateLocale(undefined), 'zh-CN');
  assert.equal(negotiateLocale('zh-TW,zh;q=0.9'), 'zh-TW');
  assert.equal(negotiateLocale('zh-Hant-HK'), 'zh-TW');
  assert.equal(negotiateLocale('en-US,en;q=0.8'), 'en');
  assert.equal(negotiateLocale('fr, en;q=0.5'), 'en');
  assert.equal(negotiateLocale('fr'), 'zh-CN');
});

// The one locale list: the web app's i18n, the server and the contracts read the same declaration.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LOCALES as WEB_LOCALES, L, LOCALE_NAMES, DICT } from './i18n';
import { DEFAULT_LOCALE, isLocale, LOCALES } from '../../../contracts/locales';
import { LOCALES as CONTRACT_LOCALES } from '../../../contracts/common';
import { LOCALES as SERVER_LOCALES } from '../../../server/src/platform/i18n/i18n';

describe('LOCALES', () => {
  test('is one declaration shared by the web app, the contracts and the server', () => {
    assert.deepEqual([...LOCALES], ['zh-CN', 'zh-TW', 'en']);
    assert.equal(WEB_LOCALES, LOCALES);
    assert.equal(CONTRACT_LOCALES, LOCALES);
    assert.equal(SERVER_LOCALES, LOCALES);
    assert.equal(DEFAULT_LOCALE, 'zh-CN');
  });

  test('isLocale accepts exactly the listed locales', () => {
    for (const l of LOCALES) assert.ok(isLocale(l));
    assert.equal(isLocale('zh'), false);
    assert.equal(isLocale('EN'), false);
    assert.equal(isLocale(null), false);
  });

  test('every shared string and locale name exists in every locale', () => {
    assert.deepEqual(Object.keys(L('a', 'b', 'c')).sort(), [...LOCALES].sort());
    for (const l of LOCALES) assert.ok(LOCALE_NAMES[l]);
    for (const [key, text] of Object.entries(DICT)) for (const l of LOCALES) assert.ok(text[l]?.trim(), `${key} ${l}`);
  });
});

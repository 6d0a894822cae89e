import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOCALES } from '../../../platform/i18n/i18n.js';
import { validateCreditCode } from './credit-code.js';
import { validateIdNumber, validateMobilePhone } from './id-number.js';
import { REGISTRY_FIELD_MESSAGES, registryFieldError } from './messages.js';

test('every registry field message exists in every language', () => {
  for (const [code, text] of Object.entries(REGISTRY_FIELD_MESSAGES)) {
    for (const locale of LOCALES) assert.ok(text[locale]?.trim(), `${code} ${locale}`);
  }
});

test('the codes the validators produce all have messages', () => {
  const produced = [
    ...validateCreditCode('91350203M0001QAY9B').errors,
    ...validateCreditCode('9131011559169385').errors,
    ...validateCreditCode('91310115I91693856A').errors,
    ...validateIdNumber('340524198001010013', '2025-06-01').errors,
    ...validateIdNumber('330102200002301231', '2025-06-01').errors,
    ...validateMobilePhone('123').errors,
  ];
  assert.ok(produced.length >= 6);
  for (const code of produced) assert.ok(REGISTRY_FIELD_MESSAGES[code], code);
});

test('registryFieldError carries the localised text', () => {
  const f = registryFieldError('creditCode', 'CREDIT_CODE_CHECK');
  assert.equal(f.path, 'creditCode');
  assert.equal(f.code, 'CREDIT_CODE_CHECK');
  assert.equal(f.text?.['zh-CN'], REGISTRY_FIELD_MESSAGES.CREDIT_CODE_CHECK['zh-CN']);
});

// Field-level messages of the enterprise register, in every language. Codes are stable: clients and
// tests match on them; the texts may be reworded.
import type { FieldError } from '../../../platform/errors/app-error.js';
import type { LocalizedText } from '../../../platform/i18n/i18n.js';
import type { CreditCodeError, CreditCodeWarning } from './credit-code.js';
import type { IdNumberError, PhoneError } from './id-number.js';

export type RegistryFieldCode =
  | CreditCodeError
  | CreditCodeWarning
  | IdNumberError
  | PhoneError
  | 'INDUSTRY_CODE_INVALID'
  | 'REGION_CODE_UNKNOWN';

export const REGISTRY_FIELD_MESSAGES: Readonly<Record<RegistryFieldCode, LocalizedText>> = {
  CREDIT_CODE_REQUIRED: {
    'zh-CN': '请填写统一社会信用代码',
    'zh-TW': '請填寫統一社會信用代碼',
    en: 'Enter the unified social credit code',
  },
  CREDIT_CODE_LENGTH: {
    'zh-CN': '统一社会信用代码应为 18 位',
    'zh-TW': '統一社會信用代碼應為 18 位',
    en: 'The unified social credit code must be 18 characters long',
  },
  CREDIT_CODE_CHARSET: {
    'zh-CN': '统一社会信用代码只能由数字和大写字母组成，且不含 I、O、S、V、Z',
    'zh-TW': '統一社會信用代碼只能由數字和大寫字母組成，且不含 I、O、S、V、Z',
    en: 'The unified social credit code may contain only digits and capital letters other than I, O, S, V and Z',
  },
  CREDIT_CODE_REGION: {
    'zh-CN': '统一社会信用代码第 3–8 位应为 6 位数字的行政区划码',
    'zh-TW': '統一社會信用代碼第 3–8 位應為 6 位數字的行政區劃碼',
    en: 'Characters 3–8 of the unified social credit code must be a 6-digit region code',
  },
  CREDIT_CODE_CHECK: {
    'zh-CN': '统一社会信用代码校验位不正确，请核对是否填错',
    'zh-TW': '統一社會信用代碼檢查碼不正確，請核對是否填錯',
    en: 'The check character of the unified social credit code is wrong; please check the code',
  },
  CREDIT_CODE_ORG_CHECK: {
    'zh-CN': '代码中的组织机构代码（第 9–17 位）校验不符，请核对',
    'zh-TW': '代碼中的組織機構代碼（第 9–17 位）檢查不符，請核對',
    en: 'The organisation code inside the credit code (characters 9–17) fails its check; please verify',
  },
  CREDIT_CODE_DEPARTMENT_UNKNOWN: {
    'zh-CN': '登记管理部门代码（第 1 位）不在常见范围内，请核对',
    'zh-TW': '登記管理部門代碼（第 1 位）不在常見範圍內，請核對',
    en: 'The registration department code (character 1) is not a common one; please verify',
  },
  CREDIT_CODE_CATEGORY_UNKNOWN: {
    'zh-CN': '机构类别代码（第 2 位）不在常见范围内，请核对',
    'zh-TW': '機構類別代碼（第 2 位）不在常見範圍內，請核對',
    en: 'The entity type code (character 2) is not a common one; please verify',
  },
  CREDIT_CODE_REGION_UNKNOWN: {
    'zh-CN': '登记机关行政区划码（第 3–8 位）不属于已知省份，请核对',
    'zh-TW': '登記機關行政區劃碼（第 3–8 位）不屬於已知省份，請核對',
    en: 'The region code (characters 3–8) does not belong to a known province; please verify',
  },
  ID_NUMBER_REQUIRED: {
    'zh-CN': '请填写公民身份号码',
    'zh-TW': '請填寫公民身分號碼',
    en: 'Enter the citizen ID number',
  },
  ID_NUMBER_LENGTH: {
    'zh-CN': '公民身份号码应为 18 位',
    'zh-TW': '公民身分號碼應為 18 位',
    en: 'The citizen ID number must be 18 characters long',
  },
  ID_NUMBER_FORMAT: {
    'zh-CN': '公民身份号码前 17 位应为数字，最后一位为数字或 X',
    'zh-TW': '公民身分號碼前 17 位應為數字，最後一位為數字或 X',
    en: 'The citizen ID number must be 17 digits followed by a digit or X',
  },
  ID_NUMBER_ADDRESS: {
    'zh-CN': '公民身份号码的地址码（前 6 位）不正确',
    'zh-TW': '公民身分號碼的地址碼（前 6 位）不正確',
    en: 'The address code (first 6 digits) of the citizen ID number is wrong',
  },
  ID_NUMBER_BIRTH_DATE: {
    'zh-CN': '公民身份号码中的出生日期（第 7–14 位）不是有效日期',
    'zh-TW': '公民身分號碼中的出生日期（第 7–14 位）不是有效日期',
    en: 'The birth date in the citizen ID number (digits 7–14) is not a valid past date',
  },
  ID_NUMBER_CHECK: {
    'zh-CN': '公民身份号码校验位不正确，请核对是否填错',
    'zh-TW': '公民身分號碼檢查碼不正確，請核對是否填錯',
    en: 'The check character of the citizen ID number is wrong; please check the number',
  },
  PHONE_REQUIRED: {
    'zh-CN': '请填写手机号码',
    'zh-TW': '請填寫手機號碼',
    en: 'Enter a mobile phone number',
  },
  PHONE_INVALID: {
    'zh-CN': '请填写 11 位中国大陆手机号码',
    'zh-TW': '請填寫 11 位中國大陸手機號碼',
    en: 'Enter an 11-digit mainland China mobile number',
  },
  INDUSTRY_CODE_INVALID: {
    'zh-CN': '请选择《国民经济行业分类》（GB/T 4754-2017）中的 4 位小类代码',
    'zh-TW': '請選擇《國民經濟行業分類》（GB/T 4754-2017）中的 4 位小類代碼',
    en: 'Choose a 4-digit class code of GB/T 4754-2017',
  },
  REGION_CODE_UNKNOWN: {
    'zh-CN': '行政区划代码不在本平台辖区内',
    'zh-TW': '行政區劃代碼不在本平台轄區內',
    en: 'The region code is not one of this platform\'s areas',
  },
};

/** A `FieldError` (for `AppError('VALIDATION_FAILED', { fields })`) carrying the localised text. */
export function registryFieldError(path: string, code: RegistryFieldCode, params?: Record<string, unknown>): FieldError {
  return { path, code, text: REGISTRY_FIELD_MESSAGES[code], ...(params ? { params } : {}) };
}

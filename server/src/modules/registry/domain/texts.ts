// The register's wording, keyed by locale (zh-CN, zh-TW, en). Pure: no I/O.
import { localize, type Locale, type LocalizedText } from '../../../platform/i18n/i18n.js';
import type { ImportRowError } from './import-csv.js';
import { fieldMessage } from '../../../platform/http/field-messages.js';

/** Messages of import-row errors found against the register (the CSV's own errors carry their text). */
export const IMPORT_MESSAGES: Record<string, LocalizedText> = {
  DUPLICATE: { 'zh-CN': '该统一社会信用代码已在登记库中', 'zh-TW': '該統一社會信用代碼已在登記庫中', en: 'This credit code is already registered' },
  DUPLICATE_IN_FILE: { 'zh-CN': '文件中重复出现的统一社会信用代码', 'zh-TW': '檔案中重複出現的統一社會信用代碼', en: 'This credit code appears twice in the file' },
  OUTSIDE_JURISDICTION: { 'zh-CN': '行政区划不在您的辖区内', 'zh-TW': '行政區劃不在您的轄區內', en: 'The region is outside your jurisdiction' },
};

/** A move of an enterprise to a region the registrar does not cover both ends of (issue 9, finding 7). */
export const REGION_MOVE_REFUSED: LocalizedText = {
  'zh-CN': '变更行政区划须由辖区同时覆盖原区划和新区划的登记人员（或市级登记人员）办理',
  'zh-TW': '變更行政區劃須由轄區同時涵蓋原區劃和新區劃的登記人員（或市級登記人員）辦理',
  en: 'Moving an enterprise to another region needs a registrar whose jurisdiction covers both regions (or a city registrar)',
};

/** An import-row error's message in one locale (the CSV parser's own errors carry their text). */
export function importErrorMessage(e: ImportRowError, locale: Locale): string {
  if (e.text) return localize(e.text, locale, e.params);
  const t = IMPORT_MESSAGES[e.code] ?? fieldMessage(e.code) ?? fieldMessage('custom')!;
  return localize(t, locale, e.params);
}

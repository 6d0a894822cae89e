import { L, type Localized } from '../lib/i18n';

/** Labels of side-menu groups (key → three languages). */
export const NAV_GROUPS: Record<string, Localized> = {
  registry: L('主体登记', '主體登記', 'Register'),
  exchange: L('信息共享', '資訊共享', 'Information exchange'),
  enforcement: L('行政执法', '行政執法', 'Enforcement'),
  complaints: L('消费维权', '消費維權', 'Consumer complaints'),
  credit: L('信用监管', '信用監管', 'Credit supervision'),
  service: L('政务服务', '政務服務', 'Public service'),
  admin: L('系统管理', '系統管理', 'Administration'),
};

import type { Localized } from '../../lib/i18n';
import { L } from '../../lib/i18n';

export const ENTERPRISE_TYPE_LABELS: Record<string, Localized> = {
  limited_company: L('有限责任公司', '有限責任公司', 'Limited liability company'),
  joint_stock_company: L('股份有限公司', '股份有限公司', 'Joint-stock company'),
  sole_proprietorship: L('个人独资企业', '個人獨資企業', 'Sole proprietorship'),
  partnership: L('合伙企业', '合夥企業', 'Partnership'),
  individual_business: L('个体工商户', '個體工商戶', 'Individual business'),
  farmer_cooperative: L('农民专业合作社', '農民專業合作社', 'Farmers’ cooperative'),
  branch: L('分支机构', '分支機構', 'Branch'),
  foreign_invested: L('外商投资企业', '外商投資企業', 'Foreign-invested enterprise'),
};

export const STATUS_LABELS: Record<string, Localized> = {
  active: L('存续', '存續', 'Active'),
  deregistered: L('注销', '註銷', 'Deregistered'),
  revoked: L('吊销', '吊銷', 'Revoked'),
  moved_out: L('迁出', '遷出', 'Moved out'),
};
export const STATUS_COLORS: Record<string, string> = { active: 'green', deregistered: 'default', revoked: 'red', moved_out: 'orange' };

export const REGION_OPTIONS: { code: string; name: Localized }[] = [
  { code: '330102', name: L('上城区', '上城區', 'Shangcheng District') },
  { code: '330105', name: L('拱墅区', '拱墅區', 'Gongshu District') },
  { code: '330106', name: L('西湖区', '西湖區', 'Xihu District') },
];

export const F = {
  title: L('市场主体登记', '市場主體登記', 'Enterprise register'),
  creditCode: L('统一社会信用代码', '統一社會信用代碼', 'Unified social credit code'),
  name: L('企业名称', '企業名稱', 'Name'),
  type: L('企业类型', '企業類型', 'Type'),
  legalRep: L('法定代表人', '法定代表人', 'Legal representative'),
  legalRepId: L('法定代表人身份证号', '法定代表人身分證號', 'Legal representative’s ID number'),
  capital: L('注册资本', '註冊資本', 'Registered capital'),
  capitalWan: L('注册资本（万元）', '註冊資本（萬元）', 'Registered capital (10k CNY)'),
  address: L('住所', '住所', 'Address'),
  region: L('行政区划', '行政區劃', 'District'),
  industry: L('行业', '行業', 'Industry'),
  industryCode: L('行业代码（GB/T 4754 小类）', '行業代碼（GB/T 4754 小類）', 'Industry code (GB/T 4754 class)'),
  scope: L('经营范围', '經營範圍', 'Business scope'),
  investors: L('投资人', '投資人', 'Investors'),
  investorName: L('投资人名称', '投資人名稱', 'Investor'),
  status: L('登记状态', '登記狀態', 'Status'),
  establishedOn: L('成立日期', '成立日期', 'Established on'),
  approvedOn: L('核准日期', '核准日期', 'Approved on'),
  deregisteredOn: L('注销日期', '註銷日期', 'Deregistered on'),
  updatedAt: L('更新时间', '更新時間', 'Updated at'),
  version: L('版本', '版本', 'Version'),
  amount: L('认缴出资', '認繳出資', 'Subscribed capital'),
  kind: L('投资人类型', '投資人類型', 'Kind'),
  person: L('自然人', '自然人', 'Person'),
  organisation: L('机构', '機構', 'Organisation'),
};

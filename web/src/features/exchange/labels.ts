import { L, type Localized } from '../../lib/i18n';

export const DELIVERY_STATUS_LABELS: Record<string, Localized> = {
  queued: L('排队中', '排隊中', 'Queued'),
  sending: L('发送中', '傳送中', 'Sending'),
  awaiting_callback: L('待对方确认', '待對方確認', 'Awaiting callback'),
  acknowledged: L('已确认', '已確認', 'Acknowledged'),
  failed: L('失败（重试中）', '失敗（重試中）', 'Failed (retrying)'),
  dead: L('失败（待处理）', '失敗（待處理）', 'Failed (needs action)'),
  published: L('已发布至共享库', '已發布至共享庫', 'Published to the feed'),
};
export const DELIVERY_STATUS_COLORS: Record<string, string> = {
  queued: 'default',
  sending: 'processing',
  awaiting_callback: 'gold',
  acknowledged: 'green',
  failed: 'orange',
  dead: 'red',
  published: 'cyan',
};

export const CHANGE_STATUS_LABELS: Record<string, Localized> = {
  pending: L('待审核', '待審核', 'Pending'),
  approved: L('已核准', '已核准', 'Approved'),
  rejected: L('未予核准', '未予核准', 'Rejected'),
};
export const CHANGE_STATUS_COLORS: Record<string, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

export const ITEM_LABELS: Record<string, Localized> = {
  name: L('名称', '名稱', 'Name'),
  address: L('住所', '住所', 'Address'),
  regionCode: L('行政区划', '行政區劃', 'Region'),
  legalRepName: L('法定代表人', '法定代表人', 'Legal representative'),
  legalRepIdNumber: L('法定代表人证件号', '法定代表人證件號', 'Legal rep. ID number'),
  registeredCapitalFen: L('注册资本', '註冊資本', 'Registered capital'),
  businessScope: L('经营范围', '經營範圍', 'Business scope'),
  industryCode: L('行业代码', '行業代碼', 'Industry code'),
  investors: L('股东（投资人）', '股東（投資人）', 'Investors'),
  creditCode: L('统一社会信用代码', '統一社會信用代碼', 'Credit code'),
  type: L('企业类型', '企業類型', 'Type'),
  status: L('登记状态', '登記狀態', 'Status'),
  establishedOn: L('成立日期', '成立日期', 'Established on'),
};

/** The register field(s) a department field is read from, by name in the user's language. */
export function sourceLabel(t: (x: Localized) => string, source: string[]): string {
  return source.map((s) => (ITEM_LABELS[s] ? t(ITEM_LABELS[s]) : s)).join(' + ');
}

export const ORIGIN_LABELS: Record<string, Localized> = {
  filed: L('企业申请', '企業申請', 'Filed by the business'),
  correction: L('登记机关更正', '登記機關更正', 'Registrar correction'),
  registration: L('新设登记', '新設登記', 'New registration'),
  import: L('批量导入', '批次匯入', 'Import'),
};

export interface FieldChange {
  target: string;
  source: string[];
  before: unknown;
  after: unknown;
}

export const KIND_LABELS: Record<string, Localized> = {
  local: L('本地系统', '本地系統', 'Local system'),
  national: L('国家垂管系统', '國家垂管系統', 'National (vertical) system'),
};
export const MODE_LABELS: Record<string, Localized> = {
  push: L('推送', '推送', 'Push'),
  pull: L('拉取', '拉取', 'Pull feed'),
  both: L('推送 + 拉取', '推送 + 拉取', 'Push + pull'),
};

export interface Delivery {
  id: string;
  changeId: string;
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  creditCode: string;
  channel: 'push' | 'pull';
  status: string;
  attempts: number;
  lastError: string | null;
  reference: string | null;
  queuedAt: string;
  acknowledgedAt: string | null;
  durationMs: number | null;
}

export interface Change {
  id: string;
  creditCode: string;
  enterpriseName: string;
  regionCode: string;
  status: string;
  items: Record<string, unknown>;
  kinds: string[];
  autoApproved: boolean;
  reason: string | null;
  filedAt: string;
  decidedAt: string | null;
  notifiedAt: string | null;
  completedAt: string | null;
  version: number;
  deliveries?: Delivery[];
  origin?: string;
  /** Detail: each register field old → new. */
  values?: { field: string; before: unknown; after: unknown }[];
  /** Detail of a pending change: the departments its approval would reach. */
  concerned?: { code: string; name: string; fields: FieldChange[] }[];
}

export function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

import { L, type Localized } from '../../lib/i18n';

export const STATUS: Record<string, Localized> = {
  received: L('待受理', '待受理', 'Received'),
  accepted: L('已受理', '已受理', 'Accepted'),
  refused: L('不予受理', '不予受理', 'Refused'),
  mediating: L('调解中', '調解中', 'In mediation'),
  closed: L('已办结', '已辦結', 'Closed'),
  forwarded: L('已转执法线索', '已轉執法線索', 'Forwarded as a lead'),
};
export const STATUS_COLOR: Record<string, string> = { received: 'blue', accepted: 'cyan', refused: 'default', mediating: 'processing', closed: 'green', forwarded: 'purple' };
export const KIND: Record<string, Localized> = { complaint: L('投诉', '投訴', 'Complaint'), report: L('举报', '舉報', 'Report') };
export const OUTCOME: Record<string, Localized> = {
  agreement: L('达成协议', '達成協議', 'Agreement'),
  no_agreement: L('未达成协议', '未達成協議', 'No agreement'),
  terminated: L('终止调解', '終止調解', 'Terminated'),
};
export const STEPS: [string, Localized][] = [
  ['listen', L('听', '聽', 'Listen')],
  ['discern', L('辨', '辨', 'Discern')],
  ['persuade', L('劝', '勸', 'Persuade')],
  ['borrow', L('借', '借', 'Borrow')],
  ['yield', L('让', '讓', 'Yield')],
  ['reconcile', L('和', '和', 'Reconcile')],
];
export const CATEGORY: Record<string, Localized> = {
  food: L('吃（餐饮）', '吃（餐飲）', 'Food'),
  lodging: L('住（住宿）', '住（住宿）', 'Lodging'),
  transport: L('行（交通）', '行（交通）', 'Transport'),
  tourism: L('游（旅游）', '遊（旅遊）', 'Tourism'),
  shopping: L('购（购物）', '購（購物）', 'Shopping'),
  entertainment: L('娱（娱乐）', '娛（娛樂）', 'Entertainment'),
};
export const STATION_TYPE: Record<string, Localized> = {
  bureau_office: L('市场监管所', '市場監管所', 'Bureau office'),
  department: L('部门调解点', '部門調解點', 'Department'),
  industry_committee: L('行业调解委员会', '行業調解委員會', 'Industry committee'),
  warm_heart: L('暖心维权站', '暖心維權站', 'Warm-heart station'),
  volunteer_point: L('志愿者服务点', '志願者服務點', 'Volunteer point'),
};
export const ENTRY: Record<string, Localized> = {
  received: L('收到投诉', '收到投訴', 'Received'),
  accepted: L('受理', '受理', 'Accepted'),
  refused: L('不予受理', '不予受理', 'Refused'),
  assigned: L('指派调解员', '指派調解員', 'Mediator assigned'),
  recused: L('调解员回避', '調解員迴避', 'Mediator recused'),
  step: L('调解步骤', '調解步驟', 'Mediation step'),
  paused: L('暂停（检测鉴定）', '暫停（檢測鑑定）', 'Paused (testing)'),
  resumed: L('恢复调解', '恢復調解', 'Resumed'),
  concluded: L('调解结束', '調解結束', 'Concluded'),
  'respondent-notified': L('告知被投诉人', '告知被投訴人', 'Respondent notified'),
  'follow-up': L('回访', '回訪', 'Follow-up visit'),
  reopened: L('重新办理', '重新辦理', 'Reopened'),
  'deadline-alert': L('期限预警', '期限預警', 'Deadline alert'),
  routed: L('分办', '分辦', 'Routed'),
  rerouted: L('改派', '改派', 'Re-routed'),
  'consumer-notified': L('告知投诉人', '告知投訴人', 'Complainant notified'),
  'respondent-notice-pending': L('待告知被投诉人', '待告知被投訴人', 'Respondent still to be told'),
};
/** How a complaint was routed (issue 11). */
export const ROUTED_BY: Record<string, Localized> = {
  station: L('调解站扫码', '調解站掃碼', 'Station QR code'),
  respondent: L('被投诉人登记地', '被投訴人登記地', "Respondent's registered region"),
  district: L('投诉人所选区县', '投訴人所選區縣', 'District chosen'),
  address: L('地址识别', '地址識別', 'District in the address'),
  city_queue: L('市级受理队列', '市級受理佇列', 'City intake queue'),
  manual: L('局长改派', '局長改派', "Re-routed by the director"),
};
export const REGION_OPTIONS: { value: string; label: Localized }[] = [
  { value: '330102', label: L('上城区', '上城區', 'Shangcheng') },
  { value: '330105', label: L('拱墅区', '拱墅區', 'Gongshu') },
  { value: '330106', label: L('西湖区', '西湖區', 'Xihu') },
  { value: '330100', label: L('杭州市（市级受理队列）', '杭州市（市級受理佇列）', 'Hangzhou (city intake queue)') },
];
export const DEADLINE_COLOR: Record<string, string> = { red: '#c41d1f', orange: '#ad4e00', green: '#2f7a0f' }; // white text at ≥ 4.5:1

/**
 * THE LIST OF FEATURES (pages) OF THE WEB APP — the router and the permission-aware menus read it.
 *
 * To add a feature:
 *   1. Write your pages in web/src/features/<module>/ (each page module `export default function MyPage() {...}`).
 *      Use `useT()` from '../../lib/i18n' and give every text in three languages:
 *        const t = useT(); t({ 'zh-CN': '案件', 'zh-TW': '案件', en: 'Cases' })   (or L('案件','案件','Cases'))
 *      Call the API with the typed `api.get/post/...` from '../../lib/api' and OpenAPI paths, e.g. api.get('/api/complaints/{id}', { path: { id } })
 *      (errors are ApiError {status, code, message, fields});
 *      show server field errors in antd forms with `applyFieldErrors(form, err)` from '../../lib/forms'.
 *      The logged-in actor: `useAuth().actor`; what it may do: `useAuth().can('<module>.<action>')` (from '../../app/auth').
 *   2. Append descriptors to FEATURES below (one object per route; keep your entries together under a comment):
 *        { key: 'cases', path: '/staff/cases', element: lazy(() => import('./cases/CaseListPage')),
 *          nav: { label: L('案件', '案件', 'Cases'), audience: { permission: 'cases.case.list' }, group: 'enforcement' } },
 *        { key: 'case-detail', path: '/staff/cases/:id', element: lazy(() => import('./cases/CaseDetailPage')),
 *          audience: { permission: 'cases.case.read' } },
 *      A permission is `<module>.<action>` from the module's policy table on the server (server/src/modules/<m>/<m>.policy.ts);
 *      GET /api/auth/me lists the actor's permissions. Never copy role lists into the web app.
 *   3. The path prefix picks the area: /staff/* and /admin/* = staff workspace, /business/* = business portal,
 *      /citizen/* = citizen pages (log-in required), others = public portal. See app/feature.ts for the types.
 *   4. New menu group? add its label to NAV_GROUPS.
 */
import { lazy } from 'react';
import { L } from '../lib/i18n';
import type { FeatureDescriptor } from '../app/feature';

export type { FeatureDescriptor, FeatureNav, NavAudience } from '../app/feature';

export { NAV_GROUPS } from './nav-groups';

export const FEATURES: FeatureDescriptor[] = [
  // ── shell / home pages ───────────────────────────────────────────────
  { key: 'public-home', path: '/', element: lazy(() => import('../public/PublicHomePage')) },
  {
    key: 'staff-home',
    path: '/staff',
    element: lazy(() => import('./home/StaffHomePage')),
    nav: { label: L('工作台首页', '工作台首頁', 'Dashboard'), audience: 'staff', order: 0 },
  },
  {
    key: 'business-home',
    path: '/business',
    element: lazy(() => import('./home/BusinessHomePage')),
    nav: { label: L('我的企业', '我的企業', 'My enterprises'), audience: 'business', order: 0 },
  },

  // ── registry (enterprise register) ──────────────────────────────────
  {
    key: 'registry-list',
    path: '/staff/registry',
    element: lazy(() => import('./registry/RegisterListPage')),
    nav: {
      label: L('市场主体名录', '市場主體名錄', 'Enterprise register'),
      audience: { permission: 'registry.enterprise.list' },
      group: 'registry',
      order: 10,
    },
  },
  {
    key: 'registry-create',
    path: '/staff/registry/new',
    element: lazy(() => import('./registry/EnterpriseCreatePage')),
    nav: { label: L('新增主体', '新增主體', 'New enterprise'), audience: { permission: 'registry.enterprise.create' }, group: 'registry', order: 11 },
  },
  {
    key: 'registry-import',
    path: '/staff/registry/import',
    element: lazy(() => import('./registry/ImportPage')),
    nav: { label: L('批量导入', '批次匯入', 'Import CSV'), audience: { permission: 'registry.enterprise.import' }, group: 'registry', order: 12 },
  },
  { key: 'registry-edit', path: '/staff/registry/:code/edit', element: lazy(() => import('./registry/EnterpriseEditPage')), audience: { permission: 'registry.enterprise.update' } },
  { key: 'registry-detail', path: '/staff/registry/:code', element: lazy(() => import('./registry/EnterpriseDetailPage')), audience: { permission: 'registry.enterprise.read' } },

  // ── exchange (enterprise information automatic change) ──────────────
  {
    key: 'exchange-business-changes',
    path: '/business/changes',
    element: lazy(() => import('./exchange/BusinessChangePage')),
    nav: { label: L('信息变更', '資訊變更', 'Change registered items'), audience: 'business', order: 20 },
  },
  {
    key: 'exchange-queue',
    path: '/staff/exchange/changes',
    element: lazy(() => import('./exchange/ChangeQueuePage')),
    nav: { label: L('变更登记审核', '變更登記審核', 'Registration changes'), audience: { permission: 'exchange.change.decide' }, group: 'exchange', order: 30 },
  },
  {
    key: 'exchange-monitor',
    path: '/staff/exchange/monitor',
    element: lazy(() => import('./exchange/MonitorPage')),
    nav: { label: L('共享监控', '共享監控', 'Exchange monitoring'), audience: { permission: 'exchange.monitor.read' }, group: 'exchange', order: 31 },
  },
  {
    key: 'exchange-departments',
    path: '/admin/exchange/departments',
    element: lazy(() => import('./exchange/DepartmentsPage')),
    nav: { label: L('共享部门与映射', '共享部門與映射', 'Linked departments'), audience: { permission: 'exchange.department.manage' }, group: 'exchange', order: 32 },
  },

  // ── credit (records, repair, public credit page) ──
  {
    key: 'credit-business',
    path: '/business/credit',
    element: lazy(() => import('./credit/BusinessCreditPage')),
    nav: { label: L('信用修复', '信用修復', 'Credit repair'), audience: 'business', order: 30 },
  },
  {
    key: 'credit-queue',
    path: '/staff/credit/applications',
    element: lazy(() => import('./credit/CreditQueuePage')),
    nav: { label: L('信用修复办理', '信用修復辦理', 'Credit repair'), audience: { permission: 'credit.repair.read' }, group: 'credit', order: 40 },
  },
  {
    key: 'credit-annual-report',
    path: '/business/credit/annual-report',
    element: lazy(() => import('./credit/AnnualReportPage')),
    nav: { label: L('年度报告', '年度報告', 'Annual report'), audience: 'business', order: 31 },
  },
  { key: 'credit-public', path: '/credit', element: lazy(() => import('./credit/PublicCreditPage')) },
  { key: 'credit-public-enterprise', path: '/credit/:code', element: lazy(() => import('./credit/PublicCreditPage')) },

  // ── obligations (every promised date, tracked) ──
  {
    key: 'obligations',
    path: '/staff/obligations',
    element: lazy(() => import('./obligations/ObligationListPage')),
    nav: { label: L('承诺事项', '承諾事項', 'Promised dates'), audience: { permission: 'platform.obligation.work' }, group: 'enforcement', order: 43 },
  },

  // ── enforcement (service-oriented enforcement, health-check supervision) ──
  {
    key: 'enforcement-cases',
    path: '/staff/enforcement/cases',
    element: lazy(() => import('./enforcement/CaseListPage')),
    nav: { label: L('执法案件', '執法案件', 'Enforcement cases'), audience: { permission: 'enforcement.case.list' }, group: 'enforcement', order: 40 },
  },
  {
    key: 'enforcement-on-the-spot',
    path: '/staff/enforcement/on-the-spot',
    element: lazy(() => import('./enforcement/OnTheSpotPage')),
    nav: { label: L('当场处罚', '當場處罰', 'On-the-spot penalty'), audience: { permission: 'enforcement.lead.create' }, group: 'enforcement', order: 41 },
  },
  {
    key: 'enforcement-supervision',
    path: '/staff/enforcement/supervision',
    element: lazy(() => import('./enforcement/SupervisionPage')),
    nav: { label: L('执法监督', '執法監督', 'Enforcement supervision'), audience: { permission: 'enforcement.supervision.read' }, group: 'enforcement', order: 42 },
  },
  { key: 'enforcement-case', path: '/staff/enforcement/cases/:id', element: lazy(() => import('./enforcement/CaseDetailPage')), audience: { permission: 'enforcement.case.read' } },
  {
    key: 'enforcement-health-check',
    path: '/staff/enforcement/health-check',
    element: lazy(() => import('./enforcement/HealthCheckPage')),
    nav: { label: L('企业"体检"', '企業「體檢」', 'Enterprise health check'), audience: { permission: 'enforcement.engagement.read' }, group: 'enforcement', order: 43 },
  },
  // Early warnings and the rulebook (issue 11).
  {
    key: 'enforcement-warnings',
    path: '/staff/enforcement/warnings',
    element: lazy(() => import('./enforcement/WarningsPage')),
    nav: { label: L('预警清单', '預警清單', 'Warning list'), audience: { permission: 'enforcement.warning.read' }, group: 'enforcement', order: 43 },
  },
  {
    key: 'enforcement-rulebook',
    path: '/staff/enforcement/rulebook',
    element: lazy(() => import('./enforcement/RulebookPage')),
    nav: { label: L('裁量规则库', '裁量規則庫', 'Rulebook'), audience: { permission: 'enforcement.rulebook.read' }, group: 'enforcement', order: 46 },
  },
  {
    key: 'enforcement-business-warnings',
    path: '/business/warnings',
    element: lazy(() => import('./enforcement/BusinessWarningsPage')),
    nav: { label: L('风险提示', '風險提示', 'Warnings'), audience: 'business', order: 30 },
  },
  {
    key: 'enforcement-service-card',
    path: '/staff/enforcement/service-card',
    element: lazy(() => import('./enforcement/ServiceCardPage')),
    nav: { label: L('执法服务卡', '執法服務卡', 'Service card'), audience: { permission: 'enforcement.service-card.read' }, group: 'enforcement', order: 44 },
  },
  {
    key: 'enforcement-templates',
    path: '/staff/enforcement/templates',
    element: lazy(() => import('./enforcement/TemplatesPage')),
    nav: { label: L('文书模板', '文書範本', 'Document templates'), audience: { permission: 'enforcement.template.read' }, group: 'enforcement', order: 45 },
  },
  { key: 'document-verify', path: '/verify/:code', element: lazy(() => import('./enforcement/VerifyPage')) },
  // Issue 11: public penalty publicity (Order 45).
  { key: 'public-penalties', path: '/penalties', element: lazy(() => import('../public/PenaltyListPage')) },
  { key: 'public-penalty', path: '/penalties/:id', element: lazy(() => import('../public/PenaltyDetailPage')) },
  { key: 'enforcement-rate', path: '/rate/:id', element: lazy(() => import('./enforcement/RatePage')) },

  // ── complaints, mediation network and assured-consumption insurance ──
  { key: 'complaints-mobile-intake', path: '/m/complain', element: lazy(() => import('./complaints/MobileComplainPage')) },
  { key: 'complaints-mobile-track', path: '/m/track', element: lazy(() => import('./complaints/TrackPage')) },
  { key: 'complaints-nearby', path: '/m/stations', element: lazy(() => import('./complaints/NearbyStationsPage')) },
  {
    key: 'complaints-queue',
    path: '/staff/complaints',
    element: lazy(() => import('./complaints/ComplaintQueuePage')),
    nav: { label: L('投诉举报', '投訴舉報', 'Complaints'), audience: { permission: 'complaints.complaint.list' }, group: 'complaints', order: 30 },
  },
  {
    key: 'complaints-stations',
    path: '/staff/complaints/stations',
    element: lazy(() => import('./complaints/StationsPage')),
    nav: { label: L('调解站点与覆盖', '調解站點與覆蓋', 'Stations & coverage'), audience: { permission: 'complaints.station.read' }, group: 'complaints', order: 31 },
  },
  {
    key: 'insurance-claims',
    path: '/staff/insurance/claims',
    element: lazy(() => import('./insurance/ClaimsPage')),
    nav: { label: L('放心消费险理赔', '放心消費險理賠', 'Insurance claims'), audience: { permission: 'insurance.claim.read' }, group: 'complaints', order: 32 },
  },
  {
    key: 'complaints-routing',
    path: '/staff/complaints/routing',
    element: lazy(() => import('./complaints/RoutingRulesPage')),
    nav: { label: L('投诉分办规则', '投訴分辦規則', 'Complaint routing'), audience: { permission: 'complaints.routing.read' }, group: 'complaints', order: 33 },
  },
  { key: 'complaints-detail', path: '/staff/complaints/:id', element: lazy(() => import('./complaints/ComplaintDetailPage')), audience: { permission: 'complaints.complaint.read' } },

  // ── admin ─────────────────────────────────────────────────────────────
  {
    key: 'admin-audit',
    path: '/admin/audit',
    element: lazy(() => import('./admin/AuditPage')),
    nav: { label: L('审计日志', '稽核日誌', 'Audit log'), audience: { permission: 'platform.audit.read' }, group: 'admin', order: 900 },
  },
  {
    key: 'admin-outbox',
    path: '/admin/outbox',
    element: lazy(() => import('./admin/OutboxPage')),
    nav: { label: L('消息投递', '訊息投遞', 'Outbox'), audience: { permission: 'platform.outbox.read' }, group: 'admin', order: 901 },
  },
  {
    key: 'admin-calendar',
    path: '/admin/calendar',
    element: lazy(() => import('./admin/CalendarPage')),
    nav: { label: L('工作日历', '工作日曆', 'Working-day calendar'), audience: { permission: 'platform.calendar.edit' }, group: 'admin', order: 902 },
  },
  // ── service experience and the directors' clinic (issue 14) ──────────
  {
    key: 'service-loop',
    path: '/staff/service/loop',
    element: lazy(() => import('./service/LoopPage')),
    nav: { label: L('换位体验与闭环', '換位體驗與閉環', 'Experience and loop'), audience: { permission: 'service.finding.read' }, group: 'service', order: 10 },
  },
  {
    key: 'service-measures',
    path: '/staff/service/measures',
    element: lazy(() => import('./service/MeasuresPage')),
    nav: { label: L('整改措施', '整改措施', 'Measures'), audience: { permission: 'service.measure.close' }, group: 'service', order: 20 },
  },
  {
    key: 'service-ratings',
    path: '/staff/service/ratings',
    element: lazy(() => import('./service/RatingsPage')),
    nav: { label: L('好差评', '好差評', 'Service ratings'), audience: { permission: 'service.rating.read' }, group: 'service', order: 30 },
  },
  {
    key: 'service-counter',
    path: '/staff/service/counter',
    element: lazy(() => import('./service/CounterRatingPage')),
    nav: { label: L('窗口评价平板', '窗口評價平板', 'Counter rating tablet'), audience: { permission: 'service.rating.counter' }, group: 'service', order: 40 },
  },
  {
    key: 'service-clinic',
    path: '/staff/service/clinic',
    element: lazy(() => import('./service/ClinicPage')),
    nav: { label: L('坐诊接诉', '坐診接訴', "Directors' clinic"), audience: { permission: 'service.clinic.report' }, group: 'service', order: 50 },
  },
  {
    key: 'service-business-clinic',
    path: '/business/service/clinic',
    element: lazy(() => import('./service/BusinessClinicPage')),
    nav: { label: L('厅局长坐诊', '廳局長坐診', "Directors' clinic"), audience: { permission: 'service.clinic.book' }, order: 30 },
  },
  {
    key: 'service-business-ratings',
    path: '/business/service/ratings',
    element: lazy(() => import('./service/MyRatingsPage')),
    nav: { label: L('办事评价', '辦事評價', 'Rate a service'), audience: { permission: 'service.rating.online' }, order: 31 },
  },
  {
    key: 'service-experience',
    path: '/citizen/service/experience',
    element: lazy(() => import('./service/ExperiencePage')),
    nav: { label: L('体验员', '體驗員', 'Experiencer'), audience: { permission: 'service.experience.take-part' } },
  },
];

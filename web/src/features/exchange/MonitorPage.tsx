import { useState } from 'react';
import { App, Button, Card, Col, Row, Space, Statistic, Table, Tag } from 'antd';
import { RedoOutlined, ReloadOutlined, SyncOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { untypedApi, ApiError, type Page } from '../../lib/api';
import { formatDateTime, L, useLocale, useT } from '../../lib/i18n';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DELIVERY_STATUS_COLORS, DELIVERY_STATUS_LABELS, MODE_LABELS, type Delivery } from './labels';

interface DeptStat {
  id: string;
  code: string;
  name: string;
  enabled: boolean;
  deliveryMode: string;
  delivered: number;
  backlog: number;
  lagSeconds: number;
  failed: number;
  attempts: number;
  failureRate: number;
}
interface Figures {
  changesHandled: number;
  changesPending: number;
  changesRejected: number;
  departmentsPerChange: number;
  propagationMs: { median: number | null; p95: number | null; completed: number };
  noExtraForm: number;
  failuresByDepartment: { code: string; name: string; failures: number }[];
}
interface Reconciliation {
  id: string;
  at: string;
  checked: number;
  drifts: { departmentCode: string; departmentName: string; creditCode: string | null; kind: string; fields: string[] }[];
}

const DRIFT_LABELS: Record<string, ReturnType<typeof L>> = {
  missing: L('对方缺少记录', '對方缺少記錄', 'Missing at the department'),
  different: L('字段不一致', '欄位不一致', 'Fields differ'),
  extra: L('对方多出记录', '對方多出記錄', 'Extra at the department'),
  unreachable: L('无法连接', '無法連線', 'Unreachable'),
};

const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);

/** Monitoring: figures, each department's backlog/lag/failure rate, failed deliveries (retry), reconciliation. */
export default function MonitorPage() {
  const t = useT();
  const [locale] = useLocale();
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [recon, setRecon] = useState<Reconciliation | null>(null);
  const [running, setRunning] = useState(false);
  const figures = useQuery({ queryKey: ['exchange', 'figures'], queryFn: ({ signal }) => untypedApi.get<Figures>('/exchange/figures', undefined, signal) });
  const depts = useQuery({ queryKey: ['exchange', 'monitor'], queryFn: ({ signal }) => untypedApi.get<{ items: DeptStat[] }>('/exchange/monitor/departments', undefined, signal) });
  const failed = useQuery({
    queryKey: ['exchange', 'failed'],
    queryFn: async ({ signal }) => {
      const [a, b] = await Promise.all([
        untypedApi.get<Page<Delivery>>('/exchange/deliveries', { status: 'dead', limit: 100 }, signal),
        untypedApi.get<Page<Delivery>>('/exchange/deliveries', { status: 'failed', limit: 100 }, signal),
      ]);
      return [...a.items, ...b.items];
    },
  });
  const latest = useQuery({ queryKey: ['exchange', 'recon'], retry: false, queryFn: ({ signal }) => untypedApi.get<Reconciliation>('/exchange/reconciliations/latest', undefined, signal) });
  const shown = recon ?? latest.data ?? null;

  async function retry(id: string) {
    try {
      await untypedApi.post(`/exchange/deliveries/${id}/retry`);
      message.success(t(L('已重新排队', '已重新排隊', 'Queued again')));
      await qc.invalidateQueries({ queryKey: ['exchange'] });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  }

  async function reconcile() {
    setRunning(true);
    try {
      setRecon(await untypedApi.post<Reconciliation>('/exchange/reconciliations'));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  }

  const f = figures.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<span data-testid="page-title">{t(L('信息共享监控', '資訊共享監控', 'Exchange monitoring'))}</span>}
        extra={<Button icon={<ReloadOutlined />} onClick={() => qc.invalidateQueries({ queryKey: ['exchange'] })} />}
      >
        <ErrorAlert error={figures.error} />
        <Row gutter={[16, 16]} data-testid="figures">
          <Col xs={12} md={4}><Statistic title={t(L('已办结变更', '已辦結變更', 'Changes handled'))} value={f?.changesHandled ?? 0} /></Col>
          <Col xs={12} md={4}><Statistic title={t(L('待审核', '待審核', 'Pending'))} value={f?.changesPending ?? 0} /></Col>
          <Col xs={12} md={4}><Statistic title={t(L('平均同步部门数', '平均同步部門數', 'Departments per change'))} value={f?.departmentsPerChange ?? 0} /></Col>
          <Col xs={12} md={4}><Statistic title={t(L('全部送达中位数', '全部送達中位數', 'Full propagation (median)'))} value={seconds(f?.propagationMs.median ?? null)} /></Col>
          <Col xs={12} md={4}><Statistic title="P95" value={seconds(f?.propagationMs.p95 ?? null)} /></Col>
          <Col xs={12} md={4}><Statistic title={t(L('无需另填表单', '無需另填表單', 'No extra form needed'))} value={f?.noExtraForm ?? 0} /></Col>
        </Row>
      </Card>
      <Card title={t(L('各部门同步状况', '各部門同步狀況', 'Departments'))}>
        <ErrorAlert error={depts.error} />
        <Table<DeptStat>
          rowKey="id"
          size="small"
          pagination={false}
          loading={depts.isPending}
          dataSource={depts.data?.items ?? []}
          data-testid="department-stats"
          columns={[
            { title: t(L('部门', '部門', 'Department')), dataIndex: 'name', render: (v: string, d) => <Space>{v}{d.enabled ? null : <Tag>{t(L('已停用', '已停用', 'disabled'))}</Tag>}</Space> },
            { title: t(L('方式', '方式', 'Mode')), dataIndex: 'deliveryMode', render: (m: string) => t(MODE_LABELS[m]) },
            { title: t(L('已送达', '已送達', 'Delivered')), dataIndex: 'delivered' },
            { title: t(L('积压', '積壓', 'Backlog')), dataIndex: 'backlog', render: (v: number) => (v > 0 ? <Tag color="orange">{v}</Tag> : 0) },
            { title: t(L('滞后', '滯後', 'Lag')), dataIndex: 'lagSeconds', render: (v: number) => `${v} s` },
            { title: t(L('失败率', '失敗率', 'Failure rate')), dataIndex: 'failureRate', render: (v: number) => `${(v * 100).toFixed(1)}%` },
          ]}
        />
      </Card>
      <Card title={t(L('送达失败的任务', '送達失敗的任務', 'Failed deliveries'))}>
        <ErrorAlert error={failed.error} />
        <Table<Delivery>
          rowKey="id"
          size="small"
          pagination={false}
          loading={failed.isPending}
          dataSource={failed.data ?? []}
          data-testid="failed-deliveries"
          locale={{ emptyText: t(L('没有失败的送达', '沒有失敗的送達', 'No failed delivery')) }}
          columns={[
            { title: t(L('部门', '部門', 'Department')), dataIndex: 'departmentName' },
            { title: t(L('统一社会信用代码', '統一社會信用代碼', 'Credit code')), dataIndex: 'creditCode' },
            { title: t(L('状态', '狀態', 'Status')), dataIndex: 'status', render: (s: string) => <Tag color={DELIVERY_STATUS_COLORS[s]}>{t(DELIVERY_STATUS_LABELS[s])}</Tag> },
            { title: t(L('尝试', '嘗試', 'Attempts')), dataIndex: 'attempts' },
            { title: t(L('最后错误', '最後錯誤', 'Last error')), dataIndex: 'lastError', ellipsis: true },
            { title: t(L('排队时间', '排隊時間', 'Queued')), dataIndex: 'queuedAt', render: (v: string) => formatDateTime(v, locale) },
            can('exchange.delivery.retry')
              ? { title: t('common.actions'), render: (_: unknown, d: Delivery) => <Button size="small" icon={<RedoOutlined />} onClick={() => retry(d.id)}>{t('common.retry')}</Button> }
              : {},
          ]}
        />
      </Card>
      <Card
        title={t(L('数据对账', '資料對帳', 'Reconciliation'))}
        extra={
          can('exchange.reconcile.run') ? (
            <Button icon={<SyncOutlined />} loading={running} onClick={reconcile} data-testid="reconcile">
              {t(L('立即对账', '立即對帳', 'Run now'))}
            </Button>
          ) : null
        }
      >
        {shown ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <span>
              {formatDateTime(shown.at, locale)} · {t(L('核对 {n} 条', '核對 {n} 筆', '{n} checked'), { n: shown.checked })} ·{' '}
              {shown.drifts.length ? <Tag color="red">{t(L('差异 {n} 处', '差異 {n} 處', '{n} drifts'), { n: shown.drifts.length })}</Tag> : <Tag color="green">{t(L('完全一致', '完全一致', 'No drift'))}</Tag>}
            </span>
            {shown.drifts.length ? (
              <Table
                rowKey={(d) => `${d.departmentCode}-${d.creditCode}-${d.kind}`}
                size="small"
                pagination={false}
                dataSource={shown.drifts}
                data-testid="drifts"
                columns={[
                  { title: t(L('部门', '部門', 'Department')), dataIndex: 'departmentName' },
                  { title: t(L('统一社会信用代码', '統一社會信用代碼', 'Credit code')), dataIndex: 'creditCode', render: (v: string | null) => v ?? '—' },
                  { title: t(L('差异', '差異', 'Drift')), dataIndex: 'kind', render: (k: string) => t(DRIFT_LABELS[k]) },
                  { title: t(L('字段', '欄位', 'Fields')), dataIndex: 'fields', render: (v: string[]) => v.join(', ') || '—' },
                ]}
              />
            ) : null}
          </Space>
        ) : (
          <span>{t(L('尚未对账', '尚未對帳', 'Not run yet'))}</span>
        )}
      </Card>
    </Space>
  );
}

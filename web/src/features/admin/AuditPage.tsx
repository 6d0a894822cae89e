import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Table, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { untypedApi, ApiError, type Page } from '../../lib/api';
import { formatDateTime, L, useLocale, useT } from '../../lib/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';

interface AuditEntry {
  seq: number;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  before: unknown;
  after: unknown;
  hash: string;
}
interface VerifyResult {
  ok: boolean;
  entries: number;
  headSeq: number;
  problems: { seq: number; kind: string; detail: string }[];
}

/** Admin: the hash-chained audit log, newest first, with a chain verification. */
export default function AuditPage() {
  const t = useT();
  const [locale] = useLocale();
  const [entityType, setEntityType] = useState('');
  const [entityId, setEntityId] = useState('');
  const [filter, setFilter] = useState({ entityType: '', entityId: '' });
  const [verify, setVerify] = useState<VerifyResult | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>(null);
  const [verifying, setVerifying] = useState(false);

  const list = useInfiniteQuery({
    queryKey: ['admin', 'audit', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => untypedApi.get<Page<AuditEntry>>('/admin/audit', { ...filter, cursor: pageParam, limit: 30 }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  async function runVerify() {
    setVerifying(true);
    setVerifyError(null);
    try {
      setVerify(await untypedApi.post<VerifyResult>('/admin/audit/verify'));
    } catch (e) {
      setVerifyError(e instanceof ApiError ? e : String(e));
    } finally {
      setVerifying(false);
    }
  }

  return (
    <Card
      title={<span data-testid="page-title">{t(L('审计日志', '稽核日誌', 'Audit log'))}</span>}
      extra={
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={verifying} onClick={runVerify} data-testid="verify-chain">
          {t(L('校验哈希链', '校驗雜湊鏈', 'Verify chain'))}
        </Button>
      }
    >
      {verify ? (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          type={verify.ok ? 'success' : 'error'}
          data-testid="verify-result"
          title={
            verify.ok
              ? t(L('哈希链完整：共 {n} 条，最新序号 {head}', '雜湊鏈完整：共 {n} 筆，最新序號 {head}', 'Chain intact: {n} entries, head #{head}'), { n: verify.entries, head: verify.headSeq })
              : t(L('发现 {n} 处问题', '發現 {n} 處問題', '{n} problem(s) found'), { n: verify.problems.length })
          }
          description={
            verify.problems.length ? (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {verify.problems.slice(0, 50).map((p) => (
                  <li key={`${p.seq}-${p.kind}`}>
                    #{p.seq} {p.kind}: {p.detail}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      <ErrorAlert error={verifyError} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input placeholder={t(L('对象类型，如 enterprise', '物件類型，如 enterprise', 'Entity type, e.g. enterprise'))} value={entityType} onChange={(e) => setEntityType(e.target.value)} allowClear style={{ width: 220 }} />
        <Input placeholder={t(L('对象标识', '物件識別', 'Entity id'))} value={entityId} onChange={(e) => setEntityId(e.target.value)} allowClear style={{ width: 260 }} />
        <Button onClick={() => setFilter({ entityType: entityType.trim(), entityId: entityId.trim() })}>{t('common.search')}</Button>
      </Space>
      <ErrorAlert error={list.error} />
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        expandable={{
          expandedRowRender: (r) => (
            <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
              {JSON.stringify({ before: r.before, after: r.after, hash: r.hash }, null, 2)}
            </pre>
          ),
        }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 80 },
          { title: t(L('时间', '時間', 'Time')), dataIndex: 'at', width: 180, render: (v: string) => formatDateTime(v, locale) },
          { title: t(L('操作人', '操作人', 'Actor')), dataIndex: 'actorName', width: 160 },
          { title: t(L('动作', '動作', 'Action')), dataIndex: 'action', width: 300, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t(L('对象', '物件', 'Entity')), render: (_: unknown, r) => `${r.entityType}${r.entityId ? ` · ${r.entityId}` : ''}` },
          { title: 'IP', dataIndex: 'ip', width: 130 },
        ]}
      />
      <div style={{ textAlign: 'center', marginTop: 16 }}>
        {list.hasNextPage ? (
          <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        ) : rows.length ? (
          <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
        ) : null}
      </div>
    </Card>
  );
}

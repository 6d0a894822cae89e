import { useState } from 'react';
import { App, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, EyeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../lib/api';
import { formatDateTime, L, useLocale, useT } from '../../lib/i18n';
import { formatWanYuan } from '../../lib/money';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ENTERPRISE_TYPE_LABELS, F, STATUS_COLORS, STATUS_LABELS } from './labels';
import { PageSpinner } from '../../components/PageSpinner';

export default function EnterpriseDetailPage() {
  const t = useT();
  const [locale] = useLocale();
  const { code = '' } = useParams();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const [fullId, setFullId] = useState<string | null>(null);
  const [revealing, setRevealing] = useState(false);
  const q = useQuery({ queryKey: ['registry', 'detail', code, locale], queryFn: ({ signal }) => api.get('/api/enterprises/{code}', { path: { code }, signal }) });

  /** Revealing a full ID number is personal data access: confirm, saying it is audited. */
  function confirmReveal() {
    modal.confirm({
      title: t(L('显示完整身份证号？', '顯示完整身分證號？', 'Show the full ID number?')),
      content: t(
        L(
          '仅在办理业务确有需要时查看。本次查看将以您的账号记入审计日志（时间、企业、查看人）。',
          '僅在辦理業務確有需要時檢視。本次檢視將以您的帳號記入稽核日誌（時間、企業、檢視人）。',
          'Only when your work needs it. This view is recorded in the audit log under your account (time, enterprise, viewer).',
        ),
      ),
      okText: t(L('确认显示', '確認顯示', 'Show it')),
      onOk: reveal,
    });
  }

  async function reveal() {
    setRevealing(true);
    try {
      const r = await api.post('/api/enterprises/{code}/legal-rep-id', { path: { code } });
      setFullId(r.idNumber ?? '—');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setRevealing(false);
    }
  }

  const back = (
    <Link to="/staff/registry">
      <Button icon={<ArrowLeftOutlined />}>{t('common.back')}</Button>
    </Link>
  );
  if (q.isPending) return <PageSpinner />;
  if (q.error) return <Card extra={back}><ErrorAlert error={q.error} /></Card>;
  const e = q.data;
  const typeLabel = ENTERPRISE_TYPE_LABELS[e.type] ? t(ENTERPRISE_TYPE_LABELS[e.type]) : e.type;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span data-testid="enterprise-name">{e.name}</span>
            <Tag color={STATUS_COLORS[e.status]}>{STATUS_LABELS[e.status] ? t(STATUS_LABELS[e.status]) : e.status}</Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {can('registry.enterprise.update') ? (
              <Link to={`/staff/registry/${encodeURIComponent(e.creditCode)}/edit`}>
                <Button icon={<EditOutlined />} data-testid="edit-enterprise">
                  {t(L('更正', '更正', 'Correct'))}
                </Button>
              </Link>
            ) : null}
            {back}
          </Space>
        }
      >
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} data-testid="enterprise-fields">
          <Descriptions.Item label={t(F.creditCode)}>
            <Typography.Text code copyable>
              {e.creditCode}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t(F.type)}>{typeLabel}</Descriptions.Item>
          <Descriptions.Item label={t(F.legalRep)}>{e.legalRepName}</Descriptions.Item>
          <Descriptions.Item label={t(F.legalRepId)}>
            <Space wrap>
              <Typography.Text data-testid="legal-rep-id">{fullId ?? e.legalRepIdMasked ?? '—'}</Typography.Text>
              {can('registry.enterprise.read-personal') && e.legalRepIdMasked && !fullId ? (
                <Button size="small" icon={<EyeOutlined />} loading={revealing} onClick={confirmReveal} data-testid="reveal-id">
                  {t(L('显示完整号码', '顯示完整號碼', 'Show full number'))}
                </Button>
              ) : null}
              {fullId ? <Typography.Text type="secondary">{t(L('（本次查看已记入审计日志）', '（本次檢視已記入稽核日誌）', '(this view was audited)'))}</Typography.Text> : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t(F.capital)}>{formatWanYuan(e.registeredCapitalFen, locale)}</Descriptions.Item>
          <Descriptions.Item label={t(F.establishedOn)}>{e.establishedOn}</Descriptions.Item>
          <Descriptions.Item label={t(F.region)}>
            {e.regionName ?? ''} <Typography.Text type="secondary">{e.regionCode}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t(F.industry)}>
            {e.industryName ?? ''} <Typography.Text type="secondary">{e.industryCode}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t(F.address)} span={2}>
            {e.address}
          </Descriptions.Item>
          <Descriptions.Item label={t(F.scope)} span={2}>
            {e.businessScope || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t(F.approvedOn)}>{e.approvedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t(F.deregisteredOn)}>{e.deregisteredOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t(F.updatedAt)}>{formatDateTime(e.updatedAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t(F.version)}>{e.version}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t(F.investors)}>
        <Table
          rowKey={(r, i) => `${r.name}-${i}`}
          size="small"
          pagination={false}
          dataSource={e.investors}
          locale={{ emptyText: t('common.none') }}
          columns={[
            { title: t(F.investorName), dataIndex: 'name' },
            { title: t(F.kind), dataIndex: 'kind', render: (v: string) => t(v === 'person' ? F.person : F.organisation) },
            { title: t(F.amount), dataIndex: 'amountFen', render: (v: number) => formatWanYuan(v, locale) },
          ]}
        />
      </Card>
    </Space>
  );
}

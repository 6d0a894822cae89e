import { useState } from 'react';
import { Card, Col, Descriptions, Empty, Input, List, Row, Space, Tag, Typography } from 'antd';
import { AuditOutlined, FileSearchOutlined, LoginOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import type { PublicEnterpriseSchema } from '../../../contracts/registry';
import { untypedApi } from '../lib/api';
import { L, useLocale, useT } from '../lib/i18n';
import { formatWanYuan } from '../lib/money';
import { ErrorAlert } from '../components/ErrorAlert';
import { ENTERPRISE_TYPE_LABELS, F, STATUS_COLORS, STATUS_LABELS } from '../features/registry/labels';
import { useFeatures } from '../app/features-context';
import { PublicEntries } from './PublicEntries';

type PublicEnterprise = z.infer<typeof PublicEnterpriseSchema>;

/** The public portal: complain, track and nearest station first, the enterprise look-up, links to public services. */
export default function PublicHomePage() {
  const t = useT();
  const [locale] = useLocale();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const result = useQuery({
    queryKey: ['public', 'enterprises', q, locale],
    enabled: q.length > 0,
    queryFn: ({ signal }) => untypedApi.get<{ items: PublicEnterprise[] }>('/public/enterprises', { q, limit: 20 }, signal),
  });
  const services = useFeatures().filter((f) => f.nav && (f.nav.audience === 'public' || f.nav.audience === 'citizen') && f.path !== '/');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PublicEntries />
      <Card style={{ background: 'linear-gradient(135deg, #1f4e9c 0%, #3a78d6 100%)', border: 0 }}>
        <Typography.Title level={3} style={{ color: '#fff', marginTop: 0 }}>
          {t(L('企业信息公示查询', '企業資訊公示查詢', 'Enterprise public information look-up'))}
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.85)' }}>
          {t(L('输入企业名称或统一社会信用代码（支持繁体、简体）', '輸入企業名稱或統一社會信用代碼（支援繁體、簡體）', 'Enter an enterprise name or unified social credit code (Simplified or Traditional)'))}
        </Typography.Paragraph>
        <Input.Search
          size="large"
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {}, { replace: true })}
          enterButton={t('common.search')}
          placeholder={t(L('如：西湖 / 91330106…', '如：西湖 / 91330106…', 'e.g. 西湖 / 91330106…'))}
          data-testid="public-search"
        />
      </Card>

      {q ? (
        <Card title={t(L('查询结果', '查詢結果', 'Results'))} loading={result.isPending}>
          <ErrorAlert error={result.error} />
          {result.data && result.data.items.length === 0 ? <Empty description={t(L('未找到匹配的企业', '未找到符合的企業', 'No matching enterprise'))} /> : null}
          <List
            dataSource={result.data?.items ?? []}
            renderItem={(e) => (
              <List.Item key={e.creditCode} data-testid="public-result">
                <div style={{ width: '100%' }}>
                  <Space wrap style={{ marginBottom: 8 }}>
                    <Typography.Text strong style={{ fontSize: 16 }}>
                      {e.name}
                    </Typography.Text>
                    <Tag color={STATUS_COLORS[e.status]}>{STATUS_LABELS[e.status] ? t(STATUS_LABELS[e.status]) : e.status}</Tag>
                  </Space>
                  <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
                    <Descriptions.Item label={t(F.creditCode)}>{e.creditCode}</Descriptions.Item>
                    <Descriptions.Item label={t(F.legalRep)}>{e.legalRepName}</Descriptions.Item>
                    <Descriptions.Item label={t(F.type)}>{ENTERPRISE_TYPE_LABELS[e.type] ? t(ENTERPRISE_TYPE_LABELS[e.type]) : e.type}</Descriptions.Item>
                    <Descriptions.Item label={t(F.capital)}>{formatWanYuan(e.registeredCapitalFen, locale)}</Descriptions.Item>
                    <Descriptions.Item label={t(F.establishedOn)}>{e.establishedOn}</Descriptions.Item>
                    <Descriptions.Item label={t(F.region)}>{e.regionName ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label={t(F.industry)}>{e.industryName ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label={t(F.address)} span={2}>
                      {e.address}
                    </Descriptions.Item>
                  </Descriptions>
                  {e.businessScope ? (
                    <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true }} style={{ marginBottom: 0 }}>
                      {t(F.scope)}：{e.businessScope}
                    </Typography.Paragraph>
                  ) : null}
                </div>
              </List.Item>
            )}
          />
        </Card>
      ) : null}

      <Card title={t(L('公共服务', '公共服務', 'Public services'))}>
        <Row gutter={[16, 16]}>
          <Col xs={24} sm={12} md={8}>
            <Card size="small" hoverable onClick={() => document.querySelector<HTMLInputElement>('[data-testid="public-search"] input')?.focus()}>
              <Space>
                <FileSearchOutlined style={{ fontSize: 22, color: '#1f4e9c' }} />
                <span>{t(L('企业信息查询', '企業資訊查詢', 'Enterprise look-up'))}</span>
              </Space>
            </Card>
          </Col>
          {services.map((f) => (
            <Col xs={24} sm={12} md={8} key={f.key}>
              <Link to={f.path}>
                <Card size="small" hoverable>
                  <Space>
                    {f.nav!.icon ?? <SafetyCertificateOutlined style={{ fontSize: 22, color: '#1f4e9c' }} />}
                    <span>{t(f.nav!.label)}</span>
                  </Space>
                </Card>
              </Link>
            </Col>
          ))}
          <Col xs={24} sm={12} md={8}>
            <Link to="/login">
              <Card size="small" hoverable>
                <Space>
                  <LoginOutlined style={{ fontSize: 22, color: '#1f4e9c' }} />
                  <span>{t(L('企业 / 工作人员登录', '企業 / 工作人員登入', 'Business / staff log-in'))}</span>
                </Space>
              </Card>
            </Link>
          </Col>
          <Col xs={24} sm={12} md={8}>
            <a href="/docs" target="_blank" rel="noreferrer">
              <Card size="small" hoverable>
                <Space>
                  <AuditOutlined style={{ fontSize: 22, color: '#1f4e9c' }} />
                  <span>{t(L('开放接口文档', '開放介面文件', 'Open API documentation'))}</span>
                </Space>
              </Card>
            </a>
          </Col>
        </Row>
      </Card>
    </Space>
  );
}

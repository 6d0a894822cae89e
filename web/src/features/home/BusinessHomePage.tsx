import { Badge, Card, Col, Descriptions, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { BellOutlined, ShopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { EnterpriseSummarySchema } from '../../../../contracts/registry';
import { untypedApi, type Page } from '../../lib/api';
import { formatDateTime, L, useLocale, useT } from '../../lib/i18n';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ENTERPRISE_TYPE_LABELS, F, STATUS_COLORS, STATUS_LABELS } from '../registry/labels';

type Summary = z.infer<typeof EnterpriseSummarySchema>;
interface Notification {
  id: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

/** Business portal home: the account's bound enterprises and its in-app notifications. */
export default function BusinessHomePage() {
  const t = useT();
  const [locale] = useLocale();
  const { actor } = useAuth();
  const enterprises = useQuery({ queryKey: ['business', 'enterprises', locale], queryFn: ({ signal }) => untypedApi.get<Page<Summary>>('/enterprises', { limit: 50 }, signal) });
  const notes = useQuery({ queryKey: ['business', 'notifications', locale], queryFn: ({ signal }) => untypedApi.get<Page<Notification>>('/notifications', { limit: 20 }, signal) });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t(L('您好，{name}', '您好，{name}', 'Hello, {name}'), { name: actor?.displayName ?? '' })}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={<Space><ShopOutlined />{t(L('我的企业', '我的企業', 'My enterprises'))}</Space>} loading={enterprises.isPending}>
            <ErrorAlert error={enterprises.error} />
            {enterprises.data && enterprises.data.items.length === 0 ? <Empty description={t(L('尚未绑定企业', '尚未綁定企業', 'No enterprise bound to this account'))} /> : null}
            <List
              dataSource={enterprises.data?.items ?? []}
              renderItem={(e) => (
                <List.Item key={e.creditCode} data-testid="bound-enterprise">
                  <div style={{ width: '100%' }}>
                    <Space wrap style={{ marginBottom: 6 }}>
                      <Typography.Text strong>{e.name}</Typography.Text>
                      <Tag color={STATUS_COLORS[e.status]}>{STATUS_LABELS[e.status] ? t(STATUS_LABELS[e.status]) : e.status}</Tag>
                    </Space>
                    <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
                      <Descriptions.Item label={t(F.creditCode)}>{e.creditCode}</Descriptions.Item>
                      <Descriptions.Item label={t(F.type)}>{ENTERPRISE_TYPE_LABELS[e.type] ? t(ENTERPRISE_TYPE_LABELS[e.type]) : e.type}</Descriptions.Item>
                      <Descriptions.Item label={t(F.legalRep)}>{e.legalRepName}</Descriptions.Item>
                      <Descriptions.Item label={t(F.region)}>{e.regionName ?? '—'}</Descriptions.Item>
                    </Descriptions>
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            title={
              <Space>
                <BellOutlined />
                {t(L('消息通知', '訊息通知', 'Notifications'))}
                <Badge count={notes.data?.items.filter((n) => !n.readAt).length ?? 0} />
              </Space>
            }
            loading={notes.isPending}
          >
            <ErrorAlert error={notes.error} />
            <List
              dataSource={notes.data?.items ?? []}
              locale={{ emptyText: t(L('暂无消息', '暫無訊息', 'No notifications')) }}
              renderItem={(n) => (
                <List.Item key={n.id}>
                  <List.Item.Meta
                    title={
                      <Space>
                        {n.readAt ? null : <Badge status="processing" />}
                        {n.link ? <a href={n.link}>{n.title}</a> : n.title}
                      </Space>
                    }
                    description={
                      <>
                        <div>{n.body}</div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatDateTime(n.createdAt, locale)}
                        </Typography.Text>
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

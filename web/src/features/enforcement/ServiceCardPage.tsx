import { Card, Descriptions, Image, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { L, useT } from '../../lib/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';


/** The officer's enforcement service card: name, contact and a QR code the business scans to rate the visit. */
export default function ServiceCardPage() {
  const t = useT();
  const q = useQuery({ queryKey: ['enforcement', 'service-card'], queryFn: ({ signal }) => api.get('/api/enforcement/service-card', { signal }) });
  if (q.isPending) return <PageSpinner />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const c = q.data;
  return (
    <Card title={t(L('执法服务卡', '執法服務卡', 'Enforcement service card'))} style={{ maxWidth: 480 }}>
      <Space direction="vertical" align="center" style={{ width: '100%' }}>
        <Image src={c.qrPng} width={220} preview={false} alt="QR" />
        <Typography.Text type="secondary">{t(L('请扫码评价本次执法服务', '請掃碼評價本次執法服務', 'Scan to rate this visit'))}</Typography.Text>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t(L('执法人员', '執法人員', 'Officer'))}>{c.officerName}</Descriptions.Item>
          <Descriptions.Item label={t(L('联系方式', '聯絡方式', 'Contact'))}>{c.contact ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t(L('评价', '評價', 'Ratings'))}>
            {c.ratings.count} · {c.ratings.average ?? '—'}
          </Descriptions.Item>
        </Descriptions>
      </Space>
    </Card>
  );
}

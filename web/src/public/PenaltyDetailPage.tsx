import { Alert, Button, Card, Descriptions, Result, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../lib/api';
import { L, useT } from '../lib/i18n';
import { PageSpinner } from '../components/PageSpinner';

/** One published penalty decision: its summary (Order 45 art. 4) and the redacted decision PDF. */
export default function PenaltyDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['public', 'penalty', id], queryFn: ({ signal }) => api.get('/api/public/penalties/{id}', { path: { id }, signal }), retry: false });
  const back = (
    <Link to="/penalties">
      <Button>{t(L('返回公示列表', '返回公示列表', 'Back to the list'))}</Button>
    </Link>
  );
  if (q.isPending) return <PageSpinner />;
  if (q.error) {
    const gone = q.error instanceof ApiError && q.error.code === 'GONE';
    return <Result status={gone ? 'info' : '404'} title={q.error.message} data-testid="penalty-gone" extra={back} />;
  }
  const p = q.data;
  return (
    <Card title={t(L('行政处罚决定公示', '行政處罰決定公示', 'Published penalty decision'))} extra={back} style={{ maxWidth: 880, margin: '0 auto' }} data-testid="penalty-detail">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t(L('决定书文号', '決定書文號', 'Document number'))}>{p.docNo}</Descriptions.Item>
          <Descriptions.Item label={t(L('当事人', '當事人', 'Party'))}>{p.partyName}</Descriptions.Item>
          <Descriptions.Item label={t(L('统一社会信用代码', '統一社會信用代碼', 'Credit code'))}>{p.creditCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t(L('违法行为类型', '違法行為類型', 'Violation'))}>{p.violation}</Descriptions.Item>
          <Descriptions.Item label={t(L('处罚内容', '處罰內容', 'Penalty'))}>{p.penalty}</Descriptions.Item>
          <Descriptions.Item label={t(L('处罚机关', '處罰機關', 'Authority'))}>{p.office}</Descriptions.Item>
          <Descriptions.Item label={t(L('决定日期', '決定日期', 'Decided on'))}>{p.decidedOn}</Descriptions.Item>
          <Descriptions.Item label={t(L('公示期', '公示期', 'Published'))}>
            {p.publishedOn} – {p.endsOn}
          </Descriptions.Item>
        </Descriptions>
        <a href={p.pdfUrl} target="_blank" rel="noreferrer" data-testid="penalty-pdf">
          <Button type="primary">{t(L('查看决定书（公示版 PDF）', '查看決定書（公示版 PDF）', 'Open the decision (published PDF)'))}</Button>
        </a>
        <Alert type="info" showIcon title={t(L('决定书中的个人信息已依法隐去。', '決定書中的個人資訊已依法隱去。', 'Personal information in the decision is redacted.'))} />
      </Space>
    </Card>
  );
}

import { Card, Space, Table } from 'antd';
import { Link } from 'react-router-dom';
import { formatDateTime, L, useLocale, useT } from '../../../lib/i18n';
import { DOC_KIND } from '../labels';
import type { Case } from './types';

/** The case's issued documents, each with its PDF and its public verification page. */
export function DocumentsCard({ documents }: { documents: Case['documents'] }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Card title={t(L('文书', '文書', 'Documents'))}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={documents}
        data-testid="documents"
        columns={[
          { title: t(L('文书', '文書', 'Document')), dataIndex: 'kind', render: (v: string) => (DOC_KIND[v] ? t(DOC_KIND[v]) : v) },
          { title: t(L('文号', '文號', 'Number')), dataIndex: 'docNo' },
          { title: t(L('签发时间', '簽發時間', 'Issued')), dataIndex: 'issuedAt', render: (v: string) => formatDateTime(v, locale) },
          {
            title: '',
            key: 'links',
            render: (_: unknown, d) => (
              <Space>
                <a href={d.pdfUrl} target="_blank" rel="noreferrer">
                  PDF
                </a>
                <Link to={`/verify/${d.verifyCode}`} data-testid={`verify-${d.kind}`}>
                  {t(L('核验', '核驗', 'Verify'))}
                </Link>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

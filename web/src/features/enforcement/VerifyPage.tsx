import { Card, Descriptions, Result, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { api, ApiError } from '../../lib/api';
import { L, useT } from '../../lib/i18n';
import { PageSpinner } from '../../components/PageSpinner';


/** The page the QR code on every document opens: is this document genuine? */
export default function VerifyPage() {
  const t = useT();
  const { code = '' } = useParams();
  const q = useQuery({
    queryKey: ['public', 'document', code],
    retry: false,
    queryFn: ({ signal }) => api.get('/api/public/documents/{verifyCode}', { path: { verifyCode: code }, signal }),
  });
  if (q.isPending) return <PageSpinner />;
  if (q.error) {
    const notFound = q.error instanceof ApiError && q.error.status === 404;
    return (
      <Card style={{ maxWidth: 720, margin: '24px auto' }}>
        <Result
          status="error"
          title={<span data-testid="verify-result">{notFound ? t(L('未找到该文书，可能不是本系统签发的文书', '未找到該文書，可能不是本系統簽發的文書', 'No such document: it may not have been issued by this system')) : q.error.message}</span>}
        />
      </Card>
    );
  }
  const d = q.data;
  return (
    <Card style={{ maxWidth: 720, margin: '24px auto' }}>
      <Result
        status={d.genuine ? 'success' : 'warning'}
        title={
          <span data-testid="verify-result">
            {d.genuine
              ? t(L('文书真实有效', '文書真實有效', 'This document is genuine'))
              : d.revoked
                ? t(L('该文书已被撤销', '該文書已被撤銷', 'This document has been revoked'))
                : t(L('文书内容与存档不一致', '文書內容與存檔不一致', 'The document does not match the archived copy'))}
          </span>
        }
      />
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t(L('文书名称', '文書名稱', 'Title'))}>{d.title}</Descriptions.Item>
        <Descriptions.Item label={t(L('文号', '文號', 'Number'))}>
          <span data-testid="verify-docno">{d.docNo}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t(L('签发机关', '簽發機關', 'Issuer'))}>{d.issuer}</Descriptions.Item>
        <Descriptions.Item label={t(L('签发日期', '簽發日期', 'Date'))}>{d.issuedOn}</Descriptions.Item>
        <Descriptions.Item label="SHA-256">
          <Typography.Text code style={{ wordBreak: 'break-all' }}>
            {d.sha256}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

import type { z } from 'zod';
import type { ComplaintSummarySchema } from '../../../../contracts/complaints';
import { api, type QueryParams } from '../../lib/api';
import { fetchAllPages, filterBySearch } from '../../lib/export';
import { L, useT } from '../../lib/i18n';
import { useSearchText } from '../../lib/url-state';
import { QueueTools } from '../../components/QueueTools';
import { KIND, OUTCOME, STATUS } from './labels';

type Summary = z.infer<typeof ComplaintSummarySchema>;
type Status = QueryParams<'/api/complaints', 'get'>['status'];

/** The text the queue's search box matches. */
export const searchable = (r: Summary) => [r.trackingNo, r.complainantName, r.respondentName];

/** The complaints queue's search (in the URL as `q`), Excel export of exactly the filtered rows, and print. */
export function ComplaintQueueTools({ status }: { status: Status }) {
  const t = useT();
  const [q, setQ] = useSearchText();
  return (
    <QueueTools<Summary>
      name={t(L('投诉举报', '投訴舉報', 'Complaints'))}
      search={q}
      onSearch={setQ}
      searchLabel={t(L('搜索编号、投诉人、被投诉人', '搜尋編號、投訴人、被投訴人', 'Search number, complainant, respondent'))}
      rows={async () => filterBySearch(await fetchAllPages((cursor) => api.get('/api/complaints', { query: { status, cursor, limit: 200 } })), q, searchable)}
      columns={[
        { title: t(L('编号', '編號', 'Number')), value: (r) => r.trackingNo },
        { title: t(L('类型', '類型', 'Type')), value: (r) => t(KIND[r.kind] ?? L(r.kind, r.kind, r.kind)) },
        { title: t(L('投诉人', '投訴人', 'Complainant')), value: (r) => r.complainantName },
        { title: t(L('被投诉人', '被投訴人', 'Respondent')), value: (r) => r.respondentName },
        { title: t(L('状态', '狀態', 'Status')), value: (r) => t(STATUS[r.status] ?? L(r.status, r.status, r.status)) + (r.outcome && OUTCOME[r.outcome] ? ` / ${t(OUTCOME[r.outcome])}` : '') },
        { title: t(L('收到', '收到', 'Received')), value: (r) => r.receivedOn },
        { title: t(L('当前期限', '當前期限', 'Current deadline')), value: (r) => (r.status === 'received' ? r.acceptanceDue : r.mediationDue) ?? '' },
      ]}
    />
  );
}

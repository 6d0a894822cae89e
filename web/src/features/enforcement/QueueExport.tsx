import type { z } from 'zod';
import type { CaseSummarySchema } from '../../../../contracts/enforcement';
import { api, type QueryParams } from '../../lib/api';
import { fetchAllPages, filterBySearch } from '../../lib/export';
import { L, useT } from '../../lib/i18n';
import { formatYuan } from '../../lib/money';
import { useSearchText } from '../../lib/url-state';
import { codeLabel } from '../../lib/codes';
import { QueueTools } from '../../components/QueueTools';
import { SOURCE, STATUS } from './labels';

type Summary = z.infer<typeof CaseSummarySchema>;
type Status = QueryParams<'/api/enforcement/cases', 'get'>['status'];

/** The text the case list's search box matches. */
export const searchable = (r: Summary) => [r.caseNo, r.partyName];

/** The case list's search (URL `q`), Excel export of exactly the filtered rows, and print. */
export function CaseQueueTools({ status }: { status: Status }) {
  const t = useT();
  const [q, setQ] = useSearchText();
  return (
    <QueueTools<Summary>
      name={t(L('执法案件', '執法案件', 'Enforcement cases'))}
      search={q}
      onSearch={setQ}
      searchLabel={t(L('搜索案件编号、当事人', '搜尋案件編號、當事人', 'Search case no., party'))}
      rows={async () => filterBySearch(await fetchAllPages((cursor) => api.get('/api/enforcement/cases', { query: { status, cursor, limit: 200 } })), q, searchable)}
      columns={[
        { title: t(L('案件编号', '案件編號', 'Case no.')), value: (r) => r.caseNo },
        { title: t(L('当事人', '當事人', 'Party')), value: (r) => r.partyName },
        { title: t(L('来源', '來源', 'Source')), value: (r) => (SOURCE[r.source] ? t(SOURCE[r.source]) : codeLabel(r.source)) },
        { title: t(L('状态', '狀態', 'Status')), value: (r) => (STATUS[r.status] ? t(STATUS[r.status]) : codeLabel(r.status)) },
        { title: t(L('登记日期', '登記日期', 'Received')), value: (r) => r.receivedOn },
        { title: t(L('办案期限', '辦案期限', 'Decision due')), value: (r) => r.decisionDue ?? '' },
        { title: t(L('金额', '金額', 'Amount')), value: (r) => formatYuan(r.amountFen) },
      ]}
    />
  );
}

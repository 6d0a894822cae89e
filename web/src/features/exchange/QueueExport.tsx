import { untypedApi, type Page } from '../../lib/api';
import { fetchAllPages, filterBySearch } from '../../lib/export';
import { formatDateTime, L, useLocale, useT } from '../../lib/i18n';
import { useSearchText } from '../../lib/url-state';
import { QueueTools } from '../../components/QueueTools';
import { CHANGE_STATUS_LABELS, ITEM_LABELS, type Change } from './labels';

/** The text the change queue's search box matches. */
export const searchable = (r: Change) => [r.enterpriseName, r.creditCode];

/** The registration-change queue's search (URL `q`), Excel export of exactly the filtered rows, and print. */
export function ChangeQueueTools({ status }: { status: string }) {
  const t = useT();
  const [locale] = useLocale();
  const [q, setQ] = useSearchText();
  return (
    <QueueTools<Change>
      name={t(L('变更登记', '變更登記', 'Registration changes'))}
      search={q}
      onSearch={setQ}
      searchLabel={t(L('搜索企业名称、信用代码', '搜尋企業名稱、信用代碼', 'Search enterprise, credit code'))}
      rows={async () =>
        filterBySearch(await fetchAllPages((cursor) => untypedApi.get<Page<Change>>('/exchange/changes', { status: status === 'all' ? undefined : status, cursor, limit: 200 })), q, searchable)
      }
      columns={[
        { title: t(L('企业', '企業', 'Enterprise')), value: (r) => r.enterpriseName },
        { title: t(L('统一社会信用代码', '統一社會信用代碼', 'Credit code')), value: (r) => r.creditCode },
        { title: t(L('变更事项', '變更事項', 'Items')), value: (r) => r.kinds.map((x) => (ITEM_LABELS[x] ? t(ITEM_LABELS[x]) : x)).join('、') },
        { title: t(L('状态', '狀態', 'Status')), value: (r) => (CHANGE_STATUS_LABELS[r.status] ? t(CHANGE_STATUS_LABELS[r.status]) : r.status) },
        { title: t(L('提交时间', '提交時間', 'Filed')), value: (r) => formatDateTime(r.filedAt, locale) },
      ]}
    />
  );
}

import { useState } from 'react';
import { App, Button, Input, Space } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { chinaDate } from '../lib/clock';
import { downloadXlsx, exportFileName, type ExportColumn } from '../lib/export';
import { L, useT } from '../lib/i18n';

/**
 * A work queue's search box, Excel export and print button. `rows` loads exactly the rows the
 * queue's filters select (every page: use `fetchAllPages` with the queue's query); `search`/`onSearch`
 * keep the search text (put it in the URL with `useUrlState`).
 */
export function QueueTools<T>(props: {
  name: string;
  columns: ExportColumn<T>[];
  rows: () => Promise<T[]>;
  search?: string;
  onSearch?: (q: string | undefined) => void;
  searchLabel?: string;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  async function exportXlsx() {
    setBusy(true);
    try {
      const rows = await props.rows();
      await downloadXlsx(exportFileName(props.name, chinaDate()), props.name, props.columns, rows);
      message.success(t(L('已导出 {n} 条', '已匯出 {n} 筆', '{n} rows exported'), { n: rows.length }));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  const searchLabel = props.searchLabel ?? t(L('搜索', '搜尋', 'Search'));
  return (
    <Space wrap className="xf-no-print" style={{ width: '100%' }}>
      {props.onSearch ? (
        <Input.Search
          allowClear
          key={props.search ?? ''}
          defaultValue={props.search}
          placeholder={searchLabel}
          aria-label={searchLabel}
          onSearch={(v) => props.onSearch!(v.trim() || undefined)}
          style={{ width: 'min(260px, 100%)', minWidth: 160 }}
          data-testid="queue-search"
        />
      ) : null}
      <Button icon={<FileExcelOutlined />} loading={busy} onClick={() => void exportXlsx()} data-testid="queue-export">
        {t(L('导出 Excel', '匯出 Excel', 'Export to Excel'))}
      </Button>
      <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="queue-print">
        {t(L('打印', '列印', 'Print'))}
      </Button>
    </Space>
  );
}

import type { CSSProperties, Key, ReactNode } from 'react';
import { Card, Empty, Grid, Spin, Table as AntTable } from 'antd';
import type { TableProps } from 'antd';
import { L, useT } from '../lib/i18n';

type Column<T> = NonNullable<TableProps<T>['columns']>[number];

/** A column's value for one row: its `render`, else the value at its `dataIndex`. */
export function cellOf<T>(col: Column<T>, row: T, index: number): ReactNode {
  const c = col as { dataIndex?: string | number | readonly (string | number)[]; render?: (v: unknown, r: T, i: number) => ReactNode };
  const path = c.dataIndex === undefined ? [] : Array.isArray(c.dataIndex) ? c.dataIndex : [c.dataIndex];
  let value: unknown = row;
  for (const k of path) value = value == null ? undefined : (value as Record<string | number, unknown>)[k as string | number];
  if (path.length === 0) value = undefined;
  if (c.render) return c.render(value, row, index);
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function titleOf<T>(col: Column<T>): ReactNode {
  const t = (col as { title?: unknown }).title;
  return typeof t === 'function' ? (t as (p: object) => ReactNode)({}) : (t as ReactNode);
}

function keyOf<T>(rowKey: TableProps<T>['rowKey'], row: T, index: number): Key {
  if (typeof rowKey === 'function') return rowKey(row, index) as Key;
  if (typeof rowKey === 'string') return (row as Record<string, Key>)[rowKey] ?? index;
  return (row as { key?: Key }).key ?? index;
}

/**
 * antd's Table on wide screens; below 576 px (antd's `sm`) each row becomes a card — the first
 * column as the card's heading, the others as label/value lines — so nothing is squeezed to one
 * character per line on a phone. Use it in place of antd `Table` (same props):
 * `import { Table } from '../../components/ResponsiveTable'`. `cardBreakpoint="md"` switches below 768 px.
 */
export function ResponsiveTable<T extends object>(props: TableProps<T> & { cardBreakpoint?: 'sm' | 'md' }) {
  const { cardBreakpoint = 'sm', ...tableProps } = props;
  const screens = Grid.useBreakpoint();
  const t = useT();
  const narrow = Object.keys(screens).length > 0 && !screens[cardBreakpoint];
  if (!narrow) return <AntTable<T> scroll={{ x: 'max-content' }} {...tableProps} />;

  const { columns = [], dataSource = [], rowKey, loading, onRow, title, footer } = tableProps;
  const visible = columns.filter((c) => !(c as { hidden?: boolean }).hidden);
  const [head, ...rest] = visible;
  const testId = (tableProps as { 'data-testid'?: string })['data-testid'];
  const spinning = typeof loading === 'object' ? !!loading.spinning : !!loading;
  return (
    <Spin spinning={spinning}>
      <div data-testid={testId} data-layout="cards" className="xf-cards" style={{ display: 'grid', gap: 8, ...(tableProps.style ?? {}) }}>
        {title ? <div>{title([...dataSource])}</div> : null}
        {dataSource.length === 0 && !spinning ? <Empty description={t(L('暂无数据', '暫無資料', 'No data'))} /> : null}
        <div role="list" style={{ display: 'grid', gap: 8 }}>
          {dataSource.map((row, i) => {
            const rowProps = onRow?.(row, i) as { style?: CSSProperties } | undefined;
            return (
              <Card key={keyOf(rowKey, row, i)} size="small" role="listitem" style={rowProps?.style} title={head ? <div style={{ whiteSpace: 'normal' }}>{cellOf(head, row, i)}</div> : undefined} styles={{ body: { padding: '8px 12px' } }}>
                <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'minmax(5em, 35%) 1fr', columnGap: 8, rowGap: 4 }}>
                  {rest.map((c, j) => (
                    <div key={String((c as { key?: Key }).key ?? (c as { dataIndex?: unknown }).dataIndex ?? j)} style={{ display: 'contents' }}>
                      <dt style={{ color: 'var(--xf-text-secondary, #595959)', overflowWrap: 'anywhere' }}>{titleOf(c)}</dt>
                      <dd style={{ margin: 0, minWidth: 0, overflowWrap: 'anywhere' }}>{cellOf(c, row, i)}</dd>
                    </div>
                  ))}
                </dl>
              </Card>
            );
          })}
        </div>
        {footer ? <div>{footer([...dataSource])}</div> : null}
      </div>
    </Spin>
  );
}

/** The drop-in name: swap `Table` from antd for this one by changing the import only. */
export const Table = ResponsiveTable;

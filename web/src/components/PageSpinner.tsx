import { Spin } from 'antd';

/** The full-page loading indicator (lazy pages, queries in flight). */
export function PageSpinner() {
  return (
    <div style={{ padding: 64, textAlign: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

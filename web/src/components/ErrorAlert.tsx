import type { CSSProperties } from 'react';
import { Alert } from 'antd';
import { ApiError } from '../lib/api';

/** Shows an error (ApiError message is already localized by the server); nothing when error is null. */
export function ErrorAlert({ error, style }: { error: unknown; style?: CSSProperties }) {
  if (!error) return null;
  const text = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.code : undefined;
  return <Alert type="error" showIcon title={text} description={code && code !== text ? code : undefined} style={{ marginBottom: 16, ...style }} data-testid="error-alert" />;
}

import type { CSSProperties } from 'react';
import { Alert } from 'antd';
import { ApiError } from '../lib/api';

/**
 * Shows an error: the server's message (already in the request's language) and, for field errors
 * no form took, each field's own message — never a raw code such as VALIDATION_FAILED.
 */
export function ErrorAlert({ error, style }: { error: unknown; style?: CSSProperties }) {
  if (!error) return null;
  const text = error instanceof Error ? error.message : String(error);
  const fields = error instanceof ApiError ? error.fields.map((f) => f.message).filter((m) => m && m !== text) : [];
  return (
    <Alert
      type="error"
      showIcon
      title={text}
      description={fields.length ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{fields.map((m, i) => <li key={i}>{m}</li>)}</ul> : undefined}
      style={{ marginBottom: 16, ...style }}
      data-testid="error-alert"
    />
  );
}

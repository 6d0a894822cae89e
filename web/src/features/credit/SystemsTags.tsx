import { Space, Tag } from 'antd';
import { useT } from '../../lib/i18n';
import type { ResponseOf } from '../../lib/api';
import { SYSTEM_COLOR, SYSTEM_STATE } from './labels';

type Systems = ResponseOf<'/api/credit/applications/{id}', 'get'>['systems'];

/** Each national system's state for a record (GSXT and 信用中国), with the last error when a push failed. */
export function SystemsTags({ systems }: { systems: Systems }) {
  const t = useT();
  return (
    <Space direction="vertical" size={4} data-testid="systems">
      {systems.map((s) => (
        <span key={s.system} data-testid={`system-${s.system}`} data-state={s.state}>
          {s.name}：<Tag color={SYSTEM_COLOR[s.state] ?? 'default'}>{t(SYSTEM_STATE[s.state] ?? s.state)}</Tag>
          {s.lastError && s.state === 'failed' ? <small style={{ color: '#999' }}>{s.lastError}</small> : null}
        </span>
      ))}
    </Space>
  );
}

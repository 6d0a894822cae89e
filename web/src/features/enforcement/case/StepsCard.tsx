import { Card, Timeline, Typography } from 'antd';
import { formatDateTime, L, useLocale, useT } from '../../../lib/i18n';
import { STEP } from '../labels';
import type { Case } from './types';

/** The case's recorded steps, in server time. */
export function StepsCard({ steps }: { steps: Case['steps'] }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Card title={t(L('办案记录（系统时间）', '辦案記錄（系統時間）', 'Steps (server time)'))}>
      <Timeline
        items={steps.map((st) => ({
          children: (
            <span>
              <Typography.Text strong>{STEP[st.kind] ? t(STEP[st.kind]) : st.kind}</Typography.Text> · {formatDateTime(st.recordedAt, locale)} · {st.actorName ?? ''}
            </span>
          ),
        }))}
      />
    </Card>
  );
}

import { Card, Space, Tag, Typography } from 'antd';
import { L, useT } from '../../../lib/i18n';
import { formatYuan } from '../../../lib/money';
import { OUTCOME } from '../labels';
import type { Case } from './types';

/** The discretion engine's proposal for the recorded facts, with its reasons and citations. */
export function EngineCard({ engine }: { engine: NonNullable<Case['engine']> }) {
  const t = useT();
  return (
    <Card title={t(L('裁量建议', '裁量建議', "Engine's proposal"))} data-testid="engine-card">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Tag color="blue" data-testid="engine-outcome">{t(OUTCOME[engine.outcome])}</Tag>
          <Tag>{engine.mandatory ? t(L('应当', '應當', 'mandatory')) : t(L('可以（裁量）', '可以（裁量）', 'discretionary'))}</Tag>
          {engine.outcome !== 'no_penalty' ? (
            <span>
              {t(L('建议罚款幅度', '建議罰款幅度', 'Proposed range'))}：{formatYuan(engine.amountRange.minFen)} – {formatYuan(engine.amountRange.maxFen)}（{t(L('法定', '法定', 'statutory'))} {formatYuan(engine.statutoryRange.minFen)} – {formatYuan(engine.statutoryRange.maxFen)}）
            </span>
          ) : null}
        </Space>
        <ul style={{ margin: 0 }}>
          {engine.reasons.map((r) => (
            <li key={r.code}>{r.text}</li>
          ))}
        </ul>
        <div data-testid="engine-citations">
          {engine.citations.map((ci, i) => (
            <div key={i}>
              <Typography.Text strong>
                {ci.law}
                {ci.article}
              </Typography.Text>{' '}
              {ci.note ? <Typography.Text type="secondary">{ci.note}</Typography.Text> : null}
            </div>
          ))}
        </div>
      </Space>
    </Card>
  );
}

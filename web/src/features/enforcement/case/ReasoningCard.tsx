import { Card, Descriptions } from 'antd';
import { L, useT } from '../../../lib/i18n';
import type { Case } from './types';

/** The decision's reasoning (说理式执法): facts → evidence → provisions → discretion. */
export function ReasoningCard({ reasoning }: { reasoning: NonNullable<Case['reasoning']> }) {
  const t = useT();
  return (
    <Card title={t(L('说理', '說理', 'Reasoning'))} data-testid="reasoning-card">
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t(L('事实认定', '事實認定', 'Facts'))}>{reasoning.facts}</Descriptions.Item>
        <Descriptions.Item label={t(L('证据采信', '證據採信', 'Evidence'))}>{reasoning.evidence}</Descriptions.Item>
        <Descriptions.Item label={t(L('法律适用', '法律適用', 'Provisions'))}>{reasoning.provisions}</Descriptions.Item>
        <Descriptions.Item label={t(L('裁量理由', '裁量理由', 'Discretion'))}>{reasoning.discretion}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

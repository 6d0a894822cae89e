import type { ReactNode } from 'react';
import { Card, Descriptions, Space, Tag } from 'antd';
import { L, useT } from '../../../lib/i18n';
import { SOURCE, STATUS, STATUS_COLOR } from '../labels';
import type { Case } from './types';

/** The case's header: number, status, party, dates and time limits. */
export function CaseSummaryCard({ c, extra }: { c: Case; extra: ReactNode }) {
  const t = useT();
  return (
    <Card
      title={
        <Space wrap>
          <span data-testid="case-no">{c.caseNo}</span>
          <Tag color={STATUS_COLOR[c.status]} data-testid="case-status">{STATUS[c.status] ? t(STATUS[c.status]) : c.status}</Tag>
          {c.overdue ? <Tag color="red">{t(L('超期', '超期', 'Overdue'))}</Tag> : null}
        </Space>
      }
      extra={extra}
    >
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }}>
        <Descriptions.Item label={t(L('当事人', '當事人', 'Party'))}>{c.partyName}</Descriptions.Item>
        <Descriptions.Item label={t(L('统一社会信用代码', '統一社會信用代碼', 'Credit code'))}>{c.creditCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t(L('来源', '來源', 'Source'))}>{SOURCE[c.source] ? t(SOURCE[c.source]) : c.source}</Descriptions.Item>
        <Descriptions.Item label={t(L('登记日期', '登記日期', 'Received'))}>{c.receivedOn}</Descriptions.Item>
        <Descriptions.Item label={t(L('立案期限', '立案期限', 'Open by'))}>{c.verificationDue ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t(L('办案期限', '辦案期限', 'Decide by'))}>
          {c.decisionDue ?? (c.openedOn ? t(L('日历未覆盖', '日曆未涵蓋', 'calendar not loaded')) : '—')}
          {c.pausedSince ? <Tag style={{ marginLeft: 8 }}>{t(L('中止计时', '中止計時', 'Paused'))}</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t(L('案情', '案情', 'Summary'))} span={2}>{c.summary}</Descriptions.Item>
        <Descriptions.Item label={t(L('裁量规则版本', '裁量規則版本', 'Rule set'))}>{c.ruleSet ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t(L('执法人员', '執法人員', 'Officers'))}>{c.officerIds.length}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

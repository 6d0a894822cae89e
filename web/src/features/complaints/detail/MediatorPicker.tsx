import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { L, useT } from '../../../lib/i18n';

/**
 * The mediators who may take the complaint (the server's list: jurisdiction covers it, recusals
 * left out), least loaded first, each with the mediations they run now. A form control (value/onChange).
 */
export function MediatorPicker({ complaintId, value, onChange }: { complaintId: string; value?: string; onChange?: (v: string) => void }) {
  const t = useT();
  const q = useQuery({ queryKey: ['complaint-mediators', complaintId], queryFn: () => api.get('/api/complaints/{id}/mediators', { path: { id: complaintId } }) });
  return (
    <Select
      value={value}
      onChange={onChange}
      loading={q.isLoading}
      showSearch
      optionFilterProp="label"
      placeholder={t(L('选择调解员', '選擇調解員', 'Choose a mediator'))}
      notFoundContent={t(L('没有可指派的调解员（辖区或回避）', '沒有可指派的調解員（轄區或迴避）', 'No mediator may take it (jurisdiction or recusal)'))}
      options={(q.data?.items ?? []).map((m) => ({
        value: m.id,
        label: `${m.name} · ${t(L(`在办 ${m.openCases} 件`, `在辦 ${m.openCases} 件`, `${m.openCases} open`))}`,
      }))}
      data-testid="mediator-picker"
    />
  );
}

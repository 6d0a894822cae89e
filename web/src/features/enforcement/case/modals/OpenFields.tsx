import { Form, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../../lib/api';
import { L, useT } from '../../../../lib/i18n';

/** 立案: the co-officers (at least one besides the caller). */
export function OpenFields({ actorId }: { actorId: string | null }) {
  const t = useT();
  const officers = useQuery({ queryKey: ['enforcement', 'officers'], queryFn: ({ signal }) => api.get('/api/enforcement/officers', { signal }) });
  return (
    <Form.Item name="officerIds" label={t(L('协办执法人员（至少一人）', '協辦執法人員（至少一人）', 'Co-officers (at least one)'))} rules={[{ required: true }]}>
      <Select mode="multiple" data-testid="co-officers" options={(officers.data?.items ?? []).filter((o) => o.id !== actorId).map((o) => ({ value: o.id, label: o.name }))} />
    </Form.Item>
  );
}

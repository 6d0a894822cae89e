import type { z } from 'zod';
import type { EnterpriseSummarySchema } from '../../../../contracts/registry';
import { api, type QueryParams } from '../../lib/api';
import { fetchAllPages } from '../../lib/export';
import { useT } from '../../lib/i18n';
import { QueueTools } from '../../components/QueueTools';
import { ENTERPRISE_TYPE_LABELS, F, STATUS_LABELS } from './labels';

type Summary = z.infer<typeof EnterpriseSummarySchema>;
type Query = QueryParams<'/api/enterprises', 'get'>;

/** The register list's Excel export (exactly the rows the search and filters select) and print. */
export function RegisterQueueTools({ q, region, status }: { q: string; region?: string; status: Query['status'] }) {
  const t = useT();
  return (
    <QueueTools<Summary>
      name={t(F.title)}
      rows={() => fetchAllPages((cursor) => api.get('/api/enterprises', { query: { q, region, status, cursor, limit: 200 } }))}
      columns={[
        { title: t(F.name), value: (r) => r.name },
        { title: t(F.creditCode), value: (r) => r.creditCode },
        { title: t(F.type), value: (r) => (ENTERPRISE_TYPE_LABELS[r.type] ? t(ENTERPRISE_TYPE_LABELS[r.type]) : r.type) },
        { title: t(F.legalRep), value: (r) => r.legalRepName },
        { title: t(F.region), value: (r) => r.regionName },
        { title: t(F.status), value: (r) => (STATUS_LABELS[r.status] ? t(STATUS_LABELS[r.status]) : r.status) },
        { title: t(F.establishedOn), value: (r) => r.establishedOn },
      ]}
    />
  );
}

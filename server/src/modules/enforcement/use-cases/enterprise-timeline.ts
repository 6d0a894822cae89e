import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import { chinaDate } from '../../../platform/clock/clock.js';
import { enforcementRepository as repo, type EngagementRow } from '../enforcement.repository.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import type { EnforcementDeps } from '../deps.js';
import { enterpriseInScope, penaltyText } from './shared.js';

interface TimelineItem {
  date: string;
  type: string;
  id: string;
  title: string;
  status: string;
}

function engagementTitle(g: EngagementRow): string {
  const d = g.data;
  return String(d.reason ?? d.content ?? (d.satisfaction !== undefined ? `满意度 ${d.satisfaction}` : g.kind)).slice(0, 200);
}

/** One enterprise's enforcement history: cases, decisions, engagements and documents, by date. */
export async function enterpriseTimeline(deps: EnforcementDeps, actor: Actor, input: { creditCode: string }) {
  authorize(actor, P['engagement.read']);
  const e = await enterpriseInScope(deps, actor, input.creditCode);
  const [cases, engagements] = await Promise.all([repo.casesOfEnterprise(deps.db, e.creditCode), repo.engagementsOf(deps.db, e.creditCode)]);
  const caseDocs = await deps.docs.documentsOf(deps.db, 'enforcement.case', cases.map((c) => c.id));
  const engDocs = await deps.docs.documentsOf(deps.db, 'enforcement.engagement', engagements.map((g) => g.id));
  const items: TimelineItem[] = [];
  for (const c of cases) {
    items.push({ date: c.received_on, type: c.procedure === 'on_the_spot' ? 'on_the_spot' : 'case', id: c.id, title: `${c.case_no} ${c.summary}`.slice(0, 200), status: c.status });
    if (c.decided_on && c.procedure === 'general') items.push({ date: c.decided_on, type: 'decision', id: c.id, title: `${c.case_no} ${penaltyText(c)}`, status: c.decided_outcome ?? '' });
  }
  for (const g of engagements) items.push({ date: g.occurred_on, type: g.kind, id: g.id, title: engagementTitle(g), status: g.status });
  for (const d of [...caseDocs, ...engDocs]) {
    items.push({ date: chinaDate(new Date(d.issued_at)), type: 'document', id: d.id, title: `${d.title} ${d.doc_no}`, status: d.revoked_at ? 'revoked' : 'issued' });
  }
  items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { creditCode: e.creditCode, name: e.name, items };
}

import { localize } from '../../../platform/i18n/i18n.js';
import { creditRepository as repo } from '../credit.repository.js';
import { overdueYear } from '../domain/annual-report.js';
import { CITES } from '../domain/rules.js';
import { NOTICE } from '../domain/texts.js';
import type { CreditDeps } from '../deps.js';
import { recomputeFor } from './compute-risk-classes.js';
import { officeName } from './ingest-penalty.js';

/**
 * Job: after 30 June, every active enterprise (established before the report year ended) without
 * last year's report is listed on the abnormal-operations list automatically (once per year), with
 * a notice. Filing late makes the listing removable on application (ground cured).
 */
export async function listOverdueReports(deps: CreditDeps, pageSize = 2000): Promise<number> {
  const today = deps.clock.today();
  const year = overdueYear(today);
  if (year == null) return 0;
  let cursor: string | null = null;
  let listed = 0;
  for (;;) {
    const page = await deps.registry.scanForCredit(cursor, pageSize);
    if (!page.length) return listed;
    cursor = page[page.length - 1].creditCode;
    const candidates = page.filter((e) => e.status === 'active' && e.establishedOn <= `${year}-12-31`);
    const filed = await repo.reportsFiled(deps.db, candidates.map((e) => e.creditCode), year);
    for (const e of candidates.filter((x) => !filed.has(x.creditCode))) {
      const created = await deps.db.transaction().execute(async (tx) => {
        const source = `annual-report:${e.creditCode}:${year}`;
        if (await repo.findRecordBySource(tx, 'abnormal', source)) return false;
        const r = await repo.insertRecord(tx, {
          kind: 'abnormal',
          source_ref: source,
          credit_code: e.creditCode,
          region_code: e.regionCode,
          party_name: e.name,
          severity: 'general',
          issuing_office: officeName(e.regionCode),
          legal_basis: `${CITES.annualReport.source}；《企业信息公示暂行条例》第十七条`,
          grounds: localize(NOTICE.abnormalListed, 'zh-CN', { year }),
          penalty_kind: 'listing',
          decided_on: today,
          published_on: today,
          repairable_from: today,
          ends_on: `${Number(today.slice(0, 4)) + 3}${today.slice(4)}`,
        });
        await deps.audit.record(tx, { actorName: 'credit.list-overdue-reports' }, { action: 'credit.record.list-abnormal', entityType: 'credit-record', entityId: r.id, after: { year } });
        await recomputeFor(deps, tx, e.creditCode, e.regionCode);
        // The notice: each business account bound to the enterprise, in its own language.
        for (const accountId of await deps.auth.boundAccounts(e.creditCode, tx)) {
          await deps.notifier.notify(tx, {
            accountId,
            localized: (locale) => ({ title: localize(NOTICE.abnormalListedTitle, locale), body: localize(NOTICE.abnormalListed, locale, { year }) }),
            link: '/business/credit',
          });
        }
        return true;
      });
      if (created) listed++;
    }
  }
}

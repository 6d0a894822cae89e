/**
 * Where a new complaint goes (issue 11): the region (station, register, district, address, else
 * the city's intake queue) and the handling unit the routing table names for its category and the
 * respondent's industry. A complaint left in the city queue is an obligation of the city's intake
 * officers and each of them is told.
 */
import type { TypedDbOrTx } from '../../../platform/db/database.js';
import { coversRegion, REGIONS } from '../../registry/index.js';
import { routingRepository as routing, type ComplaintRow } from '../complaints.repository.js';
import { chooseRule, cityOf, routeRegion, type RouteFacts, type RoutedBy } from '../domain/routing.js';
import { SMS_LOCALE, complaintText } from '../domain/texts.js';
import type { ComplaintsDeps } from '../deps.js';

/** The obligation kind of a complaint waiting in the city's intake queue. */
export const CITY_INTAKE = 'complaints.city-intake';
/** Roles that work the city's intake queue (and may re-route). */
export const INTAKE_ROLES = ['director', 'bureau_leader'];

export interface Route {
  regionCode: string;
  routedBy: RoutedBy;
  unitId: string | null;
}

export async function routeNewComplaint(db: TypedDbOrTx, facts: RouteFacts & { category: string | null; industry: string | null }): Promise<Route> {
  const { regionCode, routedBy } = routeRegion(facts, REGIONS);
  const rules = (await routing.rules(db)).map((r) => ({ ...r, industryPrefix: r.industry_prefix, unitId: r.unit_id }));
  return { regionCode, routedBy, unitId: chooseRule(rules, facts.category, facts.industry)?.unitId ?? null };
}

export function cityIntakeRegion(): string {
  return cityOf(REGIONS);
}

/** Tracks the routing of a queued complaint as the city office's obligation and tells its intake officers. */
export async function alertCityQueue(deps: Pick<ComplaintsDeps, 'obligations' | 'notifier' | 'calendar' | 'clock'>, tx: TypedDbOrTx, row: ComplaintRow): Promise<void> {
  const due = row.acceptance_due ?? deps.clock.today();
  const values = { trackingNo: row.tracking_no, respondent: row.respondent_name, due };
  await deps.obligations.track(tx, {
    kind: CITY_INTAKE,
    subjectType: 'complaints.complaint',
    subjectId: row.id,
    title: complaintText('city-queue.title', SMS_LOCALE, values),
    link: `/staff/complaints/${row.id}`,
    ownerId: null,
    regionCode: row.region_code ?? cityIntakeRegion(),
    dueOn: due,
  });
  for (const officer of await routing.staffWithRoles(tx, INTAKE_ROLES)) {
    if (!coversRegion(officer.jurisdiction, row.region_code)) continue;
    await deps.notifier.notify(tx, { accountId: officer.id, title: complaintText('city-queue.title', SMS_LOCALE, values), body: complaintText('city-queue.body', SMS_LOCALE, values), link: `/staff/complaints/${row.id}` });
  }
}

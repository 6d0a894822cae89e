import type { TypedDbOrTx } from '../../../platform/db/database.js';
import type { RegistryDeps } from '../deps.js';

/** A registered enterprise as the credit module's risk classification needs it (no personal data). */
export interface EnterpriseForCredit {
  creditCode: string;
  name: string;
  regionCode: string;
  status: string;
  establishedOn: string;
}

/**
 * For the credit module's monthly risk-class batch: one page of the register in credit-code order
 * after `after` (keyset paging over the primary key), with the few fields classification reads;
 * in the caller's transaction when given one.
 */
export async function scanForCredit(deps: RegistryDeps, input: { after: string | null; limit: number; codes?: string[] }, db: TypedDbOrTx = deps.db): Promise<EnterpriseForCredit[]> {
  let q = db.selectFrom('registry.enterprise').select(['credit_code', 'name', 'region_code', 'status', 'established_on']);
  if (input.codes) {
    if (!input.codes.length) return [];
    q = q.where('credit_code', 'in', input.codes);
  }
  if (input.after) q = q.where('credit_code', '>', input.after);
  const rows = await q.orderBy('credit_code').limit(input.limit).execute();
  return rows.map((r) => ({ creditCode: r.credit_code, name: r.name, regionCode: r.region_code, status: r.status, establishedOn: r.established_on }));
}

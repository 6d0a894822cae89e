import type { DemoContext, Platform } from '../../platform/module.js';
import { generateEnterprises } from './domain/demo-generator.js';
import { nameIndex } from './domain/enterprise.js';
import { maskIdNumber } from './domain/id-number.js';
import { registryRepository as repo, type EnterpriseValues } from './registry.repository.js';

/** Seeds the demo city's enterprises (batched inserts) and binds the demo business account to two of them. */
export async function seedRegistryDemo(p: Platform, ctx: DemoContext): Promise<void> {
  if ((await repo.count(p.db)) > 0) return;
  const enterprises = generateEnterprises(ctx.seed, p.config.DEMO_ENTERPRISES);
  const values: EnterpriseValues[] = enterprises.map((e) => {
    const idx = nameIndex(e.name);
    return {
      credit_code: e.creditCode,
      name: e.name,
      name_key: idx.key,
      name_grams: idx.grams,
      type: e.type,
      legal_rep_name: e.legalRepName,
      legal_rep_id_enc: e.legalRepIdNumber ? p.crypto.encrypt(e.legalRepIdNumber) : null,
      legal_rep_id_masked: e.legalRepIdNumber ? maskIdNumber(e.legalRepIdNumber) : null,
      registered_capital_fen: e.registeredCapitalFen,
      address: e.address,
      region_code: e.regionCode,
      industry_code: e.industryCode,
      business_scope: e.businessScope,
      investors: e.investors ?? [],
      phone_enc: null,
      status: 'active',
      established_on: e.establishedOn,
      approved_on: e.establishedOn,
      deregistered_on: null,
    };
  });
  for (let i = 0; i < values.length; i += 1000) {
    await p.db.transaction().execute((tx) => repo.insertMany(tx, values.slice(i, i + 1000)));
  }
  const business = ctx.accounts['business'];
  if (business) {
    for (const e of enterprises.filter((x) => x.regionCode === '330102').slice(0, 2)) {
      await p.auth.bindEnterprise(business, e.creditCode, { actorName: 'demo-seed' });
    }
  }
}

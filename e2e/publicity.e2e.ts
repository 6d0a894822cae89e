/**
 * Browser journey of penalty publicity (Order 45): a ¥65,000 decision is made and published (through
 * the module's API, as officers would), then a citizen — on a desktop and on a 390 px phone — finds
 * it on the public site by searching, opens its detail and the redacted decision PDF, which holds no
 * phone or ID number. Screenshots go to e2e/screenshots/publicity-*.png.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startProduct, type RunningProduct } from './support/server.js';
import { launchBrowser, type BrowserSession } from './support/browser.js';
import type { Actor, Role } from '../server/src/platform/auth/roles.js';
import type { EnforcementService } from '../server/src/modules/enforcement/index.js';

const PHONE = '13812345678';
const ID_NO = '11010519491231002X';

function staff(id: string, roles: Role[], jurisdiction: string | null): Actor {
  return { id, kind: 'staff', username: id, displayName: '执法人员', roles, jurisdiction, orgUnitId: null, enterprises: [], via: 'session' };
}

describe('penalty publicity journey (browser, desktop and phone)', () => {
  let product: RunningProduct;
  let desktop: BrowserSession;
  let phone: BrowserSession;
  let partyName = '';
  let docNo = '';

  before(async () => {
    product = await startProduct();
    desktop = await launchBrowser({ baseURL: product.baseUrl });
    phone = await launchBrowser({ baseURL: product.baseUrl, viewport: { width: 390, height: 844 } });
    const { built } = product;
    const svc = built.modules.find((m) => m.name === 'enforcement')!.api as EnforcementService;
    const ids = await built.platform.db.selectFrom('platform.account').select(['id', 'username']).where('username', 'in', ['officer', 'officer2']).execute();
    const id = (u: string) => ids.find((a) => a.username === u)!.id as string;
    const o1 = staff(id('officer'), ['enforcement_officer'], '330102');
    const credit = staff(id('officer'), ['credit_officer'], null);
    const ctx = { actorName: 'e2e' };
    const ent = await built.platform.db.selectFrom('registry.enterprise').select(['credit_code', 'name']).where('region_code', '=', '330102').orderBy('credit_code').limit(1).executeTakeFirstOrThrow();
    partyName = ent.name;
    let c = await svc.createLead(o1, { source: 'inspection', creditCode: ent.credit_code, partyKind: 'organisation', summary: `当事人未取得食品经营许可销售散装食品，举报人电话${PHONE}，现场负责人身份证号码${ID_NO}。` }, ctx, 'zh-CN');
    c = await svc.openCase(o1, c.id, { version: c.version, officerIds: [id('officer'), id('officer2')] }, ctx, 'zh-CN');
    c = await svc.setFacts(o1, c.id, { version: c.version, facts: { violationType: 'food.unlicensed-bulk', firstViolation: false, harm: 'minor', corrected: false } }, ctx, 'zh-CN');
    c = await svc.propose(o1, c.id, { version: c.version, outcome: 'standard', amountFen: 6_500_000, serious: false, complex: false, publicInterest: false }, ctx, 'zh-CN');
    c = await svc.notify(o1, c.id, { version: c.version }, ctx, 'zh-CN');
    c = await svc.recordReasoning(o1, c.id, { version: c.version, reasoning: { facts: '当事人未取得许可销售散装食品。', evidence: '现场检查笔录、询问笔录相互印证。', provisions: '《中华人民共和国食品安全法》第一百二十二条第一款。', discretion: '无从轻、从重情节，按一般裁量。' } }, ctx, 'zh-CN');
    c = await svc.decide(o1, c.id, { version: c.version }, ctx, 'zh-CN');
    c = await svc.publish(credit, c.id, ctx, 'zh-CN');
    docNo = c.documents.find((d) => d.kind === 'penalty_decision')!.docNo;
  });
  after(async () => {
    await desktop?.close();
    await phone?.close();
    await product?.close();
  });

  for (const [name, which] of [['desktop', () => desktop], ['phone', () => phone]] as const) {
    test(`a citizen finds the decision by search, opens it and its redacted PDF (${name})`, async () => {
      const s = which();
      const { page } = s;
      const n = name === 'desktop' ? '01' : '04';
      await page.goto('/penalties');
      const search = page.getByTestId('penalty-search').locator('input');
      await search.fill(partyName.slice(0, 6));
      await search.press('Enter');
      await page.getByTestId('penalty-item').filter({ hasText: partyName }).first().waitFor();
      await s.screenshot(`publicity-${n}-${name}-search`);
      await page.getByTestId('penalty-item').filter({ hasText: partyName }).first().getByRole('link').click();
      await page.getByTestId('penalty-detail').getByText(docNo).waitFor();
      assert.match(await page.getByTestId('penalty-detail').innerText(), /65,000/);
      await s.screenshot(`publicity-${String(Number(n) + 1).padStart(2, '0')}-${name}-detail`);
      const href = await page.getByTestId('penalty-pdf').getAttribute('href');
      const res = await page.request.get(href!);
      assert.equal(res.status(), 200);
      assert.equal(res.headers()['content-type'], 'application/pdf');
      const text = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: await res.body(), encoding: 'utf8' }).stdout.replace(/\s+/g, '');
      assert.ok(text.includes(docNo.replace(/\s+/g, '')));
      assert.ok(!text.includes(PHONE), 'the phone number is redacted');
      assert.ok(!text.includes(ID_NO), 'the ID number is redacted');
      assert.ok(text.includes('裁量理由'), 'the reasoning is in the published decision');
    });
  }

  test('an unknown publication shows a clear message', async () => {
    const { page } = phone;
    await page.goto('/penalties/00000000-0000-4000-8000-000000000000');
    await page.getByTestId('penalty-gone').getByText('未找到该公示信息').waitFor();
    await phone.screenshot('publicity-06-phone-not-found');
  });
});

/**
 * Browser journey of the "automatic change": a business files one change in the business portal and
 * previews the departments; the registrar approves it; the worker delivers it to the simulated
 * departments (real HTTP servers); every one holds the transformed data; the business sees ONE
 * notification listing them. Screenshots go to e2e/screenshots/exchange-*.png.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProduct, type RunningProduct } from './support/server.js';
import { launchBrowser, type BrowserSession } from './support/browser.js';
import { startSimulator, type Simulator } from '../server/src/modules/exchange/simulator/simulator.js';
import type { ExchangeService } from '../server/src/modules/exchange/index.js';
import type { RegistryService } from '../server/src/modules/registry/index.js';
import type { Actor } from '../server/src/platform/auth/roles.js';
import { mapView, registerView, type FieldMapping } from '../server/src/modules/exchange/domain/mapping.js';
import { copiesDiffer } from '../server/src/modules/exchange/domain/figures.js';

const ADMIN: Actor = { id: null, kind: 'staff', username: 'e2e', displayName: 'e2e', roles: ['admin'], jurisdiction: null, orgUnitId: null, enterprises: [], via: 'session' };
const NEW_NAME = '杭州一表通浏览器测试科技有限公司';

async function login(session: BrowserSession, username: string) {
  const { page } = session;
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('Xingfeng@2026');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

describe('automatic change journey (browser)', () => {
  let product: RunningProduct;
  let sim: Simulator;
  let business: BrowserSession;
  let registrar: BrowserSession;
  let exchange: ExchangeService;
  let registry: RegistryService;
  let creditCode = '';

  before(async () => {
    product = await startProduct({}, { worker: true });
    sim = await startSimulator({ basePort: 0 });
    exchange = product.built.modules.find((m) => m.name === 'exchange')!.api as ExchangeService;
    registry = product.built.modules.find((m) => m.name === 'registry')!.api as RegistryService;
    // Point the seeded departments at this run's simulator (the demo uses fixed ports).
    for (const d of (await exchange.listDepartments(ADMIN)).items) {
      if (d.endpointUrl) await exchange.updateDepartment(ADMIN, d.id, { version: d.version, endpointUrl: sim.get(d.code).url }, {});
    }
    business = await launchBrowser({ baseURL: product.baseUrl });
    registrar = await launchBrowser({ baseURL: product.baseUrl });
  });

  after(async () => {
    await business?.close();
    await registrar?.close();
    await product?.close();
    await sim?.close();
  });

  test('the business files one change and previews which departments get what', async () => {
    await login(business, 'business');
    const { page } = business;
    await page.goto('/business/changes');
    await page.getByTestId('page-title').waitFor();
    await page.getByTestId('field-name').waitFor();
    // The selector shows the enterprise's name with its credit code as detail.
    await page.getByTestId('enterprise-select').getByText(/[0-9A-Z]{18}/).waitFor();
    creditCode = /[0-9A-Z]{18}/.exec(await page.getByTestId('enterprise-select').innerText())?.[0] ?? '';
    assert.match(creditCode, /^[0-9A-Z]{18}$/);
    await page.getByTestId('field-name').fill(NEW_NAME);
    await page.getByTestId('field-address').fill('浙江省杭州市上城区解放路188号');
    await page.getByTestId('preview').click();
    const preview = page.getByTestId('preview-result');
    await preview.getByText('国家税务总局杭州市税务局').waitFor();
    await preview.getByText('杭州海关（单一窗口）').waitFor();
    await business.screenshot('exchange-01-business-preview');
    await page.getByTestId('submit').click();
    await page.getByTestId('my-changes').getByText('待审核').waitFor();
    await business.screenshot('exchange-02-business-filed');
  });

  test('the registrar approves it in the queue', async () => {
    await login(registrar, 'registrar.sc');
    const { page } = registrar;
    await page.goto('/staff/exchange/changes');
    const row = page.getByTestId('change-queue').locator('tr', { hasText: creditCode });
    await row.waitFor();
    await registrar.screenshot('exchange-03-registrar-queue');
    await row.getByRole('button', { name: /核准/ }).click();
    // Approval is confirmed with a summary of what will happen.
    await page.getByTestId('approve-summary').waitFor();
    await registrar.screenshot('exchange-03b-registrar-approve-confirm');
    await page.getByRole('button', { name: /确认核准/ }).click();
    // Approved: the change leaves the pending queue (the success toast may be gone on a slow machine).
    await row.waitFor({ state: 'detached' });
  });

  test('every mapped simulated department holds the transformed register data', async () => {
    const mappings = new Map((await exchange.listDepartments(ADMIN)).items.map((d) => [d.code, d.mapping as FieldMapping[]]));
    const view = registerView((await registry.findByCode(creditCode)) as unknown as Record<string, unknown>);
    assert.equal(view.name, NEW_NAME);
    for (let i = 0; i < 300 && [...sim.departments.values()].some((d) => !d.copy.has(creditCode)); i++) await new Promise((r) => setTimeout(r, 100));
    for (const d of sim.departments.values()) {
      const copy = d.copy.get(creditCode);
      assert.ok(copy, `${d.code} received the change`);
      assert.deepEqual(copiesDiffer(mapView(mappings.get(d.code)!, view), copy.data), [], d.code);
    }
  });

  test('the business sees ONE notification listing the departments; the registrar sees the monitoring', async () => {
    const { page } = business;
    await page.goto('/business');
    await page.getByText('企业信息变更已办结').first().waitFor();
    assert.equal(await page.getByText('企业信息变更已办结').count(), 1);
    await page.getByText('国家税务总局杭州市税务局：已确认', { exact: false }).first().waitFor();
    await business.screenshot('exchange-04-business-notified');

    await registrar.page.goto('/staff/exchange/monitor');
    await registrar.page.getByTestId('department-stats').getByText('杭州海关（单一窗口）').waitFor();
    // Pull-only departments are compared by what they have read: each reads the feed to its end first.
    for (const d of (await exchange.listDepartments(ADMIN)).items.filter((x) => x.deliveryMode !== 'push')) {
      const { apiToken } = await exchange.issueToken(ADMIN, d.id, {});
      const headers = { authorization: `Bearer ${apiToken}` };
      let after = 0;
      for (;;) {
        const page = (await (await fetch(`${product.baseUrl}/api/exchange/feed?after=${after}&limit=500`, { headers })).json()) as { lastCursor: number; nextCursor: number | null };
        after = page.lastCursor;
        if (page.nextCursor === null) break;
      }
      await fetch(`${product.baseUrl}/api/exchange/feed?after=${after}`, { headers });
    }
    await registrar.page.getByTestId('reconcile').click();
    await registrar.page.getByText('完全一致').waitFor();
    await registrar.screenshot('exchange-05-monitoring');
  });
});

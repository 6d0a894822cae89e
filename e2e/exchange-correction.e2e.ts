/**
 * Browser journey of a registrar's correction (issue 11, one pipeline): on a desktop and on a 390 px
 * phone, the registrar opens an enterprise, corrects its address in the edit screen, checks the old →
 * new confirmation and saves; every simulated department (real HTTP servers) that maps the address
 * then holds the new value, read back over HTTP from each department's GET /copy. Screenshots go to
 * e2e/screenshots/exchange-correction-NN-*.png.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProduct, type RunningProduct } from './support/server.js';
import { launchBrowser, type BrowserSession } from './support/browser.js';
import { DEMO_PASSWORD } from '../server/src/app/demo.js';
import { httpFetch } from '../server/src/platform/http/client.js';
import { startSimulator, type Simulator } from '../server/src/modules/exchange/simulator/simulator.js';
import type { ExchangeService } from '../server/src/modules/exchange/index.js';
import type { RegistryService } from '../server/src/modules/registry/index.js';
import type { Actor } from '../server/src/platform/auth/roles.js';
import { mapView, registerView, type FieldMapping } from '../server/src/modules/exchange/domain/mapping.js';

const ADMIN: Actor = { id: null, kind: 'staff', username: 'e2e', displayName: 'e2e', roles: ['admin'], jurisdiction: null, orgUnitId: null, enterprises: [], via: 'session' };
const READER: Actor = { ...ADMIN, roles: ['registrar'] };

async function login(session: BrowserSession, username: string) {
  const { page } = session;
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** A department's stored copy of one enterprise, read over HTTP from the simulator. */
async function copyOver(url: string, creditCode: string): Promise<Record<string, unknown> | undefined> {
  const res = await httpFetch(new URL('/copy', url));
  const body = (await res.json()) as { enterprises: Record<string, Record<string, unknown>> };
  return body.enterprises[creditCode];
}

describe('registrar correction journey (browser, desktop and phone)', () => {
  let product: RunningProduct;
  let sim: Simulator;
  let exchange: ExchangeService;
  let registry: RegistryService;
  let creditCode = '';
  let mappings = new Map<string, FieldMapping[]>();

  before(async () => {
    product = await startProduct({}, { worker: true });
    sim = await startSimulator({ basePort: 0 });
    exchange = product.built.modules.find((m) => m.name === 'exchange')!.api as ExchangeService;
    registry = product.built.modules.find((m) => m.name === 'registry')!.api as RegistryService;
    for (const d of (await exchange.listDepartments(ADMIN)).items) {
      if (d.endpointUrl) await exchange.updateDepartment(ADMIN, d.id, { version: d.version, endpointUrl: sim.get(d.code).url }, {});
    }
    mappings = new Map((await exchange.listDepartments(ADMIN)).items.map((d) => [d.code, d.mapping as FieldMapping[]]));
    const found = await registry.search(READER, { region: '330102', status: 'active', limit: 1 }, 'zh-CN');
    creditCode = found.items[0]!.creditCode;
  });

  after(async () => {
    await product?.close();
    await sim?.close();
  });

  let shot = 0;
  const next = (name: string) => `exchange-correction-${String(++shot).padStart(2, '0')}-${name}`;

  async function correctAddress(session: BrowserSession, device: string, address: string) {
    const { page } = session;
    await login(session, 'registrar.sc');
    await page.goto(`/staff/registry/${creditCode}`);
    await page.getByTestId('enterprise-name').waitFor();
    await page.getByTestId('edit-enterprise').click();
    await page.getByTestId('edit-address').waitFor();
    await session.screenshot(next(`${device}-edit`));
    await page.getByTestId('edit-address').fill(address);
    await page.getByTestId('edit-review').click();
    const diff = page.getByTestId('edit-diff');
    await diff.getByText(address).waitFor();
    assert.equal(await diff.locator('tr').count(), 1, 'only the address is shown as changed');
    await session.screenshot(next(`${device}-confirm`));
    await page.getByTestId('edit-confirm').click();
    await page.getByTestId('enterprise-fields').getByText(address).waitFor();
    await session.screenshot(next(`${device}-saved`));
  }

  async function assertEveryDepartmentHas(address: string) {
    const view = registerView((await registry.findByCode(creditCode)) as unknown as Record<string, unknown>);
    assert.equal(view.address, address);
    const concerned = [...sim.departments.values()].filter((d) => mappings.get(d.code)!.some((m) => m.source.includes('address')));
    assert.ok(concerned.length >= 4);
    for (const d of concerned) {
      const expected = mapView(mappings.get(d.code)!, view);
      let copy = await copyOver(d.url, creditCode);
      // The worker delivers in the background: read the copy until it carries the new value (bounded).
      for (let i = 0; i < 300 && JSON.stringify(copy) !== JSON.stringify(expected); i++) {
        await new Promise((r) => setTimeout(r, 100));
        copy = await copyOver(d.url, creditCode);
      }
      assert.deepEqual(copy, expected, `${d.code} holds the corrected copy`);
    }
  }

  test('desktop: the registrar corrects the address; every department mapping it holds the new one', async () => {
    const desktop = await launchBrowser({ baseURL: product.baseUrl });
    try {
      await correctAddress(desktop, 'desktop', '浙江省杭州市上城区解放路288号');
      await assertEveryDepartmentHas('浙江省杭州市上城区解放路288号');
      await desktop.page.goto('/staff/exchange/changes');
      await desktop.page.getByTestId('page-title').waitFor();
      await desktop.screenshot(next('desktop-changes'));
    } finally {
      await desktop.close();
    }
  });

  test('phone (390 px): the same correction screen works and reaches every department', async () => {
    const phone = await launchBrowser({ baseURL: product.baseUrl, viewport: { width: 390, height: 844 } });
    try {
      await correctAddress(phone, 'phone', '浙江省杭州市上城区望江路66号');
      await assertEveryDepartmentHas('浙江省杭州市上城区望江路66号');
    } finally {
      await phone.close();
    }
  });
});

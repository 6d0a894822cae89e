/**
 * Issue 11, point 4: axe-core in Chromium reports no critical or serious violation (WCAG 2.1 AA)
 * on the public pages, the main staff pages and the business portal home.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startProduct, type RunningProduct } from './support/server.js';
import { launchBrowser, type BrowserSession } from './support/browser.js';
import { logIn } from './support/login.js';
import { DEMO_PASSWORD } from '../server/src/app/demo.js';
import { seriousViolations } from './support/axe.js';

async function settle(page: Page, testId?: string) {
  if (testId) await page.getByTestId(testId).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
}

async function check(page: Page, url: string, testId?: string) {
  await page.goto(url);
  await settle(page, testId);
  const v = await seriousViolations(page);
  assert.deepEqual(v, [], `${url}: ${JSON.stringify(v, null, 1)}`);
}

describe('accessibility (axe-core, no critical or serious violation)', () => {
  let product: RunningProduct;
  let s: BrowserSession;

  before(async () => {
    product = await startProduct();
    s = await launchBrowser({ baseURL: product.baseUrl });
  });
  after(async () => {
    await s?.close();
    await product?.close();
  });

  test('public pages: home, look-up, complaint form, tracking', async () => {
    await check(s.page, '/', undefined);
    await check(s.page, '/m/complain', undefined);
    await check(s.page, '/m/track', undefined);
  });

  test('staff pages: home, register, complaints queue, enforcement cases, exchange monitoring', async () => {
    await logIn(s.page, 'registrar');
    await check(s.page, '/staff', 'side-menu');
    await check(s.page, '/staff/registry', 'page-title');
    await check(s.page, '/staff/exchange/monitor', 'side-menu');
    await logIn(s.page, 'mediator');
    await check(s.page, '/staff/complaints', 'complaint-table');
    await logIn(s.page, 'officer');
    await check(s.page, '/staff/enforcement/cases', 'page-title');
  });

  test('business portal home', async () => {
    await s.page.context().clearCookies();
    await s.page.goto('/login');
    await s.page.getByTestId('login-username').fill('business');
    await s.page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await s.page.getByTestId('login-submit').click();
    await s.page.waitForURL(/\/business/);
    await check(s.page, '/business', 'notification-bell');
  });
});

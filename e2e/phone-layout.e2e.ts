/**
 * Issue 11, point 3: on a 390 px phone a staff queue renders as cards, the header folds its tools
 * into a menu, the bell opens the notification list, and 长辈模式 is remembered; at 360 px with 200%
 * text (a 180 CSS-px viewport) the header wraps instead of clipping. Screenshots: e2e/screenshots/phone-*.png.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startProduct, type RunningProduct } from './support/server.js';
import { launchBrowser, type BrowserSession } from './support/browser.js';
import { DEMO_PASSWORD } from '../server/src/app/demo.js';

async function logInOnPhone(page: Page, username: string) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/staff/);
}

describe('phone layout (browser)', () => {
  let product: RunningProduct;
  let phone: BrowserSession;

  before(async () => {
    product = await startProduct();
    const { db, notifier } = product.built.platform;
    const mediator = await db.selectFrom('platform.account').select('id').where('username', '=', 'mediator').executeTakeFirstOrThrow();
    await notifier.notify(db, { accountId: mediator.id, title: '新的调解任务', body: '请及时联系双方当事人。', link: '/staff/complaints' });
    phone = await launchBrowser({ baseURL: product.baseUrl, viewport: { width: 390, height: 844 } });
  });
  after(async () => {
    await phone?.close();
    await product?.close();
  });

  test('390 px: the complaints queue is cards, the bell lists notifications, elder mode is remembered', async () => {
    const page = phone.page;
    await logInOnPhone(page, 'mediator');
    await page.goto('/staff/complaints');
    await page.locator('[data-testid="complaint-table"][data-layout="cards"]').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no sideways scrolling (overflow ${overflow}px)`);
    await phone.screenshot('phone-queue-cards');

    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-item').first().waitFor();
    assert.match(await page.getByTestId('notification-list').innerText(), /新的调解任务/);
    await phone.screenshot('phone-bell-list');
    await page.getByTestId('notification-link').first().click();
    await page.waitForURL(/\/staff\/complaints$/);

    await page.getByTestId('header-more').click();
    await page.getByTestId('elder-toggle').click();
    await page.waitForFunction(() => document.documentElement.dataset.elder === 'on');
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.elder === 'on');
    await page.locator('[data-testid="complaint-table"][data-layout="cards"]').waitFor();
    await phone.screenshot('phone-elder-mode');
  });

  test('360 px at 200% text: the header wraps, nothing clipped', async () => {
    const page = phone.page;
    await page.setViewportSize({ width: 180, height: 640 });
    await page.goto('/staff/complaints');
    await page.locator('.xf-header').waitFor();
    const clip = await page.evaluate(() => {
      const h = document.querySelector('.xf-header') as HTMLElement;
      return h.scrollWidth - h.clientWidth;
    });
    assert.ok(clip <= 1, `header content fits (clipped by ${clip}px)`);
    await phone.screenshot('phone-360-200pct');
  });
});

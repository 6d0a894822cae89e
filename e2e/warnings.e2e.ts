/**
 * Browser journey of computed early warnings (issue 11): complaints against an enterprise rise
 * (filed through the public API), the officer finds the computed signal in the warning list and
 * issues a 风险提示函, and the business logs into its portal and acknowledges it (desktop, then the
 * acknowledged letter on a 390 px phone). Screenshots: e2e/screenshots/warnings-NN-*.png.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startProduct, type RunningProduct } from './support/server.js';
import { launchBrowser, type BrowserSession } from './support/browser.js';
import { DEMO_PASSWORD } from '../server/src/app/demo.js';

async function login(page: Page, username: string) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

describe('early-warning journey (browser)', () => {
  let product: RunningProduct;
  let desktop: BrowserSession;
  let phone: BrowserSession;
  let enterprise = { creditCode: '', name: '' };

  before(async () => {
    product = await startProduct();
    desktop = await launchBrowser({ baseURL: product.baseUrl });
    phone = await launchBrowser({ baseURL: product.baseUrl, viewport: { width: 390, height: 844 } });
    const db = product.built.platform.db;
    const bound = await db
      .selectFrom('platform.account_enterprise as ae')
      .innerJoin('platform.account as a', 'a.id', 'ae.account_id')
      .select('ae.credit_code')
      .where('a.username', '=', 'business')
      .orderBy('ae.credit_code')
      .executeTakeFirstOrThrow();
    const e = await db.selectFrom('registry.enterprise').select(['credit_code', 'name']).where('credit_code', '=', bound.credit_code).executeTakeFirstOrThrow();
    enterprise = { creditCode: e.credit_code, name: e.name };
  });
  after(async () => {
    await desktop?.close();
    await phone?.close();
    await product?.close();
  });

  test('complaints against an enterprise rise; the officer sees the computed warning and issues it', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${product.baseUrl}/api/public/complaints`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'complaint',
          complainantName: `消费者${i + 1}`,
          complainantPhone: `1365710${String(i).padStart(4, '0')}`,
          complainantAddress: '浙江省杭州市上城区清波街道1号',
          respondentName: enterprise.name,
          respondentCreditCode: enterprise.creditCode,
          respondentAddress: '浙江省杭州市上城区解放路100号',
          request: '退款并赔偿',
          facts: `第${i + 1}次：购买的熟食有异味。`,
        }),
      });
      assert.equal(res.status, 201, await res.text());
    }
    await product.built.worker.drain();

    const { page } = desktop;
    await login(page, 'officer');
    await page.getByTestId('side-menu').getByText('预警清单').click();
    const row = page.locator('.ant-table-row', { hasText: enterprise.name });
    await row.getByText('投诉举报上升').waitFor();
    await desktop.screenshot('warnings-01-warning-list');
    await row.getByRole('button', { name: '发出风险提示' }).click();
    await page.getByRole('dialog').getByText(/近90日被投诉举报/).waitFor();
    await page.getByLabel('提示要求').fill('请于十日内完成熟食储存条件自查整改。');
    await desktop.screenshot('warnings-02-issue');
    await page.locator('.ant-modal-footer .ant-btn-primary >> visible=true').click();
    const issued = page.locator('.ant-table-row', { hasText: '待签收' }).filter({ hasText: enterprise.name });
    await issued.waitFor();
    assert.match(await issued.innerText(), /上城市监提示〔\d{4}〕\d+号/);
    await desktop.screenshot('warnings-03-issued');
  });

  test('the business sees the letter in its portal and acknowledges it', async () => {
    const { page } = desktop;
    await login(page, 'business');
    await page.goto('/business/warnings');
    const card = page.locator('.ant-card .ant-card', { hasText: enterprise.name });
    await card.getByText('待签收').waitFor();
    await desktop.screenshot('warnings-04-business-portal');
    await card.getByRole('button', { name: /^签\s?收$/ }).click();
    await page.getByLabel('说明（可选）').fill('已收到，正在自查整改。');
    await page.locator('.ant-modal-footer .ant-btn-primary >> visible=true').click();
    await card.getByText('已签收').waitFor();
    await card.getByText(/企业用户 刘芳 于/).waitFor();
    await desktop.screenshot('warnings-05-acknowledged');
    const row = await product.built.platform.db.selectFrom('enforcement.warning').select(['status', 'acknowledged_at', 'acknowledgement_note']).where('credit_code', '=', enterprise.creditCode).executeTakeFirstOrThrow();
    assert.equal(row.status, 'acknowledged');
    assert.ok(row.acknowledged_at);
    assert.equal(row.acknowledgement_note, '已收到，正在自查整改。');

    await login(phone.page, 'business');
    await phone.page.goto('/business/warnings');
    await phone.page.locator('.ant-card .ant-card', { hasText: enterprise.name }).getByText('已签收').waitFor();
    await phone.screenshot('warnings-06-phone-acknowledged');
  });
});

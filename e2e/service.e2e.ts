/**
 * Browser journey of issue 14: an experiencer files a finding, the supervisor turns it into a
 * measure, the department closes it and the experiencer evaluates it; a business books a clinic
 * slot, the director prescribes, the department reports within the 15-working-day deadline (on the
 * platform calendar; the 2026-09-18 → 2026-10-15 case across National Day is asserted by the API test —
 * a fixed past clock would expire the browser's session cookie) and the business rates the outcome.
 * Screenshots: e2e/screenshots/service-*.png.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startProduct, type RunningProduct } from './support/server.js';
import { launchBrowser, type BrowserSession } from './support/browser.js';
import { DEMO_PASSWORD } from '../server/src/app/demo.js';

async function confirmModal(page: Page) {
  await page.locator('.ant-modal-footer .ant-btn-primary >> visible=true').click();
  await page.locator('.ant-modal-wrap >> visible=true').waitFor({ state: 'detached' }).catch(() => undefined);
}

/** Logs in any demo account (staff, business or citizen) and opens `path`. */
async function logInTo(page: Page, username: string, path: string) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.goto(path);
  await page.getByTestId('page-title').waitFor();
}

async function pickDate(page: Page, testId: string, date: string) {
  const input = page.locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`).first();
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function pickOption(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

describe('service experience and the directors\u2019 clinic (browser)', () => {
  let product: RunningProduct;
  let s: BrowserSession;
  let registrarId = '';
  let today = '';
  let measureDue = '';
  let reportDue = '';
  const finding = `变更后需在税务系统重复填报（旅程${Date.now() % 100000}）`;
  const theme = `市场准入与退出（旅程${Date.now() % 100000}）`;

  before(async () => {
    product = await startProduct();
    today = product.built.platform.clock.today();
    const cal = product.built.platform.calendar.get();
    measureDue = cal.addWorkingDays(today, 10);
    reportDue = cal.addWorkingDays(today, 15);
    const r = await product.built.platform.db.selectFrom('platform.account').select('id').where('username', '=', 'registrar').executeTakeFirstOrThrow();
    registrarId = r.id;
    s = await launchBrowser({ baseURL: product.baseUrl });
  });
  after(async () => {
    await s?.close();
    await product?.close();
  });

  test('closed loop: finding → measure → done → evaluated', async () => {
    const { page } = s;
    await logInTo(page, 'citizen', '/citizen/service/experience');
    await pickOption(page, 'finding-item', '企业信息变更');
    await pickOption(page, 'finding-category', '系统整合');
    await page.getByTestId('finding-description').fill(finding);
    await page.getByTestId('finding-submit').click();
    await page.locator('td', { hasText: finding }).first().waitFor();
    await s.screenshot('service-01-experiencer-finding');

    await logInTo(page, 'supervisor', '/staff/service/loop');
    await page.getByTestId('service-figures').waitFor();
    await page.locator('tr', { hasText: finding }).getByTestId('assign-measure').click();
    await page.getByTestId('m-description').fill('打通登记与税务数据共享，一次填报');
    await page.getByTestId('m-department').fill('税务局');
    await page.getByTestId('m-owner').fill(registrarId);
    await pickDate(page, 'm-due', measureDue);
    await confirmModal(page);
    await page.locator('tr', { hasText: finding }).locator('text=打通登记与税务数据共享').waitFor();
    await s.screenshot('service-02-measure-assigned');

    await logInTo(page, 'registrar', '/staff/service/measures');
    await page.locator('tr', { hasText: '打通登记与税务数据共享' }).getByTestId('measure-done').click();
    await page.getByTestId('measure-note').fill('已上线数据共享，变更一次填报');
    await confirmModal(page);
    await page.locator('tr', { hasText: '打通登记与税务数据共享' }).locator('text=已办结待评价').waitFor();
    await s.screenshot('service-03-measure-done');

    await logInTo(page, 'citizen', '/citizen/service/experience');
    await page.locator('tr', { hasText: '打通登记与税务数据共享' }).getByTestId('evaluate').click();
    await confirmModal(page);
    await page.locator('tr', { hasText: finding }).locator('text=已评价').waitFor();
    await s.screenshot('service-04-experiencer-evaluated');
    const m = await product.built.platform.db.selectFrom('service.measure').select(['status', 'evaluation', 'id']).where('description', '=', '打通登记与税务数据共享，一次填报').executeTakeFirstOrThrow();
    assert.equal(m.status, 'evaluated');
    assert.equal(m.evaluation, 'fixed');
    const ob = await product.built.platform.db.selectFrom('platform.obligation').select('status').where('subject_id', '=', m.id).executeTakeFirstOrThrow();
    assert.equal(ob.status, 'fulfilled');
  });

  test('clinic: book → prescribe → report within 15 working days → rated', async () => {
    const { page } = s;
    await logInTo(page, 'director', '/staff/service/clinic');
    await page.getByTestId('hold-session').click();
    await page.locator('.ant-modal-body input').first().fill(theme);
    const dateInput = page.locator('.ant-modal-body .ant-picker input');
    await dateInput.click();
    await dateInput.fill(today);
    await dateInput.press('Enter');
    await confirmModal(page);
    await page.locator('td', { hasText: theme }).first().waitFor();

    await logInTo(page, 'business', '/business/service/clinic');
    await page.locator('tr', { hasText: theme }).getByTestId('book').click();
    await page.getByTestId('b-name').fill('乐山示范食品有限公司');
    await page.getByTestId('b-problem').fill('跨区迁移需要两地跑，希望一地办理');
    await confirmModal(page);
    await page.locator('tr', { hasText: '跨区迁移需要两地跑' }).locator('text=已挂号').waitFor();
    await s.screenshot('service-05-business-booked');

    await logInTo(page, 'director', '/staff/service/clinic');
    await page.locator('tr', { hasText: '跨区迁移需要两地跑' }).getByTestId('prescribe').click();
    await page.getByTestId('rx-text').fill('跨区迁移实行迁入地一地办理');
    await page.getByTestId('rx-department').fill('登记注册处');
    await page.getByTestId('rx-action').fill('协调迁出地档案调取');
    await page.getByTestId('rx-owner').fill(registrarId);
    await confirmModal(page);
    const due = page.locator('tr', { hasText: '跨区迁移需要两地跑' }).getByTestId('report-due');
    await due.waitFor();
    assert.equal((await due.textContent())?.trim().slice(0, 10), reportDue);
    await s.screenshot('service-06-prescribed-report-due');

    await logInTo(page, 'registrar', '/staff/service/clinic');
    await page.locator('tr', { hasText: '跨区迁移需要两地跑' }).getByTestId('report').click();
    await page.getByTestId('report-text').fill('已实现跨区迁移一地办理');
    await confirmModal(page);
    await page.locator('tr', { hasText: '跨区迁移需要两地跑' }).locator('text=已反馈成效').waitFor();
    await s.screenshot('service-07-outcome-reported');

    await logInTo(page, 'business', '/business/service/clinic');
    await page.locator('tr', { hasText: '跨区迁移需要两地跑' }).getByTestId('rate-outcome').click();
    await confirmModal(page);
    await page.locator('tr', { hasText: '跨区迁移需要两地跑' }).locator('text=已评价').waitFor();
    await s.screenshot('service-08-business-rated');
    const b = await product.built.platform.db.selectFrom('service.clinic_booking').select(['status', 'rating', 'reported_on', 'report_due_on']).where('problem', '=', '跨区迁移需要两地跑，希望一地办理').executeTakeFirstOrThrow();
    assert.equal(b.status, 'rated');
    assert.equal(b.rating, 5);
    assert.ok(b.reported_on! <= b.report_due_on!);
  });
});

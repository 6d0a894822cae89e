/**
 * Browser journey of service-oriented enforcement: an officer opens a case from a reported lead, the
 * engine proposes a first-violation no-penalty outcome with its citation, a legal reviewer approves,
 * the decision package is issued, and its QR page confirms the document. Screenshots go to
 * e2e/screenshots/enforcement-*.png.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startProduct, type RunningProduct } from './support/server.js';
import { launchBrowser, type BrowserSession } from './support/browser.js';
import { logIn } from './support/login.js';

/** Clicks OK in the open modal (the caller then waits for the page to show the result). */
async function confirmModal(page: Page) {
  await page.locator('.ant-modal-footer .ant-btn-primary >> visible=true').click();
}

describe('enforcement journey (browser)', () => {
  let product: RunningProduct;
  let officer: BrowserSession;
  let caseUrl = '';

  before(async () => {
    product = await startProduct();
    officer = await launchBrowser({ baseURL: product.baseUrl });
  });
  after(async () => {
    await officer?.close();
    await product?.close();
  });

  test('an officer opens a case from a reported lead and records the facts; the engine proposes 首违不罚', async () => {
    const { page } = officer;
    await logIn(page, 'officer');
    await page.getByTestId('side-menu').getByText('执法案件').click();
    await page.getByTestId('page-title').getByText('执法案件').waitFor();
    await page.locator('.ant-table-row', { hasText: '线索核查' }).first().waitFor();
    await officer.screenshot('enforcement-01-cases');
    await page.locator('.ant-table-row', { hasText: '投诉举报' }).first().locator('a').first().click();
    await page.getByTestId('case-status').getByText('线索核查').waitFor();
    caseUrl = new URL(page.url()).pathname;

    await page.getByTestId('action-open').click();
    await page.getByTestId('co-officers').click();
    await page.locator('.ant-select-item-option', { hasText: '孙涛' }).click();
    await page.keyboard.press('Escape');
    await confirmModal(page);
    await page.getByTestId('case-status').getByText('调查取证').waitFor({ timeout: 60_000 }); // opening computes the case's statutory dates and documents: slow on a loaded machine

    await page.getByTestId('action-facts').click();
    // Pick the violation type: wait for the open dropdown to show the option (the rule set loads
    // after the modal opens), click it, then wait for the select to show it as chosen.
    const violationType = page.getByTestId('violation-type');
    await violationType.click();
    const option = page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '未取得食品经营许可从事散装食品经营活动' });
    await option.waitFor({ state: 'visible' });
    await option.click();
    await violationType.getByText('未取得食品经营许可').waitFor();
    await confirmModal(page);
    await page.getByTestId('engine-outcome').getByText('不予处罚').waitFor().catch(async (e) => {
      await officer.screenshot('enforcement-debug');
      throw e;
    });
    assert.match(await page.getByTestId('engine-citations').innerText(), /第三十三条第一款/);
    await officer.screenshot('enforcement-02-engine-proposal');

    await page.getByTestId('action-proposal').click();
    await confirmModal(page);
    await page.getByTestId('case-status').getByText('拟处理意见').waitFor();
  });

  test('a legal reviewer approves', async () => {
    const { page } = officer;
    await logIn(page, 'reviewer');
    await page.goto(caseUrl);
    await page.getByTestId('action-review').click();
    await page.getByTestId('review-opinion').fill('符合首违不罚条件，同意不予处罚。');
    await confirmModal(page);
    await page.getByTestId('review-state').getByText('已通过').waitFor();
    await officer.screenshot('enforcement-03-legal-review');
  });

  test('the decision package is generated and its QR page confirms the document', async () => {
    const { page } = officer;
    await logIn(page, 'officer');
    await page.goto(caseUrl);
    // 说理式执法: the reasoning comes first; then the decision is confirmed with its summary.
    await page.getByTestId('action-reasoning').click();
    await page.getByTestId('reasoning-facts').fill('当事人未取得食品经营许可从事散装食品经营活动，系初次违法，已及时改正。');
    await page.getByTestId('reasoning-evidence').fill('现场检查笔录与当事人陈述相互印证。');
    await page.getByTestId('reasoning-provisions').fill('违反《中华人民共和国食品安全法》第三十五条第一款。');
    await page.getByTestId('reasoning-discretion').fill('初次违法、危害后果轻微并及时改正，依据《中华人民共和国行政处罚法》第三十三条第一款不予处罚。');
    await confirmModal(page);
    await page.getByTestId('reasoning-card').waitFor();
    await page.getByTestId('action-decision').click();
    await page.getByTestId('confirm-summary').waitFor();
    await page.getByRole('button', { name: /^确\s*认$/ }).click();
    await page.getByTestId('case-status').getByText('已决定').waitFor();
    const docs = page.getByTestId('documents');
    for (const title of ['不予行政处罚决定书', '合规指导书', '回访函']) await docs.getByText(title).first().waitFor();
    await officer.screenshot('enforcement-04-decision-package');
    await page.getByTestId('verify-no_penalty_decision').click();
    await page.getByTestId('verify-result').getByText('文书真实有效').waitFor();
    assert.match(await page.getByTestId('verify-docno').innerText(), /市监不罚〔\d{4}〕\d+号/);
    await officer.screenshot('enforcement-05-verify');
  });
});

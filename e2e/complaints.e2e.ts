/**
 * Browser journey of issue 4: a consumer opens a station's QR link on a phone, files a complaint and
 * tracks it with the SMS code; staff accept it and mediate it through the six steps to "no
 * agreement"; the consumer claims on the assured-consumption insurance; staff approve and record
 * the payout, and the consumer sees it paid. Screenshots: e2e/screenshots/complaints-*.png.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startProduct, type RunningProduct } from './support/server.js';
import { launchBrowser, type BrowserSession } from './support/browser.js';
import { logIn } from './support/login.js';
import { latestCode } from '../server/test/sms.js';
import { qrPngBuffer } from '../server/src/platform/documents/qr.js';

async function confirmModal(page: Page) {
  await page.locator('.ant-modal-footer .ant-btn-primary >> visible=true').click();
  await page.locator('.ant-modal-wrap >> visible=true').waitFor({ state: 'detached' }).catch(() => undefined);
}

describe('complaints journey (browser)', () => {
  let product: RunningProduct;
  let phone: BrowserSession;
  let staff: BrowserSession;
  let stationId = '';
  let trackingNo = '';
  let code = '';
  let caseUrl = '';

  before(async () => {
    product = await startProduct();
    const station = (await product.built.platform.db
      .selectFrom('complaints.station')
      .select(['id'])
      .where('region_code', '=', '330102')
      .where('active', '=', true)
      .orderBy('name')
      .limit(1)
      .executeTakeFirstOrThrow()) as { id: string };
    stationId = station.id;
    phone = await launchBrowser({ baseURL: product.baseUrl, viewport: { width: 390, height: 844 } });
    staff = await launchBrowser({ baseURL: product.baseUrl });
  });

  after(async () => {
    await phone?.close();
    await staff?.close();
    await product?.close();
  });

  test('the QR link opens the phone form bound to the station; a complaint is filed', async () => {
    const { page } = phone;
    await page.goto(`/m/complain?station=${stationId}`);
    await page.getByTestId('station-banner').waitFor();
    await page.getByTestId('submit').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await phone.screenshot('complaints-01-phone-form-errors');
    await page.getByTestId('f-name').fill('周敏');
    await page.getByTestId('f-phone').fill('13958001234');
    await page.getByTestId('f-address').fill('杭州市上城区清波街道');
    await page.getByTestId('f-respondent').fill('杭州湖滨数码电器商行');
    await page.getByTestId('f-respondent-address').fill('杭州市上城区延安路200号');
    await page.getByTestId('f-category').click();
    await page.locator('.ant-select-item-option[title="购（购物）"] >> visible=true').click();
    await page.locator('[data-testid="f-amount"] input, input[data-testid="f-amount"]').first().fill('3299');
    await page.getByTestId('f-request').fill('退货退款');
    await page.getByTestId('f-facts').fill('购买的洗衣机三天后无法启动，商家拒绝退货。<b>请处理</b>');
    await page.getByTestId('submit').click();
    await page.getByTestId('tracking-no').waitFor();
    trackingNo = (await page.getByTestId('tracking-no').innerText()).trim();
    assert.match(trackingNo, /^TS\d{16}$/);
    await phone.screenshot('complaints-02-phone-filed');
    await product.built.worker.drain();
    code = await latestCode(product.built.platform, trackingNo);
  });

  test('staff accept it and mediate through the six steps to "no agreement"', async () => {
    const { page } = staff;
    await logIn(page, 'mediator');
    await page.goto('/staff/complaints');
    await page.getByRole('link', { name: trackingNo }).click();
    await page.getByTestId('status-tag').getByText('待受理').waitFor();
    caseUrl = page.url();
    await page.getByTestId('btn-accept').click();
    await page.getByTestId('status-tag').getByText('已受理').waitFor();
    await page.getByTestId('btn-assign').click();
    await page.getByTestId('mediator-picker').click();
    await page.locator('.ant-select-item-option >> visible=true', { hasText: '陈静' }).first().waitFor();
    await page.keyboard.type('陈静');
    await page.keyboard.press('Enter');
    await page.getByTestId('action-modal').getByText('在办', { exact: false }).filter({ visible: true }).first().waitFor();
    await staff.screenshot('complaints-02b-mediator-picker');
    await confirmModal(page);
    await page.getByTestId('status-tag').getByText('调解中').waitFor();
    const steps: [string, string][] = [
      ['听', '听取消费者陈述与商家意见'],
      ['辨', '核对购物凭证与维修记录'],
      ['劝', '释法说理，劝导商家履行三包义务'],
      ['借', '邀请家电行业协会专家参与'],
      ['让', '建议双方各让一步，部分退款'],
      ['和', '商家坚持不退，未能和解'],
    ];
    for (const [step, note] of steps) {
      await page.getByTestId('btn-step').click();
      await page.getByTestId('step-select').click();
      await page.locator(`.ant-select-item-option[title="${step}"] >> visible=true`).click();
      await page.getByTestId('step-note').fill(note);
      await confirmModal(page);
      await page.getByTestId('timeline').getByText(note).waitFor();
    }
    assert.equal(await page.locator('[data-testid="six-steps"] .ant-steps-item-finish').count(), 6);
    await staff.screenshot('complaints-03-six-steps');
    await page.getByTestId('btn-conclude').click();
    await page.getByTestId('outcome-radio').getByText('未达成协议').click();
    await page.getByTestId('conclude-note').fill('商家明确拒绝退货');
    await confirmModal(page);
    await page.getByTestId('status-tag').getByText('已办结').waitFor();
    await staff.screenshot('complaints-04-no-agreement');
  });

  test('the consumer tracks the case and files an insurance claim', async () => {
    const { page } = phone;
    await page.goto(`/m/track?no=${trackingNo}`);
    await page.getByTestId('t-code').fill(code);
    await page.getByTestId('t-submit').click();
    await page.getByTestId('t-outcome').getByText('调解未达成协议').waitFor();
    await page.getByTestId('conditions').waitFor();
    await phone.screenshot('complaints-05a-conditions');
    await page.locator('[data-testid="claim-amount"] input, input[data-testid="claim-amount"]').first().fill('3299');
    await page.getByTestId('claim-loss').fill('洗衣机货款损失');
    await page.getByTestId('claim-submit').click();
    await page.getByTestId('claim-status').getByText('审核中').waitFor();
    // a photo of the receipt as evidence
    await page.locator('input[type=file]').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: await qrPngBuffer('购物小票 ¥3299', 128) });
    await page.getByText('receipt.png').waitFor();
    await phone.screenshot('complaints-05-claim-filed');
  });

  test('staff approve the claim and record the payout; the consumer sees it paid', async () => {
    const { page } = staff;
    await logIn(page, 'leader');
    await page.goto('/staff/insurance/claims');
    const row = page.locator('.ant-table-row', { hasText: trackingNo });
    await row.getByTestId('btn-approve').click();
    await page.locator('[data-testid="approve-amount"] input, input[data-testid="approve-amount"]').first().waitFor();
    await confirmModal(page);
    await row.getByTestId('btn-pay').click();
    await page.getByTestId('payout-ref').fill('ZF20261129001');
    await confirmModal(page);
    await row.getByText('已赔付').waitFor();
    await staff.screenshot('complaints-06-claim-paid');

    const p = phone.page;
    await p.getByTestId('t-submit').click();
    await p.getByTestId('claim-status').getByText('已赔付').waitFor();
    await phone.screenshot('complaints-07-consumer-sees-paid');
    assert.ok(caseUrl.includes('/staff/complaints/'));
  });

  test('staff see the queue coloured by deadline and the 5-minute-circle coverage chart', async () => {
    const { page } = staff;
    await page.goto('/staff/complaints');
    await page.getByTestId('complaint-table').getByText(trackingNo).waitFor();
    await page.getByTestId('due-tag').first().waitFor();
    await staff.screenshot('complaints-08-queue');
    await page.goto('/staff/complaints/stations');
    await page.getByTestId('coverage-share').waitFor();
    await page.getByTestId('station-table').locator('.ant-table-row').first().waitFor();
    await staff.screenshot('complaints-09-stations-coverage');
  });
});

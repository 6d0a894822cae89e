/**
 * Browser journey of issue 11 (practice 2): a citizen opens the public home on a phone (390 px),
 * finds the nearest mediation station from the phone's position and from a typed address, files a
 * complaint without choosing a district, and the complaint appears in the right handler's queue:
 * the 上城区 mediator for a business in 上城区, the director's city intake queue when nothing places
 * it. Screenshots: e2e/screenshots/routing-NN-*.png.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startProduct, type RunningProduct } from './support/server.js';
import { launchBrowser, type BrowserSession } from './support/browser.js';
import { logIn } from './support/login.js';

/** Fills the phone form without a district and answers the tracking number. */
async function fileWithoutDistrict(page: Page, v: { phone: string; respondent: string; address: string }): Promise<string> {
  await page.getByTestId('f-name').fill('林小雨');
  await page.getByTestId('f-phone').fill(v.phone);
  await page.getByTestId('f-address').fill('杭州');
  await page.getByTestId('f-respondent').fill(v.respondent);
  await page.getByTestId('f-respondent-address').fill(v.address);
  await page.getByTestId('f-request').fill('退还预付款');
  await page.getByTestId('f-facts').fill('预付的课程费用，商家停业后拒绝退款。');
  await page.getByTestId('submit').click();
  await page.getByTestId('tracking-no').waitFor();
  return (await page.getByTestId('tracking-no').innerText()).trim();
}

describe('complaint routing journey (browser)', () => {
  let product: RunningProduct;
  let phone: BrowserSession;
  let desk: BrowserSession;
  let toMediator = '';
  let toCity = '';

  before(async () => {
    product = await startProduct();
    phone = await launchBrowser({ baseURL: product.baseUrl, viewport: { width: 390, height: 844 } });
    desk = await launchBrowser({ baseURL: product.baseUrl });
  });
  after(async () => {
    await phone?.close();
    await desk?.close();
    await product?.close();
  });

  test('the public home offers complain, track and nearest station; the nearest station is found from the position', async () => {
    const { page, context } = phone;
    await page.goto('/');
    await page.getByTestId('entry-complain').waitFor();
    await page.getByTestId('entry-track').waitFor();
    await phone.screenshot('routing-01-public-home');
    await context.grantPermissions(['geolocation'], { origin: product.baseUrl });
    await context.setGeolocation({ latitude: 30.246, longitude: 120.169 });
    await page.getByTestId('entry-stations').click();
    await page.getByTestId('nearby-locate').click();
    await page.getByTestId('nearby-station').first().waitFor();
    const walk = await page.getByTestId('nearby-walk').first().innerText();
    assert.match(walk, /步行约 \d+ 分钟/);
    const nav = await page.getByTestId('nearby-nav').first().getAttribute('href');
    assert.match(nav ?? '', /^https:\/\/uri\.amap\.com\/navigation\?to=120\.\d+,30\.\d+,.+&mode=walk/);
    await phone.screenshot('routing-02-nearest-by-position');
    await page.getByTestId('nearby-address').locator('input').fill('杭州市西湖区文三路');
    await page.getByTestId('nearby-address').locator('button').click();
    await page.getByTestId('nearby-approx').getByText('西湖区').waitFor();
    await phone.screenshot('routing-03-nearest-by-address');
  });

  test('complaints filed without a district reach a handler', async () => {
    const { page } = phone;
    await page.goto('/');
    await page.getByTestId('entry-complain').click();
    toMediator = await fileWithoutDistrict(page, { phone: '13958007777', respondent: '杭州清波琴行培训有限公司', address: '杭州市上城区清波街 18 号' });
    await phone.screenshot('routing-04-filed-without-district');
    await page.goto('/m/complain');
    toCity = await fileWithoutDistrict(page, { phone: '13958008888', respondent: '某网络课程店铺', address: '网店（无实体地址）' });
    assert.notEqual(toMediator, toCity);
  });

  test("the 上城区 mediator sees the first in the queue, routed by the address", async () => {
    const { page } = desk;
    await logIn(page, 'mediator');
    await page.goto('/staff/complaints');
    await page.getByRole('link', { name: toMediator }).click();
    await page.getByTestId('routed-by').getByText('地址识别').waitFor();
    await desk.screenshot('routing-05-mediator-sees-it');
    await page.goto('/staff/complaints');
    await page.getByRole('link', { name: toMediator }).waitFor();
    assert.equal(await page.getByRole('link', { name: toCity }).count(), 0);
  });

  test("the director sees the other in the city's intake queue", async () => {
    const { page } = desk;
    await logIn(page, 'director');
    await page.goto('/staff/complaints');
    await page.getByRole('link', { name: toCity }).click();
    await page.getByTestId('routed-by').getByText('市级受理队列').waitFor();
    await page.getByTestId('btn-reroute').waitFor();
    await desk.screenshot('routing-06-director-city-queue');
  });

  test('the same at a desktop width: the public home and the entries', async () => {
    const { page } = desk;
    await page.context().clearCookies();
    await page.goto('/');
    await page.getByTestId('entry-stations').waitFor();
    await desk.screenshot('routing-07-public-home-desktop');
  });
});

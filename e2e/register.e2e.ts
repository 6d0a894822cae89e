/**
 * Browser journey through the enterprise register: log in as a registrar, search by a name fragment,
 * switch languages (English, 繁體), open a detail page, reveal the ID number, and get a localized field
 * error from the create form. Screenshots go to e2e/screenshots/.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as OpenCC from 'opencc-js/cn2t';
import type { Page } from 'playwright-core';
import { startProduct, type RunningProduct } from './support/server.js';
import { launchBrowser, type BrowserSession } from './support/browser.js';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

interface Target {
  creditCode: string;
  name: string;
  fragment: string;
}

async function switchLanguage(page: Page, locale: 'zh-CN' | 'zh-TW' | 'en') {
  await page.getByTestId('lang-switch').first().click();
  await page.getByTestId(`lang-${locale}`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
  await page.getByTestId(`lang-${locale}`).waitFor({ state: 'hidden' });
}

/** Waits until the result table shows only rows whose name contains the fragment (the new search has landed). */
async function waitForRowsMatching(page: Page, fragment: string) {
  await page.waitForFunction((f) => {
    const cells = [...document.querySelectorAll('.ant-table-tbody tr.ant-table-row td:first-child')];
    return cells.length > 0 && cells.every((c) => (c.textContent ?? '').includes(f));
  }, fragment);
}

/** A wrong check character: same code with the 18th character changed. */
function breakCheckCharacter(code: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const last = code[17];
  const other = alphabet[(alphabet.indexOf(last) + 1) % alphabet.length];
  return code.slice(0, 17) + other;
}

describe('register journey (browser)', () => {
  let product: RunningProduct;
  let browser: BrowserSession;
  let target: Target;

  before(async () => {
    product = await startProduct();
    // A company of the seeded city whose name has a distinctive middle part (e.g. 杭州【晨航酒店】管理有限公司).
    const rows = (await product.built.platform.db
      .selectFrom('registry.enterprise')
      .select(['credit_code', 'name'])
      .where('region_code', 'like', '3301%')
      .where('status', '=', 'active')
      .where('name', 'like', '杭州%有限公司')
      .orderBy('credit_code')
      .limit(20)
      .execute()) as { credit_code: string; name: string }[];
    assert.ok(rows.length > 0, 'demo data has companies');
    const pick = rows.find((r) => toTraditional(r.name.slice(2, 6)) !== r.name.slice(2, 6)) ?? rows[0];
    target = { creditCode: pick.credit_code, name: pick.name, fragment: pick.name.slice(2, 6) };
    browser = await launchBrowser({ baseURL: product.baseUrl });
  });

  after(async () => {
    await browser?.close();
    await product?.close();
  });

  test('log in as a registrar (wrong password first)', async () => {
    const { page } = browser;
    await page.goto('/login');
    await page.getByTestId('login-title').getByText('登录').waitFor();
    await page.getByText('Xingfeng@2026').waitFor();
    await browser.screenshot('01-login');

    await page.getByTestId('login-username').fill('registrar');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').getByText('用户名或密码错误').waitFor();

    await page.getByTestId('login-password').fill('Xingfeng@2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/staff');
    await page.getByText('市局登记员 王敏').first().waitFor();
    await page.getByTestId('side-menu').getByText('市场主体名录').waitFor();
    // A registrar sees no admin menu.
    assert.equal(await page.getByTestId('side-menu').getByText('审计日志').count(), 0);
  });

  test('search the register by a name fragment', async () => {
    const { page } = browser;
    await page.getByTestId('side-menu').getByText('市场主体名录').click();
    await page.waitForURL('**/staff/registry');
    await page.getByTestId('page-title').getByText('市场主体登记').waitFor();
    const search = page.getByTestId('registry-search').locator('input');
    await search.fill(target.fragment);
    await search.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === target.fragment);
    await waitForRowsMatching(page, target.fragment);
    await page.getByRole('link', { name: target.name }).waitFor();
    const names = await page.locator('.ant-table-tbody tr.ant-table-row td:first-child').allInnerTexts();
    assert.ok(names.length >= 1);
    for (const n of names) assert.ok(n.includes(target.fragment), `${n} contains ${target.fragment}`);
    await page.getByText(target.creditCode).waitFor();
    await browser.screenshot('02-search-zh-CN');
  });

  test('switch to English and to Traditional Chinese', async () => {
    const { page } = browser;
    await switchLanguage(page, 'en');
    await page.getByTestId('page-title').getByText('Enterprise register').waitFor();
    await page.getByRole('columnheader', { name: 'Unified social credit code' }).waitFor();
    await page.getByText('Active').first().waitFor();
    await page.getByRole('link', { name: target.name }).waitFor();
    await browser.screenshot('03-search-en');

    await switchLanguage(page, 'zh-TW');
    await page.getByTestId('page-title').getByText('市場主體登記').waitFor();
    await page.getByRole('columnheader', { name: '統一社會信用代碼' }).waitFor();
    // The same company is found when the fragment is typed in Traditional characters.
    const search = page.getByTestId('registry-search').locator('input');
    const traditional = toTraditional(target.fragment);
    await search.fill(traditional);
    await search.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === traditional);
    await waitForRowsMatching(page, target.fragment);
    await page.getByRole('link', { name: target.name }).waitFor();
    await page.getByText('存續').first().waitFor();
    await browser.screenshot('04-search-zh-TW');
  });

  test('open the detail page and reveal the ID number', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: target.name }).click();
    await page.waitForURL(`**/staff/registry/${target.creditCode}`);
    await page.getByTestId('enterprise-name').getByText(target.name).waitFor();
    const fields = page.getByTestId('enterprise-fields');
    await fields.getByText('統一社會信用代碼').waitFor();
    await fields.getByText('註冊資本').waitFor();
    await fields.getByText(/萬元/).first().waitFor();
    await fields.getByText(target.creditCode).waitFor();
    const masked = await page.getByTestId('legal-rep-id').innerText();
    if (masked.includes('*')) {
      await page.getByTestId('reveal-id').click();
      // Revealing is confirmed first: the dialog says the view is audited.
      await page.getByRole('button', { name: '確認顯示' }).click();
      await page.getByText('（本次檢視已記入稽核日誌）').waitFor();
      const full = await page.getByTestId('legal-rep-id').innerText();
      assert.match(full, /^\d{17}[\dX]$/);
    }
    await browser.screenshot('05-detail-zh-TW');
  });

  test('the create form shows the server field error in the chosen language', async () => {
    const { page } = browser;
    await switchLanguage(page, 'en');
    await page.goto('/staff/registry/new');
    await page.getByTestId('page-title').getByText('Register a new enterprise').waitFor();
    await page.getByTestId('field-creditCode').fill(breakCheckCharacter(target.creditCode));
    await page.getByTestId('field-name').fill('杭州浏览器测试科技有限公司');
    await page.getByTestId('field-legalRepName').fill('测试');
    await page.getByTestId('field-regionCode').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Shangcheng District' }).click();
    await page.getByTestId('field-industryCode').fill('6513');
    await page.getByTestId('field-establishedOn').fill('2024-03-01');
    await page.getByTestId('field-address').fill('浙江省杭州市上城区解放路1号');
    await page.getByTestId('submit').click();
    const error = page.locator('.ant-form-item-explain-error').filter({ hasText: 'check character of the unified social credit code is wrong' });
    await error.waitFor();
    await browser.screenshot('06-create-error-en');

    await switchLanguage(page, 'zh-TW');
    await page.getByTestId('submit').click();
    await page.locator('.ant-form-item-explain-error').filter({ hasText: '統一社會信用代碼檢查碼不正確' }).waitFor();
    assert.match(page.url(), /\/staff\/registry\/new$/);
  });

  test('a CSV with errors is rejected and its errors are listed row by row', async () => {
    const { page } = browser;
    await switchLanguage(page, 'zh-CN');
    await page.getByTestId('side-menu').getByText('批量导入').click();
    await page.waitForURL('**/staff/registry/import');
    const csv = [
      '统一社会信用代码,企业名称,企业类型,法定代表人,注册资本（元）,住所,行政区划代码,行业代码,经营范围,成立日期',
      `${breakCheckCharacter(target.creditCode)},杭州导入测试一有限公司,limited_company,张三,1000000,浙江省杭州市上城区解放路1号,330102,6513,软件开发,2024-01-02`,
      '91330102XXXX,杭州导入测试二有限公司,limited_company,李四,1000000,浙江省杭州市上城区解放路2号,330102,9999,软件开发,2024-01-02',
    ].join('\n');
    await page.locator('input[type=file]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByTestId('start-import').click();
    await page.getByTestId('import-status').getByText('已拒绝（有错误）').waitFor();
    const errors = page.getByTestId('import-errors');
    await errors.getByText('统一社会信用代码校验位不正确', { exact: false }).first().waitFor();
    await errors.getByText('统一社会信用代码应为 18 位').waitFor();
    await errors.getByText('GB/T 4754-2017', { exact: false }).first().waitFor();
    // Every error is in words: no raw code reaches the user (issue 11).
    assert.equal(await errors.getByText(/CREDIT_CODE_CHECK|INDUSTRY_CODE_INVALID/).count(), 0);
    await browser.screenshot('08-import-rejected');
  });

  test('an administrator verifies the audit chain (the rejected import above is in it)', async () => {
    const { page } = browser;
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('Xingfeng@2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/staff');
    await page.getByTestId('side-menu').getByText('审计日志').click();
    await page.waitForURL('**/admin/audit');
    await page.getByText('enterprise.import-rejected').first().waitFor();
    await page.getByTestId('verify-chain').click();
    await page.getByTestId('verify-result').getByText(/哈希链完整/).waitFor();
    await browser.screenshot('09-audit-verified');
  });

  test('public look-up on a phone, without logging in', async () => {
    const phone = await launchBrowser({ baseURL: product.baseUrl, viewport: { width: 390, height: 844 } });
    try {
      const { page } = phone;
      await page.goto('/');
      await page.getByText('企业信息公示查询').waitFor();
      const search = page.getByTestId('public-search').locator('input');
      await search.fill(target.fragment);
      await search.press('Enter');
      await page.getByTestId('public-result').filter({ hasText: target.name }).waitFor();
      await page.getByText(target.creditCode).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `no horizontal scrolling on a phone (overflow ${overflow}px)`);
      await phone.screenshot('07-public-lookup-phone');
    } finally {
      await phone.close();
    }
  });
});

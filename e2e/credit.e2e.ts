/**
 * Browser journey of online credit repair on a phone (390 px): a business whose penalty was published
 * seven months ago applies from the business portal, uploads a photo of the fine receipt and signs the
 * credit commitment; the credit officer accepts and approves (also on a phone); the worker pushes the
 * repair to the simulated GSXT and 信用中国 (real HTTP servers, queried over HTTP here); the record is
 * repaired only when both confirm, and the public credit page no longer shows it.
 * Screenshots: e2e/screenshots/credit-NN-*.png.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProduct, type RunningProduct } from './support/server.js';
import { launchBrowser, type BrowserSession } from './support/browser.js';
import { DEMO_PASSWORD } from '../server/src/app/demo.js';
import { startCreditSimulator, DEMO_SECRETS, type CreditSimulator } from '../server/src/modules/credit/simulator/simulator.js';
import type { CreditService } from '../server/src/modules/credit/index.js';
import type { Actor } from '../server/src/platform/auth/roles.js';
import { qrPngBuffer } from '../server/src/platform/documents/qr.js';

const ADMIN: Actor = { id: null, kind: 'staff', username: 'e2e', displayName: 'e2e', roles: ['admin'], jurisdiction: null, orgUnitId: null, enterprises: [], via: 'session' };
const PHONE = { width: 390, height: 844 };

async function login(session: BrowserSession, username: string) {
  const { page } = session;
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

async function simState(url: string, creditCode: string): Promise<string[]> {
  const res = await fetch(`${url.replace(/\/credit$/, '')}/records?creditCode=${creditCode}`);
  return ((await res.json()) as { records: { state: string }[] }).records.map((r) => r.state);
}

describe('credit repair journey (phone, browser)', () => {
  let product: RunningProduct;
  let sim: CreditSimulator;
  let business: BrowserSession;
  let officer: BrowserSession;
  let visitor: BrowserSession;
  let creditCode = '';
  let documentNo = '';

  before(async () => {
    sim = await startCreditSimulator();
    product = await startProduct({}, { worker: true });
    const credit = product.built.modules.find((m) => m.name === 'credit')!.api as CreditService;
    // Point the national systems at this run's simulators (the demo uses fixed ports).
    await credit.updateSystem(ADMIN, { code: 'gsxt', endpointUrl: sim.gsxt.url, secret: DEMO_SECRETS.gsxt }, {});
    await credit.updateSystem(ADMIN, { code: 'ccn', endpointUrl: sim.ccn.url, secret: DEMO_SECRETS.ccn }, {});
    const r = await product.built.platform.db.selectFrom('credit.record').select(['credit_code', 'document_no', 'published_on']).where('source_ref', '=', 'demo-credit-1').executeTakeFirstOrThrow();
    creditCode = r.credit_code;
    documentNo = r.document_no ?? '';
    business = await launchBrowser({ baseURL: product.baseUrl, viewport: PHONE });
    officer = await launchBrowser({ baseURL: product.baseUrl, viewport: PHONE });
    visitor = await launchBrowser({ baseURL: product.baseUrl, viewport: PHONE });
  });

  after(async () => {
    await business?.close();
    await officer?.close();
    await visitor?.close();
    await product?.close();
    await sim?.close();
  });

  test('the public credit page shows the penalty published seven months ago', async () => {
    const { page } = visitor;
    await page.goto(`/credit/${creditCode}`);
    await page.getByTestId('public-record').getByText(documentNo).waitFor();
    await visitor.screenshot('credit-01-public-page-before');
  });

  test('the business applies on its phone: eligibility, photo of the receipt, commitment signed', async () => {
    await login(business, 'business');
    const { page } = business;
    await page.goto('/business/credit');
    await page.getByTestId('page-title').waitFor();
    const record = page.getByTestId('records').locator('.ant-list-item').filter({ hasText: documentNo });
    // a warning of the same enterprise is never repairable: the reason and its rule are shown
    await page.getByTestId('ineligible').first().waitFor();
    await record.getByTestId('apply').waitFor();
    await business.screenshot('credit-02-phone-records');
    await record.getByTestId('apply').click();
    await page.getByTestId('apply-form').waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: await qrPngBuffer('罚款缴款凭证 2026', 240) });
    await page.locator('.ant-upload-list-item-done, .ant-upload-list-item').first().waitFor();
    await page.getByTestId('measures').fill('已缴纳罚款2万元，撤下全部违法广告并完成整改');
    await page.getByTestId('signer').fill('刘芳');
    await page.getByTestId('commit').check();
    await page.getByTestId('submit-application').and(page.locator(':not([disabled])')).waitFor();
    await business.screenshot('credit-03-phone-apply-form');
    await page.getByTestId('submit-application').click();
    await page.getByTestId('applications').getByTestId('application-status').first().waitFor();
    assert.equal(await page.getByTestId('applications').getByTestId('application-status').first().getAttribute('data-status'), 'submitted');
    await business.screenshot('credit-04-phone-submitted');
  });

  test('the credit officer accepts and approves (phone)', async () => {
    await login(officer, 'credit');
    const { page } = officer;
    await page.goto('/staff/credit/applications');
    const card = page.getByTestId('queue').locator('.ant-card').filter({ hasText: documentNo });
    await card.getByTestId('accept').click();
    await card.getByTestId('approve').waitFor();
    await officer.screenshot('credit-05-officer-accepted');
    await card.getByTestId('approve').click();
    await page.getByTestId('decision-note').fill('已核实罚款缴清、广告撤除，同意修复');
    await page.getByTestId('modal-ok').click();
    await card.getByTestId('application-status').and(page.locator('[data-status="approved"], [data-status="repaired"]')).waitFor();
  });

  test('both national systems confirm over HTTP; the business sees each; the public page no longer shows it', async () => {
    const { page } = business;
    await page.goto('/business/credit');
    const status = page.getByTestId('applications').getByTestId('application-status').first();
    await status.and(page.locator('[data-status="repaired"]')).waitFor({ timeout: 60_000 });
    await page.getByTestId('applications').getByTestId('system-gsxt').and(page.locator('[data-state="repaired"]')).first().waitFor();
    await page.getByTestId('applications').getByTestId('system-ccn').and(page.locator('[data-state="repaired"]')).first().waitFor();
    await business.screenshot('credit-06-phone-repaired-both-systems');
    assert.deepEqual(await simState(sim.gsxt.url, creditCode), ['repaired']);
    assert.deepEqual(await simState(sim.ccn.url, creditCode), ['repaired']);

    const v = visitor.page;
    await v.goto(`/credit/${creditCode}`);
    await v.getByTestId('enterprise-name').waitFor();
    // the warning of the same enterprise is still published (it ends by itself at 3 months); the repaired penalty is gone
    await v.getByTestId('public-record').first().waitFor();
    assert.equal(await v.getByTestId('public-records').getByText(documentNo).count(), 0);
    await visitor.screenshot('credit-07-public-page-after');
  });
});

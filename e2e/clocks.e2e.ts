/**
 * Browser journey of issue 8: with the clock at 2 December 2026 and official holiday data ending
 * with 2026, a mediator's queue and the supervision view show 2027 deadlines marked 预计 (computed
 * on the schedule predicted from 国务院令第795号), with the tooltip; after the admin loads the 2027
 * notice, the queue shows the corrected date without the mark and supervision no longer lists the
 * case as provisional. Screenshots: e2e/screenshots/clocks-*.png.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProduct, type RunningProduct } from './support/server.js';
import { launchBrowser, type BrowserSession } from './support/browser.js';
import { logIn } from './support/login.js';

describe('provisional deadlines journey (browser)', () => {
  let product: RunningProduct;
  let staff: BrowserSession;
  let trackingNo = '';
  let caseNo = '';

  before(async () => {
    product = await startProduct({}, { clock: '2026-12-02T02:00:00Z' });
    staff = await launchBrowser({ baseURL: product.baseUrl });
    const db = product.built.platform.db;
    const cal = product.built.platform.calendar.get();
    const mediator = await db.selectFrom('platform.account').select(['id', 'display_name']).where('username', '=', 'mediator').executeTakeFirstOrThrow();
    // A demo complaint of the mediator's district, accepted today and assigned to the mediator.
    const c = await db.selectFrom('complaints.complaint').select(['id', 'tracking_no']).where('region_code', '=', '330102').orderBy('tracking_no').limit(1).executeTakeFirstOrThrow();
    trackingNo = c.tracking_no;
    await db
      .updateTable('complaints.complaint')
      .set({ status: 'mediating', accepted_on: '2026-12-02', mediation_due: cal.addWorkingDays('2026-12-02', 45), mediator_id: mediator.id, mediator_name: mediator.display_name, mediation_mode: 'on_site', paused_since: null, paused_working_days: 0, outcome: null, concluded_on: null })
      .where('id', '=', c.id)
      .execute();
    // A demo case of the district opened today: 90 days end in 2027.
    const k = await db.selectFrom('enforcement.case').select(['id', 'case_no']).where('region_code', '=', '330102').where('procedure', '=', 'general').orderBy('case_no').limit(1).executeTakeFirstOrThrow();
    caseNo = k.case_no;
    await db.updateTable('enforcement.case').set({ status: 'investigating', opened_on: '2026-12-02', decision_due: '2027-03-02', paused_since: null, decided_on: null }).where('id', '=', k.id).execute();
  });

  after(async () => {
    await staff?.close();
    await product?.close();
  });

  test('the mediator queue shows the 2027 due date marked 预计 with the tooltip', async () => {
    const { page } = staff;
    await logIn(page, 'mediator');
    await page.goto('/staff/complaints');
    const row = page.locator('tr', { hasText: trackingNo });
    await row.getByTestId('due-tag').getByText('2027-02-03').waitFor();
    await row.getByTestId('provisional-mark').hover();
    await page.getByText('2027 年放假安排尚未发布，按《全国年节及纪念日放假办法》推算').waitFor();
    await staff.screenshot('clocks-01-mediator-queue-provisional');
  });

  test('the supervision view lists the case’s provisional decision deadline', async () => {
    const { page } = staff;
    await logIn(page, 'leader');
    await page.goto('/staff/enforcement/supervision');
    const row = page.getByTestId('deadlines').locator('tr', { hasText: caseNo });
    await row.getByText('2027-03-02').waitFor();
    await row.getByTestId('provisional-mark').hover();
    await page.getByText('2027 年放假安排尚未发布，按《全国年节及纪念日放假办法》推算').waitFor();
    await staff.screenshot('clocks-02-supervision-provisional');
  });

  test('after the admin loads the 2027 notice the corrected date shows without the mark', async () => {
    const { page } = staff;
    // The admin sees that the 2027 notice is due, and loads it on the calendar page. The (test)
    // notice differs from the prediction: no make-up Sunday on 31 January.
    await logIn(page, 'admin');
    await page.goto('/admin/calendar');
    await page.getByTestId('next-year-due').waitFor();
    await page.getByLabel('年份').fill('2027');
    await page.getByLabel('依据（国务院办公厅通知）').fill('国务院办公厅关于2027年部分节假日安排的通知（测试）');
    await page
      .getByLabel('日期清单（每行：日期,休/班,名称）')
      .fill(['2027-01-01,休,元旦', ...['2027-02-11', '2027-02-12', '2027-02-15', '2027-02-16', '2027-02-17'].map((d) => `${d},休,春节`)].join('\n'));
    await staff.screenshot('clocks-03a-admin-loads-2027');
    await page.getByRole('button', { name: '载 入' }).or(page.getByRole('button', { name: '载入' })).click();
    await page.getByText('已载入 2027 年日历').waitFor();
    await page.getByTestId('next-year-due').waitFor({ state: 'detached' });
    await logIn(page, 'mediator');
    await page.goto('/staff/complaints');
    const row = page.locator('tr', { hasText: trackingNo });
    await row.getByTestId('due-tag').getByText('2027-02-04').waitFor();
    assert.equal(await row.getByTestId('provisional-mark').count(), 0);
    await staff.screenshot('clocks-03-mediator-queue-corrected');
    await logIn(page, 'leader');
    await page.goto('/staff/enforcement/supervision');
    await page.getByTestId('deadlines').waitFor();
    assert.equal(await page.getByTestId('deadlines').locator('tr', { hasText: caseNo }).count(), 0);
    await staff.screenshot('clocks-04-supervision-after-notice');
  });
});

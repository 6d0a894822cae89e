import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/src/app/demo.js';

/** Logs a demo staff account in through the log-in page (any earlier session is dropped first). */
export async function logIn(page: Page, username: string) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('side-menu').waitFor();
}

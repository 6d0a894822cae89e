/** Launches the system Chromium (Debian) through playwright-core with a fresh profile. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './server.js';

export const CHROMIUM = process.env.XF_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOTS = path.join(ROOT, 'e2e/screenshots');

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Saves e2e/screenshots/<name>.png (full page). */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A fontconfig file that adds the CJK font the product bundles (server/assets/fonts) to the system's
 * fonts, so Chinese renders in screenshots on a machine without any CJK font package installed.
 */
function fontConfigFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-fonts-'));
  const file = path.join(dir, 'fonts.conf');
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${path.join(ROOT, 'server/assets/fonts')}</dir>\n  <cachedir>${path.join(dir, 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  return file;
}

export async function launchBrowser(options: { baseURL: string; viewport?: { width: number; height: number }; locale?: string }): Promise<BrowserSession> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL: options.baseURL,
    viewport: options.viewport ?? { width: 1366, height: 860 },
    locale: options.locale ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    env: { ...process.env, FONTCONFIG_FILE: fontConfigFile() } as Record<string, string>,
  });
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    page,
    async screenshot(name) {
      const file = path.join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

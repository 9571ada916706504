// Launches Debian's Chromium through playwright-core, or says loudly why the browser tests are skipped.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM } from './paths.js';

/** Headless flags that work as root in a container without a GPU or network. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
];

/**
 * True when the browser tests can run. Without /usr/bin/chromium they are skipped with a loud
 * line locally, and fail under CI=true (where .ci/run installs it).
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const line = `[ui e2e] ${CHROMIUM} is missing (apt-get install chromium): browser tests are SKIPPED`;
  if (process.env.CI === 'true') throw new Error(`${line} — not allowed under CI=true`);
  console.warn(`\n!!!!! ${line} !!!!!\n`);
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
}

export interface PageOptions {
  readonly colorScheme?: 'light' | 'dark';
  readonly width?: number;
  readonly height?: number;
}

/** A new page whose uncaught errors are collected, so a test can assert the app threw nothing. */
export async function openPage(
  browser: Browser,
  options: PageOptions = {},
): Promise<{ page: Page; pageErrors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1400, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  // Playwright's waits fail first, with their own clear message, well inside the tests' 90 s budget.
  page.setDefaultTimeout(30_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return { page, pageErrors };
}

// Browser test of how the UI is served: under --static-prefix, deep links loaded cold, back/forward, unknown pages.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  createExperiment,
  ensureUiBuilt,
  launchBrowser,
  openPage,
  screenshot,
  startTestServer,
  type TestServer,
} from './support/index.js';

describe.skipIf(!browserAvailable())('UI serving (Chromium)', { timeout: 90_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let experimentId: string;

  beforeAll(async () => {
    ensureUiBuilt();
    server = await startTestServer({ staticPrefix: '/mlflow' });
    browser = await launchBrowser();
    experimentId = await createExperiment(server, 'under-prefix');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads a deep link cold under the prefix, with every request answered', async () => {
    const { page, pageErrors } = await openPage(browser);
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${server.uiUrl}/experiments/${experimentId}`);
    await page.getByTestId('empty-state').waitFor();
    expect(await page.locator('h1').textContent()).toBe('under-prefix');
    expect(failed).toEqual([]);
    expect(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))).toSatisfy(
      (names: string[]) =>
        names.filter((n) => n.includes('/static-files/')).every((n) => n.includes('/mlflow/static-files/')),
    );

    // Back and forward move between pages without a reload.
    await page.getByRole('link', { name: 'Experiments', exact: true }).first().click();
    await page.waitForURL(`${server.uiUrl}/experiments`);
    await page.getByTestId('experiment-row').first().waitFor();
    await page.goBack();
    await page.waitForURL(`${server.uiUrl}/experiments/${experimentId}`);
    await page.getByTestId('empty-state').waitFor();
    await page.goForward();
    await page.waitForURL(`${server.uiUrl}/experiments`);
    await page.getByTestId('experiment-row').first().waitFor();
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it("shows the app's not-found page for an unknown UI path", async () => {
    const { page } = await openPage(browser);
    await page.goto(`${server.uiUrl}/no/such/page`);
    await page.getByText('Page not found').waitFor();
    await screenshot(page, 'not-found');
    await page.context().close();
  });

  it('shows an error state when an experiment does not exist', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${server.uiUrl}/experiments/99999`);
    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('No Experiment with id=99999 exists');
    await screenshot(page, 'experiment-not-found');
    await page.context().close();
  });
});

// Browser test of the experiments list: list, search, create, rename, delete and restore, empty state.
import type { Browser, Page } from 'playwright-core';
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

describe.skipIf(!browserAvailable())('experiments page (Chromium)', { timeout: 90_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    ensureUiBuilt();
    server = await startTestServer();
    browser = await launchBrowser();
    for (const name of ['fraud-detection', 'churn-model', 'image-classifier'])
      await createExperiment(server, name);
    ({ page, pageErrors } = await openPage(browser));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists experiments at / (redirect) and filters them by name', async () => {
    await page.goto(`${server.uiUrl}/`);
    await page.waitForURL(/\/experiments$/);
    await page.getByTestId('experiment-row').first().waitFor();
    const names = await page.locator('.experiment-name').allTextContents();
    expect(names).toEqual(
      expect.arrayContaining(['fraud-detection', 'churn-model', 'image-classifier', 'Default']),
    );
    await screenshot(page, 'experiments-list');

    await page.getByLabel('Search experiments').fill('CHURN');
    await page.waitForURL(/q=CHURN/);
    await expect.poll(() => page.locator('.experiment-name').allTextContents()).toEqual(['churn-model']);

    await page.getByLabel('Search experiments').fill('no-such-thing');
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId('empty-state').textContent()).toContain('No experiment matches');
    await screenshot(page, 'experiments-empty-search');
    await page.getByLabel('Search experiments').fill('');
  });

  it('creates an experiment and lands on its (empty) runs page', async () => {
    await page.goto(`${server.uiUrl}/experiments`);
    await page.getByRole('button', { name: 'New experiment' }).click();
    await page.getByLabel('Name', { exact: true }).fill('created-in-browser');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForURL(/\/experiments\/\d+$/);
    await page.getByTestId('empty-state').waitFor();
    expect(await page.locator('h1').textContent()).toBe('created-in-browser');
    expect(await page.getByTestId('empty-state').textContent()).toContain('No runs yet');
    await screenshot(page, 'runs-empty');
  });

  it('shows the server error when the name is taken', async () => {
    await page.goto(`${server.uiUrl}/experiments`);
    await page.getByRole('button', { name: 'New experiment' }).click();
    await page.getByLabel('Name', { exact: true }).fill('churn-model');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('RESOURCE_ALREADY_EXISTS');
    await screenshot(page, 'experiments-create-error');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('renames, deletes and restores an experiment', async () => {
    await page.goto(`${server.uiUrl}/experiments?q=image`);
    const row = page.getByTestId('experiment-row').filter({ hasText: 'image-classifier' });
    await row.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New name').fill('image-classifier-v2');
    await page.getByRole('button', { name: 'Rename', exact: true }).last().click();
    await page.getByText('image-classifier-v2').waitFor();

    await page
      .getByTestId('experiment-row')
      .filter({ hasText: 'image-classifier-v2' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await screenshot(page, 'experiments-delete-confirm');
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByTestId('empty-state').waitFor();

    await page.getByRole('button', { name: 'Deleted' }).click();
    await page.waitForURL(/view=deleted/);
    const deleted = page.getByTestId('experiment-row').filter({ hasText: 'image-classifier-v2' });
    await deleted.waitFor();
    await screenshot(page, 'experiments-deleted-view');
    await deleted.getByRole('button', { name: 'Restore' }).click();
    await page.getByTestId('empty-state').waitFor();
    await page.goBack();
    await page.getByText('image-classifier-v2').waitFor();
    expect(pageErrors).toEqual([]);
  });
});

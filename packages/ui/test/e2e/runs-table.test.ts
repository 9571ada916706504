// Browser test of the runs table: rows, sorting, filter errors inline, columns (min/max), delete/restore, move.
import { trackingEndpoints } from '@mlflow-ts/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  createExperiment,
  createRun,
  ensureUiBuilt,
  launchBrowser,
  openPage,
  screenshot,
  startTestServer,
  type TestServer,
} from './support/index.js';

const RUNS = 30;

describe.skipIf(!browserAvailable())('runs table (Chromium)', { timeout: 90_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let experimentId: string;
  let targetId: string;

  beforeAll(async () => {
    ensureUiBuilt();
    server = await startTestServer();
    browser = await launchBrowser();
    experimentId = await createExperiment(server, 'sweep');
    targetId = await createExperiment(server, 'archive');
    for (let i = 0; i < RUNS; i++) {
      await createRun(server, experimentId, {
        name: `run-${String(i).padStart(2, '0')}`,
        params: { lr: String(0.001 * (i + 1)), model: i % 2 ? 'tree' : 'linear' },
        // loss falls then rises: its minimum (0.1·i) is not its last value.
        metrics: { loss: [1 + i, 0.1 * i, 0.5 + i], accuracy: [0.5, 0.6 + i / 100] },
        tags: { team: i % 3 === 0 ? 'vision' : 'nlp' },
        status: i === 3 ? 'FAILED' : 'FINISHED',
      });
    }
    ({ page, pageErrors } = await openPage(browser));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const rowNames = () => page.locator('[data-testid=run-row] .rt-name').allTextContents();

  it('shows the runs with metric and param columns, newest first', async () => {
    await page.goto(`${server.uiUrl}/experiments/${experimentId}`);
    await page.getByTestId('run-row').first().waitFor();
    expect(await page.getByTestId('runs-count').textContent()).toContain(`${RUNS} runs`);
    expect((await rowNames())[0]).toBe('run-29');
    for (const header of ['Created', 'Status', 'accuracy', 'loss', 'lr', 'model']) {
      await page.locator('.rt-hcell', { hasText: header }).first().waitFor();
    }
    await screenshot(page, 'runs-table');
  });

  it('sorts by a metric column on the server, both ways, and keeps it in the URL', async () => {
    await page.locator('.rt-hcell', { hasText: /^loss$/ }).click();
    await page.waitForURL(/sort=metric%3Aloss%3Alast&dir=desc/);
    await expect.poll(async () => (await rowNames())[0]).toBe('run-29');
    await page.locator('.rt-hcell', { hasText: /^loss/ }).click();
    await page.waitForURL(/dir=asc/);
    await expect.poll(async () => (await rowNames())[0]).toBe('run-00');
    await page.goBack();
    await page.waitForURL(/dir=desc/);
    await expect.poll(async () => (await rowNames())[0]).toBe('run-29');
  });

  it("shows the server's error inline for a bad filter, then filters with a good one", async () => {
    const box = page.getByLabel('Filter runs');
    await box.fill('metrics.loss >>> 3');
    await box.press('Enter');
    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('INVALID_PARAMETER_VALUE');
    await screenshot(page, 'runs-filter-error');

    await box.fill("params.model = 'tree' and metrics.accuracy > 0.8");
    await box.press('Enter');
    await expect.poll(() => banner.count()).toBe(0);
    await expect.poll(async () => (await rowNames()).length).toBe(5);
    expect((await rowNames()).every((n) => Number(n.slice(4)) % 2 === 1 && Number(n.slice(4)) > 20)).toBe(
      true,
    );

    await box.fill("tags.team = 'nobody'");
    await box.press('Enter');
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId('empty-state').textContent()).toContain('No run matches');
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(async () => (await rowNames()).length).toBe(RUNS);
  });

  it('adds min and max columns of a metric and a tag column from the chooser', async () => {
    await page.goto(`${server.uiUrl}/experiments/${experimentId}?sort=attr%3Arun_name&dir=asc`);
    await page.getByTestId('run-row').first().waitFor();
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByLabel('loss min').check();
    await page.getByLabel('loss max').check();
    await page.getByLabel('Show tag team').check();
    await page.getByLabel('Show param lr').uncheck();
    await screenshot(page, 'runs-column-chooser');
    await page.keyboard.press('Escape');
    const row7 = page.locator('[data-testid=run-row][data-run-id]', { hasText: 'run-07' });
    const cellTexts = () => row7.locator('.rt-cell').allTextContents();
    // run-07's loss history is 8, 0.7, 7.5: min 0.7, max 8, last 7.5.
    await expect.poll(cellTexts).toEqual(expect.arrayContaining(['0.7', '8', '7.5', 'nlp']));
    expect(await page.locator('.rt-hcell', { hasText: /^lr$/ }).count()).toBe(0);
    await screenshot(page, 'runs-table-columns');
    await page.reload();
    await expect.poll(cellTexts).toEqual(expect.arrayContaining(['0.7', '8', 'nlp']));
  });

  it('deletes selected runs, shows them in the deleted view and restores them', async () => {
    await page.goto(`${server.uiUrl}/experiments/${experimentId}?sort=attr%3Arun_name&dir=asc`);
    await page.getByLabel('Select run run-00').check();
    await page.getByLabel('Select run run-01').check();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(async () => (await rowNames()).length).toBe(RUNS - 2);
    await page.getByRole('button', { name: 'Deleted' }).click();
    await expect.poll(rowNames).toEqual(['run-00', 'run-01']);
    await page.getByLabel('Select all loaded runs').check();
    await page.getByRole('button', { name: 'Restore' }).click();
    await page.getByTestId('empty-state').waitFor();
    await page.getByRole('button', { name: 'Active' }).click();
    await expect.poll(async () => (await rowNames()).length).toBe(RUNS);
  });

  it('moves selected runs to another experiment, all at once', async () => {
    await page.getByLabel('Select run run-05').check();
    await page.getByLabel('Select run run-06').check();
    await page.getByRole('button', { name: 'Move to experiment…' }).click();
    await page.getByLabel('Destination experiment').selectOption(targetId);
    await screenshot(page, 'runs-move-dialog');
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await page.waitForURL(new RegExp(`/experiments/${targetId}$`));
    await expect.poll(async () => (await rowNames()).sort()).toEqual(['run-05', 'run-06']);
    const moved = await server.rest.call(trackingEndpoints.searchRuns, { experiment_ids: [targetId] });
    expect(
      moved.runs?.map((r) => r.info.artifact_uri?.startsWith(`mlflow-artifacts:/${experimentId}/`)),
    ).toEqual([true, true]);
    expect(pageErrors).toEqual([]);
  });

  it('renders in dark mode when the system asks for it', async () => {
    const dark = await openPage(browser, { colorScheme: 'dark' });
    await dark.page.goto(`${server.uiUrl}/experiments/${experimentId}`);
    await dark.page.getByTestId('run-row').first().waitFor();
    const bg = await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(21, 24, 29)');
    await screenshot(dark.page, 'runs-table-dark');
    await dark.page.context().close();
  });
});

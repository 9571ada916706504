// Browser tests of the registry pages: models list and search, model page, version page, empty and error states.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { registryEndpoints, trackingEndpoints } from '@mlflow-ts/protocol';
import {
  browserAvailable,
  ensureUiBuilt,
  launchBrowser,
  openPage,
  screenshot,
  startTestServer,
  type TestServer,
} from './support/index.js';

/** MLFLOW_TS_UI_DIST points the tests at a UI built elsewhere; otherwise packages/ui/dist is built once. */
async function startServer(): Promise<TestServer> {
  const dist = process.env.MLFLOW_TS_UI_DIST;
  if (!dist) ensureUiBuilt();
  return startTestServer(dist ? { env: { MLFLOW_TS_UI_DIST: dist } } : {});
}

const available = browserAvailable();

describe.skipIf(!available)('registry pages (chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let sourceRun: string;
  let seeded: Promise<void> | undefined;

  async function open(path: string): Promise<{ page: Page; pageErrors: string[] }> {
    const opened = await openPage(browser);
    await opened.page.goto(`${server.uiUrl}${path}`);
    return opened;
  }

  /** Two models; `fraud-detector` has three versions from one run, an alias, tags and a stage. */
  function seed(): Promise<void> {
    seeded ??= (async () => {
      const rest = server.rest;
      const { run } = await rest.call(trackingEndpoints.createRun, {
        experiment_id: '0',
        run_name: 'trainer',
      });
      sourceRun = run.info.run_id;
      await rest.call(registryEndpoints.createRegisteredModel, {
        name: 'fraud-detector',
        description: 'Flags card payments for review.',
        tags: [{ key: 'team', value: 'risk' }],
      });
      await rest.call(registryEndpoints.createRegisteredModel, { name: 'churn-model' });
      for (let v = 1; v <= 3; v++) {
        await rest.call(registryEndpoints.createModelVersion, {
          name: 'fraud-detector',
          source: `runs:/${sourceRun}/model`,
          run_id: sourceRun,
          description: v === 2 ? 'Retrained on May data.' : '',
          tags: v === 2 ? [{ key: 'validated', value: 'yes' }] : [],
        });
      }
      await rest.call(registryEndpoints.setRegisteredModelAlias, {
        name: 'fraud-detector',
        alias: 'champion',
        version: '2',
      });
      await rest.call(registryEndpoints.transitionModelVersionStage, {
        name: 'fraud-detector',
        version: '2',
        stage: 'Production',
        archive_existing_versions: false,
      });
    })();
    return seeded;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows an empty state while no model is registered (reached from the top navigation)', async () => {
    const { page } = await open('/experiments');
    await page.getByRole('link', { name: 'Models', exact: true }).click();
    await page.getByTestId('empty-state').waitFor();
    expect(new URL(page.url()).pathname).toBe('/models');
    expect(await page.getByTestId('empty-state').innerText()).toContain('No registered models yet');
    await screenshot(page, 'registry-empty');
    await page.context().close();
  });

  it('lists the models and searches them by name', async () => {
    await seed();
    const { page, pageErrors } = await open('/models');
    const table = page.locator('.models-table');
    await table.waitFor();
    expect(await table.locator('tbody tr td:first-child').allInnerTexts()).toEqual([
      'churn-model',
      'fraud-detector',
    ]);
    const fraud = table.locator('tbody tr', { hasText: 'fraud-detector' });
    expect(await fraud.innerText()).toContain('Version 3');
    expect(await fraud.innerText()).toContain('@champion → v2');
    await screenshot(page, 'registry-models');
    await page.getByLabel('Search models by name').fill('FRAUD');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(page.url()).toContain('q=FRAUD');
    await page.getByLabel('Search models by name').fill('nothing-like-this');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('No models match “nothing-like-this”').waitFor();
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('shows a model with its description, aliases, tags and versions', async () => {
    await seed();
    const { page, pageErrors } = await open('/models');
    await page.getByRole('link', { name: 'fraud-detector' }).click();
    await page.locator('.versions-table').waitFor();
    expect(page.url()).toMatch(/\/models\/fraud-detector$/);
    expect(await page.locator('h1').innerText()).toBe('fraud-detector');
    expect(await page.getByText('Flags card payments for review.').count()).toBe(1);
    expect(await page.locator('.tags-table tbody').innerText()).toMatch(/team\s+risk/);
    const rows = page.locator('.versions-table tbody tr');
    expect(await rows.locator('td:first-child').allInnerTexts()).toEqual([
      'Version 3',
      'Version 2',
      'Version 1',
    ]);
    expect(await rows.nth(1).innerText()).toMatch(/Production\s+@champion/);
    await screenshot(page, 'registry-model');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('shows a version with stage, alias, tags and a link to its source run', async () => {
    await seed();
    const { page, pageErrors } = await open('/models/fraud-detector');
    await page.getByRole('link', { name: 'Version 2' }).first().click();
    await page.locator('.field-list').waitFor();
    expect(await page.locator('h1').innerText()).toBe('fraud-detector · version 2');
    const fields = await page.locator('.field-list').innerText();
    expect(fields).toMatch(/Stage\s+Production/);
    expect(fields).toContain('@champion');
    expect(fields).toContain(`runs:/${sourceRun}/model`);
    expect(await page.locator('.tags-table tbody').innerText()).toMatch(/validated\s+yes/);
    const runLink = page.getByRole('link', { name: sourceRun });
    await runLink.waitFor();
    expect(await runLink.getAttribute('href')).toBe(`/experiments/0/runs/${sourceRun}`);
    await screenshot(page, 'registry-version');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('shows the server error for a model or version that does not exist', async () => {
    const { page } = await open('/models/no-such-model');
    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('RESOURCE_DOES_NOT_EXIST');
    expect(await banner.innerText()).toContain('no-such-model');
    await screenshot(page, 'registry-error');
    await seed();
    await page.goto(`${server.uiUrl}/models/fraud-detector/versions/99`);
    await page.getByTestId('error-banner').waitFor();
    expect(await page.getByTestId('error-banner').innerText()).toContain('RESOURCE_DOES_NOT_EXIST');
    await page.context().close();
  });
});

// Browser tests of the compare-runs page: diff table highlights, parallel coordinates, scatter, states.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { trackingEndpoints } from '@mlflow-ts/protocol';
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

describe.skipIf(!available)('compare page (chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  const runIds: string[] = [];

  async function open(path: string): Promise<{ page: Page; pageErrors: string[] }> {
    const opened = await openPage(browser);
    await opened.page.goto(`${server.uiUrl}${path}`);
    return opened;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const lrs = ['0.1', '0.01', '0.001'];
    for (const [i, lr] of lrs.entries()) {
      const { run } = await server.rest.call(trackingEndpoints.createRun, {
        experiment_id: '0',
        run_name: `lr-${lr}`,
      });
      const id = run.info.run_id;
      runIds.push(id);
      await server.rest.call(trackingEndpoints.logBatch, {
        run_id: id,
        params: [
          { key: 'lr', value: lr },
          { key: 'optimizer', value: 'adam' },
          ...(i === 2 ? [{ key: 'warmup', value: '100' }] : []),
        ],
        metrics: [
          { key: 'val_loss', value: 0.5 - i * 0.1, timestamp: 1, step: 0 },
          { key: 'val_acc', value: 0.8 + i * 0.05, timestamp: 1, step: 0 },
        ],
      });
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('highlights the rows that differ, and can hide the others', async () => {
    const { page, pageErrors } = await open(`/compare?runs=${runIds.join(',')}`);
    const table = page.locator('.diff-table');
    await table.waitFor();
    expect(await table.locator('thead th').allInnerTexts()).toEqual([
      'Run',
      ' lr-0.1',
      ' lr-0.01',
      ' lr-0.001',
    ]);
    const row = (key: string) => table.locator('tr.diff-row', { has: page.locator(`th:text-is("${key}")`) });
    expect(await row('lr').getAttribute('data-differs')).toBe('true');
    expect(await row('optimizer').getAttribute('data-differs')).toBe('false');
    expect(await row('warmup').locator('td').allInnerTexts()).toEqual(['—', '—', '100']);
    expect(await row('val_loss').locator('td').allInnerTexts()).toEqual(['0.5', '0.4', '0.3']);
    await screenshot(page, 'compare-table');
    await page.getByLabel(/Only rows that differ/).check();
    await expect.poll(() => table.locator('tr.diff-row').count()).toBe(4);
    expect(await row('optimizer').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('draws parallel coordinates and a scatter of two chosen values', async () => {
    const { page, pageErrors } = await open(`/compare?runs=${runIds.join(',')}`);
    const parallel = page.getByRole('img', { name: 'Parallel coordinates' });
    await parallel.waitFor();
    // One line per run over the differing values (lr, warmup, val_acc, val_loss).
    expect(await parallel.locator('path').count()).toBe(3);
    expect(await parallel.locator('.axis-title').allTextContents()).toEqual([
      'lr',
      'warmup',
      'val_acc',
      'val_loss',
    ]);
    await page.getByLabel('Scatter X axis').selectOption('param:lr');
    await page.getByLabel('Scatter Y axis').selectOption('metric:val_acc');
    const scatter = page.getByRole('img', { name: 'val_acc against lr' });
    await scatter.waitFor();
    expect(await scatter.getAttribute('data-dots')).toBe('3');
    await page.locator('.compare-section').nth(1).scrollIntoViewIfNeeded();
    await screenshot(page, 'compare-plots');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('is reached from the runs table by selecting runs and choosing Compare', async () => {
    const { page } = await open('/experiments/0');
    await page.getByLabel('Select run lr-0.1').check();
    await page.getByLabel('Select run lr-0.001').check();
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.locator('.diff-table').waitFor();
    const shown = new URL(page.url()).searchParams.get('runs')?.split(',') ?? [];
    expect(shown.sort()).toEqual([runIds[0], runIds[2]].sort());
    expect(await page.locator('.diff-table thead th').count()).toBe(3);
    await page.getByRole('link', { name: 'Metric charts of these runs' }).click();
    await page.locator('.metric-plot[data-points]').first().waitFor();
    await page.context().close();
  });

  it('shows an empty state without runs', async () => {
    const { page } = await open('/compare');
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId('empty-state').innerText()).toContain('No runs chosen');
    await screenshot(page, 'compare-empty');
    await page.context().close();
  });

  it('shows the server error when a run does not exist', async () => {
    const { page } = await open(`/compare?runs=${runIds[0]},ffffffffffffffffffffffffffffffff`);
    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('RESOURCE_DOES_NOT_EXIST');
    await screenshot(page, 'compare-error');
    await page.context().close();
  });
});

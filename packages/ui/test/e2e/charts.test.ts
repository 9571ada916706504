// Browser tests of the metric charts page: envelopes drawn, lazy mounting at 2,000 keys, polling, controls, states.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { trackingEndpoints, type Metric } from '@mlflow-ts/protocol';
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

describe.skipIf(!available)('charts page (chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  /** `loss` over steps 0–4,999 with a spike of 900 at step 3,217; `acc` over 0–99. Finished. */
  let runA: string;
  /** `loss` over 0–2,999. Finished. */
  let runB: string;

  async function newRun(name: string): Promise<string> {
    const { run } = await server.rest.call(trackingEndpoints.createRun, {
      experiment_id: '0',
      run_name: name,
      start_time: 1_700_000_000_000,
    });
    return run.info.run_id;
  }

  async function logPoints(runId: string, metrics: Metric[]): Promise<void> {
    for (let i = 0; i < metrics.length; i += 1000) {
      await server.rest.call(trackingEndpoints.logBatch, {
        run_id: runId,
        metrics: metrics.slice(i, i + 1000),
      });
    }
  }

  const series = (key: string, steps: number, value: (s: number) => number, from = 0): Metric[] =>
    Array.from({ length: steps }, (_, i) => ({
      key,
      value: value(from + i),
      timestamp: 1_700_000_000_000 + (from + i) * 1000,
      step: from + i,
    }));

  async function finish(runId: string): Promise<void> {
    await server.rest.call(trackingEndpoints.updateRun, { run_id: runId, status: 'FINISHED', end_time: 1 });
  }

  async function open(path: string): Promise<{ page: Page; pageErrors: string[] }> {
    const opened = await openPage(browser);
    await opened.page.goto(`${server.uiUrl}${path}`);
    return opened;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    runA = await newRun('alpha');
    runB = await newRun('beta');
    await logPoints(
      runA,
      series('loss', 5000, (s) => (s === 3217 ? 900 : 1 / (1 + s))),
    );
    await logPoints(
      runA,
      series('acc', 100, (s) => s / 100),
    );
    await logPoints(
      runB,
      series('loss', 3000, (s) => 2 / (1 + s)),
    );
    await finish(runA);
    await finish(runB);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('draws one chart per metric for two runs, ≤ 2,000 points a run, the spike inside the band', async () => {
    const { page, pageErrors } = await open(`/charts?runs=${runA},${runB}`);
    const loss = page.locator('[data-metric-key="loss"] .metric-plot[data-points]');
    await loss.waitFor();
    expect(await page.locator('.chart-slot').count()).toBe(2);
    // 5,000 steps → 1,000 buckets of 5 → 2,000 points; 3,000 → 1,000 of 3 → 2,000 points.
    expect(Number(await loss.getAttribute('data-points'))).toBe(4000);
    const acc = page.locator('[data-metric-key="acc"] .metric-plot[data-points]');
    await acc.waitFor();
    expect(Number(await acc.getAttribute('data-points'))).toBe(100);
    await expect.poll(() => page.locator('.chart-legend li').allTextContents()).toEqual([' alpha', ' beta']);
    // The y axis reaches the spike although no drawn line point is at 900: the band holds it.
    expect(Number(await loss.getAttribute('data-y-max'))).toBeGreaterThanOrEqual(900);
    // Hovering reads out each run's value (and its band when the bucket spans several values).
    const plotBox = await page.locator('[data-metric-key="loss"] .u-over').boundingBox();
    if (!plotBox) throw new Error('no plot area');
    await page.mouse.move(plotBox.x + plotBox.width * 0.3, plotBox.y + plotBox.height / 2);
    await expect
      .poll(() => page.locator('[data-metric-key="loss"] .chart-readout').innerText())
      .toMatch(/^step \d+ · alpha [\d.e-]+ \([\d.e-]+–[\d.e-]+\) · beta [\d.e-]+/);
    await screenshot(page, 'charts-two-runs');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('switches x axis, log scale and smoothing without losing the chart', async () => {
    const { page, pageErrors } = await open(`/charts?runs=${runA}&metric=loss`);
    const plot = page.locator('[data-metric-key="loss"] .metric-plot[data-points]');
    await plot.waitFor();
    expect(await page.locator('.chart-slot').count()).toBe(1); // `metric=loss` pre-fills the filter
    expect(Number(await plot.getAttribute('data-x-max'))).toBeLessThan(6000); // steps
    await page.getByLabel('X axis').selectOption('wall');
    await expect.poll(async () => Number(await plot.getAttribute('data-x-max'))).toBeGreaterThan(1.7e9); // epoch s
    await page.getByLabel('X axis').selectOption('relative');
    // Points 1 s apart from the first: the last one is 4,999 s in.
    await expect.poll(async () => Number(await plot.getAttribute('data-x-max'))).toBeLessThan(6000);
    await page.getByLabel('Log scale').check();
    await page.locator('input[type="range"]').fill('0.9');
    await expect.poll(() => page.locator('output').innerText()).toBe('0.90');
    await plot.waitFor();
    expect(Number(await plot.getAttribute('data-points'))).toBe(2000);
    await screenshot(page, 'charts-relative-log-smoothed');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('zooms into a dragged step range by reading that window in detail', async () => {
    const { page } = await open(`/charts?runs=${runA}&metric=loss`);
    await page.locator('[data-metric-key="loss"] .metric-plot[data-points]').waitFor();
    const over = page.locator('[data-metric-key="loss"] .u-over');
    const box = await over.boundingBox();
    if (!box) throw new Error('no plot area');
    await page.mouse.move(box.x + box.width * 0.1, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const reset = page.getByRole('button', { name: /show all/ });
    await reset.waitFor();
    expect(await reset.innerText()).toMatch(/^Steps \d+–\d+ · show all$/);
    // About a fifth of 5,000 steps: every step is its own bucket again (≤ 1,000 points, not 2,000).
    await expect
      .poll(async () =>
        Number(await page.locator('[data-metric-key="loss"] .metric-plot').getAttribute('data-points')),
      )
      .toBeLessThan(1200);
    await reset.click();
    await expect
      .poll(async () =>
        Number(await page.locator('[data-metric-key="loss"] .metric-plot').getAttribute('data-points')),
      )
      .toBe(2000);
    await page.context().close();
  });

  it(
    'mounts only the charts near the viewport when a run has 2,000 metric keys',
    { timeout: 60_000 },
    async () => {
      const wide = await newRun('wide');
      const metrics: Metric[] = Array.from({ length: 2000 }, (_, k) => ({
        key: `layer_${String(k).padStart(4, '0')}/grad_norm`,
        value: k,
        timestamp: 1_700_000_000_000,
        step: 0,
      }));
      await logPoints(wide, metrics);
      await finish(wide);
      console.log('[charts e2e] seeded 2,000 keys');
      const started = Date.now();
      const { page, pageErrors } = await open(`/charts?runs=${wide}`);
      await page.locator('.metric-plot[data-points]').first().waitFor();
      const firstChartMs = Date.now() - started;
      console.log(`[charts e2e] 2,000 keys: first chart drawn ${firstChartMs} ms after navigation`);
      expect(await page.locator('.chart-slot').count()).toBe(2000);
      const mounted = await page.locator('.chart-slot[data-mounted="true"]').count();
      expect(mounted).toBeGreaterThan(0);
      expect(mounted).toBeLessThan(60);
      expect(await page.locator('.chart-count').innerText()).toBe('2,000 of 2,000 metrics');
      expect(firstChartMs).toBeLessThan(15_000);
      // The last chart draws once scrolled to.
      await page.locator('.chart-slot').last().scrollIntoViewIfNeeded();
      await page.locator('[data-metric-key="layer_1999/grad_norm"] .metric-plot[data-points]').waitFor();
      expect(await page.locator('.chart-slot[data-mounted="true"]').count()).toBeLessThan(60);
      await page.getByLabel('Filter metrics').fill('layer_0042');
      await expect.poll(() => page.locator('.chart-slot').count()).toBe(1);
      await screenshot(page, 'charts-2000-keys-filtered');
      expect(pageErrors).toEqual([]);
      await page.context().close();
    },
  );

  it('polls a running run and redraws as points arrive', async () => {
    const live = await newRun('live');
    await logPoints(
      live,
      series('loss', 10, (s) => s),
    );
    const { page } = await open(`/charts?runs=${live}`);
    const plot = page.locator('[data-metric-key="loss"] .metric-plot[data-points]');
    await plot.waitFor();
    expect(Number(await plot.getAttribute('data-points'))).toBe(10);
    expect(await page.locator('.chart-legend').innerText()).toContain('running');
    await logPoints(
      live,
      series('loss', 15, (s) => s, 10),
    );
    await expect
      .poll(async () => Number(await plot.getAttribute('data-points')), { timeout: 15_000 })
      .toBe(25);
    await page.context().close();
  });

  it('is reached from the run page through its Charts button', async () => {
    const { page } = await open(`/experiments/0/runs/${runA}`);
    await page.getByRole('link', { name: 'Charts' }).click();
    await page.locator('[data-metric-key="loss"] .metric-plot[data-points]').waitFor();
    expect(new URL(page.url()).search).toBe(`?runs=${runA}`);
    await page.context().close();
  });

  it('shows an empty state without runs, and for runs without metrics', async () => {
    const { page } = await open('/charts');
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId('empty-state').innerText()).toContain('No runs chosen');
    await screenshot(page, 'charts-empty');
    const bare = await newRun('bare');
    await page.goto(`${server.uiUrl}/charts?runs=${bare}`);
    await page.getByText('These runs have logged no metrics yet.').waitFor();
    await page.context().close();
  });

  it('shows the server error for a run that does not exist', async () => {
    const { page } = await open('/charts?runs=0123456789abcdef0123456789abcdef');
    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('RESOURCE_DOES_NOT_EXIST');
    expect(await banner.innerText()).toContain('0123456789abcdef0123456789abcdef');
    await screenshot(page, 'charts-error');
    await page.context().close();
  });
});

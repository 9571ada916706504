// UI chart benchmark: a run with a 1,000,000-step metric, its chart page opened in Chromium; points drawn, time to first draw.
//
// `npx tsx --conditions=source bench/ui-charts.ts [--steps N] [--reps N]` (MLFLOW_TS_UI_DIST may point at a built UI).
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { metricEnvelopeEndpoints, trackingEndpoints } from '@mlflow-ts/protocol';
import {
  browserAvailable,
  ensureUiBuilt,
  launchBrowser,
  openPage,
  screenshot,
  startTestServer,
  UI_DIST,
} from '../packages/ui/test/e2e/support/index.js';

const { values } = parseArgs({
  options: { steps: { type: 'string', default: '1000000' }, reps: { type: 'string', default: '3' } },
});
const STEPS = Number(values.steps);
const REPS = Math.max(2, Number(values.reps));
/** A one-step spike far above the curve: the chart must still show it after downsampling. */
const SPIKE_STEP = Math.floor(STEPS * 0.7) + 3;
const SPIKE = 1000;

const valueAt = (step: number): number => (step === SPIKE_STEP ? SPIKE : Math.exp(-step / (STEPS / 5)));

/**
 * 1,000,000 log-batch points over REST take minutes on this 2-core machine, so the rows go
 * straight into the server's SQLite file (WAL: the running server sees them at its next read);
 * the last point is logged over REST so MLflow's latest_metrics row exists as usual.
 */
function seedDirect(dbFile: string, runId: string): number {
  const started = performance.now();
  const db = new Database(dbFile);
  db.pragma('busy_timeout = 10000');
  const insert = db.prepare(
    'INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) VALUES (?, ?, ?, ?, ?, 0)',
  );
  db.transaction(() => {
    for (let step = 0; step < STEPS - 1; step++)
      insert.run('loss', valueAt(step), 1_700_000_000_000 + step, runId, step);
  })();
  db.close();
  return performance.now() - started;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  if (!browserAvailable()) process.exit(2);
  const dist = process.env.MLFLOW_TS_UI_DIST ?? UI_DIST;
  if (dist === UI_DIST) ensureUiBuilt();
  const server = await startTestServer({ env: { MLFLOW_TS_UI_DIST: dist } });
  const browser = await launchBrowser();
  try {
    const { run } = await server.rest.call(trackingEndpoints.createRun, {
      experiment_id: '0',
      start_time: 1,
    });
    const runId = run.info.run_id;
    const seedMs = seedDirect(join(server.dir, 'mlflow.db'), runId);
    await server.rest.call(trackingEndpoints.logMetric, {
      run_id: runId,
      key: 'loss',
      value: valueAt(STEPS - 1),
      timestamp: 1_700_000_000_000 + STEPS - 1,
      step: STEPS - 1,
    });

    // The envelope request alone, as the chart sends it.
    const api: number[] = [];
    let buckets = 0;
    let spikeInEnvelope = false;
    for (let i = 0; i < REPS; i++) {
      const t = performance.now();
      const res = await server.rest.call(metricEnvelopeEndpoints.getMetricHistoryEnvelope, {
        run_ids: [runId],
        metric_key: 'loss',
        max_buckets: 1000,
      });
      api.push(performance.now() - t);
      const b = res.envelopes?.[0]?.buckets ?? [];
      buckets = b.length;
      spikeInEnvelope = b.some((x) => x.max_value === SPIKE);
    }
    // What MLflow's own UI reads instead: 320 row-sampled points, where a one-step spike is luck.
    const sampled = await server.rest.call(trackingEndpoints.getMetricHistoryBulkInterval, {
      run_ids: [runId],
      metric_key: 'loss',
      max_results: 320,
    });
    const spikeInSample = (sampled.metrics ?? []).some((m) => m.value === SPIKE);

    const firstDraw: number[] = [];
    const pageLoad: number[] = [];
    let points = 0;
    for (let i = 0; i < REPS; i++) {
      const { page } = await openPage(browser);
      const t = performance.now();
      await page.goto(`${server.uiUrl}/charts?runs=${runId}`);
      const plot = page.locator('.metric-plot[data-points]').first();
      await plot.waitFor({ timeout: 120_000 });
      pageLoad.push(performance.now() - t);
      points = Number(await plot.getAttribute('data-points'));
      firstDraw.push(Number(await plot.getAttribute('data-first-draw-ms')));
      if (i === 0) await screenshot(page, 'bench-ui-charts-1m');
      await page.context().close();
    }

    console.log(
      `ui-charts: ${STEPS.toLocaleString('en')} steps of one metric (seeded in ${(seedMs / 1000).toFixed(1)} s)`,
    );
    console.log(
      `  get-history-envelope (1,000 buckets):  first ${api[0]?.toFixed(0)} ms, then median ${median(api.slice(1)).toFixed(0)} ms (reused while nothing is written), ${buckets} buckets`,
    );
    console.log(`  points drawn by the chart:             ${points}`);
    console.log(
      `  first draw after navigation start:     median ${median(firstDraw).toFixed(0)} ms (page.goto → plot ${median(pageLoad).toFixed(0)} ms)`,
    );
    console.log(
      `  spike at step ${SPIKE_STEP} kept:       envelope ${spikeInEnvelope ? 'yes' : 'NO'}, MLflow's 320-point bulk-interval sample ${spikeInSample ? 'yes' : 'no'}`,
    );
    if (points > 2000 || !spikeInEnvelope) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

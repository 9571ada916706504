// UI benchmark: the runs table on 10,000 runs × 20 metrics × 20 params — time to interactive and scroll frame times.
//
// Run: npx tsx --conditions=source bench/ui-runs-table.ts [--runs 10000] [--keep]
// Seeds a fresh SQLite database (schema by mlflow-ts itself, rows written straight in), starts `mlflow-ts server`,
// drives Debian's Chromium through playwright-core, and prints the numbers. Needs packages/ui/dist (built if absent).
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import {
  browserAvailable,
  createExperiment,
  ensureUiBuilt,
  launchBrowser,
  openPage,
  startTestServer,
  type TestServer,
} from '../packages/ui/test/e2e/support/index.js';

const METRICS = 20;
const PARAMS = 20;
/** The budget from navigation to a usable table. */
const BUDGET_MS = 1500;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

/** Writes the runs straight into MLflow's tables (what 10,000 REST calls would leave, in seconds). */
function seed(dbPath: string, experimentId: string, runs: number): void {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  const now = Date.now();
  const insertRun = db.prepare(
    `INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status, start_time,
       end_time, source_version, lifecycle_stage, artifact_uri, experiment_id) VALUES (?, ?, 'LOCAL', 'train.py', '', 'bench',
       'FINISHED', ?, ?, '', 'active', ?, ?)`,
  );
  const insertMetric = db.prepare(
    'INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) VALUES (?, ?, ?, ?, 0, 0)',
  );
  const insertLatest = db.prepare(
    'INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES (?, ?, ?, 0, 0, ?)',
  );
  const insertParam = db.prepare('INSERT INTO params (key, value, run_uuid) VALUES (?, ?, ?)');
  const insertTag = db.prepare('INSERT INTO tags (key, value, run_uuid) VALUES (?, ?, ?)');
  const all = db.transaction(() => {
    for (let r = 0; r < runs; r++) {
      const id = randomUUID().replace(/-/g, '');
      const start = now - (runs - r) * 1000;
      const name = `run-${String(r).padStart(5, '0')}`;
      insertRun.run(
        id,
        name,
        start,
        start + 30_000 + (r % 97) * 100,
        `mlflow-artifacts:/${experimentId}/${id}/artifacts`,
        experimentId,
      );
      for (let m = 0; m < METRICS; m++) {
        const value = Math.sin(r * 0.37 + m) * 10 + m;
        insertMetric.run(`metric_${m}`, value, start, id);
        insertLatest.run(`metric_${m}`, value, start, id);
      }
      for (let p = 0; p < PARAMS; p++) insertParam.run(`param_${p}`, String((r * 31 + p * 7) % 1000), id);
      insertTag.run('mlflow.runName', name, id);
      insertTag.run('mlflow.user', 'bench', id);
      insertTag.run('mlflow.source.name', 'train.py', id);
    }
  });
  all();
  db.close();
}

/** Records long tasks from the first script on, so the load's main-thread blocking can be summed. */
const LONG_TASKS_INIT = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
  window.__frames = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const script = (e.scripts || []).reduce((a, s) => a + s.duration, 0);
      window.__frames.push({ duration: e.duration, script, render: e.startTime + e.duration - e.renderStart });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
`;

interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  over50: number;
  meanRowsInDom: number;
}

/**
 * Scrolls the table by `step` px per animation frame (or to random offsets) and resolves frame-time
 * stats. Kept as source text: tsx would wrap named functions in a helper the page does not have.
 */
const SCROLL_FRAMES = `(frames, step) => new Promise((resolve) => {
  const el = document.querySelector('.runs-table');
  const deltas = [];
  const rowCounts = [];
  let last = performance.now();
  let n = 0;
  const tick = (t) => {
    deltas.push(t - last);
    last = t;
    rowCounts.push(el.querySelectorAll('[data-testid=run-row]').length);
    if (++n >= frames) {
      const sorted = deltas.slice(1).sort((a, b) => a - b);
      const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] || 0;
      resolve({
        frames: sorted.length, p50: q(0.5), p95: q(0.95), max: sorted[sorted.length - 1] || 0,
        over50: sorted.filter((d) => d > 50).length,
        meanRowsInDom: rowCounts.reduce((a, b) => a + b, 0) / rowCounts.length,
      });
      return;
    }
    el.scrollTop = step === 'random' ? Math.random() * (el.scrollHeight - el.clientHeight) : el.scrollTop + step;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

async function scrollFrames(page: Page, frames: number, step: number | 'random'): Promise<FrameStats> {
  return page.evaluate(`(${SCROLL_FRAMES})(${frames}, ${JSON.stringify(step)})`) as Promise<FrameStats>;
}

/** Long animation frames (> 50 ms) seen since the last call: how much of them was our script vs. rendering. */
async function slowFrames(page: Page): Promise<string> {
  const frames = (await page.evaluate('window.__frames.splice(0)')) as {
    duration: number;
    script: number;
    render: number;
  }[];
  if (frames.length === 0) return 'no frame over 50 ms';
  const sum = (k: 'duration' | 'script' | 'render') => frames.reduce((a, f) => a + f[k], 0) / frames.length;
  return `${frames.length} frames over 50 ms, mean ${sum('duration').toFixed(0)} ms = script ${sum('script').toFixed(0)} ms + style/layout/paint ${sum('render').toFixed(0)} ms`;
}

function fmt(s: FrameStats): string {
  return (
    `${s.frames} frames: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms, ` +
    `${s.over50} over 50 ms; ~${Math.round(s.meanRowsInDom)} rows in the DOM`
  );
}

async function main(): Promise<void> {
  const runs = option('runs', 10_000);
  if (!browserAvailable()) process.exit(2);
  ensureUiBuilt();
  let server: TestServer = await startTestServer();
  const dir = server.dir;
  const experimentId = await createExperiment(server, 'ui-bench');
  // Stop, seed the file directly, start again on the same database.
  const dbPath = join(dir, 'mlflow.db');
  const seedStart = performance.now();
  await server.stop({ keepFiles: true });
  seed(dbPath, experimentId, runs);
  console.log(
    `seeded ${runs} runs × ${METRICS} metrics × ${PARAMS} params in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );
  server = await startTestServer({ database: dbPath });

  const browser = await launchBrowser();
  try {
    const { page } = await openPage(browser, { width: 1400, height: 900 });
    await page.addInitScript(LONG_TASKS_INIT);
    const url = `${server.uiUrl}/experiments/${experimentId}`;
    // Warm-up load (browser caches, server statement caches), as a returning user would have.
    await page.goto(url);
    await page.getByTestId('run-row').first().waitFor();

    const results: { rows: number; interactive: number; blocking: number }[] = [];
    for (let rep = 0; rep < 3; rep++) {
      await page.goto('about:blank');
      const t0 = performance.now();
      await page.goto(url, { waitUntil: 'commit' });
      await page.getByTestId('run-row').first().waitFor();
      const rows = performance.now() - t0;
      // Interactive: a click on a row's checkbox is handled and painted.
      const box = page.getByTestId('run-row').first().locator('input[type=checkbox]');
      await box.click();
      await page.waitForFunction("document.querySelector('[data-testid=run-row].rt-selected') !== null");
      const interactive = performance.now() - t0;
      const blocking = (await page.evaluate(
        '(window.__longTasks || []).reduce((a, d) => a + Math.max(0, d - 50), 0)',
      )) as number;
      results.push({ rows, interactive, blocking });
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const interactive = median(results.map((r) => r.interactive));
    console.log(
      `first rows visible after navigation:   median ${median(results.map((r) => r.rows)).toFixed(0)} ms (3 loads)`,
    );
    console.log(
      `table interactive (click handled):     median ${interactive.toFixed(0)} ms — budget ${BUDGET_MS} ms: ${interactive <= BUDGET_MS ? 'OK' : 'OVER'}`,
    );
    console.log(
      `main-thread blocking during load:      median ${median(results.map((r) => r.blocking)).toFixed(0)} ms (long tasks beyond 50 ms)`,
    );

    await slowFrames(page);
    console.log(`scroll while pages stream in:          ${fmt(await scrollFrames(page, 240, 96))}`);
    console.log(`   long frames:                        ${await slowFrames(page)}`);
    // Load every page: keep jumping to the bottom until the count says all runs are there.
    const loadStart = performance.now();
    for (let i = 0; i < 200; i++) {
      const text = (await page.getByTestId('runs-count').textContent()) ?? '';
      if (!text.includes('more')) break;
      await page.evaluate("document.querySelector('.runs-table').scrollTop = 1e9");
      await page.waitForTimeout(100);
    }
    const count = (await page.getByTestId('runs-count').textContent()) ?? '';
    console.log(
      `all pages loaded by scrolling:         ${count.trim()} in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`,
    );
    await page.evaluate("document.querySelector('.runs-table').scrollTop = 0");
    await slowFrames(page);
    console.log(`steady scroll over all rows:           ${fmt(await scrollFrames(page, 600, 160))}`);
    console.log(`   long frames:                        ${await slowFrames(page)}`);
    console.log(`random jumps anywhere in the table:    ${fmt(await scrollFrames(page, 120, 'random'))}`);
    console.log(`   long frames:                        ${await slowFrames(page)}`);

    const sortStart = performance.now();
    const firstBefore = await page.locator('[data-testid=run-row] .rt-name').first().textContent();
    await page.locator('.rt-hcell', { hasText: /^metric_0$/ }).click();
    await page.waitForFunction(
      `document.querySelector('[data-testid=run-row] .rt-name')?.textContent !== ${JSON.stringify(firstBefore)}`,
    );
    console.log(
      `sort by a metric column (server-side): ${(performance.now() - sortStart).toFixed(0)} ms to new first row`,
    );
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

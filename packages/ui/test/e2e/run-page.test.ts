// Browser test of the run page: overview and lineage, metrics with sparklines, params, tags editing, datasets, artifacts.
import { deflateSync } from 'node:zlib';
import { trackingEndpoints, type RunInfo } from '@mlflow-ts/protocol';
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
  uploadArtifact,
  type TestServer,
} from './support/index.js';

/** A valid 8×8 PNG (one red square), built here so the test ships no binary fixture. */
function redSquarePng(): Uint8Array<ArrayBuffer> {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.from([0, 0, 0, 8, 0, 0, 0, 8, 8, 2, 0, 0, 0]);
  const rows = Buffer.concat(
    Array.from({ length: 8 }, () => Buffer.from([0, ...Array(8).fill([220, 40, 40]).flat()])),
  );
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return new Uint8Array(png);
}

describe.skipIf(!browserAvailable())('run page (Chromium)', { timeout: 90_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let experimentId: string;
  let parent: RunInfo;
  let child: RunInfo;

  beforeAll(async () => {
    ensureUiBuilt();
    server = await startTestServer();
    browser = await launchBrowser();
    experimentId = await createExperiment(server, 'training');
    parent = await createRun(server, experimentId, {
      name: 'resnet-sweep',
      params: { lr: '0.01', batch_size: '64', optimizer: 'adam' },
      metrics: {
        loss: Array.from({ length: 200 }, (_, i) => 2 * Math.exp(-i / 40) + 0.05 * Math.sin(i)),
        accuracy: Array.from({ length: 200 }, (_, i) => 1 - Math.exp(-i / 50)),
      },
      tags: {
        owner: 'vision-team',
        'mlflow.source.name': 'train.py',
        'mlflow.source.type': 'LOCAL',
        'mlflow.user': 'alice',
      },
    });
    child = await createRun(server, experimentId, {
      name: 'fold-1',
      tags: { 'mlflow.parentRunId': parent.run_id },
      metrics: { loss: [0.4] },
    });
    await server.rest.call(trackingEndpoints.logInputs, {
      run_id: parent.run_id,
      datasets: [
        {
          dataset: {
            name: 'imagenet-mini',
            digest: '3f2a9c',
            source_type: 'local',
            source: '/data/imagenet-mini',
            schema: '{"mlflow_colspec": [{"name": "image", "type": "binary"}]}',
          },
          tags: [{ key: 'mlflow.data.context', value: 'training' }],
        },
      ],
    });
    await uploadArtifact(
      server,
      parent,
      'model/MLmodel',
      'artifact_path: model\nflavors:\n  pytorch:\n    pytorch_version: 2.3.0\n',
    );
    await uploadArtifact(server, parent, 'metrics.json', '{"best_epoch": 42, "val": {"acc": 0.91}}');
    await uploadArtifact(
      server,
      parent,
      'predictions.csv',
      'id,label,score\n1,cat,0.93\n2,"dog, big",0.71\n',
    );
    await uploadArtifact(server, parent, 'logs/train.log', 'epoch 1 loss 1.9\nepoch 2 loss 1.2\n');
    await uploadArtifact(server, parent, 'plots/confusion.png', redSquarePng());
    ({ page, pageErrors } = await openPage(browser));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const runUrl = (tab = '') => `${server.uiUrl}/experiments/${experimentId}/runs/${parent.run_id}${tab}`;

  it('shows the overview: status, user, source, duration and child runs', async () => {
    await page.goto(runUrl());
    const details = page.getByTestId('run-details');
    await details.waitFor();
    const text = await details.textContent();
    for (const part of ['FINISHED', parent.run_id, 'alice', 'train.py', '42.0 s'])
      expect(text).toContain(part);
    await page.getByRole('link', { name: 'fold-1' }).waitFor();
    await screenshot(page, 'run-overview');
    await page.getByRole('link', { name: 'fold-1' }).click();
    await page.waitForURL(new RegExp(`/runs/${child.run_id}$`));
    await page.getByRole('link', { name: parent.run_id }).waitFor();
    await page.goBack();
    await page.waitForURL(new RegExp(`/runs/${parent.run_id}$`));
  });

  it('lists metrics with sparklines drawn from the history', async () => {
    await page.goto(runUrl('/metrics'));
    await page.locator('.sparkline polyline').first().waitFor();
    expect(await page.locator('.sparkline polyline').count()).toBe(2);
    const points = await page.locator('.sparkline polyline').first().getAttribute('points');
    expect(points?.split(' ').length).toBeGreaterThan(20);
    await screenshot(page, 'run-metrics');
  });

  it('lists params and finds one by search', async () => {
    await page.goto(runUrl('/params'));
    await page.getByTestId('params-list').waitFor();
    await page.getByLabel('Search keys').fill('batch');
    await expect.poll(() => page.locator('.vlist-row').allTextContents()).toEqual(['batch_size64']);
    await screenshot(page, 'run-params');
  });

  it('adds, edits and deletes a tag', async () => {
    await page.goto(runUrl('/tags'));
    await page.getByLabel('New tag key').fill('stage');
    await page.getByLabel('New tag value').fill('candidate');
    await page.getByRole('button', { name: 'Add tag' }).click();
    const row = page.locator('.vlist-row', { hasText: 'stage' });
    await row.waitFor();
    await row.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Value of stage').fill('production');
    await page.getByLabel('Value of stage').press('Enter');
    await expect.poll(() => row.textContent()).toContain('production');
    const tags = await server.rest.call(trackingEndpoints.getRun, { run_id: parent.run_id });
    expect(tags.run.data.tags?.find((t) => t.key === 'stage')?.value).toBe('production');
    await screenshot(page, 'run-tags');
    await page.locator('.vlist-row', { hasText: 'owner' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.locator('.vlist-row', { hasText: 'owner' }).count()).toBe(0);
  });

  it('shows the datasets the run used', async () => {
    await page.goto(runUrl('/datasets'));
    const list = page.getByTestId('datasets-list');
    await list.waitFor();
    expect(await list.textContent()).toContain('imagenet-mini');
    await list.locator('summary').first().click();
    expect(await list.textContent()).toContain('mlflow_colspec');
    await screenshot(page, 'run-datasets');
  });

  it('browses artifacts with previews of YAML, JSON, CSV, logs and images, and downloads', async () => {
    await page.goto(runUrl('/artifacts'));
    await page.getByTestId('artifact-browser').waitFor();
    await page.getByRole('button', { name: 'metrics.json' }).click();
    await page.waitForURL(/path=metrics.json/);
    await expect.poll(() => page.locator('.preview-pre').textContent()).toContain('"best_epoch": 42');

    await page.getByRole('button', { name: 'predictions.csv' }).click();
    const table = page.getByTestId('csv-table');
    await table.waitFor();
    expect(await table.locator('td').allTextContents()).toEqual([
      '1',
      'cat',
      '0.93',
      '2',
      'dog, big',
      '0.71',
    ]);
    await screenshot(page, 'run-artifacts-csv');

    await page.getByRole('button', { name: 'model', exact: true }).click();
    await page.getByRole('button', { name: 'MLmodel' }).click();
    await expect.poll(() => page.locator('.preview-yaml').textContent()).toContain('pytorch_version: 2.3.0');

    await page.getByRole('button', { name: 'plots', exact: true }).click();
    await page.getByRole('button', { name: 'confusion.png' }).click();
    const img = page.locator('.preview-image');
    await img.waitFor();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(8);
    await screenshot(page, 'run-artifacts-image');

    // A deep link straight to a nested file opens its folder and previews it.
    await page.goto(runUrl('/artifacts?path=logs%2Ftrain.log'));
    await expect.poll(() => page.locator('.preview-pre').textContent()).toContain('epoch 2 loss 1.2');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download' }).click();
    expect((await download).suggestedFilename()).toBe('train.log');
    expect(pageErrors).toEqual([]);
  });

  it('shows an empty artifact state for a run without files', async () => {
    await page.goto(`${server.uiUrl}/experiments/${experimentId}/runs/${child.run_id}/artifacts`);
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId('empty-state').textContent()).toContain('No artifacts');
  });

  it('stays fast with thousands of metric and param keys (only visible rows and columns in the DOM)', async () => {
    const wideExperiment = await createExperiment(server, 'wide');
    const wide = await createRun(server, wideExperiment, {
      name: 'wide-run',
      metrics: Object.fromEntries(
        Array.from({ length: 3000 }, (_, i) => [`m_${String(i).padStart(4, '0')}`, [i]]),
      ),
      params: Object.fromEntries(
        Array.from({ length: 2000 }, (_, i) => [`p_${String(i).padStart(4, '0')}`, `${i}`]),
      ),
    });
    await page.goto(`${server.uiUrl}/experiments/${wideExperiment}/runs/${wide.run_id}/metrics`);
    await page.locator('.vlist-row').first().waitFor();
    expect(await page.locator('.vlist-row').count()).toBeLessThan(60);
    await page.getByLabel('Search keys').fill('m_2999');
    await expect
      .poll(() => page.locator('.vlist-row').allTextContents())
      .toEqual([expect.stringContaining('m_2999')]);

    const started = Date.now();
    await page.goto(`${server.uiUrl}/experiments/${wideExperiment}`);
    await page.getByTestId('run-row').first().waitFor();
    expect(Date.now() - started).toBeLessThan(10_000);
    // 5,000 data columns exist; only the ones in view are rendered.
    expect(await page.locator('.rt-hcell').count()).toBeLessThan(40);
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByText('2,800 more').waitFor();
    await screenshot(page, 'runs-table-wide');
  });

  it("shows the server's error for a run that does not exist", async () => {
    await page.goto(`${server.uiUrl}/experiments/${experimentId}/runs/0123456789abcdef`);
    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('RESOURCE_DOES_NOT_EXIST');
    expect(await banner.textContent()).toContain('Run with id=0123456789abcdef not found');
    await screenshot(page, 'run-not-found');
  });
});

// Trains a tiny tfjs model (y = 2x + 1) against a real mlflow-ts server: metrics, params, checkpoints, tags, reload.
import * as tf from '@tensorflow/tfjs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadCheckpointArtifact, LATEST_CHECKPOINT_ARTIFACT_TAG_KEY } from '../../src/callbacks/index.js';
import {
  loadTfjsCheckpoint,
  MlflowTfjsCallback,
  MlflowTfjsCheckpointCallback,
} from '../../src/callbacks/tfjs/index.js';
import * as mlflow from '../../src/node/index.js';
import { HttpTrackingPort } from './http-tracking-port.js';
import { startMlflowTsServer, type RunningServer } from './mlflow-ts-server.js';

let server: RunningServer;
let port: HttpTrackingPort;

beforeAll(async () => {
  await tf.setBackend('cpu');
  server = await startMlflowTsServer();
  port = new HttpTrackingPort(server.url);
});
afterAll(async () => server?.stop());

/** 8 training points of y = 2x + 1 (4 batches of 2) and 2 validation points. */
const xs = tf.tensor2d([[0], [1], [2], [3], [4], [5], [6], [7]]).div(8);
const ys = xs.mul(2).add(1);
const valXs = tf.tensor2d([[0.3], [0.6]]);
const valYs = valXs.mul(2).add(1);

function newModel(): tf.Sequential {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
  model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
  return model;
}

async function history(runId: string, key: string): Promise<{ step: number; value: number }[]> {
  const body = await port.api<{ metrics?: { step: number; value: number }[] }>('GET', 'metrics/get-history', {
    run_id: runId,
    metric_key: key,
  });
  return (body.metrics ?? []).map((m) => ({ step: m.step, value: m.value })).sort((a, b) => a.step - b.step);
}

function predict(model: tf.LayersModel, x: number[]): number[] {
  return Array.from((model.predict(tf.tensor2d(x.map((v) => [v]))) as tf.Tensor).dataSync());
}

describe('tfjs training logged to mlflow-ts', () => {
  it('per-epoch metrics, optimizer params, summary, and a checkpoint per epoch that reloads', async () => {
    const runId = await port.createRun();
    const model = newModel();
    const warnings: string[] = [];
    const onWarning = (m: string): number => warnings.push(m);
    const metricsCb = new MlflowTfjsCallback({ model, client: port, runId, onWarning });
    const checkpointCb = new MlflowTfjsCheckpointCallback({
      tf,
      model,
      client: port,
      runId,
      saveBestOnly: false,
      onWarning,
    });
    const fit = await model.fit(xs, ys, {
      epochs: 3,
      batchSize: 2,
      shuffle: false,
      validationData: [valXs, valYs],
      callbacks: [metricsCb, checkpointCb],
    });
    expect(warnings).toEqual([]);

    const loss = await history(runId, 'loss');
    expect(loss.map((m) => m.step)).toEqual([0, 1, 2]);
    expect(loss.map((m) => m.value)).toEqual(fit.history.loss?.map(Number));
    expect((await history(runId, 'val_loss')).map((m) => m.step)).toEqual([0, 1, 2]);

    const run = await port.runJson(runId);
    expect(run.data).toMatchObject({ params: [{ key: 'opt_learningRate', value: '0.1' }] });
    const tags = (await port.getRun(runId)).tags;
    expect(tags[LATEST_CHECKPOINT_ARTIFACT_TAG_KEY]).toBe('checkpoints/epoch_2/checkpoint.tfjs');

    const files = await port.listFiles(runId);
    expect(files).toEqual([
      ...[0, 1, 2].flatMap((e) => [
        `checkpoints/epoch_${e}/checkpoint.tfjs/model.json`,
        `checkpoints/epoch_${e}/checkpoint.tfjs/weights.bin`,
        `checkpoints/epoch_${e}/checkpoint_metrics.json`,
      ]),
      'model_summary.txt',
    ]);
    expect((await port.readArtifact(runId, 'model_summary.txt')).toString()).toMatch(
      /dense_Dense\d+ \(Dense\)/,
    );
    const metricsJson = JSON.parse(
      (await port.readArtifact(runId, 'checkpoints/epoch_1/checkpoint_metrics.json')).toString(),
    ) as Record<string, number>;
    expect(metricsJson).toEqual({
      val_loss: fit.history.val_loss?.[1],
      loss: fit.history.loss?.[1],
      epoch: 1,
      global_step: 8,
    });

    // The latest checkpoint reloads into a model predicting exactly as the trained one.
    const latest = await downloadCheckpointArtifact({ runId }, { client: port });
    expect(path.basename(latest)).toBe('checkpoint.tfjs');
    expect((await readdir(latest)).sort()).toEqual(['model.json', 'weights.bin']);
    const reloaded = await loadTfjsCheckpoint(tf, latest);
    expect(predict(reloaded, [0.5, 10])).toEqual(predict(model, [0.5, 10]));
    const modelJson = JSON.parse(await readFile(path.join(latest, 'model.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(Object.keys(modelJson)).toEqual(
      expect.arrayContaining(['modelTopology', 'weightsManifest', 'format', 'generatedBy', 'trainingConfig']),
    );

    // tfjs's own loader reads the directory too (model.json resolving ./weights.bin), as it would over file:// or http.
    const fetchFunc = async (url: string | URL | Request): Promise<Response> =>
      new Response(await readFile(path.join(latest, new URL(String(url)).pathname.slice(1))));
    const viaTfjs = await tf.loadLayersModel(tf.io.http('http://checkpoint/model.json', { fetchFunc }));
    expect(predict(viaTfjs, [0.5, 10])).toEqual(predict(model, [0.5, 10]));

    // An earlier epoch is another model: its weights differ from the final ones.
    const first = await loadTfjsCheckpoint(
      tf,
      await downloadCheckpointArtifact({ runId, epoch: 0 }, { client: port }),
    );
    expect(predict(first, [10])).not.toEqual(predict(model, [10]));
  });

  it('save_best_only (monitor loss, min) keeps the best epoch in latest_checkpoint.tfjs', async () => {
    const runId = await port.createRun();
    const model = newModel();
    const checkpointCb = new MlflowTfjsCheckpointCallback({
      tf,
      model,
      client: port,
      runId,
      monitor: 'loss',
    });
    const fit = await model.fit(xs, ys, {
      epochs: 4,
      batchSize: 2,
      shuffle: false,
      callbacks: [checkpointCb],
    });
    const losses = (fit.history.loss ?? []).map(Number);
    const best = Math.min(...losses);
    expect(checkpointCb.lastMonitorValue).toBe(best);
    expect((await port.getRun(runId)).tags[LATEST_CHECKPOINT_ARTIFACT_TAG_KEY]).toBe(
      'checkpoints/latest_checkpoint.tfjs',
    );
    expect(await port.listFiles(runId)).toEqual([
      'checkpoints/latest_checkpoint.tfjs/model.json',
      'checkpoints/latest_checkpoint.tfjs/weights.bin',
      'checkpoints/latest_checkpoint_metrics.json',
    ]);
    const saved = JSON.parse(
      (await port.readArtifact(runId, 'checkpoints/latest_checkpoint_metrics.json')).toString(),
    ) as Record<string, number>;
    expect(saved).toEqual({
      loss: best,
      epoch: losses.indexOf(best),
      global_step: 4 * (losses.indexOf(best) + 1),
    });
  });

  it('the default monitor val_loss is missing without validation data: nothing saved, a warning per epoch', async () => {
    const runId = await port.createRun();
    const model = newModel();
    const warnings: string[] = [];
    const checkpointCb = new MlflowTfjsCheckpointCallback({
      tf,
      model,
      client: port,
      runId,
      onWarning: (m) => warnings.push(m),
    });
    await model.fit(xs, ys, { epochs: 2, batchSize: 4, callbacks: [checkpointCb] });
    expect(warnings).toHaveLength(2);
    expect(await port.listFiles(runId)).toEqual([]);
  });

  it('every 3 batches, weights only: checkpoints/global_step_N/checkpoint.weights.tfjs; batch metrics every 2 steps', async () => {
    const runId = await port.createRun();
    const model = newModel();
    const metricsCb = new MlflowTfjsCallback({
      model,
      client: port,
      runId,
      logEveryEpoch: false,
      logEveryNSteps: 2,
    });
    const checkpointCb = new MlflowTfjsCheckpointCallback({
      tf,
      model,
      client: port,
      runId,
      saveBestOnly: false,
      saveWeightsOnly: true,
      saveFreq: 3,
    });
    await model.fit(xs, ys, {
      epochs: 3,
      batchSize: 2,
      shuffle: false,
      callbacks: [metricsCb, checkpointCb],
    });

    // 4 batches per epoch, 12 steps: batch metrics at steps 2, 4, …, 12 and no epoch metrics.
    expect((await history(runId, 'loss')).map((m) => m.step)).toEqual([2, 4, 6, 8, 10, 12]);
    expect(await history(runId, 'batch')).toEqual([]);
    const files = await port.listFiles(runId, 'checkpoints');
    expect(files).toEqual(
      [3, 6, 9, 12]
        .flatMap((s) => [
          `checkpoints/global_step_${s}/checkpoint.weights.tfjs/weights.bin`,
          `checkpoints/global_step_${s}/checkpoint.weights.tfjs/weights.json`,
          `checkpoints/global_step_${s}/checkpoint_metrics.json`,
        ])
        .sort(),
    );
    const metricsJson = JSON.parse(
      (await port.readArtifact(runId, 'checkpoints/global_step_6/checkpoint_metrics.json')).toString(),
    ) as Record<string, number>;
    expect(Object.keys(metricsJson)).toEqual(['loss', 'epoch', 'global_step']);
    expect(metricsJson).toMatchObject({ epoch: 1, global_step: 6 });
    expect((await port.getRun(runId)).tags[LATEST_CHECKPOINT_ARTIFACT_TAG_KEY]).toBe(
      'checkpoints/global_step_12/checkpoint.weights.tfjs',
    );

    // Weights only: loading needs a model of the same shape, and gives the trained predictions.
    const dir = await downloadCheckpointArtifact({ runId, globalStep: 12 }, { client: port });
    await expect(loadTfjsCheckpoint(tf, dir)).rejects.toThrow(/weights only/);
    const fresh = await loadTfjsCheckpoint(tf, dir, newModel());
    expect(predict(fresh, [0.25, 3])).toEqual(predict(model, [0.25, 3]));
  });

  it('through the fluent API: the active run and the fluent MlflowClient, no client or run id passed', async () => {
    mlflow.resetFluentState();
    mlflow.setTrackingUri(server.url);
    const run = await mlflow.startRun({ runName: 'tfjs-fluent' });
    try {
      const model = newModel();
      const callbacks = [
        new MlflowTfjsCallback({ model }),
        new MlflowTfjsCheckpointCallback({ tf, model, monitor: 'loss', saveBestOnly: false }),
      ];
      await model.fit(xs, ys, { epochs: 2, batchSize: 4, shuffle: false, callbacks });
      const dir = await downloadCheckpointArtifact({ epoch: 1 });
      expect(predict(await loadTfjsCheckpoint(tf, dir), [2])).toEqual(predict(model, [2]));
      await expect(downloadCheckpointArtifact({ epoch: 1, globalStep: 4 })).rejects.toThrow(
        "Only one of 'epoch' and 'global_step' can be set for 'load_checkpoint'.",
      );
    } finally {
      await mlflow.endRun();
    }
    const runId = run.runId;
    expect((await history(runId, 'loss')).map((m) => m.step)).toEqual([0, 1]);
    expect((await port.getRun(runId)).tags[LATEST_CHECKPOINT_ARTIFACT_TAG_KEY]).toBe(
      'checkpoints/epoch_1/checkpoint.tfjs',
    );
    expect(await port.listFiles(runId, 'checkpoints/epoch_0')).toEqual([
      'checkpoints/epoch_0/checkpoint.tfjs/model.json',
      'checkpoints/epoch_0/checkpoint.tfjs/weights.bin',
      'checkpoints/epoch_0/checkpoint_metrics.json',
    ]);
    // Without an active run, the fluent default has nothing to download from (MLflow's message).
    await expect(downloadCheckpointArtifact({})).rejects.toThrow(
      "There is no active run, please provide the 'run_id' argument for 'load_checkpoint' invocation.",
    );
    expect(() => new MlflowTfjsCallback({ model: newModel() })).toThrow(/No run to log to/);
  });
});

// The tfjs callbacks without a server: option checks, step counting, and errors reported instead of stopping training.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MlflowTfjsCallback,
  MlflowTfjsCheckpointCallback,
  metricLogs,
} from '../../src/callbacks/tfjs/index.js';
import { RecordingPort } from './recording-port.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function newModel(): tf.Sequential {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  return model;
}

describe('MlflowTfjsCallback options (MLflow Keras callback messages)', () => {
  it('logEveryNSteps with logEveryEpoch', () => {
    expect(
      () =>
        new MlflowTfjsCallback({
          model: newModel(),
          client: new RecordingPort(),
          runId: 'r',
          logEveryNSteps: 5,
        }),
    ).toThrow(
      '`log_every_n_steps` must be None if `log_every_epoch=True`, received `log_every_epoch=True` and `log_every_n_steps=5`.',
    );
  });

  it('neither epoch nor step logging', () => {
    expect(
      () =>
        new MlflowTfjsCallback({
          model: newModel(),
          client: new RecordingPort(),
          runId: 'r',
          logEveryEpoch: false,
        }),
    ).toThrow(
      '`log_every_n_steps` must be specified if `log_every_epoch=False`, received `log_every_epoch=False` and `log_every_n_steps=None`.',
    );
  });
});

describe('MlflowTfjsCheckpointCallback', () => {
  it("MLflow's Keras defaults: val_loss, min, best only, full model, per epoch", () => {
    const cb = new MlflowTfjsCheckpointCallback({
      tf,
      model: newModel(),
      client: new RecordingPort(),
      runId: 'r',
    });
    expect([
      cb.monitor,
      cb.mode,
      cb.saveBestOnly,
      cb.saveWeightsOnly,
      cb.saveFreq,
      cb.checkpointFileSuffix,
    ]).toEqual(['val_loss', 'min', true, false, 'epoch', '.tfjs']);
  });

  it('base validation applies (monitor null with best only)', () => {
    expect(
      () =>
        new MlflowTfjsCheckpointCallback({
          tf,
          model: newModel(),
          client: new RecordingPort(),
          runId: 'r',
          monitor: null,
        }),
    ).toThrow(
      "If checkpoint 'save_best_only' config is set to True, you need to set 'monitor' config as well.",
    );
  });

  it('counts global steps as Keras does, also when batch indices jump (several steps per call)', async () => {
    const port = new RecordingPort();
    const cb = new MlflowTfjsCheckpointCallback({
      tf,
      model: newModel(),
      client: port,
      runId: 'r',
      saveBestOnly: false,
      saveFreq: 4,
    });
    // Epoch 0: batches 0..2 (3 steps); epoch 1: indices 1, 3, 5 reported (6 steps).
    await cb.onEpochBegin(0);
    for (const b of [0, 1, 2]) await cb.onBatchEnd(b, { batch: b, size: 2, loss: 1 });
    expect(cb.globalStep).toBe(3);
    await cb.onEpochBegin(1);
    for (const b of [1, 3, 5]) await cb.onBatchEnd(b, { batch: b, size: 2, loss: 0.5 });
    expect(cb.globalStep).toBe(9);
    // Saved when ≥ 4 steps passed since the last save: at steps 5 (epoch 1) and 9.
    expect(port.calls.filter((c) => c.op === 'setTag').map((c) => (c as { value: string }).value)).toEqual([
      'checkpoints/global_step_5/checkpoint.tfjs',
      'checkpoints/global_step_9/checkpoint.tfjs',
    ]);
    // The metrics file has no batch/size bookkeeping.
    expect(JSON.parse(port.files.get('checkpoints/global_step_9/checkpoint_metrics.json') ?? '')).toEqual({
      loss: 0.5,
      epoch: 1,
      global_step: 9,
    });
    // Per-epoch saving is off with an integer save frequency.
    await cb.onEpochEnd(1, { loss: 0.5 });
    expect(port.ops().filter((o) => o === 'setTag')).toHaveLength(2);
  });

  it('a failing server is reported through onWarning and training completes', async () => {
    const port = new RecordingPort();
    port.failWith = new Error('connection refused');
    const warnings: string[] = [];
    const model = newModel();
    const onWarning = (m: string): number => warnings.push(m);
    const callbacks = [
      new MlflowTfjsCallback({ model, client: port, runId: 'r', onWarning }),
      new MlflowTfjsCheckpointCallback({
        tf,
        model,
        client: port,
        runId: 'r',
        saveBestOnly: false,
        onWarning,
      }),
    ];
    const xs = tf.tensor2d([[1], [2]]);
    const fit = await model.fit(xs, xs, { epochs: 2, callbacks });
    expect(fit.epoch).toEqual([0, 1]);
    // Train begin (params + summary), then per epoch: metrics and checkpoint.
    expect(warnings).toHaveLength(5);
    expect(warnings.every((w) => w.includes('connection refused'))).toBe(true);
  });

  it('logs optimizer config as opt_ params (non-strings as JSON) and batch metrics without bookkeeping', async () => {
    const port = new RecordingPort();
    const model = newModel();
    const cb = new MlflowTfjsCallback({
      model,
      client: port,
      runId: 'r',
      logEveryEpoch: false,
      logEveryNSteps: 1,
    });
    await cb.onTrainBegin();
    const params = port.calls.find((c) => c.op === 'logParams');
    expect(params).toMatchObject({
      params: { opt_learningRate: '0.01', opt_beta1: '0.9', opt_beta2: '0.999' },
    });
    expect(port.files.get('model_summary.txt')).toMatch(/Total params: 2/);
    await cb.onBatchEnd(0, { batch: 0, size: 2, loss: 3 });
    await cb.onEpochEnd(0, { loss: 3 });
    const logged = port.calls.filter((c) => c.op === 'logMetrics');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ metrics: [{ key: 'loss', value: 3, step: 1 }] });
  });
});

describe('metricLogs', () => {
  it('drops batch and size from batch logs only', () => {
    expect(metricLogs({ batch: 1, size: 2, loss: 3 }, true)).toEqual({ loss: 3 });
    expect(metricLogs({ batch: 1, size: 2, loss: 3 }, false)).toEqual({ batch: 1, size: 2, loss: 3 });
    expect(metricLogs(undefined, true)).toEqual({});
  });
});

// Every branch of the checkpoint core: option validation, best-only comparison, artifact layout, metrics JSON, tag.
import { writeFile } from 'node:fs/promises';
import { MlflowError } from '@mlflow-ts/protocol';
import { describe, expect, it } from 'vitest';
import {
  LATEST_CHECKPOINT_ARTIFACT_TAG_KEY,
  ModelCheckpointCallbackBase,
  type CheckpointCallbackConfig,
} from '../../src/callbacks/index.js';
import { RecordingPort } from './recording-port.js';

/** Saves a file whose content names the save, so tests can see which save landed where. */
class TextCheckpoint extends ModelCheckpointCallbackBase {
  saves = 0;
  override async saveCheckpoint(filepath: string): Promise<void> {
    this.saves += 1;
    await writeFile(filepath, `model #${this.saves}`);
  }
}

function make(overrides: Partial<CheckpointCallbackConfig> = {}): {
  cb: TextCheckpoint;
  port: RecordingPort;
  warnings: string[];
} {
  const port = new RecordingPort();
  const warnings: string[] = [];
  const cb = new TextCheckpoint({
    client: port,
    runId: 'r1',
    checkpointFileSuffix: '.txt',
    monitor: 'val_loss',
    mode: 'min',
    saveBestOnly: true,
    saveWeightsOnly: false,
    saveFreq: 'epoch',
    onWarning: (m) => warnings.push(m),
    ...overrides,
  });
  return { cb, port, warnings };
}

describe('option validation (MLflow raises MlflowException with these messages)', () => {
  const monitorMessage =
    "If checkpoint 'save_best_only' config is set to True, you need to set 'monitor' config as well.";
  it.each([null, undefined])('save_best_only without a monitor (%s)', (monitor) => {
    const error = (() => {
      try {
        make({ monitor });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(MlflowError);
    expect((error as MlflowError).message).toBe(monitorMessage);
    expect((error as MlflowError).code).toBe('INTERNAL_ERROR');
  });

  it.each(['avg', '', 'MIN'])("save_best_only with mode '%s'", (mode) => {
    expect(() => make({ mode })).toThrow(
      new MlflowError(
        'INTERNAL_ERROR',
        "If checkpoint 'save_best_only' config is set to True, you need to set 'mode' config and available " +
          `modes includes 'min' and 'max', but you set 'mode' to '${mode}'.`,
      ),
    );
  });

  it('the monitor is checked before the mode', () => {
    expect(() => make({ monitor: null, mode: 'avg' })).toThrow(/'monitor' config as well/);
  });

  it('without save_best_only, monitor and mode are not checked', () => {
    expect(() => make({ saveBestOnly: false, monitor: null, mode: 'whatever' })).not.toThrow();
  });
});

describe('save_best_only', () => {
  it('mode min: saves the first, skips worse or equal, overwrites latest_ on better', async () => {
    const { cb, port } = make();
    expect(await cb.checkAndSaveCheckpointIfNeeded(0, 4, { loss: 1, val_loss: 0.5 })).toBe(true);
    expect(port.ops()).toEqual(['setTag', 'logArtifact', 'logArtifact']);
    expect(port.tags[LATEST_CHECKPOINT_ARTIFACT_TAG_KEY]).toBe('checkpoints/latest_checkpoint.txt');
    expect([...port.files.keys()].sort()).toEqual([
      'checkpoints/latest_checkpoint.txt',
      'checkpoints/latest_checkpoint_metrics.json',
    ]);
    expect(port.files.get('checkpoints/latest_checkpoint.txt')).toBe('model #1');
    expect(port.files.get('checkpoints/latest_checkpoint_metrics.json')).toBe(
      '{\n  "loss": 1.0,\n  "val_loss": 0.5,\n  "epoch": 0,\n  "global_step": 4\n}',
    );

    expect(await cb.checkAndSaveCheckpointIfNeeded(1, 8, { val_loss: 0.7 })).toBe(false);
    expect(await cb.checkAndSaveCheckpointIfNeeded(2, 12, { val_loss: 0.5 })).toBe(false);
    expect(cb.saves).toBe(1);
    expect(cb.lastMonitorValue).toBe(0.5);

    expect(await cb.checkAndSaveCheckpointIfNeeded(3, 16, { val_loss: 0.25 })).toBe(true);
    expect(cb.lastMonitorValue).toBe(0.25);
    expect(port.files.get('checkpoints/latest_checkpoint.txt')).toBe('model #2');
    expect(JSON.parse(port.files.get('checkpoints/latest_checkpoint_metrics.json') ?? '')).toEqual({
      val_loss: 0.25,
      epoch: 3,
      global_step: 16,
    });
  });

  it('mode max keeps the highest value', async () => {
    const { cb } = make({ monitor: 'acc', mode: 'max' });
    expect(await cb.checkAndSaveCheckpointIfNeeded(0, 1, { acc: 0.5 })).toBe(true);
    expect(await cb.checkAndSaveCheckpointIfNeeded(1, 2, { acc: 0.4 })).toBe(false);
    expect(await cb.checkAndSaveCheckpointIfNeeded(2, 3, { acc: 0.5 })).toBe(false);
    expect(await cb.checkAndSaveCheckpointIfNeeded(3, 4, { acc: 0.9 })).toBe(true);
    expect(cb.lastMonitorValue).toBe(0.9);
  });

  it('a missing monitored metric skips with a warning and keeps the best value', async () => {
    const { cb, port, warnings } = make();
    await cb.checkAndSaveCheckpointIfNeeded(0, 1, { val_loss: 2 });
    port.calls = [];
    expect(await cb.checkAndSaveCheckpointIfNeeded(1, 2, { loss: 0.1 })).toBe(false);
    expect(port.calls).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/skipped.*'val_loss'/);
    expect(cb.lastMonitorValue).toBe(2);
  });

  it('weights only: latest_checkpoint.weights<suffix>', async () => {
    const { cb, port } = make({ saveWeightsOnly: true });
    await cb.checkAndSaveCheckpointIfNeeded(0, 1, { val_loss: 1 });
    expect(port.tags[LATEST_CHECKPOINT_ARTIFACT_TAG_KEY]).toBe('checkpoints/latest_checkpoint.weights.txt');
    expect(port.files.has('checkpoints/latest_checkpoint_metrics.json')).toBe(true);
  });

  it('ignores save_freq for the layout', async () => {
    const { cb, port } = make({ saveFreq: 3 });
    await cb.checkAndSaveCheckpointIfNeeded(0, 3, { val_loss: 1 });
    expect(port.tags[LATEST_CHECKPOINT_ARTIFACT_TAG_KEY]).toBe('checkpoints/latest_checkpoint.txt');
  });
});

describe('every checkpoint kept (save_best_only false)', () => {
  it("save_freq 'epoch': checkpoints/epoch_N/, no comparison", async () => {
    const { cb, port } = make({ saveBestOnly: false });
    expect(await cb.checkAndSaveCheckpointIfNeeded(0, 5, { val_loss: 1 })).toBe(true);
    expect(await cb.checkAndSaveCheckpointIfNeeded(1, 10, { val_loss: 2 })).toBe(true);
    expect(await cb.checkAndSaveCheckpointIfNeeded(2, 15, {})).toBe(true);
    expect([...port.files.keys()].sort()).toEqual([
      'checkpoints/epoch_0/checkpoint.txt',
      'checkpoints/epoch_0/checkpoint_metrics.json',
      'checkpoints/epoch_1/checkpoint.txt',
      'checkpoints/epoch_1/checkpoint_metrics.json',
      'checkpoints/epoch_2/checkpoint.txt',
      'checkpoints/epoch_2/checkpoint_metrics.json',
    ]);
    expect(port.tags[LATEST_CHECKPOINT_ARTIFACT_TAG_KEY]).toBe('checkpoints/epoch_2/checkpoint.txt');
    expect(JSON.parse(port.files.get('checkpoints/epoch_1/checkpoint_metrics.json') ?? '')).toEqual({
      val_loss: 2,
      epoch: 1,
      global_step: 10,
    });
    expect(cb.lastMonitorValue).toBeNull();
  });

  it('integer save_freq: checkpoints/global_step_N/', async () => {
    const { cb, port } = make({ saveBestOnly: false, saveFreq: 4 });
    await cb.checkAndSaveCheckpointIfNeeded(1, 8, { loss: 1 });
    expect(port.tags[LATEST_CHECKPOINT_ARTIFACT_TAG_KEY]).toBe('checkpoints/global_step_8/checkpoint.txt');
    expect(port.files.has('checkpoints/global_step_8/checkpoint_metrics.json')).toBe(true);
  });

  it('weights only: checkpoint.weights<suffix>', async () => {
    const { cb, port } = make({ saveBestOnly: false, saveWeightsOnly: true, saveFreq: 2 });
    await cb.checkAndSaveCheckpointIfNeeded(0, 2, { loss: 1 });
    expect(port.tags[LATEST_CHECKPOINT_ARTIFACT_TAG_KEY]).toBe(
      'checkpoints/global_step_2/checkpoint.weights.txt',
    );
  });

  it('an empty suffix names the model plainly', async () => {
    const { cb, port } = make({ saveBestOnly: false, checkpointFileSuffix: '' });
    await cb.checkAndSaveCheckpointIfNeeded(7, 70, {});
    expect(port.files.get('checkpoints/epoch_7/checkpoint')).toBe('model #1');
  });
});

describe('metrics JSON and errors', () => {
  it('epoch and global_step given by the trainer win over same-named metrics, keeping their position', async () => {
    const { cb, port } = make({ saveBestOnly: false });
    await cb.checkAndSaveCheckpointIfNeeded(3, 30, { epoch: 99, loss: 1, global_step: 5 });
    expect(port.files.get('checkpoints/epoch_3/checkpoint_metrics.json')).toBe(
      '{\n  "epoch": 3,\n  "loss": 1.0,\n  "global_step": 30\n}',
    );
  });

  it('logs the tag, then the metrics, then the model (MLflow order); a client error propagates', async () => {
    const { cb, port } = make({ saveBestOnly: false });
    await cb.checkAndSaveCheckpointIfNeeded(0, 1, {});
    expect(port.calls).toEqual([
      { op: 'setTag', key: LATEST_CHECKPOINT_ARTIFACT_TAG_KEY, value: 'checkpoints/epoch_0/checkpoint.txt' },
      { op: 'logArtifact', name: 'checkpoint_metrics.json', artifactPath: 'checkpoints/epoch_0' },
      { op: 'logArtifact', name: 'checkpoint.txt', artifactPath: 'checkpoints/epoch_0' },
    ]);
    port.failWith = new Error('server down');
    await expect(cb.checkAndSaveCheckpointIfNeeded(1, 2, {})).rejects.toThrow('server down');
  });
});
